"""A country or city that names its sports team in sports news (বাংলাদেশ ২০ রানে জিতেছে, সিলেট for
Sylhet Titans) is that team: the evaluation sets key such mentions as the team (ADJUDICATION.md 3),
and English news names a national team as Wikipedia titles it (Bangladesh national cricket team,
England cricket team, Sweden women's national football team).

Only in a document that reads as sports news (its sport's words several times), only in a sentence
about play (a match, a score, a win, a squad), and never where the case or the next word says the
place (সিলেটে, অস্ট্রেলিয়ার মেলবোর্নে, পাকিস্তান সফরে, অস্ট্রেলিয়ার মাটিতে).
"""
from __future__ import annotations

import re

from khobor.transforms.entities.names import nfc

_SPORT_WORDS = {
    "cricket": tuple(nfc(w) for w in ("ক্রিকেট", "উইকেট", "ইনিংস", "ওভারে", "টেস্ট", "ওয়ানডে", "টি-টোয়েন্টি", "টি–টোয়েন্টি", "বোলিং", "ব্যাটিং", "বিপিএল", "টসে")),
    "football": tuple(nfc(w) for w in ("ফুটবল", "সাফ চ্যাম্পিয়নশিপ", "গোলে", "গোলরক্ষক", "টাইব্রেকার", "ফিফা", "পেনাল্টি")),
}
# How often a document must say its sport's words to be sports news.
MIN_SPORT_WORDS = 3
# Words of a sentence about play; a loss at a word's start (ব্যবহার is a use).
_PLAY_WORDS = tuple(nfc(w) for w in (
    "ম্যাচ", "জয়", "জিত", " হার", " হের", "রানে", "রানের", "উইকেট", "গোল", "ইনিংস", "টস", "বিপক্ষে", "মুখোমুখি",
    "সিরিজ", "টুর্নামেন্ট", "আসর", "একাদশ", "স্কোয়াড", "দল", "কোচ", "অধিনায়ক", "ওভার", "লড়াই", "চ্যাম্পিয়ন",
    "ফাইনাল", "অলআউট", "শিরোপা", "বিশ্বকাপ", "ব্যাটিং", "বোলিং", "চুক্তি",
    # facing an opponent (শেষ আটে জাপানের মোকাবেলা করবে সুইডেন), a side's batting order (অস্ট্রেলিয়ার মিডল
    # অর্ডারের), a franchise's owner (সিলেটের কর্ণধার)
    "মোকাবেলা", "মোকাবিলা", "মিডল অর্ডার", "টপ অর্ডার", "লোয়ার অর্ডার", "কর্ণধার"))
_WOMEN = tuple(nfc(w) for w in ("নারী বিশ্বকাপ", "নারী দল", "নারী ক্রিকেট", "নারী ফুটবল", "মেয়েদের", "নারী সাফ", "নারী এশিয়া"))
# Endings that put a place where something happens (সিলেটে, আবুধাবিতে, দুবাইয়ে).
LOCATIVE = {nfc(x) for x in ("ে", "তে", "য়", "য়ে", "েও", "তেও", "য়েও", "েই", "তেই", "য়েই")}
# Next words that make the place a place (পাকিস্তান সফরে, অস্ট্রেলিয়ার মাটিতে, বাংলাদেশ প্রিমিয়ার লিগ).
# The country's sport, government or people (বাংলাদেশের ক্রিকেটের চেহারা, অস্ট্রেলিয়ার প্রধানমন্ত্রী), a
# tournament named after a place (এশিয়া কাপ), a journey there (কানাডা যেতে), a ground there (সিলেট
# আন্তর্জাতিক ক্রিকেট স্টেডিয়ামে).
_PLACE_NEXT = tuple(nfc(w) for w in (
    "সফর", "মাটি", "প্রিমিয়ার", "আন্তর্জাতিক", "স্টেডিয়াম", "বিভাগীয়", "ক্রিকেট বোর্ড", "ফুটবল ফেডারেশন", "সরকার",
    "জাতীয় স্টেডিয়াম", "ক্রীড়া", "ক্রিকেটের", "ফুটবলের", "কাপ", "প্রধানমন্ত্রী", "প্রেসিডেন্ট", "রাষ্ট্রপতি", "জনগণ", "মানুষ", "যেতে", "যাওয়া", "যাবে", "গিয়ে", "থেকে", "জন্য"))
# A country before a player's role says where the player is from (অস্ট্রেলিয়া সাবেক পেসার, বাংলাদেশের পেসার).
_PLAYER_NEXT = tuple(nfc(w) for w in (
    "সাবেক", "পেসার", "খেলোয়াড়", "ক্রিকেটার", "ব্যাটার", "ব্যাটসম্যান", "স্পিনার", "ফুটবলার", "বোলার", "ওপেনার",
    "উইকেটরক্ষক", "গোলরক্ষক", "হার্ডহিটার", "অলরাউন্ডার", "তারকা", "বংশোদ্ভূত"))
