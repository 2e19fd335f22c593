"""Frame statistics computed independently of Sovereignty Coder, from its CSV export alone (plus the texts'
lengths and documents.csv), with Python's csv module: the unit tests compare `sovcode stats` against this.
Usage: python3 stats_from_csv.py SEGMENTS.csv DOCUMENTS.csv ATTRIBUTE ROOT  -> JSON on standard output."""
import csv
import json
import os
import sys
from collections import Counter, defaultdict

segments_csv, documents_csv, attribute, root = sys.argv[1:5]
with open(segments_csv, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
with open(documents_csv, newline="", encoding="utf-8") as f:
    attributes = {r["document"]: r for r in csv.DictReader(f)}

frequency = Counter(r["frame_id"] for r in rows)
by_value = defaultdict(Counter)
for r in rows:
    value = attributes.get(r["document"], {}).get(attribute) or "(none)"
    by_value[value][r["frame_id"]] += 1

placed = [r for r in rows if r["status"] not in ("orphaned", "source-missing")]
overlaps = Counter()
by_document = defaultdict(list)
for r in placed:
    by_document[r["document"]].append((int(r["start"]), int(r["end"]), r["frame_id"]))
for spans in by_document.values():
    for i, (s1, e1, f1) in enumerate(spans):
        for s2, e2, f2 in spans[i + 1:]:
            if f1 != f2 and s1 < e2 and s2 < e1:
                overlaps["|".join(sorted((f1, f2)))] += 1

characters = coded = 0
for document, spans in by_document.items():
    with open(os.path.join(root, document), encoding="utf-8", newline="") as f:
        text = f.read().lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    marked = set()
    for s, e, _ in spans:
        marked.update(range(s, e))
    characters += len(text.encode("utf-16-le")) // 2
    coded += len(marked)

json.dump({"frequency": frequency, "by_value": by_value, "overlaps": overlaps, "characters": characters, "coded": coded}, sys.stdout)
