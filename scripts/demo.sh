#!/usr/bin/env bash
# Newcomer command 1: set up, generate the bundled demo landing tree, run the pipeline, serve the
# dashboard on http://127.0.0.1:8501.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export EXAMWH_LANDING_DIR="${EXAMWH_LANDING_DIR:-data/demo/landing}"
export EXAMWH_WAREHOUSE="${EXAMWH_WAREHOUSE:-data/demo/warehouse.duckdb}"
if [ ! -d "$EXAMWH_LANDING_DIR" ]; then
  .venv/bin/examwh generate --scale demo --seed 7 --out "$EXAMWH_LANDING_DIR"
fi
.venv/bin/examwh run
exec .venv/bin/examwh dashboard --port "${EXAMWH_PORT:-8501}"
