#!/usr/bin/env bash
# Installs the test dependencies and runs the whole test suite (the README's second command).
# As root it also installs Debian's postgresql when missing, so the tests run against a real server.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

if [ "$(id -u)" = "0" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

exec python3 -m pytest "$@"
