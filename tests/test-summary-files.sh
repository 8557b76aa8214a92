#!/bin/bash
# test-summary-files.sh — the office's summary (PDF, XLSX, CSV) and the
# return letter, written by test-summary-render from hand-built review
# data, read back by independent readers: openpyxl for the workbook,
# poppler-utils for the PDFs. PNGs of the pages go to
# $GDNN_TEST_OUTPUT/summary/ for review.
#
# Copyright 2026 The gdnn-report authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
RENDER=${GDNN_SUMMARY_RENDER:?GDNN_SUMMARY_RENDER must point at test-summary-render}
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
OUT=${GDNN_TEST_OUTPUT:-$TMP/out}/summary
mkdir -p "$OUT"
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

GDNN_SUMMARY_OUTPUT="$TMP" "$RENDER" -p /summary/write-files >/dev/null 2>"$TMP/err"
ok $? "test-summary-render writes the files"
cp "$TMP"/summary.* "$TMP"/return-letter.pdf "$OUT/" 2>/dev/null

# ---- PDF of the summary ----
pdfinfo "$TMP/summary.pdf" > "$TMP/info" 2>/dev/null; ok $? "pdfinfo reads the summary"
pages=$(awk '/^Pages:/ { print $2 }' "$TMP/info")
[ "${pages:-0}" -ge 2 ]; ok $? "the summary has $pages pages"
pdfinfo -f 1 -l "$pages" "$TMP/summary.pdf" > "$TMP/sizes"
grep -q "^Page *1 size: *595.2.* x 841.8" "$TMP/sizes"; ok $? "page 1 is A4 portrait"
grep -q "^Page *$pages size: *841.8.* x 595.2" "$TMP/sizes"; ok $? "the annex (last page) is A4 landscape"
pdffonts "$TMP/summary.pdf" | grep -q "LiberationSerif"; ok $? "Liberation Serif is embedded"
pdftotext -layout "$TMP/summary.pdf" "$TMP/summary.txt"
text=$(tr -s ' \n' ' ' < "$TMP/summary.txt")
for s in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "BÁO CÁO" \
         "Tổng hợp kết quả thực hiện Kế hoạch số 401/KH-UBND năm 2026" \
         "SỞ LAO ĐỘNG - THƯƠNG BINH" "Bắc Giang, ngày 05 tháng 01 năm 2027" \
         "I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO" "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" "III. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ" \
         "Nơi nhận:" "GIÁM ĐỐC" "Nguyễn Văn Thành" "Phụ lục" "SỐ LIỆU CHI TIẾT THEO ĐƠN VỊ" "65%" "38,8%"; do
  case "$text" in *"$s"*) r=0 ;; *) r=1 ;; esac
  ok $r "the summary shows “$s”"
done
# Every unit is named in the annex (its header cells may wrap, so the
# annex pages' words are compared without spaces and line breaks).
annex_first=$((pages))
pdftotext -f 2 -l "$pages" "$TMP/summary.pdf" - | tr -d ' \n' > "$TMP/annex.txt"
for u in "Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang" "Trường Cao đẳng Nghề Công nghệ Việt - Hàn Bắc Giang" \
         "Trường Trung cấp Nghề Miền núi Yên Thế" "Trung tâm GDNN - GDTX huyện Lục Nam" \
         "Trung tâm GDNN - GDTX huyện Sơn Động" "Trường Cao đẳng Ngô Gia Tự Bắc Giang" \
         "Trường Trung cấp Văn hóa, Thể thao và Du lịch Bắc Giang"; do
  grep -qF "$(echo "$u" | tr -d ' ')" "$TMP/annex.txt"; ok $? "the annex names $u"
done
rm -f "$OUT"/summary-*.png
pdftoppm -r 60 -png "$TMP/summary.pdf" "$OUT/summary"; ok $? "PNGs of the summary's pages"

