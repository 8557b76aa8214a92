#!/bin/bash
# test-install.sh — "meson install" into a temporary DESTDIR puts every
# file a GNOME application needs where the desktop looks for it, and the
# installed files are valid.
#
# Copyright 2026 The gdnn-report authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
BUILD=${GDNN_BUILD_ROOT:?}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
n=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}

out=$(meson install -C "$BUILD" --no-rebuild --destdir "$TMP/root" 2>&1); rc=$?
ok $rc "meson install --destdir succeeds"
[ $rc = 0 ] || sed 's/^/# /' <<<"$out"

prefix=$(meson introspect "$BUILD" --buildoptions |
         python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
P=$TMP/root$prefix

for f in \
  bin/gdnn-report \
  share/applications/vn.gdnn.Report.desktop \
  share/metainfo/vn.gdnn.Report.metainfo.xml \
  share/icons/hicolor/scalable/apps/vn.gdnn.Report.svg \
  share/icons/hicolor/symbolic/apps/vn.gdnn.Report-symbolic.svg \
  share/glib-2.0/schemas/vn.gdnn.Report.gschema.xml \
  share/locale/vi/LC_MESSAGES/gdnn-report.mo \
  share/man/man1/gdnn-report.1
do
  [ -s "$P/$f" ]; ok $? "installs $f"
done
[ -x "$P/bin/gdnn-report" ]; ok $? "the binary is executable"
# The post-install script leaves the caches to the package manager when
# DESTDIR is set: nothing outside the application's own files.
[ ! -e "$P/share/glib-2.0/schemas/gschemas.compiled" ]; ok $? "no schema cache is written into DESTDIR"

v=$("$P/bin/gdnn-report" --version 2>&1); ok $? "the installed binary runs ($v)"
desktop-file-validate "$P/share/applications/vn.gdnn.Report.desktop" >/dev/null; ok $? "the installed .desktop file is valid"
appstreamcli validate --no-net "$P/share/metainfo/vn.gdnn.Report.metainfo.xml" >/dev/null 2>&1
ok $? "the installed metainfo is valid"
glib-compile-schemas --strict --targetdir "$TMP" "$P/share/glib-2.0/schemas"; ok $? "the installed schema compiles"
msgunfmt "$P/share/locale/vi/LC_MESSAGES/gdnn-report.mo" | grep -q "Kế hoạch và Báo cáo"
ok $? "the installed catalogue is the Vietnamese one"
w=$(LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -z "$P/share/man/man1/gdnn-report.1" 2>&1)
[ -z "$w" ]; ok $? "the installed man page renders"
echo "1..$n"
