#!/bin/bash
# test-report-files.sh — the exported report read back by independent
# readers: openpyxl for the workbook, poppler-utils for the PDF. PNGs of
# the PDF's pages go to $GDNN_TEST_OUTPUT/report/ for review.
#
# Copyright 2026 The gdnn-report authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
BIN=${GDNN_REPORT:?GDNN_REPORT must point at the gdnn-report binary}
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
OUT=${GDNN_TEST_OUTPUT:-$TMP/out}/report
mkdir -p "$OUT"
DB=$TMP/gdnn.db
UNIT=BG-CD01
PLAN=401/KH-UBND
# The demo fills values up to this year; plan 401 runs to 2030.
YEAR=$(date +%Y); [ "$YEAR" -gt 2030 ] && YEAR=2030
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

for tool in pdfinfo pdffonts pdftotext pdftoppm; do
  command -v $tool >/dev/null; ok $? "$tool is installed (poppler-utils)"
done
$PY -c 'import openpyxl' 2>/dev/null; ok $? "openpyxl is installed (python3-openpyxl)"

"$BIN" --db "$DB" demo >/dev/null; ok $? "demo database"
"$BIN" --db "$DB" export --unit $UNIT --plan $PLAN --year "$YEAR" --xlsx "$TMP/r.xlsx" --pdf "$TMP/r.pdf" >/dev/null 2>"$TMP/warnings"
ok $? "export writes the XLSX and the PDF"
cp "$TMP/r.xlsx" "$TMP/r.pdf" "$OUT/" 2>/dev/null

# ---- XLSX, read with openpyxl and zipfile; expected values from SQLite ----
$PY - "$TMP/r.xlsx" "$DB" "$UNIT" "$PLAN" "$YEAR" > "$TMP/xlsx-checks" <<'EOF'
import sqlite3, sys, zipfile, re
import openpyxl

path, db, unit, plan, year = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
n = 0
def ok(cond, what):
    global n
    n += 1
    print("%d\txlsx: %s" % (0 if cond else 1, what))

con = sqlite3.connect(db)
inds = con.execute("SELECT i.code, i.name, i.measure, v.numerator, v.denominator FROM indicator i "
                   "JOIN plan p ON p.id = i.plan_id LEFT JOIN value v ON v.indicator_id = i.id AND v.year = ? "
                   "AND v.unit_id = (SELECT id FROM unit WHERE code = ?) WHERE p.number = ? ORDER BY i.position",
                   (year, unit, plan)).fetchall()
# The unit's own figures; the plan's (unit_id NULL) are only a reference.
budget_total = con.execute("SELECT sum(y.planned) FROM budget_year y JOIN budget_line l ON l.id = y.line_id "
                           "JOIN plan p ON p.id = l.plan_id WHERE p.number = ? AND y.year <= ? "
                           "AND y.unit_id = (SELECT id FROM unit WHERE code = ?)",
                           (plan, year, unit)).fetchone()[0] or 0
budget_reference = con.execute("SELECT count(*), sum(y.planned) FROM budget_year y JOIN budget_line l "
                               "ON l.id = y.line_id JOIN plan p ON p.id = l.plan_id "
                               "WHERE p.number = ? AND y.year = ? AND y.unit_id IS NULL",
                               (plan, year)).fetchone()
n_tasks = con.execute("SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.number = ?",
                      (plan,)).fetchone()[0]

wb = openpyxl.load_workbook(path)
wbv = openpyxl.load_workbook(path, data_only=True)
ok(wb.sheetnames == ["Báo cáo", "Nhiệm vụ", "Chỉ tiêu", "Kinh phí", "gdnn_data"], "Vietnamese sheet names %s" % wb.sheetnames)
ok(all(wb[s].sheet_state == "visible" for s in wb.sheetnames[:4]), "the four report sheets are visible")
ok(wb["gdnn_data"].sheet_state == "hidden", "the data sheet is hidden")
for s in wb.sheetnames[:4]:
    ws = wb[s]
    ok(ws.page_setup.paperSize in (9, "9"), "%s: A4 paper" % s)
    ok(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
       and ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight in (0, "0"), "%s: fit to width" % s)
