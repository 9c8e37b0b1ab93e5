#!/usr/bin/env bash
# Set up (first time only) and run the whole test suite. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# Tests also open the Word and Excel files in LibreOffice (a real client no one here
# wrote), read PDFs back with poppler, and need a Times-metric font for LibreOffice.
bash scripts/setup.sh libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils \
  fonts-liberation2
exec .venv/bin/python -m pytest "$@"
