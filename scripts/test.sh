#!/usr/bin/env bash
# Installs govops with its development tools into .venv, then runs every check:
# lint, format, types (strict on the core), layer contracts, and the test suite.
# The storage tests run on SQLite, and on PostgreSQL too when GOVOPS_TEST_POSTGRES_URL
# names a database; in CI (CI=true), or with GOVOPS_TEST_WITH_POSTGRES=1, a throwaway
# server is installed if need be, started (scripts/postgres.sh) and stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
# The versions locked with their hashes (scripts/lock.sh), then govops itself.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes \
    -r requirements/dev.lock
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
    --no-build-isolation -e '.[dev]'
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/lint-imports
if [[ -z "${GOVOPS_TEST_POSTGRES_URL:-}" && ("${CI:-}" == true || "${GOVOPS_TEST_WITH_POSTGRES:-}" == 1) ]]; then
    postgres_dir="$(mktemp -d /tmp/govops-postgres.XXXXXX)"
    trap 'bash scripts/postgres.sh stop "$postgres_dir"' EXIT
    GOVOPS_TEST_POSTGRES_URL="$(bash scripts/postgres.sh start "$postgres_dir")"
    export GOVOPS_TEST_POSTGRES_URL
fi
# The browser tests drive Debian's Chromium; in CI it is installed if missing.
if [[ "${CI:-}" == true ]]; then bash scripts/chromium.sh; fi
.venv/bin/pytest "$@"
