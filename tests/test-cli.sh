#!/bin/bash
# test-cli.sh — the command line of DESIGN §5, run as a user would.
#
# Copyright 2026 The gdnn-report authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
BIN=${GDNN_REPORT:?GDNN_REPORT must point at the gdnn-report binary}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB=$TMP/gdnn.db
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

count () {
  sqlite3 "$DB" "SELECT count(*) FROM $1;"
}

for cmd in init demo list plans units values backup restore check export import summary; do
  out=$("$BIN" "$cmd" --help 2>&1); rc=$?
  [ $rc = 0 ] && grep -q "$cmd" <<<"$out"; ok $? "$cmd --help prints its usage"
done

"$BIN" --db "$DB" frobnicate >/dev/null 2>&1; [ $? = 2 ]; ok $? "an unknown command exits 2"
"$BIN" --db "$DB" list units >/dev/null 2>&1; [ $? != 0 ]; ok $? "list on a missing database fails"
[ ! -e "$DB" ]; ok $? "a failed list does not create the database"

"$BIN" --db "$DB" demo >/dev/null; ok $? "demo creates a database"
[ "$(count plan)" -ge 5 ]; ok $? "the demo holds the shipped plans"
"$BIN" --db "$DB" demo >/dev/null 2>&1; [ $? != 0 ]; ok $? "demo on a database with data fails"
"$BIN" --db "$DB" init >/dev/null 2>&1; [ $? != 0 ]; ok $? "init on a database with data fails"

"$BIN" --db "$DB" list plans | grep -q $'^401/KH-UBND\t.*\t2022\t2030$'; ok $? "list plans: number, title, first and last year"
"$BIN" --db "$DB" list units | grep -q $'^BG-CD01\t.*\tcao_dang\tSLD-BG\t401/KH-UBND$'; ok $? "list units: code, name, kind, parent, plans"
"$BIN" --db "$DB" list indicators | grep -q $'^401/KH-UBND\tI.2.a.1\tratio\t'; ok $? "list indicators: plan, code, measure, name"
[ "$("$BIN" --db "$DB" list tasks | awk -F'\t' '$1=="401/KH-UBND"' | wc -l)" = 28 ]; ok $? "list tasks: the 28 tasks of plan 401"
"$BIN" --db "$DB" list things >/dev/null 2>&1; [ $? != 0 ]; ok $? "list with an unknown kind fails"

"$BIN" --db "$DB" values export "$TMP/values.csv"; ok $? "values export"
head -1 "$TMP/values.csv" | grep -qx 'unit_code,plan,indicator_code,year,numerator,denominator,note'; ok $? "values export writes the header row"
[ "$(($(wc -l < "$TMP/values.csv") - 1))" = "$(count value)" ]; ok $? "values export writes every value"

before=$(count value); log_before=$(count change_log)
printf 'unit_code,plan,indicator_code,year,numerator,denominator,note\nBG-CD01,401/KH-UBND,I.2.a.1,2026,10,20,\nBG-CD01,401/KH-UBND,I.2.a.2,2026,30,20,\n' > "$TMP/bad.csv"
err=$("$BIN" --db "$DB" values import "$TMP/bad.csv" 2>&1); rc=$?
[ $rc != 0 ]; ok $? "values import with a bad row fails"
grep -q '3' <<<"$err"; ok $? "the message names line 3 ($err)"
[ "$(count value)" = "$before" ] && [ "$(count change_log)" = "$log_before" ]; ok $? "nothing of the bad file is stored"

printf 'unit_code,plan,indicator_code,year,numerator,denominator,note\nBG-CD01,401/KH-UBND,I.2.a.1,2026,10,20,giải trình\n' > "$TMP/good.csv"
"$BIN" --db "$DB" values import "$TMP/good.csv" >/dev/null; ok $? "values import of a good file"
[ "$(sqlite3 "$DB" "SELECT numerator || '/' || denominator FROM value v JOIN unit u ON u.id = v.unit_id JOIN indicator i ON i.id = v.indicator_id WHERE u.code = 'BG-CD01' AND i.code = 'I.2.a.1' AND v.year = 2026;")" = "10.0/20.0" ]; ok $? "the imported value is stored"

printf 'code,name,type,ownership,parent_code,plans\nBG-TC09,Trường Trung cấp Mẫu,Trung cấp,Công lập,SLD-BG,401/KH-UBND\n' > "$TMP/units.csv"
"$BIN" --db "$DB" units import "$TMP/units.csv" >/dev/null; ok $? "units import with Vietnamese labels"
"$BIN" --db "$DB" list units | grep -q $'^BG-TC09\t.*\ttrung_cap\tSLD-BG\t401/KH-UBND$'; ok $? "the imported unit is listed with its parent and plan"

echo '{"format": "gdnn-plan-template", "format_version": 1,' > "$TMP/broken.json"
"$BIN" --db "$DB" plans import "$TMP/broken.json" >/dev/null 2>&1; [ $? != 0 ]; ok $? "plans import of a malformed template fails"