ok(wb["Báo cáo"].page_setup.orientation == "portrait", "the report sheet is portrait")
ok(wb["Chỉ tiêu"].print_title_rows == "$4:$5", "indicator sheet repeats header rows 4-5")
ok(wb["Nhiệm vụ"].print_title_rows == "$4:$4", "task sheet repeats its header row")

# The document sheet
rep = wb["Báo cáo"]
texts = [c.value for row in rep.iter_rows() for c in row if isinstance(c.value, str)]
for t in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO", "Nơi nhận:"]:
    ok(t in texts, "report sheet holds “%s”" % t)
ok(any("401/KH-UBND" in t for t in texts), "report sheet names the plan number")
ok(any(re.search(r"ngày \d\d tháng \d{1,2} năm %d" % year, t) for t in texts), "place and date line")
merged = [str(r) for r in rep.merged_cells.ranges]
ok("A1:C1" in merged and "D1:F1" in merged, "header block in merged cells")

# Indicators: numbers stored as numbers, % as fractions
def pct_digits(cell):
    """The digits after the point of a "0%", "0.0%", "0.00%"… format, else -1."""
    m = re.fullmatch(r"0(?:\.(0+))?%", cell.number_format)
    return len(m.group(1) or "") if m else -1

def shown_percent(fraction, cell):
    """The percentage a spreadsheet shows for @fraction in @cell's format."""
    from decimal import Decimal, ROUND_HALF_UP
    q = Decimal(1).scaleb(-pct_digits(cell))
    return Decimal(repr(fraction * 100)).quantize(q, rounding=ROUND_HALF_UP)

ws, wsv = wb["Chỉ tiêu"], wbv["Chỉ tiêu"]
merged = [str(r) for r in ws.merged_cells.ranges]
ok("E4:F4" in merged and "G4:I4" in merged and "A4:A5" in merged, "two-row header with merged cells")
rows = {}
for r in range(6, ws.max_row + 1):
    if ws.cell(r, 2).value and ws.cell(r, 3).value:   # not the chart's data block below
        rows.setdefault(ws.cell(r, 2).value, r)
for code, name, measure, num, den in inds:
    r = rows.get(code)
    ok(r is not None and ws.cell(r, 3).value == name, "indicator %s is listed with its name" % code)
    if r is None:
        continue
    if num is None:
        ok(ws.cell(r, 7).value is None, "%s: no value, empty cell" % code)
        continue
    g, h, i = ws.cell(r, 7), ws.cell(r, 8), wsv.cell(r, 9)
    ok(isinstance(g.value, (int, float)) and abs(g.value - num) < 1e-9, "%s: numerator %s is a number" % (code, g.value))
    ok(isinstance(h.value, (int, float)) and abs(h.value - den) < 1e-9, "%s: denominator is a number" % code)
    ok(isinstance(i.value, float) and abs(i.value - num / den) < 1e-9 and pct_digits(ws.cell(r, 9)) >= 0,
       "%s: value is the fraction %.4f with a format 0%%, 0.0%%, 0.00%%… (%s)" % (code, num / den, ws.cell(r, 9).number_format))
    # What the cells show agrees with the assessment beside them (issue 16):
    # never 60% beside 60% and "Chưa đạt".
    exp, assess = ws.cell(r, 10), ws.cell(r, 12).value
    if exp.value is not None:
        shown, shown_exp = shown_percent(num / den, ws.cell(r, 9)), shown_percent(exp.value, exp)
        ok((shown < shown_exp) == (assess == "Chưa đạt"),
           "%s: %s%% shown beside %s%% expected agrees with “%s”" % (code, shown, shown_exp, assess))
    targets = [ws.cell(r, c) for c in (5, 6) if ws.cell(r, c).value is not None]
    ok(len(targets) > 0 and all(isinstance(t.value, (int, float)) and 0 <= t.value <= 1 and pct_digits(t) >= 0
                                for t in targets), "%s: targets are fractions with a %% format" % code)

