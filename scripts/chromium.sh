#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/e2e/web): installed with apt when
# /usr/bin/chromium is missing. Needs root (CI containers run as root). Playwright's own
# browser download (`playwright install`) is never used.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "chromium.sh: /usr/bin/chromium is missing; run as root to install it with apt" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium
echo "chromium: $(/usr/bin/chromium --version)"
