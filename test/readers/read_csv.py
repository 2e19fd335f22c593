"""An independent reader of the analysts' CSV, with the recipes docs/export-csv.md gives: Python's csv module
or pandas, the apostrophe of formula neutralisation undone (unless the file was written with --no-neutralize),
numbers as numbers, and nothing turned into a missing value that was text ("NA", "n/a", ""). For every row
whose quote is placed, it reads the text file itself (utf-8-sig drops a BOM; universal newlines make CRLF the
LF the offsets count) and checks that text[start_cp:end_cp] is the quote. Prints the rows as JSON.

    python3 test/readers/read_csv.py csv|pandas neutralized|raw coded-segments.csv TEXT_ROOT
"""
import csv
import json
import math
import os
import sys

NUMBERS = ["start", "end", "line", "column", "start_cp", "end_cp", "unit_id"]


def with_csv(path, neutralized):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for key, value in row.items():
            if key in NUMBERS:
                row[key] = None if value == "" else int(value)
            elif neutralized and value.startswith("'"):
                row[key] = value[1:]
    return rows


def with_pandas(path, neutralized):
    import pandas as pd
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    for c in NUMBERS:
        df[c] = pd.to_numeric(df[c], errors="coerce")  # an empty cell becomes NaN
    text = [c for c in df.columns if c not in NUMBERS]
    if neutralized:
        df[text] = df[text].replace(r"^'", "", regex=True)
    rows = df.to_dict(orient="records")
    for row in rows:
        for c in NUMBERS:
            row[c] = None if math.isnan(row[c]) else int(row[c])
    return rows


def main(reader, mode, path, root):
    rows = (with_pandas if reader == "pandas" else with_csv)(path, mode == "neutralized")
    for row in rows:
        if row["start_cp"] is None:
            continue
        with open(os.path.join(root, row["document"]), encoding="utf-8-sig") as f:
            text = f.read()
        found = text[row["start_cp"]:row["end_cp"]]
        assert found == row["quote"], (row["annotation_id"], found, row["quote"])
    print(json.dumps(rows, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:5])
