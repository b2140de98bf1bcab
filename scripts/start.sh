#!/usr/bin/env bash
# Installs govops into .venv and runs the main job: `govops serve --demo`, the incident
# pages and API on an SQLite file (./govops.db), with demonstration incidents.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
# The versions the tests passed with, checked against their hashes (scripts/lock.sh).
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes \
    -r requirements/runtime.lock
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
    --no-build-isolation -e .
exec .venv/bin/govops serve --demo "$@"
