#!/usr/bin/env bash
# Vulnerability audit of the locked dependency tree with pip-audit, in a throw-away virtual environment.
# Usage: bash scripts/audit.sh [LOCK_FILE ...]   (default: requirements.lock requirements-dev.lock)
# AUDIT_SERVICE=osv uses OSV instead of PyPI's vulnerability data.
# Fails (exit 2) when the audit could not actually run: pip-audit skips every package it cannot look up and
# still prints "No known vulnerabilities found" (scripts/audit_verdict.py). Exit 1: known vulnerabilities.
set -euo pipefail
cd "$(dirname "$0")/.."
PIP_AUDIT_VERSION=2.10.1

locks=("$@")
[ ${#locks[@]} -gt 0 ] || locks=(requirements.lock requirements-dev.lock)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "pip-audit==$PIP_AUDIT_VERSION"

status=0
for lock in "${locks[@]}"; do
  echo "== $lock (${AUDIT_SERVICE:-pypi})"
  rm -f "$work/result.json"
  # Its own exit status says little (1 for vulnerabilities and for a service it could not reach): the verdict
  # comes from its JSON result.
  "$work/venv/bin/pip-audit" --disable-pip --require-hashes -r "$lock" \
    --vulnerability-service "${AUDIT_SERVICE:-pypi}" --progress-spinner off --format json \
    --output "$work/result.json" || true
  verdict=0
  python3 scripts/audit_verdict.py "$work/result.json" || verdict=$?
  [ "$verdict" -le "$status" ] || status=$verdict
done
exit "$status"
