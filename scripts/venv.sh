# Sourced by scripts/start.sh and scripts/test.sh: `use_venv LOCK_FILE` creates (or reuses) the repository's
# virtual environment .venv with the python3 found first on PATH (or $PYTHON), installs LOCK_FILE into it with
# hashes checked when the lock changed since the last install (a stamp file inside .venv), and sets VENV_PYTHON.
# A virtual environment because Debian's and Ubuntu's own python3 refuse `pip install` into themselves (PEP 668).

VENV_DIR=.venv

venv_fail() {
  printf '%s\n' "$@" >&2
  exit 1
}

# Debian and Ubuntu ship the venv module's ensurepip in a separate package (python3-venv).
venv_make_creatable() {
  local python=$1 version
  "$python" -c 'import ensurepip, venv' 2>/dev/null && return 0
  version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing python${version}-venv (apt-get): $python lacks the venv module" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq || true; apt-get install -y -qq "python${version}-venv" || apt-get install -y -qq python3-venv
    } >/dev/null || true
    "$python" -c 'import ensurepip, venv' 2>/dev/null && return 0
  fi
  venv_fail \
    "Python $version ($python) kann keine virtuelle Umgebung anlegen: das Modul venv/ensurepip fehlt." \
    "Unter Debian/Ubuntu installieren Sie es mit: sudo apt-get install python${version}-venv (oder python3-venv)" \
    "und starten den Befehl dann erneut." \
    "" \
    "Python $version ($python) cannot create a virtual environment: the venv/ensurepip module is missing." \
    "On Debian/Ubuntu install it with: sudo apt-get install python${version}-venv (or python3-venv), then run" \
    "the command again."
}

use_venv() {
  local lock=$1 python=${PYTHON:-python3} stamp wanted
  command -v "$python" >/dev/null || venv_fail \
    "$python wurde nicht gefunden: Python 3.11 oder neuer wird benötigt." \
    "$python was not found: Python 3.11 or newer is needed."
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || venv_fail \
    "$("$python" --version 2>&1) ist zu alt: Python 3.11 oder neuer wird benötigt." \
    "$("$python" --version 2>&1) is too old: Python 3.11 or newer is needed."

  VENV_PYTHON=$PWD/$VENV_DIR/bin/python
  # Reuse a working environment; replace one whose interpreter is gone or too old (e.g. a removed pyenv version).
  if [ -d "$VENV_DIR" ] && ! "$VENV_PYTHON" -c 'import pip, sys; sys.exit(sys.version_info < (3, 11))' \
      >/dev/null 2>&1; then
    echo "Replacing the unusable $VENV_DIR" >&2
    rm -rf "$VENV_DIR"
  fi
  if ! [ -d "$VENV_DIR" ]; then
    venv_make_creatable "$python"
    echo "Creating $VENV_DIR with $("$python" --version 2>&1) ($(command -v "$python"))" >&2
    "$python" -m venv "$VENV_DIR" || { rm -rf "$VENV_DIR"; venv_fail "$python -m venv $VENV_DIR failed."; }
  fi

  stamp=$VENV_DIR/.installed-$(basename "$lock")
  wanted="$(sha256sum "$lock" | cut -d' ' -f1) $("$VENV_PYTHON" --version 2>&1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "Installing $lock into $VENV_DIR" >&2
    "$VENV_PYTHON" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
    printf '%s\n' "$wanted" >"$stamp"
  fi
  # Console scripts of the environment first on PATH for whatever the caller starts.
  export VIRTUAL_ENV=$PWD/$VENV_DIR
  export PATH=$VIRTUAL_ENV/bin:$PATH
}
