#!/bin/bash
# check-xlsx-libreoffice.sh — does LibreOffice open the exported report
# without repairing it? Not part of the default test suite: it needs
# LibreOffice (Debian: libreoffice-calc-nogui, about 300 MB) and takes
# half a minute. Prints TAP.
#
#   tests/check-xlsx-libreoffice.sh [path/to/gdnn-report]
#
# (default: $GDNN_REPORT, else build/src/app/gdnn-report)
#
# 1. The CLI exports the demo report of BG-CD01 on 401/KH-UBND as XLSX.
# 2. soffice --headless converts it to PDF and to CSV (every sheet); the
#    text must hold the unit's name, the plan number and the indicators'
#    numerators and denominators as the database has them.
# 3. A repair shows as changed content, since headless LibreOffice never
#    asks: soffice converts the XLSX to XLSX, and openpyxl compares the
#    two workbooks (sheets, visibility, every cell value, number formats,
#    merged cells, page setup, print titles, charts).
# 4. Control: a copy with one worksheet removed from the package must be
#    caught by the same comparison (LibreOffice loads it silently).
#
# Copyright 2026 The gdnn-report authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
cd "$(dirname "$0")/.."
BIN=${1:-${GDNN_REPORT:-build/src/app/gdnn-report}}
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB=$TMP/gdnn.db
UNIT=BG-CD01
PLAN=401/KH-UBND
# The demo fills values up to this year; plan 401 runs to 2030.
YEAR=$(date +%Y); [ "$YEAR" -gt 2030 ] && YEAR=2030
PROFILE="-env:UserInstallation=file://$TMP/lo-profile"
n=0
failed=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    failed=$((failed + 1))
  fi
}

# Runs soffice headless on a private profile; its output goes to $TMP/lo.log.
lo () {
  soffice "$PROFILE" --headless --norestore --nolockcheck "$@" >"$TMP/lo.log" 2>&1
}

# Anything LibreOffice printed beyond its usual lines.
lo_complaints () {
  grep -v -e '^convert ' -e '^Writing sheet ' -e '^Overwriting: ' -e 'failed to launch javaldx' "$TMP/lo.log"
}

if ! command -v soffice >/dev/null; then
  echo "1..0 # SKIP soffice is not installed (apt-get install --no-install-recommends libreoffice-calc-nogui)"
  exit 0
fi
[ -x "$BIN" ]; ok $? "gdnn-report binary at $BIN"
$PY -c 'import openpyxl' 2>/dev/null; ok $? "openpyxl is installed (python3-openpyxl)"
command -v pdftotext >/dev/null; ok $? "pdftotext is installed (poppler-utils)"
echo "# $(soffice --version 2>/dev/null | head -1)"

"$BIN" --db "$DB" demo >/dev/null; ok $? "demo database"
"$BIN" --db "$DB" export --unit $UNIT --plan $PLAN --year "$YEAR" --xlsx "$TMP/r.xlsx" >/dev/null 2>&1
ok $? "export writes the XLSX"

# What the files must show, from the database.
UNIT_NAME=$(sqlite3 "$DB" "SELECT name FROM unit WHERE code = '$UNIT'")
[ -n "$UNIT_NAME" ]; ok $? "the unit's name from the database: $UNIT_NAME"
sqlite3 -separator $'\t' "$DB" "SELECT i.code, printf('%.15g', v.numerator),
  CASE WHEN v.denominator IS NULL THEN '' ELSE printf('%.15g', v.denominator) END FROM value v
  JOIN indicator i ON i.id = v.indicator_id JOIN plan p ON p.id = i.plan_id
  WHERE p.number = '$PLAN' AND v.year = $YEAR AND v.unit_id = (SELECT id FROM unit WHERE code = '$UNIT')
  ORDER BY i.position" > "$TMP/values"
[ "$(wc -l < "$TMP/values")" -ge 3 ]; ok $? "the unit has $(wc -l < "$TMP/values") values for $YEAR"

