#!/bin/bash
# test-man.sh — docs/gdnn-report.1 renders without a warning and documents
# every command that "gdnn-report --help" lists, with its options.
#
# Copyright 2026 The gdnn-report authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
BIN=${GDNN_REPORT:?GDNN_REPORT must point at the gdnn-report binary}
PAGE=${GDNN_SOURCE_ROOT:?}/docs/gdnn-report.1
n=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}

# -k: the page is UTF-8 (preconv); -ww: every warning; -P-cbou: plain text.
warnings=$(LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -z "$PAGE" 2>&1)
[ -z "$warnings" ]; ok $? "groff renders the page without warnings${warnings:+: $warnings}"
text=$(LC_ALL=C.UTF-8 groff -k -man -Tutf8 -P-cbou "$PAGE" 2>/dev/null)
grep -q "^COMMANDS" <<<"$text"; ok $? "the page has a COMMANDS section"
grep -q "Bắc Giang" <<<"$text"; ok $? "the UTF-8 examples come through"
if command -v man >/dev/null; then
  out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$PAGE" 2>&1 >/dev/null)
  [ -z "$out" ]; ok $? "man -l shows the page without a message"
fi

# The command table as the program prints it: "  name  params  summary".
commands=$("$BIN" --help | sed -n 's/^  \([a-z]\+\) .*/\1/p')
[ "$(wc -w <<<"$commands")" -ge 12 ]; ok $? "--help lists the commands ($(echo $commands))"
for cmd in $commands; do
  # Its subsection heading, "   cmd ..." in the rendered text, under COMMANDS.
  heading=$(sed -n '/^COMMANDS/,/^[A-Z]/p' <<<"$text" | grep -E "^   $cmd( |$)" | head -1)
  [ -n "$heading" ]; ok $? "the page documents “$cmd”"
  # Every --option of the command's usage is in the heading (in the source:
  # a long heading wraps when rendered).
  heading=$(grep -E "^\.SS \"?$cmd( |\"|$)" "$PAGE" | sed 's/\\-/-/g')
  params=$("$BIN" "$cmd" --help | sed -n "s/^  gdnn-report \[--db FILE\] $cmd //p")
  missing=""
  for opt in $(grep -oE -- '--[a-z]+' <<<"$params"); do
    grep -q -- "$opt" <<<"$heading" || missing="$missing $opt"
  done
  [ -z "$missing" ]; ok $? "“$cmd” is documented with its options${missing:+ (missing:$missing)}"
done
echo "1..$n"
