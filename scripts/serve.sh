#!/usr/bin/env bash
# Installs what is missing, then serves the release build on http://127.0.0.1:8080.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_all
cd "$ROOT"
exec trunk serve --release --offline --address 127.0.0.1 --port "${PORT:-8080}" --no-autoreload
