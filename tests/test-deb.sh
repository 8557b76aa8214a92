#!/bin/bash
# test-deb.sh — the Debian package end to end: build it with
# dpkg-buildpackage (./dev deb, into build-deb/), check lintian, install it
# with apt-get as a user would, run the installed program (command line,
# translations, the PDF's font, the window's first frame under Xvfb) and
# remove it again. Takes minutes and installs a package system-wide, so it
# is not in the default suite: run it with `./dev deb --check` (as root or
# with sudo). Prints TAP.
#
# Copyright 2026 The gdnn-report authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
cd "$(dirname "$0")/.."

# Lintian warnings accepted for now, each with its reason. Everything else
# (and every error) fails the test.
ALLOWED_WARNINGS=(
)

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

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if dpkg-query -W -f='${Status}' gdnn-report 2>/dev/null | grep -q "install ok installed"; then
  echo "Bail out! gdnn-report is already installed on this machine; remove it first"
  exit 1
fi

./dev deb >"$TMP/build.log" 2>&1; rc=$?
ok $rc "dpkg-buildpackage -us -uc -b builds and lintian reports no error"
[ $rc = 0 ] || tail -40 "$TMP/build.log" | sed 's/^/# /'

arch=$(dpkg --print-architecture)
deb=$(ls build-deb/gdnn-report_*_"$arch".deb 2>/dev/null | head -1)
[ -n "$deb" ] && [ -f "$deb" ]; ok $? "the .deb is in build-deb/ (${deb:-none})"
[ -n "$deb" ] || { echo "1..$n"; exit 1; }

unexpected=$(grep -E '^W: ' "$TMP/build.log" | while read -r _ _ tag _; do
  allowed=0
  for a in "${ALLOWED_WARNINGS[@]}"; do [ "$tag" = "$a" ] && allowed=1; done
  [ $allowed = 1 ] || echo "$tag"
done)
[ -z "$unexpected" ]; ok $? "lintian: no warning beyond the justified ones (${unexpected//$'\n'/ })"
grep -E '^[EWI]: ' "$TMP/build.log" | sed 's/^/# lintian: /'

dpkg-deb -f "$deb" Depends | grep -q 'fonts-liberation2'; ok $? "Depends names fonts-liberation2 (the PDF embeds Liberation Serif)"
dpkg-deb -c "$deb" | grep -q '\./usr/bin/gdnn-report$'; ok $? "the package holds /usr/bin/gdnn-report"
dpkg-deb -c "$deb" | grep -q '\./usr/share/locale/vi/LC_MESSAGES/gdnn-report.mo$'; ok $? "the package holds the Vietnamese translation"
dpkg-deb -c "$deb" | grep -q '\./usr/share/doc/gdnn-report/copyright$'; ok $? "the package holds its copyright file"

DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "./$deb" >"$TMP/install.log" 2>&1
ok $? "apt-get install ./$(basename "$deb")"
[ "$(command -v gdnn-report)" = /usr/bin/gdnn-report ]; ok $? "gdnn-report is on the PATH from /usr/bin"

# The installed program, with nothing from the build tree in the environment.
run () { env -u GDNN_LOCALEDIR -u GDNN_REPORT LC_ALL= LC_MESSAGES= "$@"; }
run LANG=C.UTF-8 gdnn-report --help >"$TMP/help" 2>&1; ok $? "gdnn-report --help exits 0"
grep -q 'gdnn-report \[--db FILE\]' "$TMP/help"; ok $? "--help prints the usage line"
run LANG=C.UTF-8 gdnn-report --db "$TMP/x.db" demo >/dev/null 2>&1; ok $? "gdnn-report --db x.db demo"
run LANG=C.UTF-8 gdnn-report --db "$TMP/x.db" list units | grep -q '^BG-CD01'; ok $? "the demo database lists its units"
run LANG=C.UTF-8 gdnn-report frobnicate 2>&1 | grep -q 'không có lệnh'; ok $? "messages are Vietnamese from the installed translation"
YEAR=$(date +%Y); [ "$YEAR" -gt 2030 ] && YEAR=2030
run LANG=C.UTF-8 gdnn-report --db "$TMP/x.db" export --unit BG-CD01 --plan 401/KH-UBND --year "$YEAR" \
  --pdf "$TMP/r.pdf" --xlsx "$TMP/r.xlsx" >/dev/null 2>&1
[ -s "$TMP/r.pdf" ] && [ -s "$TMP/r.xlsx" ]; ok $? "the installed program exports the yearly report (PDF and XLSX)"
if command -v pdffonts >/dev/null; then
  pdffonts "$TMP/r.pdf" | grep -q 'LiberationSerif.* yes'; ok $? "the PDF embeds Liberation Serif"
fi
if command -v xvfb-run >/dev/null; then
  out=$(run LANG=C.UTF-8 GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory GDNN_BENCH_FIRST_FRAME=1 \
        timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- gdnn-report --db "$TMP/x.db" 2>/dev/null)
  echo "$out" | grep -q '^first-frame-us '; ok $? "the installed window starts and draws its first frame (Xvfb)"
fi

DEBIAN_FRONTEND=noninteractive $sudo apt-get remove --purge -y gdnn-report >"$TMP/remove.log" 2>&1
ok $? "apt-get remove --purge gdnn-report"
! command -v gdnn-report >/dev/null; ok $? "gdnn-report is gone after the removal"
! dpkg-query -W -f='${Status}' gdnn-report 2>/dev/null | grep -q installed; ok $? "dpkg no longer lists it"

echo "1..$n"
[ $failed = 0 ]