# ---- XLSX → PDF ----
lo --convert-to pdf --outdir "$TMP/pdf" "$TMP/r.xlsx"
rc=$?
[ $rc = 0 ] && [ -s "$TMP/pdf/r.pdf" ]; ok $? "soffice converts the XLSX to PDF"
complaints=$(lo_complaints)
[ -z "$complaints" ]; ok $? "soffice says nothing else while converting${complaints:+: $complaints}"
pages=$(pdfinfo "$TMP/pdf/r.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -ge 4 ]; ok $? "LibreOffice's PDF has $pages pages (one sheet or more each)"
pdftotext -raw "$TMP/pdf/r.pdf" - 2>/dev/null | tr '\n' ' ' | tr -s ' ' > "$TMP/pdf.txt"
grep -qF -- "$UNIT_NAME" "$TMP/pdf.txt"; ok $? "the PDF names the unit"
grep -qF -- "Kế hoạch số $PLAN" "$TMP/pdf.txt"; ok $? "the PDF names the plan number"
while IFS=$'\t' read -r code num den; do
  # The numerator and denominator follow the code within its table row.
  grep -oE -- " $code .{0,400}" "$TMP/pdf.txt" | head -1 | grep -qF -- " $num $den "
  ok $? "the PDF shows $code with $num / $den"
done < <(head -4 "$TMP/values")

# ---- XLSX → CSV, every sheet (token 12 = -1), values unformatted ----
lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
   --outdir "$TMP/csv" "$TMP/r.xlsx"
ok $? "soffice converts every sheet to CSV"
for s in "Báo cáo" "Nhiệm vụ" "Chỉ tiêu" "Kinh phí" "gdnn_data"; do
  [ -s "$TMP/csv/r-$s.csv" ]; ok $? "sheet “$s” converted"
done
grep -qF -- "$UNIT_NAME" "$TMP/csv/r-Báo cáo.csv"; ok $? "the report sheet names the unit"
grep -qF -- "$PLAN" "$TMP/csv/r-Báo cáo.csv"; ok $? "the report sheet names the plan"
$PY - "$TMP/csv/r-Chỉ tiêu.csv" "$TMP/values" > "$TMP/csv-checks" <<'EOF'
import csv, sys
rows = {}
for r in csv.reader(open(sys.argv[1], encoding="utf-8")):
    if len(r) > 8 and r[0].isdigit():   # the table's rows, not the chart's block below
        rows.setdefault(r[1], r)
def same(text, expected):
    try:
        return abs(float(text) - float(expected)) < 1e-9
    except ValueError:
        return text == expected
for line in open(sys.argv[2], encoding="utf-8"):
    code, num, den = line.rstrip("\n").split("\t")
    r = rows.get(code)
    # Columns: STT, Mã, Chỉ tiêu, ĐVT, two milestones, Tử số, Mẫu số
    good = r is not None and same(r[6], num) and (den == "" or same(r[7], den))
    print("%d\tCSV: %s has numerator %s and denominator %s%s" % (0 if good else 1, code, num, den or "-",
          "" if good else " (got %s)" % (r[6:8] if r else "no row")))
EOF
ok $? "CSV checks ran"
while IFS=$'\t' read -r status what; do ok "$status" "$what"; done < "$TMP/csv-checks"

# ---- XLSX → XLSX: did LibreOffice change (repair) anything? ----
cat > "$TMP/compare.py" <<'EOF'
import math, sys, zipfile
import openpyxl

original, roundtrip = sys.argv[1], sys.argv[2]
problems = []
a, b = openpyxl.load_workbook(original), openpyxl.load_workbook(roundtrip)
if a.sheetnames != b.sheetnames:
    problems.append("sheets %s became %s" % (a.sheetnames, b.sheetnames))

def same_value(x, y):
    # LibreOffice writes 15 significant digits.
    if isinstance(x, (int, float)) and isinstance(y, (int, float)) and not isinstance(x, bool):
        return math.isclose(x, y, rel_tol=1e-13, abs_tol=1e-13)
    return x == y

def same_fit(x, y):
    return (x in (None, 1, "1")) == (y in (None, 1, "1")) if x in (None, 1, "1") or y in (None, 1, "1") else str(x) == str(y)

for name in a.sheetnames:
    if name not in b.sheetnames:
        continue
    x, y = a[name], b[name]
    if x.sheet_state != y.sheet_state:
        problems.append("%s: %s became %s" % (name, x.sheet_state, y.sheet_state))
    cells = 0
    for row in x.iter_rows():
        for c in row:
            d = y[c.coordinate]
            if not same_value(c.value, d.value):
                problems.append("%s!%s: %r became %r" % (name, c.coordinate, c.value, d.value))
            elif c.value is not None and c.number_format != d.number_format:
                problems.append("%s!%s: format %r became %r" % (name, c.coordinate, c.number_format, d.number_format))
            cells += c.value is not None
    for row in y.iter_rows():
        for d in row:
            if d.value is not None and x[d.coordinate].value is None:
                problems.append("%s!%s: new value %r" % (name, d.coordinate, d.value))
    if sorted(map(str, x.merged_cells.ranges)) != sorted(map(str, y.merged_cells.ranges)):
        problems.append("%s: merged cells differ" % name)
    if x.sheet_state == "visible":
        for what in ("orientation", "paperSize", "fitToHeight"):
            if str(getattr(x.page_setup, what)) != str(getattr(y.page_setup, what)):
                problems.append("%s: page setup %s %s became %s" % (name, what, getattr(x.page_setup, what),
                                                                    getattr(y.page_setup, what)))
        if not same_fit(x.page_setup.fitToWidth, y.page_setup.fitToWidth):
            problems.append("%s: fit to width changed" % name)
        if x.print_title_rows != y.print_title_rows:
            problems.append("%s: print titles %s became %s" % (name, x.print_title_rows, y.print_title_rows))
    print("# %s: %d cells compared" % (name, cells))

def charts(path):
    with zipfile.ZipFile(path) as z:
        return len([n for n in z.namelist() if n.startswith("xl/charts/chart") and n.endswith(".xml")])
if charts(original) != charts(roundtrip):
    problems.append("charts: %d became %d" % (charts(original), charts(roundtrip)))

for p in problems[:20]:
    print("# " + p)
if len(problems) > 20:
    print("# … %d more" % (len(problems) - 20))
sys.exit(1 if problems else 0)
EOF

lo --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$TMP/rt" "$TMP/r.xlsx"
rc=$?
[ $rc = 0 ] && [ -s "$TMP/rt/r.xlsx" ]; ok $? "soffice reads the XLSX and writes it back"
complaints=$(lo_complaints)
[ -z "$complaints" ]; ok $? "soffice says nothing else while loading${complaints:+: $complaints}"
$PY "$TMP/compare.py" "$TMP/r.xlsx" "$TMP/rt/r.xlsx"
ok $? "LibreOffice's copy has the same sheets, cells, formats, merges, page setup and chart (nothing repaired)"

# Control: the comparison must see a repair. Drop the second worksheet from
# the package; LibreOffice loads that without a word.
$PY - "$TMP/r.xlsx" "$TMP/damaged.xlsx" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as dst:
    for name in src.namelist():
        if name != "xl/worksheets/sheet2.xml":
            dst.writestr(name, src.read(name))
EOF
lo --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$TMP/rt-damaged" "$TMP/damaged.xlsx"
[ -s "$TMP/rt-damaged/damaged.xlsx" ]; ok $? "control: soffice silently loads a package with a worksheet missing"
$PY "$TMP/compare.py" "$TMP/r.xlsx" "$TMP/rt-damaged/damaged.xlsx" > "$TMP/control.log"
[ $? != 0 ]; ok $? "control: the comparison reports the repaired copy ($(grep -c '^# [^…].*:' "$TMP/control.log") lines)"

echo "1..$n"
[ $failed = 0 ]