# Tasks
tasks = wb["Nhiệm vụ"]
codes = [tasks.cell(r, 2).value for r in range(5, tasks.max_row + 1) if isinstance(tasks.cell(r, 1).value, (int, float))]
ok(len(codes) == n_tasks, "every task of the plan (%d of %d)" % (len(codes), n_tasks))

# Budget: money as integers with grouping
bws, bwv = wb["Kinh phí"], wbv["Kinh phí"]
total_row = [r for r in range(6, bws.max_row + 1) if bws.cell(r, 1).value == "Tổng cộng"]
ok(len(total_row) == 1, "budget total row")
if total_row:
    c = bwv.cell(total_row[0], 6)
    ok(c.value == budget_total and bws.cell(total_row[0], 6).number_format == "#,##0",
       "budget total %s = %s with #,##0" % (c.value, budget_total))
    ok(isinstance(bws.cell(6, 6).value, int) and bws.cell(6, 6).number_format == "#,##0", "money is an integer number")
    # The plan's figure stands in a last column only in a year the plan gives one.
    ref_head = bws.cell(4, 8).value
    if budget_reference[0] > 0:
        ok(isinstance(ref_head, str) and "tham chiếu" in ref_head and plan in ref_head,
           "budget reference column headed %r" % ref_head)
        ok(bwv.cell(total_row[0], 8).value == budget_reference[1],
           "budget reference total %s = %s" % (bwv.cell(total_row[0], 8).value, budget_reference[1]))
    else:
        ok(ref_head is None and bws.cell(total_row[0], 8).value is None,
           "no reference column in a year the plan gives no figure")

# The hidden data sheet (docs/report-data-sheet.md)
d = wb["gdnn_data"]
meta = {}
r = 1
while d.cell(r, 1).value is not None:
    meta[d.cell(r, 1).value] = d.cell(r, 2).value
    r += 1
ok(meta.get("format") == "gdnn-report-data", "data sheet format")
ok(meta.get("schema_version") == 1, "data sheet schema version 1")
ok(meta.get("unit_code") == unit and meta.get("plan_number") == plan and meta.get("year") == year
   and meta.get("period") == "year", "data sheet names unit, plan, year and period")
header = None
seen = {}
for row in d.iter_rows(min_row=r, values_only=True):
    if row[0] and str(row[0]).startswith("#"):
        header = row
    elif row[0] == "indicator" and header is not None:
        rec = dict(zip(header[1:], row[1:]))
        seen[rec["code"]] = rec
for code, name, measure, num, den in inds:
    rec = seen.get(code)
    ok(rec is not None and rec["measure"] == measure and rec["numerator"] == num and rec["denominator"] == den,
       "data sheet holds %s with its numerator and denominator" % code)
    if rec is not None and num is not None:
        m = re.fullmatch(r"'(.+)'!\$([A-Z]+)\$(\d+)", rec["numerator_cell"])
        ok(m is not None and wb[m.group(1)][m.group(2) + m.group(3)].value == num,
           "%s: numerator_cell %s points at the visible value" % (code, rec["numerator_cell"]))

# Chart and document properties
with zipfile.ZipFile(path) as z:
    names = z.namelist()
    ok(any(n.startswith("xl/charts/chart") for n in names), "a native chart")
    app = z.read("docProps/app.xml").decode()
    ok("<Company>Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang</Company>" in app, "company property")
    custom = z.read("docProps/custom.xml").decode() if "docProps/custom.xml" in names else ""
    ok("Mã đơn vị" in custom and unit in custom, "custom property Mã đơn vị")
