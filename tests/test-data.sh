#!/bin/bash
# test-data.sh — the desktop integration files as built: the .desktop file,
# the AppStream metainfo, the GSettings schema, the icons and the
# screenshots the metainfo names.
#
# Copyright 2026 The gdnn-report authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
SRC=${GDNN_SOURCE_ROOT:?}
BUILD=${GDNN_BUILD_ROOT:?}
DESKTOP=$BUILD/data/vn.gdnn.Report.desktop
METAINFO=$BUILD/data/vn.gdnn.Report.metainfo.xml
n=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}

out=$(desktop-file-validate "$DESKTOP" 2>&1); rc=$?
# A hint is advice (two main categories are what we want), not a problem.
[ $rc = 0 ] && ! grep -qE "(error|warning):" <<<"$out"; ok $? "desktop-file-validate accepts the .desktop file"
[ -n "$out" ] && sed 's/^/# /' <<<"$out"
grep -q "^Icon=vn.gdnn.Report$" "$DESKTOP" && grep -q "^Exec=gdnn-report$" "$DESKTOP" &&
  grep -q "^Categories=Office;Education;$" "$DESKTOP" && grep -q "^StartupNotify=true$" "$DESKTOP"
ok $? "the .desktop file names the icon, the binary and the categories"

out=$(appstreamcli validate --no-net "$METAINFO" 2>&1); rc=$?
[ $rc = 0 ]; ok $? "appstreamcli validate accepts the metainfo"
[ $rc = 0 ] || sed 's/^/# /' <<<"$out"
out=$(appstream-util validate-relax --nonet "$METAINFO" 2>&1); rc=$?
[ $rc = 0 ]; ok $? "appstream-util validate-relax accepts the metainfo"
grep -q '<launchable type="desktop-id">vn.gdnn.Report.desktop</launchable>' "$METAINFO"
ok $? "the metainfo launches the .desktop file"
grep -q '<release version="'"$(sed -n "s/^  version: '\(.*\)',$/\1/p" "$SRC/meson.build")"'"' "$METAINFO"
ok $? "the metainfo has release notes for the project's version"

# The names translated from po/vi.po.
grep -q "^Name\[vi\]=Kế hoạch và Báo cáo GDNN$" "$DESKTOP"; ok $? "the .desktop file has its Vietnamese name"
grep -q '<name xml:lang="vi">Kế hoạch và Báo cáo GDNN</name>' "$METAINFO"; ok $? "the metainfo has its Vietnamese name"

# Every screenshot the metainfo names is committed, with the size it says.
shots=$(grep -o 'width="[0-9]*" height="[0-9]*">[^<]*' "$METAINFO")
[ "$(wc -l <<<"$shots")" -ge 3 ]; ok $? "the metainfo shows at least 3 screenshots"
while read -r line; do
  w=$(sed 's/width="\([0-9]*\)".*/\1/' <<<"$line")
  h=$(sed 's/.*height="\([0-9]*\)".*/\1/' <<<"$line")
  name=${line##*/}
  file=$SRC/data/screenshots/$name
  size=$(python3 -c 'import struct,sys
d=open(sys.argv[1],"rb").read(24)
assert d[:8]==b"\x89PNG\r\n\x1a\n"
print("%dx%d" % struct.unpack(">II", d[16:24]))' "$file" 2>/dev/null)
  [ "$size" = "${w}x${h}" ]; ok $? "screenshot $name is a ${w}x${h} PNG (${size:-missing})"
done <<<"$shots"

out=$(glib-compile-schemas --strict --dry-run "$SRC/data" 2>&1); rc=$?
[ $rc = 0 ]; ok $? "the GSettings schema compiles strictly${out:+: $out}"
[ -f "$BUILD/data/gschemas.compiled" ]; ok $? "the schema is compiled in the build tree for the tests"
for key in window-width window-height window-maximized last-unit last-plan backup-retention ui-language welcome-shown; do
  grep -q "<key name=\"$key\"" "$SRC/data/vn.gdnn.Report.gschema.xml"; ok $? "the schema has $key"
done

ICONS=$SRC/data/icons/hicolor
xmllint --noout "$ICONS/scalable/apps/vn.gdnn.Report.svg" 2>/dev/null &&
  grep -q 'viewBox="0 0 128 128"' "$ICONS/scalable/apps/vn.gdnn.Report.svg"
ok $? "the scalable icon is a well-formed 128×128 SVG"
sym=$ICONS/symbolic/apps/vn.gdnn.Report-symbolic.svg
xmllint --noout "$sym" 2>/dev/null && grep -q 'viewBox="0 0 16 16"' "$sym" &&
  [ "$(grep -o 'fill="#[0-9a-fA-F]*"' "$sym" | sort -u)" = 'fill="#2e3436"' ]
ok $? "the symbolic icon is a 16×16 SVG in one colour"
echo "1..$n"
