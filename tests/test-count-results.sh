#!/bin/bash
# test-count-results.sh — tests/count-results.py, which prints the closing
# line of ./dev test, counts what really happened: a program that crashed
# or timed out after printing "ok" lines is a failure, skips are skips.
#
# Copyright 2026 The gdnn-report authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
COUNT=${GDNN_SOURCE_ROOT:?}/tests/count-results.py
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
n=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}

# One testlog.json line per program: name, meson's result, exit status, TAP.
entry () {
  python3 -c 'import json, sys
print(json.dumps({"name": sys.argv[1], "result": sys.argv[2], "returncode": int(sys.argv[3]),
                  "stdout": sys.argv[4].replace("|", "\n")}))' "$@"
}

# Prints "OUTPUT / exit status" of count-results.py on the given entries.
count () {
  local out rc=0
  : >"$TMP/log.json"
  while [ $# -gt 0 ]; do entry "$1" "$2" "$3" "$4" >>"$TMP/log.json"; shift 4; done
  out=$(python3 "$COUNT" "$TMP/log.json" 2>/dev/null) || rc=$?
  echo "$out / $rc"
}

r=$(count clean OK 0 "1..2|ok 1 /a|ok 2 /b")
[ "$r" = "2 passed, 0 failed / 0" ]; ok $? "a clean program: its two passes ($r)"

r=$(count crashed ERROR -6 "1..3|ok 1 /a|ok 2 /b")
[ "$r" = "2 passed, 1 failed / 1" ]; ok $? "killed by SIGABRT after two passes, no 'not ok': one failure ($r)"

r=$(count crashed ERROR -11 "1..3|ok 1 /a|not ok 2 /b")
[ "$r" = "1 passed, 2 failed / 1" ]; ok $? "a 'not ok' and then a crash: both count ($r)"

r=$(count slow TIMEOUT -15 "1..2|ok 1 /a")
[ "$r" = "1 passed, 1 failed / 1" ]; ok $? "a timeout is a failure ($r)"

r=$(count bail FAIL 1 "1..2|ok 1 /a|Bail out! assertion failed")
[ "$r" = "1 passed, 1 failed / 1" ]; ok $? "a bail-out is a failure ($r)"

r=$(count skips OK 0 "1..3|ok 1 /a|ok 2 /b # SKIP no namespace|ok 3 /c # skip no tmpfs")
[ "$r" = "1 passed, 0 failed, 2 skipped / 0" ]; ok $? "skipped subtests are skips, not passes ($r)"

r=$(count none SKIP 77 "1..0 # SKIP soffice is not installed")
[ "$r" = "0 passed, 0 failed, 1 skipped / 0" ]; ok $? "a whole program skipped ($r)"

r=$(count a OK 0 "1..1|ok 1 /a" b ERROR -9 "1..1|ok 1 /b" c OK 0 "1..1|not ok 1 /c")
[ "$r" = "2 passed, 2 failed / 1" ]; ok $? "several programs add up ($r)"

: >"$TMP/log.json"
rc=0; out=$(python3 "$COUNT" "$TMP/log.json" 2>/dev/null) || rc=$?
r="$out / $rc"
[ "$r" = "0 passed, 1 failed / 1" ]; ok $? "a log without any test is a failure ($r)"

echo "1..$n"
