#!/usr/bin/env python3
"""Checks every expected place of the golden specs against GeoNames.

Usage: python3 tests/Specs/check_places.py [SPEC_DIR] [GEONAMES_DIR]
       (defaults: tests/Specs/English and ../shared/data/geonames, from the repository root)

For each strike, casualty and launch site of every spec: a `place` must be a GeoNames name (primary, ASCII or
alternate, folded like score.py's placekey) of a populated place or an area; when the record also gives `admin1`
(or `country`), one such place must lie in that first-level region (country). An `admin1` given alone must be a
first-level region name as the contract writes it. Prints each problem; exit code 1 when there is one.
"""
import collections
import json
import re
import sys
import unicodedata
from pathlib import Path

# GeoNames admin1 codes -> the contract's first-level region names.
UA = {"01": "Cherkasy Oblast", "02": "Chernihiv Oblast", "03": "Chernivtsi Oblast", "04": "Dnipropetrovsk Oblast",
      "05": "Donetsk Oblast", "06": "Ivano-Frankivsk Oblast", "07": "Kharkiv Oblast", "08": "Kherson Oblast",
      "09": "Khmelnytskyi Oblast", "10": "Kirovohrad Oblast", "11": "Crimea", "12": "Kyiv", "13": "Kyiv Oblast",
      "14": "Luhansk Oblast", "15": "Lviv Oblast", "16": "Mykolaiv Oblast", "17": "Odesa Oblast", "18": "Poltava Oblast",
      "19": "Rivne Oblast", "20": "Sevastopol", "21": "Sumy Oblast", "22": "Ternopil Oblast", "23": "Vinnytsia Oblast",
      "24": "Volyn Oblast", "25": "Zakarpattia Oblast", "26": "Zaporizhzhia Oblast", "27": "Zhytomyr Oblast"}
RU = {"09": "Belgorod Oblast", "10": "Bryansk Oblast", "41": "Kursk Oblast", "86": "Voronezh Oblast",
      "61": "Rostov Oblast", "38": "Krasnodar Krai", "48": "Moscow", "47": "Moscow Oblast"}


def placekey(s):
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^0-9a-z]", "", s).replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", s)


def load(geo):
    admin1 = {}
    for line in open(geo / "admin1CodesASCII.txt", encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        admin1[f[0]] = f[2]
    places = collections.defaultdict(set)  # key -> {(admin1 key, country)}
    regions = {placekey(v) for v in list(UA.values()) + list(RU.values())} | {placekey(v) for v in admin1.values()}

    def region(cc, code):
        if cc == "UA":
            return UA.get(code, code)
        if cc == "RU" and code in RU:
            return RU[code]
        return admin1.get(f"{cc}.{code}", code)

    for name in ("UA.txt", "cities15000.txt", "RU_border_cities5000_2018.txt"):
        for line in open(geo / name, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if f[6] not in ("P", "A"):
                continue
            reg = region(f[8], f[10])
            for n in {f[1], f[2], *[a for a in f[3].split(",") if a]}:
                places[placekey(n)].add((placekey(reg), f[8]))
            if f[7] == "ADM1":
                regions.add(placekey(f[1]))
    return places, regions


def main(argv):
    root = Path(__file__).resolve().parents[2]
    spec_dir = Path(argv[1]) if len(argv) > 1 else root / "tests" / "Specs" / "English"
    geo = Path(argv[2]) if len(argv) > 2 else root / ".." / "shared" / "data" / "geonames"
    places, regions = load(geo)
    problems = checked = 0
    for f in sorted(spec_dir.glob("*.json")):
        for case in json.loads(f.read_text(encoding="utf-8")):
            e = case.get("expect", {})
            recs = [("strike", r) for r in e.get("strikes", [])] + [("casualty", r) for r in e.get("casualties", [])]
            for what, r in recs:
                todo = [(r.get("place"), r.get("admin1"), r.get("country"))]
                if what == "strike" and r.get("launchSite"):
                    todo.append((r["launchSite"], None, None))
                for place, a1, cc in todo:
                    if not place and not a1:
                        continue
                    checked += 1
                    where = f"{f.stem}/{case['id']} {what}"
                    if not place:
                        if placekey(a1) not in regions:
                            print(f"{where}: admin1 '{a1}' is not a first-level region")
                            problems += 1
                        continue
                    found = places.get(placekey(place), set())
                    if not found and placekey(place) not in regions:
                        print(f"{where}: '{place}' is not in GeoNames")
                        problems += 1
                    elif found and a1 and not any(k == placekey(a1) for k, _ in found) and placekey(place) != placekey(a1):
                        print(f"{where}: no '{place}' in {a1} (GeoNames has it in {sorted({k for k, _ in found})})")
                        problems += 1
                    elif found and cc and not any(c == cc for _, c in found):
                        print(f"{where}: no '{place}' in country {cc}")
                        problems += 1
    print(f"{checked} places checked, {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
