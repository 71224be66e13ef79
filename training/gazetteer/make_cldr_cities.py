#!/usr/bin/env python3
"""Generate cldr_cities.tsv: Bengali + English exemplar-city names of CLDR time zones.

Reproducible from the pinned Babel version (khobor uses babel==2.18.0):

    python3 -m venv venv && venv/bin/pip install babel==2.18.0
    venv/bin/python make_cldr_cities.py out/cldr_cities.tsv

Source of names
  * name_bn: babel.Locale('bn').time_zones[<cldr zone>]['city']  (CLDR bn.xml, exemplarCity)
  * name_en: babel.Locale('en').time_zones[<cldr zone>]['city'] when CLDR English has an
    explicit exemplarCity, otherwise CLDR's fallback rule (last segment of the zone id with
    '_' -> ' '), which is what babel.dates.get_timezone_location(..., return_city=True) does.
  * id: 'city:' + current IANA id. CLDR keys zones by their *old* ids (Asia/Calcutta,
    Asia/Rangoon, Asia/Saigon, Europe/Kiev, ...); babel's global 'zone_aliases' table maps
    them to the current IANA ids (Asia/Kolkata, Asia/Yangon, ...). If several CLDR zones
    map to one IANA id (Europe/Kiev and Europe/Zaporozhye -> Europe/Kyiv), only the zone
    whose English city equals the IANA city takes the new id; the others keep their CLDR id.
  * aliases: a small hand-curated table (EXTRA_ALIASES below) of Bengali news spellings and
    old English names (not from CLDR).

We do NOT call babel.dates.get_timezone_location for the Bengali names: in Babel 2.18.0 it
resolves the zone through the system tz database, and for zones whose IANA id was renamed
(Asia/Kolkata, Asia/Kathmandu, Asia/Yangon, Europe/Kyiv, Asia/Ho_Chi_Minh) it does not find
the CLDR entry and returns the Latin fallback ('Kolkata') even for locale 'bn'; it also
raises LookupError for CLDR-only zones absent from the local tz database. The script only
uses it (optionally) as a cross-check, see --check.

Output is UTF-8 TSV, NFC, sorted by id, header: id, name_bn, name_en, aliases.
"""
from __future__ import annotations

import argparse
import sys
import unicodedata

import babel
from babel import Locale
from babel.core import get_global

PINNED_BABEL = "2.18.0"

# Hand-curated additions (Bengali spellings observed in Bangladeshi newspapers, and old English
# names). Keys are CLDR zone ids as babel exposes them. Only spellings we are sure of.
EXTRA_ALIASES: dict[str, list[str]] = {
    "Asia/Calcutta": ["কলকাতা", "Calcutta"],
    "Asia/Dhaka": ["Dacca"],
    "Asia/Rangoon": ["ইয়াঙ্গুন", "Rangoon"],
    "Asia/Katmandu": ["Katmandu"],
    "Asia/Saigon": ["হো চি মিন সিটি", "সায়গন", "Saigon"],
    "Europe/Kiev": ["কিইভ", "Kiev"],
    "Asia/Riyadh": ["রিয়াদ"],
    "Asia/Tehran": ["তেহরান"],
    "Asia/Bahrain": ["বাহরাইন"],
    "Asia/Aden": ["এডেন"],
    "America/New_York": ["নিউ ইয়র্ক"],
    "Asia/Kuala_Lumpur": ["কুয়ালা লামপুর"],
    "Asia/Hong_Kong": ["হংকং"],
    "Asia/Seoul": ["সিউল"],
    "Europe/Istanbul": ["ইস্তাম্বুল", "Constantinople"],
    "Asia/Jerusalem": ["জেরুসালেম"],
    "Asia/Ulaanbaatar": ["উলানবাটোর", "Ulan Bator"],
    "Asia/Almaty": ["Alma-Ata"],
    "Asia/Thimphu": ["থিম্পু"],
    "America/Los_Angeles": ["লস অ্যাঞ্জেলস", "লস এঞ্জেলেস"],
    "Asia/Damascus": ["দামেস্ক"],
    "Asia/Beirut": ["বৈরুত"],
    "America/Toronto": ["টরন্টো"],
    "Africa/Tunis": ["তিউনিস"],
    "America/Caracas": ["কারাকাস"],
    "Asia/Tbilisi": ["তিবিলিসি"],
    "Europe/Budapest": ["বুদাপেস্ট"],
    "Asia/Tashkent": ["তাশখন্দ"],
    "Asia/Yerevan": ["ইয়েরেভান"],
    "Europe/Tallinn": ["তালিন"],
    "Asia/Macau": ["মাকাও", "Macau"],
}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


