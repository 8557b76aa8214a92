#!/bin/bash
# test-resave.sh — a report opened and saved again by another program
# imports as the original does (issue 18, items 3 and 4):
#
# 1. The CLI exports BG-CD01's report on 401/KH-UBND from the demo.
# 2. openpyxl loads and saves it (formulas lose their results) and
#    LibreOffice Calc converts it to XLSX (soffice --headless, private
#    profile); both run here, in the test.
# 3. Each of the three files is imported into a fresh office database: all
#    are accepted, none has a cell edited by hand, and the stored values,
#    tasks, budget lines and problems are the same as the original's.
# 4. openpyxl changes the printed value, the assessment, the explanation
#    and a task's result; `import` lists each cell with its sheet, code,
#    data and text.
# 5. A zip with a duplicate entry and one with a part named
#    "../../tmp/x.xml" are refused in Vietnamese, in our own words.
#
# Copyright 2026 The gdnn-report authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
BIN=${GDNN_REPORT:?GDNN_REPORT must point at the gdnn-report binary}
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB=$TMP/gdnn.db
YEAR=2026
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

# The program in Vietnamese, as an officer runs it (DESIGN §7).
vi () {
  LC_ALL= LC_MESSAGES= LANG=C.UTF-8 LANGUAGE= "$BIN" "$@"
}

# What an import stored: the unit's values, tasks, budget and the problems.
dump () {
  sqlite3 "$1" "
    SELECT 'v', i.code, v.numerator, v.denominator, v.note FROM value v JOIN indicator i ON i.id = v.indicator_id
      JOIN unit u ON u.id = v.unit_id WHERE u.code = 'BG-CD01' ORDER BY i.code;
    SELECT 't', t.code, tp.status, tp.progress, tp.result FROM task_progress tp JOIN task t ON t.id = tp.task_id
      JOIN unit u ON u.id = tp.unit_id WHERE u.code = 'BG-CD01' ORDER BY t.code;
    SELECT 'p', kind, ref, message FROM submission_problem ORDER BY kind, ref, message;
    SELECT 's', status, problems FROM submission;"
}

vi --db "$DB" demo >/dev/null; ok $? "demo database"
vi --db "$DB" export --unit BG-CD01 --plan 401/KH-UBND --year $YEAR --xlsx "$TMP/orig.xlsx" >/dev/null 2>&1
ok $? "export the report of BG-CD01"

mkdir -p "$TMP/openpyxl" "$TMP/lo"
$PY -c 'import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])' \
  "$TMP/orig.xlsx" "$TMP/openpyxl/bao-cao.xlsx"
ok $? "openpyxl loads and saves the report"
# (unzip is not among the packages ./dev installs; Python reads the zip.)
$PY -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' \
  "$TMP/openpyxl/bao-cao.xlsx" xl/worksheets/sheet3.xml | grep -q '<f>IF(H7&gt;0,G7/H7,"")</f><v></v>'
ok $? "openpyxl's copy holds the value's formula without its result"

soffice "-env:UserInstallation=file://$TMP/lo-profile" --headless --norestore --nolockcheck \
  --convert-to xlsx --outdir "$TMP/lo" "$TMP/orig.xlsx" >"$TMP/lo.log" 2>&1
[ -s "$TMP/lo/orig.xlsx" ]; ok $? "LibreOffice Calc converts the report to XLSX ($(tail -1 "$TMP/lo.log"))"
! cmp -s "$TMP/orig.xlsx" "$TMP/lo/orig.xlsx"; ok $? "LibreOffice's copy is a file of its own"

i=0
for f in "$TMP/orig.xlsx" "$TMP/openpyxl/bao-cao.xlsx" "$TMP/lo/orig.xlsx"; do
  i=$((i + 1))
  office=$TMP/office$i.db
  vi --db "$office" init >/dev/null
  out=$(vi --db "$office" import "$f" 2>"$TMP/err"); rc=$?
  [ $rc = 0 ]; ok $? "import of $(basename "$(dirname "$f")")/$(basename "$f") ($(head -c 300 "$TMP/err"))"
  grep -q ', 0 ô bị sửa tay)\.$' <<<"$out"; ok $? "no cell edited by hand ($(head -1 <<<"$out"))"
  [ "$(sqlite3 "$office" "SELECT count(*) FROM submission_problem WHERE kind = 'edited_cell';")" = 0 ]
  ok $? "no edited-cell problem stored"
  dump "$office" > "$TMP/dump$i"
done
[ -s "$TMP/dump1" ] && [ "$(grep -c '^v|' "$TMP/dump1")" -gt 5 ]; ok $? "the original stored its values"
cmp -s "$TMP/dump1" "$TMP/dump2"; ok $? "openpyxl's copy stores what the original stores ($(diff "$TMP/dump1" "$TMP/dump2" | head -3))"
cmp -s "$TMP/dump1" "$TMP/dump3"; ok $? "LibreOffice's copy stores what the original stores ($(diff "$TMP/dump1" "$TMP/dump3" | head -3))"

# Hand edits made with openpyxl on the visible sheets; the expected lines
# come from the data sheet.
$PY - "$TMP/orig.xlsx" "$TMP/edited.xlsx" "$TMP/expected" <<'EOF'
import sys, openpyxl
from openpyxl.utils.cell import coordinate_from_string
wb = openpyxl.load_workbook(sys.argv[1])
data = wb['gdnn_data']
rows = list(data.iter_rows(values_only=True))
def record(kind, pick):
    header = None
    for r in rows:
        if r[0] == '#' + kind:
            header = list(r)
        elif header and r[0] == kind and pick(dict(zip(header, r))):
            return dict(zip(header, r))
