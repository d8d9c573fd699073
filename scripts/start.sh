#!/usr/bin/env bash
# Installs and starts the app (the README's first command): a virtual environment .venv in the repository, created
# with the python3 first on PATH (or $PYTHON) and filled from requirements.lock (hashes checked; again only when the
# lock changed), then `streamlit run dashboard.py` with any arguments given, e.g. `--server.port 8502`.
# The database (default SQLite in data/) is created, migrated and filled with the example plans on the first start.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh

use_venv requirements.lock
exec "$VENV_PYTHON" -m streamlit run dashboard.py "$@"
