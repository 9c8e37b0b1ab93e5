#!/usr/bin/env bash
# Set up (first time only) and run the whole test suite. Arguments go to pytest.
# In CI (CI=true), or with WARDPLAN_PACKAGE=1, the packaged program is then built
# and smoke-tested as well (packaging/build.py: dist/wardplan/).
set -euo pipefail
cd "$(dirname "$0")/.."
# Tests also open the Word and Excel files in LibreOffice (a real client no one here
# wrote), read PDFs back with poppler, and need a Times-metric font for LibreOffice.
# PyInstaller needs binutils (objdump, objcopy) to build the packaged program.
bash scripts/setup.sh libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils \
  fonts-liberation2 binutils
.venv/bin/python -m pytest "$@"
if [ "${CI:-}" = "true" ] || [ "${WARDPLAN_PACKAGE:-}" = "1" ]; then
  .venv/bin/python packaging/build.py
fi
