#!/usr/bin/env python3
"""Generate transforms/entities/data/bd_names.tsv: how people in Bangladesh spell their given names
and surnames in Latin letters, with each spelling's rank there.

Reproducible from the pinned names-dataset version (not a khobor dependency; only this script needs it):

    python3 -m venv venv && venv/bin/pip install names-dataset==3.3.1
    venv/bin/python training/names/make_bd_names.py transforms/entities/data/bd_names.tsv

Source: names-dataset's first and last names (Philippe Remy; Apache-2.0 by its LICENSE file). The
package's authors counted the names on the profiles of a 2021 dump of a large social network and ship
only aggregates: a name, and its rank among the names of each of the ten countries where it is
commonest. No person's data is in the package or here. A name is kept when Bangladesh is one of
those countries, it is ASCII letters only and at least three long. Its rank is its rank among
Bangladeshi first names or last names (the better of the two when it is both): Sagor 87 beside Sagar
433, Khokon 260 beside Khokan 723, which is the press's spelling of a Bangladeshi name too.

Output: UTF-8 TSV sorted by name, header ``name``, ``kind`` (given | family | both), ``rank``.
"""
from __future__ import annotations

import argparse
import gzip
import pickle
from importlib import metadata, resources

VERSION = "3.3.1"


def bd_names() -> dict[str, tuple[str, int]]:
    """name -> (kind, rank)."""
    found = metadata.version("names-dataset")
    if found != VERSION:
        raise SystemExit(f"names-dataset=={VERSION} is required (found {found}): the ranks differ between versions")
    data = resources.files("names_dataset").joinpath("v3")
    out: dict[str, tuple[str, int]] = {}
    for kind, file in (("given", "first_names.pkl.gz"), ("family", "last_names.pkl.gz")):
        with gzip.open(data.joinpath(file).open("rb")) as fh:
            table = pickle.load(fh)  # the package's own data file, read as the package reads it
        for name, attrs in table.items():
            rank = (attrs.get("rank") or {}).get("BD")
            if rank is None or not (name.isascii() and name.isalpha() and len(name) >= 3):
                continue
            name = name[0].upper() + name[1:].lower()
            if name in out:
                k, r = out[name]
                out[name] = (k if k == kind else "both", min(r, rank))
            else:
                out[name] = (kind, rank)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    args = ap.parse_args()
    rows = bd_names()
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("name\tkind\trank\n")
        for name in sorted(rows):
            kind, rank = rows[name]
            fh.write(f"{name}\t{kind}\t{rank}\n")
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
