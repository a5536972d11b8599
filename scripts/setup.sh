#!/usr/bin/env bash
# Installs what jiexi needs and is missing, from the package registries only
# (Debian apt, crates.io, npm). Idempotent: with everything present it only checks
# versions, in a second or two. Sourced by scripts/serve.sh and scripts/test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# The wasm-bindgen CLI must equal the crate pinned with "=" in Cargo.toml.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml")"
APT_PACKAGES=(clang chromium chromium-driver fonts-noto-cjk)

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