ok(wb.properties.creator == "Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang", "author is the unit")
ok("401/KH-UBND" in (wb.properties.title or ""), "title property")
EOF
ok $? "openpyxl checks ran"
while IFS=$'\t' read -r status what; do
  ok "$status" "$what"
done < "$TMP/xlsx-checks"

# ---- PDF, read with poppler-utils ----
pages=$(pdfinfo "$TMP/r.pdf" | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -ge 2 ]; ok $? "the PDF has $pages pages"
bad=$(pdfinfo -f 1 -l "$pages" "$TMP/r.pdf" | grep -E '^Page +[0-9]+ size:' | grep -vc '595.276 x 841.89 pts (A4)')
[ "$bad" = 0 ]; ok $? "every page is A4 portrait (595x842 pt)"
pdffonts "$TMP/r.pdf" > "$TMP/fonts"
[ "$(tail -n +3 "$TMP/fonts" | wc -l)" -gt 0 ]; ok $? "pdffonts lists the fonts"
tail -n +3 "$TMP/fonts" | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit bad }'; ok $? "every font is embedded"
tail -n +3 "$TMP/fonts" | awk '{ if ($(NF-3) != "yes") bad = 1 } END { exit bad }'; ok $? "every font is a subset"
tail -n +3 "$TMP/fonts" | awk '{ if ($1 !~ /LiberationSerif/) bad = 1 } END { exit bad }'; ok $? "Liberation Serif only"

pdftotext -raw "$TMP/r.pdf" "$TMP/r.txt"; ok $? "pdftotext"
flat=$(tr '\n' ' ' < "$TMP/r.txt" | tr -s ' ')
for t in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH BẮC GIANG" \
         "TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP BẮC GIANG" "BÁO CÁO" "Kế hoạch số $PLAN" "Nơi nhận:" "Lưu: VT." "HIỆU TRƯỞNG" \
         "Trần Thị Bình" "DỰ THẢO" "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP" "V. ĐỀ XUẤT, KIẾN NGHỊ"; do
  grep -qF -- "$t" <<<"$flat"; ok $? "the PDF text holds “$t”"
done
grep -qE "Bắc Giang, ngày [0-9]{2} tháng [0-9]{1,2} năm $YEAR" <<<"$flat"; ok $? "place and date line"
# Section II's chart: its caption, then a bar label for every indicator
# code between the caption and section III.
grep -qF -- "Biểu đồ: Mức thực hiện các chỉ tiêu năm $YEAR so với mục tiêu" <<<"$flat"; ok $? "the chart's caption"
chart=$(sed -e 's/.*Biểu đồ: Mức thực hiện//' -e 's/III\. KINH PHÍ.*//' <<<"$flat")
"$BIN" --db "$DB" list indicators | awk -F'\t' -v p="$PLAN" '$1 == p { print $2 }' > "$TMP/codes"
while IFS= read -r code; do
  grep -qF -- "$code " <<<"$chart "; ok $? "the chart has a bar label for $code"
done < "$TMP/codes"
"$BIN" --db "$DB" list indicators | awk -F'\t' -v p="$PLAN" '$1 == p { print $4 }' > "$TMP/names"
[ -s "$TMP/names" ]; ok $? "the plan has indicators"
while IFS= read -r name; do
  grep -qF -- "$name" <<<"$flat"; ok $? "the PDF holds the indicator “${name:0:40}…”"
done < "$TMP/names"
# Page numbers: none on page 1, centred at the top from page 2.
pdftotext -f 1 -l 1 -layout "$TMP/r.pdf" - | head -3 | grep -qE '^\s+1\s*$'; [ $? != 0 ]; ok $? "no number on page 1"
pdftotext -f 2 -l 2 -layout "$TMP/r.pdf" - | grep -m1 -v '^\s*$' | grep -qE '^\s{20,}2\s*$'; ok $? "page 2 is numbered at the top centre"
$PY -c 'import sys, unicodedata; t = open(sys.argv[1], encoding="utf-8").read(); sys.exit(0 if unicodedata.is_normalized("NFC", t) else 1)' "$TMP/r.txt"
ok $? "the extracted text is NFC"

