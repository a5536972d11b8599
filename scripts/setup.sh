#!/usr/bin/env bash
# Installs what jiexi needs and is missing, from the package registries only
# (Debian apt, crates.io, npm, PyPI). Idempotent: with everything present it only checks
# versions, in a second or two. Sourced by scripts/serve.sh and scripts/test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# The wasm-bindgen CLI must equal the crate pinned with "=" in Cargo.toml.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml")"
APT_PACKAGES=(clang chromium chromium-driver fonts-noto-cjk)
# The Python package (python/) and the Spark job, in a virtualenv under the repo (.venv/,
# git-ignored). PySpark 4.1 runs on Java 17 or 21 (Debian 12 ships 17); pandas stays on 2.x,
# the line PySpark 4.1's Arrow conversions were released against.
PYTHON_PACKAGES=(maturin==1.16.0 pytest==9.2.0 pyspark==4.1.4 pyarrow==22.0.0 pandas==2.3.3)
VENV="$ROOT/.venv"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_apt() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt: installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Debian's binaryen (108) emits modules Chromium rejects; trunk must never find it.
  if dpkg-query -W -f='${Status}' binaryen 2>/dev/null | grep -q "install ok installed"; then
    log "warning: Debian's binaryen is installed; jiexi uses npm binaryen 132 from node_modules/.bin instead"
  fi
}

ensure_rust() {
  command -v cargo >/dev/null || { log "cargo not found: install Rust with rustup first"; exit 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "rustup: adding wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    log "cargo: installing trunk $TRUNK_VERSION (about 11 minutes the first time)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    # Not --locked: its lockfile names a crate version the registry mirror lacks.
    log "cargo: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force --quiet
  fi
}

ensure_node() {
  command -v npm >/dev/null || { log "npm not found: install Node.js 20 first"; exit 1; }
  # node_modules/.bin gives trunk wasm-opt 132 and the tests playwright-core.
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
     || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "npm: installing binaryen and playwright-core"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The virtualenv for python/ and the Spark job: created once, then only what is missing or
# at another version is installed. A Java runtime comes from apt only when `java` is missing.
# Only the tests need it (scripts/test.sh calls it); serving and hosting do not.
ensure_python() {
  command -v python3 >/dev/null || { log "python3 not found: install Python 3.9 or newer first"; exit 1; }
  if ! command -v java >/dev/null; then
    log "apt: installing a Java runtime for Spark"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    # Debian's own python3 leaves `venv`'s pip bootstrap to a package of its own.
    if ! python3 -c 'import ensurepip' 2>/dev/null; then
      log "apt: installing python3-venv"
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
    fi
    log "python: creating $VENV"
    python3 -m venv "$VENV"
  fi
  local missing=()
  local frozen
  frozen="$("$VENV/bin/python" -m pip freeze 2>/dev/null)"
  for pkg in "${PYTHON_PACKAGES[@]}"; do
    grep -qix "$pkg" <<<"$frozen" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "pip: installing ${missing[*]}"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${missing[@]}"
  fi
}

setup_all() {
  # JIEXI_SKIP_APT=1: a build machine that has clang and needs no browser (the hosting
  # workflow in .github/workflows/pages.yml).
  [ "${JIEXI_SKIP_APT:-}" = 1 ] || ensure_apt
  ensure_rust
  ensure_node
  export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  log "cargo: fetching crates (trunk then runs --offline)"
  (cd "$ROOT" && cargo fetch --quiet)
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  setup_all
fi