_DEMONSTRATIVE = re.compile(nfc(r"^(?:এই|ওই|সেই|এ)\s+"))
_A_TEAM = tuple(nfc(w) for w in ("‘এ’ দল", "'এ' দল", "এ দল", "‘এ’দল"))
# Countries that play international cricket as a national team news reports on: the ICC's twelve full
# members, England's home nations and the associates of recent World Cups (icc-cricket.com).
CRICKET_NATIONS = {"loc:AF", "loc:AU", "loc:BD", "loc:england", "loc:IN", "loc:IE", "loc:NZ", "loc:PK", "loc:ZA", "loc:LK",
                   "loc:west-indies", "loc:ZW", "loc:scotland", "loc:NL", "loc:NP", "loc:AE", "loc:US", "loc:CA", "loc:OM",
                   "loc:NA", "loc:HK", "loc:KE", "loc:PG", "loc:UG"}
# A Bangladeshi city or district (bd_admin.tsv) names its BPL franchise; no city abroad is looked up.
BD_ADMIN_KINDS = {"division", "district", "city_corporation"}
# The BPL's franchises of the 2025-26 season (its 12th), by their city's Bengali name: a city alone in
# cricket news is its franchise when the story does not name the team (রংপুর বড় জয়ে আসর শুরু
# করলো). Renew each season; the franchises of earlier seasons stay in institutions.tsv.
BPL_FRANCHISES = {nfc(k): v for k, v in {
    "চট্টগ্রাম": "org:chattogram-royals", "ঢাকা": "org:dhaka-capitals", "নোয়াখালী": "org:noakhali-express",
    "রাজশাহী": "org:rajshahi-warriors", "রংপুর": "org:rangpur-riders", "সিলেট": "org:sylhet-titans"}.items()}
# A city with no franchise this season stands for its last one (খুলনার কাছে হেরে বিদায় নেয় রাইডার্স: Khulna
# Tigers, of the 2024-25 season; Fortune Barishal the same; Comilla Victorians, 2023-24).
BPL_FRANCHISES.update({nfc(k): v for k, v in {
    "খুলনা": "org:khulna-tigers", "বরিশাল": "org:fortune-barishal", "কুমিল্লা": "org:comilla-victorians"}.items()
    if nfc(k) not in BPL_FRANCHISES})
# Words that join two mentions (ভারত ও শ্রীলঙ্কায়).
JOINERS = {nfc(w) for w in ("ও", "এবং", "-", "–", ",")}
# Wikipedia's titles with no "national" (England cricket team, Ireland cricket team, West Indies cricket team).
_PLAIN_CRICKET = {"loc:england", "loc:IE", "loc:west-indies"}
_END = "।?!\n"


def sport_of(text: str, least: int = MIN_SPORT_WORDS) -> str | None:
    """The sport a document (or a sentence, ``least`` 1) reads as news of, or None."""
    counts = {s: sum(text.count(w) for w in words) for s, words in _SPORT_WORDS.items()}
    sport = max(counts, key=counts.get)
    return sport if counts[sport] >= least and list(counts.values()).count(counts[sport]) == 1 else None


def sport_near(text: str, start: int, end: int) -> str | None:
    """The sport of the sentence around a mention: the one whose word comes last before it, else the
    only one the sentence names. A listing of matches names both (ফুটবল সাফ ... ক্রিকেট অ্যাশেজ)."""
    s = _sentence_start(text, start)
    before = {sp: max(text.rfind(w, s, start) for w in words) for sp, words in _SPORT_WORDS.items()}
    last = max(before, key=before.get)
    if before[last] >= 0:
        return last
    return sport_of(sentence(text, start, end), 1)


def women(text: str) -> bool:
    return any(w in text for w in _WOMEN)


def _sentence_start(text: str, start: int) -> int:
    return max(text.rfind(c, 0, start) for c in _END) + 1


def sentence(text: str, start: int, end: int) -> str:
    s = _sentence_start(text, start)
    e = min((x for x in (text.find(c, end) for c in _END) if x >= 0), default=len(text))
    return text[s:e]


def about_play(text: str, start: int, end: int) -> bool:
    sent = sentence(text, start, end)
    return any(w in sent for w in _PLAY_WORDS)


def says_place(ending: str, after: str) -> bool:
    """Whether the mention's case ending or the words after it say it is the place."""
    after = after.lstrip(" ")
    # পাকিস্তানের এই পেসার: a demonstrative before the player's role still says where he is from
    player = _DEMONSTRATIVE.sub("", after, count=1)
    return ending in LOCATIVE or after.startswith(_PLACE_NEXT) or after.startswith(_PLAYER_NEXT) or player.startswith(_PLAYER_NEXT)


def a_team(after: str) -> bool:
    return after.lstrip(" ").startswith(_A_TEAM)


def national_team(entity_id: str, latin: str, canonical: str, sport: str, is_women: bool, is_a: bool) -> tuple[str, str]:
    """The (Bengali, English) name of a country's team."""
    if is_a and sport == "cricket":
        return f"{canonical} ‘এ’ ক্রিকেট দল", f"{latin} A cricket team"
    bn = f"{canonical} {'নারী ' if is_women else ''}{'ক্রিকেট' if sport == 'cricket' else 'ফুটবল'} দল"
    w = "women's " if is_women else ""
    if sport == "cricket":
        return bn, f"{latin} {w}cricket team" if entity_id in _PLAIN_CRICKET else f"{latin} {w}national cricket team"
    if latin == "United States":
        return bn, f"United States {'women' if is_women else 'men'}'s national soccer team"
    return bn, f"{latin} {w}national football team"