"$BIN" --db "$DB" backup "$TMP/backup.db" >/dev/null; ok $? "backup"
units_before=$(count unit)
printf 'code,name,type,ownership,parent_code,plans\nBG-TC10,Trường Trung cấp Sau Sao Lưu,trung_cap,cong_lap,SLD-BG,\n' > "$TMP/units2.csv"
"$BIN" --db "$DB" units import "$TMP/units2.csv" >/dev/null
[ "$(count unit)" = $((units_before + 1)) ]; ok $? "a unit added after the backup"
"$BIN" --db "$DB" restore "$TMP/backup.db" >/dev/null; ok $? "restore"
[ "$(count unit)" = "$units_before" ]; ok $? "restore brings back the backup's units"
BDIR=$TMP/backups/gdnn
kept=$(ls "$BDIR"/*_restore*.db 2>/dev/null | head -1)
[ -n "$kept" ] && [ "$(sqlite3 "$kept" 'SELECT count(*) FROM unit;')" = $((units_before + 1)) ]; ok $? "restore keeps the replaced file as a backup"
ls "$BDIR"/*_import*.db >/dev/null 2>&1; ok $? "an import makes a backup first"
"$BIN" --db "$DB" restore "$TMP/broken.json" >/dev/null 2>&1; [ $? != 0 ]; ok $? "restore from a file that is not a backup fails"
[ "$(count unit)" = "$units_before" ]; ok $? "a failed restore changes nothing"

# The rotation beside the database: backup without OUT, --list, restore --latest.
"$BIN" --db "$DB" backup >/dev/null; ok $? "backup into the rotation"
ls "$BDIR"/*_manual*.db >/dev/null 2>&1; ok $? "the manual backup is in backups/gdnn/"
out=$("$BIN" --db "$DB" backup --list); rc=$?
[ $rc = 0 ] && grep -qE $'^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}\tmanual\t[0-9]+\t'"$units_before"$'\t[0-9]+\t[0-9]+\tok\t' <<<"$out"; ok $? "backup --list shows date, reason, size, counts and state"
[ "$(wc -l <<<"$out")" = "$(ls "$BDIR"/*.db | wc -l)" ]; ok $? "backup --list has a row per backup"
printf 'code,name,type,ownership,parent_code,plans\nBG-TC11,Trường Trung cấp Nhập Nhầm,trung_cap,cong_lap,SLD-BG,\n' > "$TMP/units3.csv"
"$BIN" --db "$DB" units import "$TMP/units3.csv" >/dev/null
[ "$(count unit)" = $((units_before + 1)) ]; ok $? "a unit imported by mistake"
"$BIN" --db "$DB" restore --latest >/dev/null; ok $? "restore --latest"
[ "$(count unit)" = "$units_before" ]; ok $? "restore --latest brings back the data from before the import"
"$BIN" --db "$TMP/none.db" restore --latest >/dev/null 2>&1; [ $? = 1 ]; ok $? "restore --latest without backups fails"
[ ! -e "$TMP/none.db" ]; ok $? "and creates nothing"

"$BIN" --db "$DB" check >/dev/null; ok $? "check passes on a good database"
echo "not a database" > "$TMP/foreign.db"
cp "$TMP/foreign.db" "$TMP/foreign.orig"
"$BIN" --db "$TMP/foreign.db" check >/dev/null 2>&1; [ $? != 0 ]; ok $? "check refuses a foreign file"
cmp -s "$TMP/foreign.db" "$TMP/foreign.orig"; ok $? "the foreign file is left untouched"

# export: the yearly report (the files themselves are read back in test-report-files.sh).
YEAR=$(date +%Y); [ "$YEAR" -gt 2030 ] && YEAR=2030
log_before=$(count change_log)
"$BIN" --db "$DB" export --unit BG-CD01 --plan 401/KH-UBND >/dev/null 2>&1; [ $? = 2 ]; ok $? "export without --year exits 2"
"$BIN" --db "$DB" export --unit BG-CD01 --plan 401/KH-UBND --year 2026 --frob x >/dev/null 2>&1; [ $? = 2 ]; ok $? "export with an unknown option exits 2"
"$BIN" --db "$DB" export --unit NO-SUCH --plan 401/KH-UBND --year "$YEAR" --xlsx "$TMP/no.xlsx" >/dev/null 2>"$TMP/err"; [ $? = 1 ]; ok $? "export for an unknown unit fails"
grep -q 'NO-SUCH' "$TMP/err"; ok $? "the message names the unit"
[ ! -e "$TMP/no.xlsx" ]; ok $? "a failed export writes no file"
"$BIN" --db "$DB" export --unit BG-CD01 --plan 401/KH-UBND --year 2040 --pdf "$TMP/no.pdf" >/dev/null 2>&1; [ $? = 1 ]; ok $? "export for a year outside the plan fails"
"$BIN" --db "$DB" export --unit BG-CD01 --plan 401/KH-UBND --year "$YEAR" --xlsx "$TMP/r.xlsx" --pdf "$TMP/r.pdf" >/dev/null 2>&1; ok $? "export writes XLSX and PDF"
[ -s "$TMP/r.xlsx" ] && [ -s "$TMP/r.pdf" ]; ok $? "both files exist"
head -c 4 "$TMP/r.pdf" | grep -q '%PDF'; ok $? "the PDF is a PDF"
head -c 2 "$TMP/r.xlsx" | grep -q 'PK'; ok $? "the XLSX is a zip"
"$BIN" --db "$DB" export --unit=BG-CD01 --plan=401/KH-UBND --year="$YEAR" --pdf="$TMP/r2.pdf" >/dev/null 2>&1 && [ -s "$TMP/r2.pdf" ]; ok $? "export accepts --option=value"
err=$("$BIN" --db "$DB" export --unit BG-CD01 --plan 401/KH-UBND --year "$YEAR" 2>&1 >/dev/null); rc=$?
[ $rc = 0 ]; ok $? "export without output files only checks"
[ "$(count change_log)" = "$log_before" ]; ok $? "export leaves the database unchanged"
ls "$TMP"/*.part-* >/dev/null 2>&1; [ $? != 0 ]; ok $? "no temporary files are left behind"
"$BIN" --db "$DB" export --unit BG-CD01 --plan 401/KH-UBND --year "$YEAR" --xlsx "$TMP/nodir/r.xlsx" >/dev/null 2>&1; [ $? = 1 ]; ok $? "export into a missing folder fails"
# A plan that sets no report dates (issue 18, item 7): no office receives
# the report, so it is not exported.
LC_ALL= LC_MESSAGES= LANG=C.UTF-8 LANGUAGE= "$BIN" --db "$DB" export --unit BG-CD01 --plan 2222/QĐ-TTg --year "$YEAR" --xlsx "$TMP/2222.xlsx" --pdf "$TMP/2222.pdf" >/dev/null 2>"$TMP/err"; [ $? = 1 ]; ok $? "export for a plan without report dates fails"
[ ! -e "$TMP/2222.xlsx" ] && [ ! -e "$TMP/2222.pdf" ]; ok $? "… and writes no file"
grep -qx 'gdnn-report: Kế hoạch 2222/QĐ-TTg không yêu cầu báo cáo (không có lịch báo cáo) nên không cơ quan nào nhận báo cáo theo kế hoạch này; báo cáo không được xuất. Hãy xuất báo cáo theo kế hoạch mà cơ quan quản lý yêu cầu, ví dụ kế hoạch của tỉnh.' "$TMP/err"; ok $? "… saying why and what to do ($(cat "$TMP/err"))"


# import + summary: the reviewing office (DESIGN §5). Every unit of plan 401
# exports its report from the demo database; a fresh reviewer database
# imports them; the summary CSV equals the sums over the units' values.
RDB=$TMP/office.db
"$BIN" --db "$RDB" init >/dev/null; ok $? "init a reviewer database"
mkdir -p "$TMP/received"
codes=$(sqlite3 "$DB" "SELECT u.code FROM unit u JOIN unit_plan up ON up.unit_id = u.id JOIN plan p ON p.id = up.plan_id WHERE p.number = '401/KH-UBND' AND u.type != 'co_quan' ORDER BY u.code;")
for c in $codes; do
  "$BIN" --db "$DB" export --unit "$c" --plan 401/KH-UBND --year "$YEAR" --xlsx "$TMP/received/bao-cao_$c.xlsx" >/dev/null 2>&1 || echo "# export of $c failed"
done
nfiles=$(ls "$TMP/received" | wc -l)
[ "$nfiles" -ge 2 ]; ok $? "the units exported $nfiles reports"
printf 'not a spreadsheet' > "$TMP/received/rac.xlsx"
out=$("$BIN" --db "$RDB" import "$TMP/received" 2>"$TMP/err"); rc=$?
[ $rc = 1 ]; ok $? "import of a folder with a broken file exits 1"
grep -q 'rac.xlsx' "$TMP/err"; ok $? "the refusal names the broken file ($(head -1 "$TMP/err"))"
[ "$(sqlite3 "$RDB" 'SELECT count(*) FROM submission;')" = "$nfiles" ]; ok $? "every good file was imported despite the broken one"
log_before=$(sqlite3 "$RDB" 'SELECT max(id) FROM change_log;')
"$BIN" --db "$RDB" import "$TMP/received/bao-cao_BG-CD01.xlsx" >/dev/null 2>"$TMP/err"; [ $? = 1 ]; ok $? "the same file twice is refused"
[ "$(sqlite3 "$RDB" 'SELECT max(id) FROM change_log;')" = "$log_before" ]; ok $? "a refused file changes nothing"
"$BIN" --db "$RDB" summary --plan 401/KH-UBND --year "$YEAR" --csv "$TMP/sum.csv" --pdf "$TMP/sum.pdf" --xlsx "$TMP/sum.xlsx" >/dev/null; ok $? "summary writes CSV, PDF and XLSX"
head -1 "$TMP/sum.csv" | grep -qx 'indicator_code,units_reporting,numerator,denominator,value'; ok $? "summary CSV header as DESIGN §5"
head -c 4 "$TMP/sum.pdf" | grep -q '%PDF' && head -c 2 "$TMP/sum.xlsx" | grep -q 'PK'; ok $? "summary PDF and XLSX exist"
# Independent sums over the units' database, ratio of the sums.
sqlite3 -csv "$DB" "SELECT i.code, count(*), total(v.numerator), total(v.denominator) FROM value v JOIN indicator i ON i.id = v.indicator_id JOIN plan p ON p.id = i.plan_id JOIN unit u ON u.id = v.unit_id WHERE p.number = '401/KH-UBND' AND v.year = $YEAR AND v.period = 'year' AND v.numerator IS NOT NULL AND u.type != 'co_quan' GROUP BY i.code;" > "$TMP/expected.csv"
mismatch=$(awk -F, 'NR==FNR { n[$1]=$2; num[$1]=$3; den[$1]=$4; next }
  FNR==1 { next }
  $2 != "" && $2 > 0 { seen++; if (n[$1] != $2 || (num[$1] - $3) ^ 2 > 1e-6 || ($4 != "" && (den[$1] - $4) ^ 2 > 1e-6) ||
      ($4 != "" && $4 > 0 && (100 * $3 / $4 - $5) ^ 2 > 1e-6)) bad = bad " " $1 }
  END { if (seen == 0) print "no rows"; else print bad }' "$TMP/expected.csv" "$TMP/sum.csv")
[ -z "$mismatch" ]; ok $? "summary CSV equals the independent sums (mismatches:$mismatch)"
"$BIN" --db "$RDB" summary --plan 401/KH-UBND --year "$YEAR" >/dev/null 2>&1; [ $? = 2 ]; ok $? "summary without an output exits 2"
"$BIN" --db "$RDB" summary --plan 999/XX --year "$YEAR" --csv "$TMP/no.csv" >/dev/null 2>&1; [ $? = 1 ]; ok $? "summary for an unknown plan fails"

# Vietnamese unless the locale asks for a language we have (DESIGN §7). LC_ALL
# and LC_MESSAGES are cleared: they override LANG (dh_auto_test sets LC_ALL).
LC_ALL= LC_MESSAGES= LANG=C.UTF-8 LANGUAGE= "$BIN" frobnicate 2>&1 | grep -q 'không có lệnh'; ok $? "a C locale gets Vietnamese messages"
LC_ALL= LC_MESSAGES= LANG=fr_FR.UTF-8 LANGUAGE= "$BIN" frobnicate 2>&1 | grep -q 'không có lệnh'; ok $? "a locale without a translation falls back to Vietnamese"
LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 LANGUAGE= "$BIN" frobnicate 2>&1 | grep -q 'unknown command'; ok $? "an English locale gets English messages"

# ---- history (issue 7, item 5): the change log shown and exported ----
# Self-contained: its own demo database; English messages for the checks.
HDB=$TMP/history.db
hist () { LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 LANGUAGE= "$BIN" --db "$HDB" "$@"; }
out=$(hist history --help 2>&1); [ $? = 0 ] && grep -q 'history' <<<"$out"; ok $? "history --help prints its usage"
hist demo >/dev/null; ok $? "history: a demo database"
old=$(sqlite3 "$HDB" "SELECT CASE WHEN v.numerator = CAST(v.numerator AS INTEGER) THEN CAST(CAST(v.numerator AS INTEGER) AS TEXT) ELSE v.numerator END FROM value v JOIN indicator i ON i.id = v.indicator_id JOIN unit u ON u.id = v.unit_id WHERE u.code = 'BG-CD01' AND i.code = 'I.2.a.1' AND v.year = $YEAR;")
printf 'unit_code,plan,indicator_code,year,numerator,denominator,note\nBG-CD01,401/KH-UBND,I.2.a.1,%s,4321,5000,Đã rà soát\n' "$YEAR" > "$TMP/hist-values.csv"
hist values import "$TMP/hist-values.csv" >/dev/null; ok $? "history: a value changed by a CSV import"
out=$(hist history show --unit BG-CD01 --plan 401/KH-UBND --indicator I.2.a.1 --year "$YEAR"); rc=$?
[ $rc = 0 ]; ok $? "history show exits 0"
head -1 <<<"$out" | grep -q $'\t'"$(id -un)"$'\tChanged\tBG-CD01 · I.2.a.1 · '"$YEAR"$'\t.*→ 4\\.321;'; ok $? "history show: newest first, who, the numerator old → new the Vietnamese way ($(head -1 <<<"$out"))"
head -1 <<<"$out" | grep -q '^[0-9][0-9]/[0-9][0-9]/[0-9]\{4\} [0-9][0-9]:[0-9][0-9]'$'\t'; ok $? "history show: the time as dd/mm/yyyy hh:mm"
[ "$(wc -l <<<"$out")" -ge 2 ] && tail -1 <<<"$out" | grep -q $'\tAdded\t'; ok $? "history show: the demo's first entry last"
hist history show --unit BG-CD01 --plan 401/KH-UBND --indicator X.9 --year "$YEAR" >/dev/null 2>&1; [ $? = 1 ]; ok $? "history show of an unknown indicator fails"
hist history show --unit BG-CD01 --plan 401/KH-UBND --year "$YEAR" >/dev/null 2>&1; [ $? = 2 ]; ok $? "history show without what to show exits 2"
hist history show --unit BG-CD01 --plan 401/KH-UBND --report --year "$YEAR" >/dev/null; ok $? "history show --report"
hist history export "$TMP/log.csv" >/dev/null; ok $? "history export"
head -1 "$TMP/log.csv" | tr -d '\r' | grep -qx 'at,who,action,entity,entity_id,field,old,new'; ok $? "history export: the header of docs/change-log-format.md"
# Expected rows, counted independently from the log: the fields an update
# changed, the fields an insert or a delete holds, at least one per change.
expected=$(sqlite3 "$HDB" "SELECT sum(max(1, (SELECT count(*) FROM json_each(coalesce(l.new, l.old)) j WHERE CASE l.action WHEN 'update' THEN json_extract(l.old, j.fullkey) IS NOT json_extract(l.new, j.fullkey) ELSE j.type != 'null' END))) FROM change_log l;")
rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' "$TMP/log.csv")
[ "$rows" = "$expected" ]; ok $? "history export: one row per changed field ($rows rows, $expected expected)"
tr -d '\r' < "$TMP/log.csv" | grep -q ',update,value,[0-9]*,numerator,'"$old"',4321$'; ok $? "history export: the raw old and new numerator"
tomorrow=$(date -d tomorrow +%d/%m/%Y)
hist history export "$TMP/none.csv" --from "$tomorrow" >/dev/null; [ $? = 0 ] && [ "$(wc -l < "$TMP/none.csv")" = 1 ]; ok $? "history export --from tomorrow: the header only"
today=$(date +%Y-%m-%d)
hist history export "$TMP/today.csv" --from "$today" --to "$today" >/dev/null && cmp -s "$TMP/today.csv" "$TMP/log.csv"; ok $? "history export --from/--to today (ISO dates): every change of today"
hist history export "$TMP/hist-bad.csv" --from 31/02/2026 >/dev/null 2>&1; [ $? = 2 ] && [ ! -e "$TMP/hist-bad.csv" ]; ok $? "history export with an impossible date exits 2, writing nothing"
err=$(hist history compare --unit BG-CD01 --plan 401/KH-UBND --year "$YEAR" 2>&1); [ $? = 1 ] && grep -q 'not been finalised' <<<"$err"; ok $? "history compare of a report never finalised says so"

# ---- values import dialects, and percentages printed as assessed (issue 16, items 3 and 4) ----
# Self-contained: its own demo database. Plan 401 expects 60% of I.2.a.1 in 2026.
DDB=$TMP/dialect.db
en () { LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 LANGUAGE= "$BIN" --db "$DDB" "$@"; }
vi () { LC_ALL= LC_MESSAGES= LANG=C.UTF-8 LANGUAGE= "$BIN" --db "$DDB" "$@"; }
stored () { sqlite3 "$DDB" "SELECT v.numerator || '/' || ifnull(v.denominator, '') FROM value v JOIN unit u ON u.id = v.unit_id JOIN indicator i ON i.id = v.indicator_id JOIN plan p ON p.id = i.plan_id WHERE u.code = '$1' AND p.number = '$2' AND i.code = '$3' AND v.year = $4;"; }
en demo >/dev/null; ok $? "dialects: a demo database"
# As a Vietnamese Excel saves it: BOM, ";" between fields, quotes, "." between thousands, CRLF.
printf '\xef\xbb\xbf"unit_code";"plan";"indicator_code";"year";"numerator";"denominator";"note"\r\n"BK-CD01";"206/KH-UBND";"I.2.1";2023;1.250;;"Số người; đã kiểm tra"\r\n"BG-CD01";"401/KH-UBND";"I.2.a.1";2026;1.499;2.500;"Thiếu giảng viên"\r\n' > "$TMP/excel.csv"
out=$(en values import "$TMP/excel.csv"); rc=$?
[ $rc = 0 ] && [ "$out" = 'Imported 2 values (the file was read with “;” between columns, “,” as the decimal mark, “.” between thousands: 1.234,5).' ]; ok $? "values import of an Excel file says its dialect ($out)"
[ "$(stored BK-CD01 206/KH-UBND I.2.1 2023)" = "1250.0/" ] && [ "$(stored BG-CD01 401/KH-UBND I.2.a.1 2026)" = "1499.0/2500.0" ]; ok $? "1.250 people in that file are 1250, 1.499 of 2.500 are 1499 of 2500"
out=$(vi values import "$TMP/excel.csv")
[ "$out" = 'Đã nhập 2 số liệu (tệp được đọc theo quy ước: “;” giữa các cột, “,” làm dấu thập phân, “.” tách hàng nghìn: 1.234,5).' ]; ok $? "the same in Vietnamese ($out)"
printf 'unit_code,plan,indicator_code,year,numerator,denominator,note\nBK-CD01,206/KH-UBND,I.2.1,2023,1250,,\n' > "$TMP/comma.csv"
out=$(en values import "$TMP/comma.csv")
[ "$out" = 'Imported 1 values (the file was read with “,” between columns, “.” as the decimal point, no thousands separator: 1234.5).' ]; ok $? "values import of a comma/dot file says its dialect ($out)"
printf 'unit_code,plan,indicator_code,year,numerator,denominator,note\nBK-CD01,206/KH-UBND,I.2.1,2023,1.250,,\n' > "$TMP/point.csv"
err=$(vi values import "$TMP/point.csv" 2>&1); rc=$?
[ $rc = 1 ] && [ "$err" = 'gdnn-report: point.csv: Dòng 2: ở cột numerator, “1.250” được đọc là 1,25 vì tệp này dùng “.” làm dấu thập phân, nhưng số đếm phải là số nguyên. Nếu “.” trong “1.250” là dấu tách hàng nghìn, hãy ghi 1250, hoặc lưu tệp với “;” giữa các cột, “,” làm dấu thập phân và “.” tách hàng nghìn' ]; ok $? "1.250 people in a comma/dot file are refused, naming line, column and both conventions ($err)"
[ "$(stored BK-CD01 206/KH-UBND I.2.1 2023)" = "1250.0/" ]; ok $? "and nothing of it is stored"
printf 'unit_code,plan,indicator_code,year,numerator,denominator,note\nBG-CD01,401/KH-UBND,I.2.a.2,2026,1114,"2.146",\n' > "$TMP/half.csv"
err=$(vi values import "$TMP/half.csv" 2>&1); [ $? = 1 ] && grep -q '^gdnn-report: half.csv: Dòng 2: ở cột denominator, “2.146” được đọc là 2,146 ' <<<"$err"; ok $? "1114 of \"2.146\" is refused for the denominator, not as numerator > denominator ($err)"
printf 'unit_code;plan;indicator_code;year;numerator;denominator;note\nBG-CD01;401/KH-UBND;I.2.a.2;2026;1;1,5;\n' > "$TMP/half-teacher.csv"
err=$(vi values import "$TMP/half-teacher.csv" 2>&1); rc=$?
[ $rc = 1 ] && [ "$err" = 'gdnn-report: half-teacher.csv: Dòng 2: ở cột denominator, “1,5” không phải là số nguyên (tệp này ghi số: “,” làm dấu thập phân, “.” tách hàng nghìn: 1.234,5); tử số và mẫu số của tỷ lệ là số đếm' ]; ok $? "1,5 teachers are refused ($err)"
# 1499 of 2500 is 59,96%: behind the 60% expected, so never printed "60%".
en export --unit BG-CD01 --plan 401/KH-UBND --year 2026 --xlsx "$TMP/pct.xlsx" --pdf "$TMP/pct.pdf" >/dev/null 2>&1; ok $? "dialects: export the report with 1499 of 2500"
row=$(pdftotext -layout "$TMP/pct.pdf" - | grep -m1 -A1 '59,96%')
grep -q '59,96%' <<<"$row" && ! grep -q '60%.*60%.*60%' <<<"$row"; ok $? "the PDF table prints 59,96% ($row)"
pdftotext "$TMP/pct.pdf" - | tr '\n' ' ' | grep -q 'Chỉ tiêu I.2.a.1: đạt 59,96%, mức cần đạt 60% (mục tiêu năm 2030: 100%); Thiếu giảng viên.'; ok $? "the PDF's difficulties say đạt 59,96%, mức cần đạt 60%"
out=$(/usr/bin/python3 - "$TMP/pct.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Chỉ tiêu"]
for row in ws.iter_rows():
    if row[1].value == "I.2.a.1":
        cells = [c for c in row if c.value is not None]
        # value (formula), expected, share of the 2030 target, assessment
        print("|".join(f"{c.value}:{c.number_format}" for c in cells[8:12]))
PY
)
[ "$out" = '=IF(H7>0,G7/H7,""):0.00%|0.6:0%|0.5996:0.00%|Chưa đạt:General' ]; ok $? "the XLSX shows the value and its share of the target with 0.00% beside 60% and Chưa đạt ($out)"
out=$(/usr/bin/python3 - "$TMP/pct.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Báo cáo"]
print(any("Chỉ tiêu I.2.a.1: đạt 59,96%, mức cần đạt 60% (mục tiêu năm 2030: 100%)" in str(c.value) for r in ws.iter_rows() for c in r))
PY
)
[ "$out" = True ]; ok $? "the XLSX's difficulties say đạt 59,96%, mức cần đạt 60%"

# ---- arrival and corrections (issue 18, items 1 and 2) ----
# BG-CD01 sends its report dated 25/11 (45/76 for I.2.a.1), then a
# correction dated 27/11 (77/100). The file names sort the correction first.
ADB=$TMP/arrival-unit.db
ar () { LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 LANGUAGE= "$BIN" --db "$1" "${@:2}"; }
arv () { LC_ALL= LC_MESSAGES= LANG=C.UTF-8 LANGUAGE= "$BIN" --db "$1" "${@:2}"; }
# Sets the report date written in the data sheet (a shared string) of an exported file.
set_report_date () {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import re, sys, zipfile
path, day = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(path) as z:
    parts = [(i, z.read(i.filename)) for i in z.infolist()]
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    for info, data in parts:
        if info.filename == "xl/sharedStrings.xml":
            text, k = re.subn(r"<t>\d{4}-\d{2}-\d{2}</t>", "<t>" + day + "</t>", data.decode())
            assert k == 1, k
            data = text.encode()
        z.writestr(info, data)
PY
}
ar "$ADB" demo >/dev/null
mkdir -p "$TMP/arrival"
printf 'unit_code,plan,indicator_code,year,numerator,denominator,note\nBG-CD01,401/KH-UBND,I.2.a.1,2026,45,76,\n' > "$TMP/orig.csv"
printf 'unit_code,plan,indicator_code,year,numerator,denominator,note\nBG-CD01,401/KH-UBND,I.2.a.1,2026,77,100,\n' > "$TMP/corr.csv"
ar "$ADB" values import "$TMP/orig.csv" >/dev/null && ar "$ADB" export --unit BG-CD01 --plan 401/KH-UBND --year 2026 --xlsx "$TMP/arrival/b-ban-dau.xlsx" >/dev/null 2>&1 &&
  set_report_date "$TMP/arrival/b-ban-dau.xlsx" 2026-11-25; ok $? "arrival: the original, dated 25/11"
ar "$ADB" values import "$TMP/corr.csv" >/dev/null && ar "$ADB" export --unit BG-CD01 --plan 401/KH-UBND --year 2026 --xlsx "$TMP/arrival/a-dinh-chinh.xlsx" >/dev/null 2>&1 &&
  set_report_date "$TMP/arrival/a-dinh-chinh.xlsx" 2026-11-27; ok $? "arrival: the correction, dated 27/11"
ODB=$TMP/arrival-office.db
ar "$ODB" demo >/dev/null
out=$(ar "$ODB" import "$TMP/arrival"); rc=$?
[ $rc = 0 ]; ok $? "arrival: the correction and the original imported in one call"
grep -qxF '  This report (dated 25/11/2026) is older than “a-dinh-chinh.xlsx” (dated 27/11/2026), received before it: it is kept in the history as replaced and its figures are not used.' <<<"$out"; ok $? "arrival: the officer is told the original is older and not used ($out)"
[ "$(grep -c 'is older than' <<<"$out")" = 1 ]; ok $? "arrival: only the original gets that line"
val=$(sqlite3 "$ODB" "SELECT numerator || '/' || denominator FROM value v JOIN unit u ON u.id = v.unit_id JOIN indicator i ON i.id = v.indicator_id WHERE u.code = 'BG-CD01' AND i.code = 'I.2.a.1' AND v.year = 2026;")
[ "$val" = "77.0/100.0" ]; ok $? "arrival: the correction's 77/100 is in the office's values ($val)"
hist_rows=$(sqlite3 "$ODB" "SELECT s.file_name || ':' || s.status || ':' || ifnull ((SELECT r.file_name FROM submission r WHERE r.id = s.replaced_by), '') FROM submission s ORDER BY s.file_name;" | tr '\n' ' ')
[ "$hist_rows" = "a-dinh-chinh.xlsx:received: b-ban-dau.xlsx:replaced:a-dinh-chinh.xlsx " ]; ok $? "arrival: the original is in the history, replaced by the correction ($hist_rows)"
ar "$ODB" summary --plan 401/KH-UBND --year 2026 --csv "$TMP/arrival-sum.csv" >/dev/null
expected=$(sqlite3 "$ODB" "SELECT total (v.numerator) || ',' || total (v.denominator) FROM value v JOIN indicator i ON i.id = v.indicator_id JOIN unit u ON u.id = v.unit_id WHERE i.code = 'I.2.a.1' AND v.year = 2026 AND v.period = 'year' AND u.type != 'co_quan' AND u.id IN (SELECT unit_id FROM submission);")
got=$(awk -F, '$1 == "I.2.a.1" { print $3 "," $4 }' "$TMP/arrival-sum.csv")
[ "$expected" = "77.0,100.0" ] && [ "$(awk -F, '{ printf "%.1f,%.1f", $1, $2 }' <<<"$got")" = "77.0,100.0" ]; ok $? "arrival: the summary totals hold 77/100 ($got)"
out=$(arv "$ODB" import "$TMP/arrival/b-ban-dau.xlsx" 2>&1); [ $? = 1 ]; ok $? "arrival: the same original again is refused as a duplicate"
# Vietnamese: the same message in the officer's language.
VDB=$TMP/arrival-vi.db
arv "$VDB" demo >/dev/null
out=$(arv "$VDB" import "$TMP/arrival")
grep -qxF '  Báo cáo này (ngày 25/11/2026) cũ hơn “a-dinh-chinh.xlsx” (ngày 27/11/2026) đã nhận trước đó: báo cáo được lưu trong lịch sử là đã được thay bằng bản mới và số liệu của nó không được sử dụng.' <<<"$out"; ok $? "arrival: the message in Vietnamese ($out)"

# The day the file arrived: due 30/11, imported today (after it), received 25/11.
RDB2=$TMP/arrival-received.db
ar "$RDB2" demo >/dev/null
ar "$RDB2" import --received 2026-11-25 "$TMP/arrival/a-dinh-chinh.xlsx" >/dev/null; ok $? "arrival: import --received 2026-11-25"
[ "$(sqlite3 "$RDB2" 'SELECT received_at FROM submission;')" = 2026-11-25T00:00:00 ]; ok $? "arrival: the day of receipt is stored"
ar "$RDB2" summary --plan 401/KH-UBND --year 2026 --office SLD-BG --pdf "$TMP/arrival-on-time.pdf" >/dev/null 2>&1
pdftotext "$TMP/arrival-on-time.pdf" - | tr '\n' ' ' | grep -q 'đã gửi báo cáo: 1 đơn vị (đúng hạn: 1, quá hạn: 0)'; ok $? "arrival: received 25/11 for a report due 30/11 is on time"
LDB=$TMP/arrival-late.db
ar "$LDB" demo >/dev/null
ar "$LDB" import --received=2026-12-01 "$TMP/arrival/a-dinh-chinh.xlsx" >/dev/null; ok $? "arrival: import --received=2026-12-01"
ar "$LDB" summary --plan 401/KH-UBND --year 2026 --office SLD-BG --pdf "$TMP/arrival-late.pdf" >/dev/null 2>&1
pdftotext "$TMP/arrival-late.pdf" - | tr '\n' ' ' | grep -q 'đã gửi báo cáo: 1 đơn vị (đúng hạn: 0, quá hạn: 1)'; ok $? "arrival: received 01/12 for a report due 30/11 is late"
# Bad dates: a clear Vietnamese error, exit 2, nothing stored.
BDB=$TMP/arrival-bad.db
ar "$BDB" demo >/dev/null
log_before=$(sqlite3 "$BDB" 'SELECT max(id) FROM change_log;')
err=$(arv "$BDB" import --received 2026-02-30 "$TMP/arrival/a-dinh-chinh.xlsx" 2>&1 >/dev/null); rc=$?
[ $rc = 2 ] && [ "$err" = 'gdnn-report: “2026-02-30” không phải là ngày nhận: hãy ghi ngày tệp đến theo dạng NNNN-TT-NN, ví dụ 2026-11-25.' ]; ok $? "arrival: 30/02 is refused ($err)"
err=$(arv "$BDB" import --received 25/11/2026 "$TMP/arrival/a-dinh-chinh.xlsx" 2>&1 >/dev/null); rc=$?
[ $rc = 2 ] && [ "$err" = 'gdnn-report: “25/11/2026” không phải là ngày nhận: hãy ghi ngày tệp đến theo dạng NNNN-TT-NN, ví dụ 2026-11-25.' ]; ok $? "arrival: 25/11/2026 is refused ($err)"
tomorrow_iso=$(date -d tomorrow +%F); tomorrow_vn=$(date -d tomorrow +%d/%m/%Y)
err=$(arv "$BDB" import --received "$tomorrow_iso" "$TMP/arrival/a-dinh-chinh.xlsx" 2>&1 >/dev/null); rc=$?
[ $rc = 2 ] && [ "$err" = "gdnn-report: Ngày nhận $tomorrow_vn sau ngày hôm nay: hãy ghi đúng ngày tệp thực sự đến." ]; ok $? "arrival: tomorrow is refused ($err)"
err=$(arv "$BDB" import "$TMP/arrival/a-dinh-chinh.xlsx" --received 2>&1 >/dev/null); rc=$?
[ $rc = 2 ] && [ "$err" = 'gdnn-report: --received cần có ngày (năm-tháng-ngày, ví dụ 2026-11-25)' ]; ok $? "arrival: --received without a date is refused ($err)"
[ "$(sqlite3 "$BDB" 'SELECT count(*) FROM submission;')" = 0 ] && [ "$(sqlite3 "$BDB" 'SELECT max(id) FROM change_log;')" = "$log_before" ]; ok $? "arrival: nothing stored after a bad date"

echo "1..$n"
exit $((failed > 0))
