#!/usr/bin/env python3
"""Generate transforms/entities/data/foreign_names.tsv: given names and surnames of the world in
their Latin spelling, with how common each is in English text.

Reproducible from the pinned Faker and wordfreq versions (Faker is not a khobor dependency; only this
script needs it):

    python3 -m venv venv && venv/bin/pip install faker==40.54.0 wordfreq==3.1.1
    venv/bin/python training/names/make_foreign_names.py transforms/entities/data/foreign_names.tsv

Source of names: the person providers of every Faker locale (``first_names``, ``first_names_male``,
``first_names_female``, ``first_names_nonbinary``, ``last_names``), kept when ASCII letters only (an
apostrophe or hyphen inside allowed: O'Brien, Smith-Jones), at least three letters. Faker's
Bengali-script, Cyrillic, CJK ... names are left out (they are no English spelling). ``zipf`` is
wordfreq's English frequency of the lower-cased name (0 when unknown): famous names are common words
of English news. ``locales`` is how many Faker locales list the name (a name of many languages is
more likely the one meant).

Output: UTF-8 TSV sorted by name, header ``name``, ``kind`` (given | family | both), ``locales``, ``zipf``.
"""
from __future__ import annotations

import argparse
import importlib
import re
from collections import defaultdict

import faker
import faker.config
from wordfreq import zipf_frequency

FAKER_VERSION = "40.54.0"
_NAME = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")
_GIVEN = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def names() -> dict[str, tuple[set[str], set[str]]]:
    """name -> (kinds, locales)."""
    out: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for loc in faker.config.AVAILABLE_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        for attr in _GIVEN + ("last_names",):
            values = getattr(provider, attr, None)
            if not values or isinstance(values, property):
                continue
            for name in values:
                if isinstance(name, str) and name.isascii() and _NAME.fullmatch(name) and len(name) >= 3:
                    kinds, locales = out[name]
                    kinds.add("family" if attr == "last_names" else "given")
                    locales.add(loc)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    args = ap.parse_args()
    if faker.VERSION != FAKER_VERSION:
        raise SystemExit(f"pin faker=={FAKER_VERSION} (found {faker.VERSION})")
    rows = []
    for name, (kinds, locales) in sorted(names().items()):
        kind = "both" if len(kinds) == 2 else next(iter(kinds))
        rows.append(f"{name}\t{kind}\t{len(locales)}\t{zipf_frequency(name.lower(), 'en'):.2f}")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("name\tkind\tlocales\tzipf\n" + "\n".join(rows) + "\n")
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
