#!/bin/bash
# Regenerates the seed corpus of the submission-reader fuzz target from
# real exports of the demo database:
#   tests/fuzz/make-corpus.sh build/src/app/gdnn-report
# export-*.xlsx are the workbooks as exported; data-only-stored.xlsx keeps
# only the parts the reader needs, with the hidden sheet as the only sheet,
# uncompressed, so that mutations reach the XML parser more often.
#
# Copyright 2026 The gdnn-report authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
BIN=$(realpath "$1")
OUT=$(dirname "$(realpath "$0")")/corpus-xlsx
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

"$BIN" --db "$TMP/db" demo >/dev/null
"$BIN" --db "$TMP/db" export --unit BG-CD01 --plan 401/KH-UBND --year 2026 --xlsx "$OUT/export-bg-cd01.xlsx" 2>/dev/null
"$BIN" --db "$TMP/db" export --unit BG-TC04 --plan 401/KH-UBND --year 2025 --xlsx "$OUT/export-bg-tc04-2025.xlsx" 2>/dev/null

python3 - "$OUT/export-bg-cd01.xlsx" "$OUT/data-only-stored.xlsx" <<'PY'
import re, sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
out = zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_STORED)
wb = src.read("xl/workbook.xml").decode()
wb = re.sub(r'<sheet name="[^"]*" sheetId="[1-4]" r:id="rId[1-4]"/>', "", wb)
for name in ("[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
             "xl/worksheets/sheet5.xml"):
    out.writestr(name, src.read(name))
out.writestr("xl/workbook.xml", wb)
out.close()
PY
ls -l "$OUT"