# ---- The return letter ----
pdfinfo "$TMP/return-letter.pdf" > "$TMP/linfo" 2>/dev/null; ok $? "pdfinfo reads the return letter"
grep -q "^Pages: *1$" "$TMP/linfo"; ok $? "the return letter fits one page"
pdftotext -layout "$TMP/return-letter.pdf" - | tr -s ' \n' ' ' > "$TMP/letter.txt"
for s in "V/v trả lại báo cáo kết quả thực hiện" "Kính gửi: Trường Cao đẳng Kỹ thuật Công nghiệp Bắc Giang" \
         "1. Chỉ tiêu I.2.a.1: tử số (52) lớn hơn mẫu số (48);" "3. Chỉ tiêu I.2.d.3 chưa đạt lộ trình" \
         "đã bị sửa trực tiếp" "trước ngày 10/12/2026" "Như trên" "Nơi nhận:"; do
  grep -qF "$s" "$TMP/letter.txt"; ok $? "the return letter shows “$s”"
done
rm -f "$OUT"/return-letter-*.png
pdftoppm -r 60 -png "$TMP/return-letter.pdf" "$OUT/return-letter"; ok $? "PNG of the return letter"

# ---- CSV ----
head -1 "$TMP/summary.csv" | grep -qx "indicator_code,units_reporting,numerator,denominator,value"
ok $? "CSV header (DESIGN §5)"
grep -qx "I.2.a.1,7,91,140,65" "$TMP/summary.csv"; ok $? "CSV: a ratio is the sums and their percentage"

# ---- XLSX, read with openpyxl ----
$PY - "$TMP/summary.xlsx" > "$TMP/xlsx-checks" <<'PYEOF'
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
n = 0
def ok(cond, what):
    print("%d\txlsx: %s" % (0 if cond else 1, what))

ok(wb.sheetnames == ["Tổng hợp", "Phụ lục"], "Vietnamese sheet names %s" % wb.sheetnames)
s, a = wb["Tổng hợp"], wb["Phụ lục"]
for ws in (s, a):
    ok(ws.page_setup.paperSize in (9, "9"), "%s: A4" % ws.title)
    ok(ws.print_title_rows is not None, "%s: print titles" % ws.title)
ok(a.page_setup.orientation == "landscape", "the annex is landscape")
ok(s.page_setup.orientation == "portrait", "the summary is portrait")
values = {c.value for row in s.iter_rows() for c in row if isinstance(c.value, str)}
ok("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in values, "Quốc hiệu")
ok(any(v.startswith("Tổng hợp kết quả thực hiện Kế hoạch số 401/KH-UBND") for v in values), "subject")
ok(len(s.merged_cells.ranges) > 5, "merged header cells")
# The totals table: find the row of I.2.a.1.
row = next(r for r in s.iter_rows() if isinstance(r[1].value, str) and r[1].value.startswith("I.2.a.1"))
ok(row[3].value == 7 and isinstance(row[3].value, int), "units reporting is a number")
ok(row[4].value == 91 and row[5].value == 140, "numerator and denominator are the sums")
ok(abs(row[6].value - 0.65) < 1e-9 and "%" in row[6].number_format, "the ratio is a fraction shown as %")
ok(len(s._charts) == 1, "a native chart of the office totals")
# The annex: one column per unit, one row per indicator.
head = next(r for r in a.iter_rows() if r[0].value == "STT")
units_row = [c.value for c in a[head[0].row + 1]][3:]
ok(len([u for u in units_row if u]) == 7, "the annex has a column per unit: %s" % units_row)
ok("Trường Trung cấp Nghề Miền núi Yên Thế" in units_row, "a unit's name in the annex header")
rows = [r for r in a.iter_rows(min_row=head[0].row + 2) if isinstance(r[1].value, str) and r[1].value.startswith("I.2.")]
ok(len(rows) == 5, "the annex has a row per indicator")
a2 = rows[1]
ok(a2[5].value is None, "a missing value is an empty cell")
ok(abs(rows[0][3].value - 0.5) < 1e-9, "a unit's ratio is a number")
ok(rows[2][3].value == 100 and rows[2][3].number_format == "#,##0", "a count with a thousands format")
PYEOF
ok $? "openpyxl reads the workbook"
while IFS=$'\t' read -r r what; do ok "$r" "$what"; done < "$TMP/xlsx-checks"

echo "1..$n"
[ "$failed" = 0 ]
