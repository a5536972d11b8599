#!/usr/bin/env bash
# Installs what is missing, then runs every test jiexi has: formatting and lints,
# native engine tests, in-browser wasm tests, and end-to-end tests against the
# release build. Exits non-zero on the first failure.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_all
ensure_python
cd "$ROOT"

# A clean clone builds everything once: incremental compilation only adds its bookkeeping.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi

started=$SECONDS
step() {
  local name=$1; shift
  log "== $name: $*"
  local t=$SECONDS
  "$@"
  log "== $name passed in $((SECONDS - t)) s"
}

step format cargo fmt --all -- --check
step layers python3 scripts/check_layers.py
step lint cargo clippy --workspace --all-targets --offline -- -D warnings
step lint-wasm cargo clippy -p jiexi -p jiexi-worker --target wasm32-unknown-unknown --offline -- -D warnings
step native cargo test --workspace --offline

# The Python package (python/): its abi3 wheel built by maturin (pyo3's extension-module
# feature on, which only maturin turns on) and installed into .venv, then pytest: equality
# with the CLI just built, bad input, and the Spark job in local mode.
python_tests() {
  local wheels
  wheels="$(mktemp -d)"
  (cd python && "$VENV/bin/maturin" build --release --quiet --offline -i "$VENV/bin/python" -o "$wheels")
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$wheels"/jiexi-*.whl
  rm -rf "$wheels"
  "$VENV/bin/python" -m pytest python/tests -q -p no:cacheprovider
}
step python python_tests

# In-browser tests of wasm-only code: wasm-bindgen-test-runner drives headless
# Chromium through chromedriver; webdriver.json adds the flags this machine needs.
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
step browser cargo test -p jiexi --target wasm32-unknown-unknown --offline --test browser

step build trunk build --release --offline
# The first visit's download, gzip and brotli, against a budget (scripts/bench/size_budget.mjs).
step size-budget node scripts/bench/size_budget.mjs dist
step e2e npm run --silent e2e

log "all tests passed in $((SECONDS - started)) s"
