#!/usr/bin/env python3
# count-results.py — the closing line of a test run, from meson's
# testlog.json: "N passed, N failed" and ", N skipped" when any were.
#
#   tests/count-results.py BUILDDIR/meson-logs/testlog.json
#
# Every test program speaks TAP. Its "ok" lines are passes, its "not ok"
# lines failures and its "# SKIP" lines skips. A program that meson did not
# judge OK or SKIP (it crashed, was killed by a signal, timed out, bailed
# out, printed a wrong plan or exited non-zero) counts one failure more,
# whatever it printed: a crash after ten "ok" lines is not a clean run.
# Exits 1 when anything failed, or when the log holds no test at all.
#
# Copyright 2026 The gdnn-report authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import re
import sys

TAP_LINE = re.compile(r'^(not ok|ok)\b[^#]*(#\s*(\w+))?', re.IGNORECASE)
PLAN_SKIP = re.compile(r'^1\.\.0\b.*#\s*skip', re.IGNORECASE)


def count_program(stdout):
    passed = failed = skipped = 0
    for line in stdout.splitlines():
        if PLAN_SKIP.match(line):
            skipped += 1
            continue
        m = TAP_LINE.match(line)
        if not m:
            continue
        directive = (m.group(3) or '').lower()
        if directive == 'skip':
            skipped += 1
        elif m.group(1).lower() == 'ok':
            passed += 1
        elif directive == 'todo':
            skipped += 1
        else:
            failed += 1
    return passed, failed, skipped


def main(path):
    passed = failed = skipped = programs = 0
    with open(path, encoding='utf-8') as log:
        for line in log:
            if not line.strip():
                continue
            test = json.loads(line)
            programs += 1
            p, f, s = count_program(test.get('stdout') or '')
            result = test.get('result', '')
            code = test.get('returncode')
            clean = result in ('OK', 'SKIP') and (code is None or code in (0, 77))
            if not clean:
                f += 1
                print(f"{test['name']}: {result}, exit status {code}", file=sys.stderr)
            elif result == 'SKIP' and s == 0:
                s = 1
            passed += p
            failed += f
            skipped += s
    if programs == 0:
        print(f'{path}: no test ran', file=sys.stderr)
        failed += 1
    line = f'{passed} passed, {failed} failed'
    if skipped:
        line += f', {skipped} skipped'
    print(line)
    return 1 if failed else 0


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(f'usage: {sys.argv[0]} BUILDDIR/meson-logs/testlog.json')
    sys.exit(main(sys.argv[1]))
