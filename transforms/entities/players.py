"""Famous players and clubs a sports report names by one word: সাকিব is Shakib Al Hasan in cricket
news, রিয়াল Real Madrid in football news (and a riyal elsewhere).

A one-word person name links across documents only with strong evidence (a bare তামিম or রাহুল
otherwise attaches to whichever full name came first). A report of one sport that names a player of
that sport by a word of his name, and names no fuller person with that word, is such evidence when
exactly one of the curated people of that sport (``people.tsv``, by its role: cricketer, footballer)
has that word: as the first word of his name first (Bangladeshi players go by their given names:
সাকিব, তামিম, মুশফিক), else as a later word (মিরাজ, ম্যাক্সওয়েল). Two players with the word in the
same place (মোহাম্মদ) make it no one's. A name ending in -ুর or -ুল is also called without it
(মোস্তাফিজ, মুশফিক). Name parts that very many people bear (হাসান, মোহাম্মদ) are no one's.

A club goes by the first word of its name when no other curated club starts so (``club``); the
linker asks only for a one-word organisation in a report of a sport or one that names a known club.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from khobor.transforms.entities.gazetteer import _rows, _split
from khobor.transforms.entities.name_parts import name_parts
from khobor.transforms.entities.names import graphemes, name_key

# A part this common in news names (the table's count: হাসান 627, মোহাম্মদ 585; সাকিব 332 is a name
# news mostly gives the cricketer) says nothing about which player it is.
COMMON_PART = 500
COMMON_WORD = 5.0  # wordfreq's Zipf in Bengali
_CLIPPED = tuple(unicodedata.normalize("NFC", e) for e in ("ুর", "ুল"))
# What a role's first clause says (Australian cricketer, former India cricket captain, footballer)
# -> the sport teams.sport_of names; a later clause is a past (Imran Khan: PTI founder; ... cricket captain).
_SPORTS = {"cricketer": "cricket", "cricket captain": "cricket", "footballer": "football"}
# A foreign player is his only in a report that names his country (আকরাম in a Bangladeshi report is
# Akram Khan, whom the table does not know, not Wasim Akram): the role's nationality -> the country's
# Bengali names.
_NATIONS = {"New Zealand": ("নিউজিল্যান্ড",), "Australia": ("অস্ট্রেলিয়",), "India": ("ভারত",), "Pakistan": ("পাকিস্তান",),
            "England": ("ইংল্যান্ড",), "English": ("ইংল্যান্ড",), "Sri Lanka": ("শ্রীলঙ্কা",), "Afghan": ("আফগান",),
            "Argentin": ("আর্জেন্টিনা",), "Portug": ("পর্তুগাল",), "Brazil": ("ব্রাজিল",), "French": ("ফ্রান্স", "ফরাসি"),
            "Senegal": ("সেনেগাল",), "Egypt": ("মিসর", "মিশর"), "Spanish": ("স্পেন", "স্প্যানিশ"), "Norw": ("নরওয়ে",),
            "Croatia": ("ক্রোয়েশিয়া",)}
_NATIONS = {k: tuple(unicodedata.normalize("NFC", w) for w in v) for k, v in _NATIONS.items()}


def _nation(role: str) -> tuple[str, ...]:
    return next((words for key, words in _NATIONS.items() if key in role), ())


def _sport(role: str) -> str | None:
    role = re.sub(r"\([^)]*\)", "", role)  # film actor (not the cricketer Shakib Al Hasan)
    return next((sport for words, sport in _SPORTS.items() if words in role), None)


def _words(name: str) -> list[str]:
    return [w for w in unicodedata.normalize("NFC", name).split() if not w.isascii() and not w.endswith(".")]


@functools.lru_cache(maxsize=1)
def _index() -> tuple[dict[str, dict[str, tuple[frozenset[str], frozenset[str]]]], dict[str, tuple[str, ...]]]:
    """(sport -> word key -> (ids of the players whose name starts with it, ids who have it
    otherwise), a player's id -> his country's Bengali names if he is foreign)."""
    parts = name_parts()
    countries: dict[str, tuple[str, ...]] = {}
    first: dict[tuple[str, str], set[str]] = {}  # the first word of the name, as written
    later: dict[tuple[str, str], set[str]] = {}  # any other word, or any word without its -ুর/-ুল
    for r in _rows("people.tsv"):
        role = (r.get("role") or "").split(";")[0]
        sport = _sport(role)
        if sport is None:
            continue
        countries[r["id"]] = _nation(role)
        for name in {r["name_bn"], *_split(r.get("aliases"))}:
            words = _words(name)
            if len(words) < 2:
                continue
            for k, w in enumerate(words):
                forms = {w}
                for end in _CLIPPED:
                    if w.endswith(end) and graphemes(w[: -len(end)]) >= 3:
                        forms.add(w[: -len(end)])
                for f in forms:
                    part = parts.get(f)
                    if part is not None and part.count >= COMMON_PART:
                        continue
                    (first if k == 0 and f == w else later).setdefault((sport, name_key(f)), set()).add(r["id"])
    out: dict[str, dict[str, tuple[frozenset[str], frozenset[str]]]] = {}
    for sport, key in first.keys() | later.keys():
        out.setdefault(sport, {})[key] = (frozenset(first.get((sport, key), ())), frozenset(later.get((sport, key), ())))
    return out, countries


def player(word: str, sport: str | None, text: str) -> str | None:
    """The people.tsv id of the one player of ``sport`` a one-word name in ``text`` means, else None."""
    if sport is None:
        return None
    index, countries = _index()
    first, later = index.get(sport, {}).get(name_key(word), (frozenset(), frozenset()))
    every = first | later
    eid = next(iter(first)) if len(first) == 1 else next(iter(every)) if len(every) == 1 else None
    if eid is None or (countries[eid] and not any(w in text for w in countries[eid])):
        return None
    return eid


def sport_by_players(words: list[str], text: str) -> str | None:
    """The sport of a short report that says its sport's words too seldom for ``teams.sport_of`` (one
    at least) but names two of its curated players or more by their given names, the first words of
    their names (সাকিব and তাসকিন, with one টেস্ট), else None. Not by later words: কায়েদে আজম and
    ইকবাল are no Babar Azam and Tamim Iqbal."""
    from khobor.transforms.entities.teams import sport_of

    sport = sport_of(text, 1)
    if sport is None:
        return None
    index, _ = _index()
    named = {eid for w in words if (eid := player(w, sport, text)) is not None
             and eid in index.get(sport, {}).get(name_key(w), (frozenset(), frozenset()))[0]}
    return sport if len(named) >= 2 else None


# -- clubs -------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _club_index() -> dict[str, frozenset[str]]:
    """The first word of each curated club's Bengali names -> the clubs it starts (রিয়াল -> Real
    Madrid), leaving out words that are places themselves (a city stands for its team by teams.py's
    rules, and ম্যানচেস্টার is two clubs'), particles and initials (আল, এসি), people's names (মোহন),
    nationalities (ভারতীয়) and the commonest words of Bengali text (ক্রিকেট, Zipf 5.4; রিয়াল is 4.7)."""
    from wordfreq import zipf_frequency

    from khobor.transforms.entities.demonyms import english_adjectives
    from khobor.transforms.entities.gazetteer import default_gazetteer
    from khobor.transforms.entities.name_parts import is_name_part

    gaz = default_gazetteer()
    places = {name_key(n) for e in gaz.entries.values() if e.label == "LOC" for n in e.names() if len(n.split()) == 1}
    adjectives = english_adjectives()
    out: dict[str, set[str]] = {}
    for e in gaz.entries.values():
        if e.kind != "sports_club":
            continue
        for name in e.names():
            words = _words(name)
            w = words[0] if len(words) > 1 else ""
            if (graphemes(w) < 3 or name_key(w) in places or is_name_part(w) or w in adjectives
                    or zipf_frequency(w, "bn") >= COMMON_WORD):
                continue
            out.setdefault(name_key(words[0]), set()).add(e.entity_id)
    return {k: frozenset(v) for k, v in out.items()}


def club(word: str, sport: str | None) -> str | None:
    """The one curated club a sports report means by the first word of its name (রিয়াল in a football
    report is Real Madrid; outside sports news it is the riyal), else None."""
    if sport is None:
        return None
    ids = _club_index().get(name_key(word), frozenset())
    return next(iter(ids)) if len(ids) == 1 else None