def fallback_city(zone: str) -> str:
    return zone.split("/")[-1].replace("_", " ")


def build_rows() -> list[tuple[str, str, str, str]]:
    bn = Locale("bn")
    en = Locale("en")
    aliases_tbl = get_global("zone_aliases")  # old id -> current IANA id

    entries = []
    for zone in sorted(bn.time_zones):
        info = bn.time_zones[zone]
        city_bn = info.get("city")
        if not city_bn or zone.startswith("Etc/"):
            continue
        en_info = en.time_zones.get(zone)
        city_en = (en_info.get("city") if en_info else None) or fallback_city(zone)
        entries.append((zone, nfc(city_bn), nfc(city_en)))

    cldr_keys = {z for z, _, _ in entries}
    targets: dict[str, list[str]] = {}
    for zone, _, _ in entries:
        tgt = aliases_tbl.get(zone, zone)
        if tgt != zone and tgt in cldr_keys:
            tgt = zone  # new id is itself a CLDR key with its own data
        targets.setdefault(tgt, []).append(zone)

    zone_to_id = {}
    en_city = {z: e for z, _, e in entries}
    for tgt, zones in targets.items():
        if len(zones) == 1:
            zone_to_id[zones[0]] = tgt
            continue
        winner = next((z for z in zones if en_city[z] == fallback_city(tgt)), None)
        for z in zones:
            zone_to_id[z] = tgt if z == winner else z

    rows = []
    for zone, city_bn, city_en in entries:
        iana = zone_to_id[zone]
        al: list[str] = list(EXTRA_ALIASES.get(zone, []))
        seen = {city_bn, city_en}
        clean = []
        for a in (nfc(x) for x in al):
            if a and a not in seen:
                seen.add(a)
                clean.append(a)
        rows.append((f"city:{iana}", city_bn, city_en, "|".join(clean)))
    rows.sort()
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    return rows


def check(rows) -> None:
    """Cross-check English names with babel.dates.get_timezone_location (needs tz database)."""
    from babel.dates import get_timezone_location

    bad = 0
    for rid, _bn, en_name, _al in rows:
        zone = rid[5:]
        try:
            loc = get_timezone_location(zone, locale="en", return_city=True)
        except LookupError:
            continue
        if loc != en_name:
            bad += 1
            print(f"note: get_timezone_location({zone!r}, 'en') = {loc!r}, table has {en_name!r}", file=sys.stderr)
    print(f"check done, {bad} differences", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="out/cldr_cities.tsv")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--allow-other-babel", action="store_true")
    args = ap.parse_args()
    if babel.__version__ != PINNED_BABEL and not args.allow_other_babel:
        sys.exit(f"babel {babel.__version__} != pinned {PINNED_BABEL}; output would not be reproducible")
    rows = build_rows()
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        fh.write("id\tname_bn\tname_en\taliases\n")
        for r in rows:
            assert not any("\t" in c or "\n" in c for c in r)
            fh.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} rows to {args.out} (babel {babel.__version__})", file=sys.stderr)
    if args.check:
        check(rows)


if __name__ == "__main__":
    main()
