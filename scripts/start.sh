#!/usr/bin/env bash
# Installs govops into .venv and runs the main job: for now the demonstration that grades
# the county mass-incident pack's sample incidents and prints each decision explained.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
exec .venv/bin/govops demo "$@"