rm -f "$OUT"/page-*.png
pdftoppm -r 60 -png "$TMP/r.pdf" "$OUT/page"; ok $? "PNG of each page in $OUT"
[ "$(ls "$OUT"/page-*.png | wc -l)" = "$pages" ]; ok $? "one PNG per page"

# ---- A year the plan gives budget figures for (2022–2025): the unit's own
# figures, and the plan's in a reference column, in both files ----
"$BIN" --db "$DB" export --unit $UNIT --plan $PLAN --year 2025 --xlsx "$TMP/r2025.xlsx" --pdf "$TMP/r2025.pdf" \
  >/dev/null 2>&1
ok $? "export for 2025"
$PY - "$TMP/r2025.xlsx" "$DB" "$UNIT" "$PLAN" > "$TMP/ref-checks" <<'EOF2'
import sqlite3, sys
import openpyxl

path, db, unit, plan = sys.argv[1:5]
con = sqlite3.connect(db)
rows = con.execute("SELECT l.name, (SELECT y.planned FROM budget_year y WHERE y.line_id = l.id AND y.year = 2025 "
                   "AND y.unit_id = (SELECT id FROM unit WHERE code = ?)), "
                   "(SELECT y.planned FROM budget_year y WHERE y.line_id = l.id AND y.year = 2025 AND y.unit_id IS NULL) "
                   "FROM budget_line l JOIN plan p ON p.id = l.plan_id WHERE p.number = ? AND l.unit_id IS NULL "
                   "ORDER BY l.position, l.id", (unit, plan)).fetchall()
ws = openpyxl.load_workbook(path)["Kinh phí"]
def ok(cond, what):
    print("%d\txlsx 2025: %s" % (0 if cond else 1, what))
ok(len(rows) == 2, "two lines of the plan")
ok("tham chiếu" in (ws.cell(4, 8).value or ""), "reference column header %r" % ws.cell(4, 8).value)
for i, (name, mine, ref) in enumerate(rows):
    r = 6 + i
    ok(ws.cell(r, 2).value == name, "line %d is %s" % (i + 1, name[:30]))
    ok(ws.cell(r, 4).value == mine and mine is not None, "line %d: the unit's planned %s = %s" % (i + 1, ws.cell(r, 4).value, mine))
    ok(ws.cell(r, 8).value == ref and ref is not None, "line %d: the plan's figure %s = %s" % (i + 1, ws.cell(r, 8).value, ref))
    ok(mine != ref, "line %d: the unit's figure is not the plan's" % (i + 1))
EOF2
ok $? "openpyxl read the 2025 workbook"
while IFS=$'\t' read -r rc what; do ok "$rc" "$what"; done < "$TMP/ref-checks"
pdftotext -raw "$TMP/r2025.pdf" - | tr '\n' ' ' | tr -s ' ' > "$TMP/r2025.txt"
# The narrow header wraps ("Theo KH / số 401/KH- / UBND / (tham / chiếu)").
grep -qE "Theo KH số [^ ]+ ?UBND \(tham chiếu\)" "$TMP/r2025.txt"; ok $? "the 2025 PDF has the reference column"
grep -qE "Ngân sách nhà nước [0-9.,]+ [0-9.,]+ [0-9.,]+ [0-9.,]+ 150 " "$TMP/r2025.txt"; ok $? "the 2025 PDF shows the plan's 150 triệu beside the unit's figures"
rm -f "$OUT"/ref2025-*.png
pdftoppm -r 60 -png "$TMP/r2025.pdf" "$OUT/ref2025"; ok $? "PNG of the 2025 pages in $OUT"

echo "1..$n"
[ $failed = 0 ]
