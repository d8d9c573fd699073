#!/usr/bin/env bash
# Installs the test dependencies and runs the whole test suite (the README's second command), in the repository's
# virtual environment .venv (scripts/venv.sh: created with the python3 first on PATH, or $PYTHON).
# As root it also installs Debian's postgresql, chromium and nginx when missing, so the tests run against a
# real database server and in a real browser (never `playwright install`: no downloads here).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh

# The locked tree (every package pinned, hashes checked): the tests run on exactly what is installed in production.
use_venv requirements-dev.lock

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ "$(id -u)" = "0" ] && [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# nginx only serves the config test of the multi-process deployment (tests/deploy): optional.
if [ "$(id -u)" = "0" ] && ! [ -x /usr/sbin/nginx ]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; } >/dev/null 2>&1 \
    || echo "nginx could not be installed: tests/deploy/test_nginx_config.py skips its nginx -t check"
fi

# Two workers (the CI machine has 2 cores); browser tests stay together on one of them (tests/conftest.py).
# The fifteen slowest tests close every log: the whole suite must stay well under 15 minutes.
exec "$VENV_PYTHON" -m pytest -n auto --dist loadgroup --durations=15 "$@"
