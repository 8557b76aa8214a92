#!/usr/bin/python3
# Reads submitted report workbooks the way our importer does, with
# python3-openpyxl: the hidden gdnn_data sheet (docs/report-data-sheet.md)
# into records, and every visible cell it names, compared with the data.
# The peer of bench-import's "read" measure. Prints one line:
#   files=N records=N differences=N seconds=S
#
# Copyright 2026 The gdnn-report authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys
import time

from openpyxl import load_workbook

CELL = re.compile(r"^'?(.*?)'?!\$?([A-Z]+)\$?([0-9]+)$")


def visible(wb, ref):
    m = CELL.match(ref)
    if not m:
        return None
    sheet = m.group(1).replace("''", "'")
    return wb[sheet][m.group(2) + m.group(3)].value


def read(path):
    wb = load_workbook(path, data_only=True)
    ws = wb["gdnn_data"]
    meta, tables, header, kind = {}, {}, None, None
    records = differences = 0
    for row in ws.iter_rows(values_only=True):
        first = row[0] if row else None
        if first is None:
            header = kind = None
            continue
        if isinstance(first, str) and first.startswith("#"):
            if first == "#end":
                break
            kind, header = first[1:], [c for c in row[1:]]
            tables.setdefault(kind, [])
            continue
        if kind is None:
            meta[first] = row[1]
            continue
        rec = dict(zip(header, row[1:]))
        tables[kind].append(rec)
        records += 1
        for name in ("numerator", "denominator", "progress", "planned", "spent"):
            ref = rec.get(name + "_cell")
            if not ref:
                continue
            shown = visible(wb, ref)
            data = rec.get(name)
            if name == "progress" and isinstance(shown, (int, float)):
                shown = shown * 100
            if data in (None, "") and shown in (None, ""):
                continue
            try:
                if abs(float(data) - float(shown)) > 1e-9 * max(1.0, abs(float(data))):
                    differences += 1
            except (TypeError, ValueError):
                differences += 1
    if meta.get("format") != "gdnn-report-data":
        raise SystemExit(f"{path}: not a gdnn report")
    return records, differences


def main():
    start = time.monotonic()
    records = differences = 0
    for path in sys.argv[1:]:
        r, d = read(path)
        records += r
        differences += d
    seconds = time.monotonic() - start
    print(f"files={len(sys.argv) - 1} records={records} differences={differences} seconds={seconds:.3f}")


if __name__ == "__main__":
    main()