ind = record('indicator', lambda r: r['measure'] == 'ratio' and r['value'] is not None and r['assessment'])
task = record('task', lambda r: r['result'])
def cell(ref):
    sheet, a1 = ref.rsplit('!', 1)
    return sheet.strip("'"), a1.replace('$', '')
def num(v):
    return ('%.10g' % v).replace('.', ',')
other = 'Đạt' if ind['assessment'] == 'not_met' else 'Chưa đạt'
label = {'not_met': 'Chưa đạt', 'met': 'Đạt', 'exceeded': 'Vượt'}[ind['assessment']]
edits = [
    (ind['value_cell'], 0.99, ind['code'], 'giá trị', num(ind['value']), '99'),
    (ind['assessment_cell'], other, ind['code'], 'đánh giá', label, other),
    (ind['note_cell'], 'Sửa tay', ind['code'], 'giải trình', ind['note'] or '', 'Sửa tay'),
    (task['result_cell'], 'Đã sửa kết quả', task['code'], 'kết quả', task['result'].replace('\n', ' '), 'Đã sửa kết quả'),
]
with open(sys.argv[3], 'w', encoding='utf-8') as out:
    for ref, new, code, column, was, shown in edits:
        sheet, a1 = cell(ref)
        wb[sheet][a1] = new
        out.write("  '%s'!%s (%s – %s): số liệu là “%s”, ô hiển thị “%s”\n" % (sheet, a1, code, column, was, shown))
wb.save(sys.argv[2])
EOF
ok $? "openpyxl edits the value, the assessment, the explanation and a result"
vi --db "$TMP/office4.db" init >/dev/null
out=$(vi --db "$TMP/office4.db" import "$TMP/edited.xlsx" 2>"$TMP/err"); rc=$?
[ $rc = 0 ]; ok $? "the edited copy is imported ($(head -c 300 "$TMP/err"))"
grep -q ', 4 ô bị sửa tay)\.$' <<<"$out"; ok $? "import counts 4 cells edited by hand ($(head -1 <<<"$out"))"
while IFS= read -r line; do
  grep -Fxq -- "$line" <<<"$out"; ok $? "import lists: $line"
done < "$TMP/expected"
[ "$(grep -c "^  '" <<<"$out")" = 4 ]; ok $? "import lists no other cell"

# Packages no spreadsheet program writes, refused in Vietnamese.
$PY - "$TMP/orig.xlsx" "$TMP/dup.xlsx" "$TMP/climb.xlsx" <<'EOF'
import sys, warnings, zipfile
warnings.simplefilter('ignore')
src = zipfile.ZipFile(sys.argv[1])
for out, extra in ((sys.argv[2], 'xl/workbook.xml'), (sys.argv[3], '../../tmp/x.xml')):
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info.filename))
        z.writestr(extra, src.read('xl/workbook.xml'))
EOF
vi --db "$TMP/office4.db" import "$TMP/dup.xlsx" >/dev/null 2>"$TMP/err"; [ $? = 1 ]; ok $? "a zip with a duplicate entry is refused"
grep -q 'không phải tệp do Excel hoặc phần mềm này tạo ra' "$TMP/err"; ok $? "… as not written by Excel or this program ($(cat "$TMP/err"))"
! grep -qi 'already exists\|file exists' "$TMP/err"; ok $? "… without libzip's English"
vi --db "$TMP/office4.db" import "$TMP/climb.xlsx" >/dev/null 2>"$TMP/err"; [ $? = 1 ]; ok $? "a part named ../../tmp/x.xml is refused"
grep -q '“../../tmp/x.xml”.*không phải tệp do Excel hoặc phần mềm này tạo ra' "$TMP/err"; ok $? "… naming the part ($(cat "$TMP/err"))"

# The same file again: refused, saying there is nothing more to do.
vi --db "$TMP/office1.db" import "$TMP/orig.xlsx" >/dev/null 2>"$TMP/err"; [ $? = 1 ]; ok $? "the same file twice is refused"
grep -q '^gdnn-report: orig.xlsx: Đã nhận tệp này ngày [0-9/]* (tên tệp “orig.xlsx”)\. Tệp đã có trong danh sách: không cần làm gì thêm\.$' "$TMP/err"; ok $? "… saying that nothing more is to be done ($(cat "$TMP/err"))"

# Files that cannot be read: our words, with what to do.
vi --db "$TMP/office4.db" import "$TMP/nowhere.xlsx" >/dev/null 2>"$TMP/err"; [ $? = 1 ]; ok $? "a missing file is refused"
grep -qx 'gdnn-report: nowhere.xlsx: Tệp không tồn tại: tệp đã bị chuyển đi hoặc bị xóa. Hãy chọn lại tệp ở vị trí hiện tại.' "$TMP/err"; ok $? "… in Vietnamese, without the system's English ($(cat "$TMP/err"))"
vi --db "$TMP/office4.db" import /dev/null >/dev/null 2>"$TMP/err"; [ $? = 1 ]; ok $? "a device is refused"
grep -qx 'gdnn-report: null: Đây không phải là tệp mà là thư mục hoặc thiết bị. Hãy chọn chính tệp báo cáo.' "$TMP/err"; ok $? "… saying to choose the file ($(cat "$TMP/err"))"
truncate -s 40M "$TMP/huge.xlsx"
vi --db "$TMP/office4.db" import "$TMP/huge.xlsx" >/dev/null 2>"$TMP/err"; [ $? = 1 ]; ok $? "a 40 MiB file is refused"
grep -qx 'gdnn-report: huge.xlsx: Tệp lớn hơn 32 MiB, lớn hơn nhiều so với một báo cáo: đề nghị đơn vị gửi tệp do phần mềm xuất ra.' "$TMP/err"; ok $? "… saying what to do ($(cat "$TMP/err"))"

echo "1..$n"
exit $((failed > 0))
