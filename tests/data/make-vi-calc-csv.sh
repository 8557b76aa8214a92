#!/bin/bash
# make-vi-calc-csv.sh — remakes vi-calc-values.csv, the values file as
# LibreOffice Calc saves it from a Vietnamese spreadsheet
# (vi-calc-values.fods): ";" between fields, text in quotes, counts with
# "." between thousands. test-csv-import.c reads it. Needs LibreOffice
# (Debian: libreoffice-calc-nogui).
#
# CSV filter options: 59 = ";" between fields, 34 = '"' around text,
# 76 = UTF-8, 1 = from the first line, (no column formats), 1066 = vi-VN,
# true = quote every text cell, false, true = save numbers as shown,
# false = no formulas, false = keep spaces.
#
# Copyright 2026 The gdnn-report authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu
cd "$(dirname "$0")"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
soffice -env:UserInstallation="file://$TMP/profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1066,true,false,true,false,false' \
  --outdir "$TMP" vi-calc-values.fods >/dev/null
cp "$TMP/vi-calc-values.csv" vi-calc-values.csv
