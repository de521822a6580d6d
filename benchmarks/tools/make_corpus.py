#!/usr/bin/env python3
"""Write a throughput/memory corpus as JSONL {"id","text","publishedAt"} with N distinct,
article-length documents composed at run time (nothing from shared/ is committed):
  make_corpus.py SHARED_DIR N OUT.jsonl [WAD_DIR]
Kinds, as in shared/bench/peer-wink/corpus.py: UCDP 2014-2021 headlines 15 to a document and
(when WAD_DIR is given) WAD event descriptions 8 to a document; plus, every 10th document,
a news paragraph written for this benchmark followed by 10 headlines. Each pass over the
headlines uses a different seeded shuffle, so documents stay distinct and no cache flatters
anyone. Deterministic for a given N."""
import csv, json, random, sys
from pathlib import Path

OWN = [
    "Russia launched 42 drones and three cruise missiles at Ukraine overnight, the air force said on Monday, "
    "adding that air defences shot down 37 of the drones over six regions.",
    "At least four people were killed and 19 injured when a missile hit a residential building in the city centre "
    "on Saturday morning, the regional governor said.",
    "Officials said about 1,500 residents were left without power after shelling damaged a substation near the "
    "front line on Jan. 14; repair crews restored supply two days later.",
    "The strike, which used a ballistic missile with a range of up to 300 km, destroyed a warehouse and damaged "
    "dozens of homes, emergency services said.",
]

shared, n, out_path = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
wad = Path(sys.argv[4]) if len(sys.argv) > 4 else None
heads = []
with open(shared / "data/ucdp-ukraine/ucdp-ged-ukraine-2014-2021.csv", newline="") as f:
    for r in csv.DictReader(f):
        heads += [h.strip() for h in r["source_headline"].split(";") if len(h.strip()) >= 30]
heads = list(dict.fromkeys(heads))
descs = [p.read_text().strip() for p in sorted(wad.glob("*.txt"))] if wad else []

def stream(items, size, tag):
    p = 0
    while True:
        order = list(range(len(items)))
        random.Random(f"{tag}{p}").shuffle(order)
        for k in range(0, len(order) - size + 1, size):
            yield [items[i] for i in order[k:k + size]]
        p += 1

hs, ws = stream(heads, 15, "h"), (stream(descs, 8, "w") if descs else None)
hs10 = stream(heads, 10, "o")
with open(out_path, "w") as out:
    for i in range(n):
        if i % 10 == 9:
            text = OWN[(i // 10) % len(OWN)] + "\n\n" + ".\n".join(next(hs10)) + ".\n"
        elif ws is not None and i % 5 == 4:
            text = "\n\n".join(next(ws)) + "\n"
        else:
            text = ".\n".join(next(hs)) + ".\n"
        out.write(json.dumps({"id": f"d{i}", "text": text, "publishedAt": "2024-02-09"}) + "\n")
