#!/usr/bin/env bash
# Set up (first time only) and start WardPlan Desktop. Arguments go to the program,
# e.g. --data-dir DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/wardplan "$@"
