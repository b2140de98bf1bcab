#!/usr/bin/env bash
# Refreshes the lock files from the ranges in pyproject.toml (run it after changing a
# dependency, then run the tests): requirements/runtime.lock for `govops serve`
# (scripts/start.sh) and requirements/dev.lock for the tests (scripts/test.sh), every
# version pinned with the hashes of its files, for Python 3.11 on any platform. It uses uv,
# installed for the occasion in a throwaway environment (it is not a dependency of govops).
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$(mktemp -d /tmp/govops-lock.XXXXXX)"
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools"
"$tools/bin/python" -m pip install --quiet --disable-pip-version-check "uv>=0.5"
# The build backend is pinned too: both scripts install the project without build isolation.
printf 'setuptools>=77\n' > "$tools/build.in"
compile() {
    "$tools/bin/uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
        --no-header --custom-compile-command "bash scripts/lock.sh" "$@"
}
compile pyproject.toml "$tools/build.in" -o requirements/runtime.lock
compile pyproject.toml "$tools/build.in" --extra dev -o requirements/dev.lock
