"""Places by the shape of their context or of their word: a rare word before এলাকা or অঞ্চল, an
uncommon one before a road's kind (রোড, লেন, সরণি ...), a word ending in পাড়া; and the teams and
clubs a place names with an English plural (চট্টগ্রাম রয়্যালস), which are no place."""
from __future__ import annotations

from khobor.transforms.entities.demonyms import demonym_index
from khobor.transforms.entities.generic import is_generic
from khobor.transforms.entities.patterns import (
    AREA_KINDS,
    BREAKERS,
    COMMON_WORD_ZIPF,
    DESCRIPTIVE,
    MAX_WORD_CHARS,
    PLACE_KINDS,
    _forms,
    _inflected,
    _nfc,
    _wordish,
    is_derived,
    is_title,
    zipf,
)
from khobor.transforms.entities.types import Span

# Before এলাকা or অঞ্চল only rare words are names (ওই এলাকায়, উপকূলীয় অঞ্চলে are not).
AREA_ZIPF = 3.0
# Named roads and squares (তোপখানা রোডে, বিজয় একাত্তর চত্বর): the kind is part of the name.
ROAD_KINDS = _forms("রোড লেন সরণি এভিনিউ চত্বর")
# Endings of adjectives and participles, which describe an area (নদীবেষ্টিত, উপকূলীয়, দায়িত্বপূর্ণ)
# and name none.
_DESCRIBING_ENDINGS = tuple(_nfc(e) for e in ("িত", "ীয়", "গ্রস্ত", "পূর্ণ", "সহ"))


def area_and_road_spans(tokens, known: list[Span] = (), base_tokens: frozenset[str] = frozenset()) -> list[Span]:
    """A rare word before এলাকা or অঞ্চল is a place (the word alone); an uncommon word before রোড,
    লেন, সরণি, এভিনিউ or চত্বর names a road or square (both words). A known place before a road's
    kind stays that place (ঢাকা রোড: GUIDELINES.md marks the places a road joins, not the road)."""
    places = [(s.start, s.end) for s in known if s.label == "LOC"]
    out = []
    for k in range(1, len(tokens)):
        kind, name = tokens[k], tokens[k - 1]
        kind_word = _nfc(kind.text)
        area, road = kind_word in AREA_KINDS, kind_word in ROAD_KINDS
        if not (area or road):
            continue
        word = _nfc(name.text)
        if not _wordish(name) or name.kind != "word" or kind.start - name.end > 1 or len(word) > MAX_WORD_CHARS:
            continue
        if word in BREAKERS or word in DESCRIPTIVE or is_generic(word) or is_title(word) or word in PLACE_KINDS:
            continue
        if word.endswith(_DESCRIBING_ENDINGS) or _inflected(word, base_tokens) or is_derived(word):
            continue
        if any(a <= name.start and name.end <= b for a, b in places):
            continue
        if area and zipf(word) < AREA_ZIPF:
            out.append(Span(name.start, name.end, "LOC", "pattern", 0.7))
        elif road and zipf(word) < COMMON_WORD_ZIPF:
            out.append(Span(name.start, kind.end, "LOC", "pattern", 0.7))
    return out


_NEIGHBOURHOOD = _nfc("পাড়া")


def neighbourhood_spans(tokens) -> list[Span]:
    """A word ending in পাড়া ("quarter": টাঙ্গারীপাড়ার, কায়েতপাড়া, নাখালপাড়া) is the name of a
    village quarter or a neighbourhood: a place. On news_bench outside the evaluation sets nearly
    every such word is one."""
    from khobor.transforms.entities.names import graphemes, stem_candidates

    out = []
    for t in tokens:
        if t.kind != "word" or len(t.text) > MAX_WORD_CHARS or _NEIGHBOURHOOD not in _nfc(t.text):
            continue
        stems = [s for s in stem_candidates(_nfc(t.text)) if s.endswith(_NEIGHBOURHOOD)]
        if stems and graphemes(stems[0][: -len(_NEIGHBOURHOOD)]) >= 1:
            out.append(Span(t.start, t.end, "LOC", "pattern", 0.7))
    return out


_S = "\u09b8"  # স
_VIRAMA = "\u09cd"


def _english_plural(word: str) -> bool:
    """An English plural written in Bengali (রয়্যালস, টাইটান্সের, রেঞ্জার্স): a stem ending in স
    right after a consonant or a conjunct. Bengali words end স after a vowel (অফিস, সেনানিবাস)."""
    from khobor.transforms.entities.names import stem_candidates

    for stem in stem_candidates(word):
        if len(stem) > 2 and stem.endswith(_S):
            before = stem[-2]
            if before == _VIRAMA or ("\u0995" <= before <= "\u09b9") or before in "\u09dc\u09dd\u09df":
                return zipf(stem) < COMMON_WORD_ZIPF
    return False


def place_team_spans(tokens, known: list[Span]) -> list[Span]:
    """A known place followed by an English plural is a team or a club named after it (চট্টগ্রাম
    রয়্যালস, সিলেট টাইটান্সের, মুম্বাই ইন্ডিয়ান্স): one organisation, no place. Over the
    non-evaluation news_bench articles nearly every such pair is a franchise or a club."""
    ends = {s.end: s for s in known if s.label == "LOC"}
    out = []
    for k in range(1, len(tokens)):
        place = ends.get(tokens[k - 1].end)
        word = tokens[k]
        if place is None or word.kind != "word" or word.start - place.end != 1 or len(word.text) > MAX_WORD_CHARS:
            continue
        if _S in word.text and _english_plural(_nfc(word.text)):
            out.append(Span(place.start, word.end, "ORG", "pattern", 0.75))
    return out


_DIRECTIONS = _forms("উত্তর দক্ষিণ পূর্ব পশ্চিম")
# Kinds a place named with a direction after it is one of (টঙ্গী পূর্ব থানা, উত্তরা পশ্চিম থানার).
_DIRECTED_KINDS = _forms("থানা উপজেলা ইউনিয়ন")


def place_with_direction_spans(tokens, known: list[Span]) -> list[Span]:
    """A known place, a direction and a thana, upazila or union: the direction is part of the
    place's name (টঙ্গী পূর্ব থানা, উত্তরা পশ্চিম থানার: Tongi East, Uttara West)."""
    ends = {s.end: s for s in known if s.label == "LOC"}
    out = []
    for k in range(1, len(tokens) - 1):
        place = ends.get(tokens[k - 1].end)
        if place is None or _nfc(tokens[k].text) not in _DIRECTIONS or _nfc(tokens[k + 1].text) not in _DIRECTED_KINDS:
            continue
        out.append(Span(place.start, tokens[k].end, "LOC", "pattern", 0.8))
    return out


# Facilities named after a person or a place (শেখ হাসিনা সেতু, হযরত শাহজালাল আন্তর্জাতিক বিমানবন্দরে,
# সিলেট আন্তর্জাতিক স্টেডিয়ামে, শহীদ হাদি চত্বরে): the name with its kind is one place (GUIDELINES.md,
# ADJUDICATION.md rule 4), not the person, nor the town the kind then only describes.
_FACILITIES = _forms("সেতু বিমানবন্দর স্টেডিয়াম চত্বর")
_BRIDGES = _forms("সেতু")  # a bridge is named by its river or place alone (পদ্মা সেতু, যমুনা সেতু)
_INTERNATIONAL = _nfc("আন্তর্জাতিক")
# Their stems as substrings (স্টেডি without the nukta'd য়, which text may write either way): a
# sentence with none of them, nearly every one, is passed over without a look at its words.
_FACILITY_STEMS = ("সেতু", "বিমানবন্দর", "স্টেডি", "চত্বর")


def facility_spans(tokens, spans: list[tuple[Span, str | None]], base_tokens: frozenset[str] = frozenset(),
                   sentence: str | None = None) -> list[tuple[Span, str | None]]:
    """``spans`` (resolved, in order) with a person's or a place's name that a facility's kind follows
    grown into that facility: after a person any kind; after a place a bridge, or any kind with
    আন্তর্জাতিক between (সিলেট বিমানবন্দর may only say where). A name in the genitive owns the
    facility (কাবুলের ক্রিকেট স্টেডিয়ামে) and stays as it is."""
    if sentence is not None and not any(stem in sentence for stem in _FACILITY_STEMS):
        return spans
    heads = [k for k, t in enumerate(tokens) if _nfc(t.text) in _FACILITIES]
    if not heads:
        return spans
    out = list(spans)
    for k in heads:
        middle = k >= 1 and _nfc(tokens[k - 1].text) == _INTERNATIONAL
        before = tokens[k - 1 - middle] if k - 1 - middle >= 0 else None
        if before is None or not _wordish(before):
            continue
        at = next((n for n, (s, _) in enumerate(out) if s.end == before.end and s.label in ("PERSON", "LOC")), None)
        if at is None:
            continue
        span = out[at][0]
        if _inflected(_nfc(before.text), base_tokens) and _nfc(before.text) not in base_tokens:
            continue
        if span.label == "LOC" and not (middle or _nfc(tokens[k].text) in _BRIDGES):
            continue
        grown = Span(span.start, tokens[k].end, "LOC", "pattern", 0.8)
        out = [se for se in out if se[0].end <= grown.start or se[0].start >= grown.end] + [(grown, None)]
        out.sort(key=lambda se: se[0].start)
    return out


# Places whose offices and institutions take their name before the body's (পটিয়া ফায়ার সার্ভিস,
# ভালুকা উপজেলা স্বাস্থ্য কমপ্লেক্স, তেঁতুলিয়া আবহাওয়া পর্যবেক্ষণাগার). A country is left out: before an
# organisation it is as often the sentence's subject (রাশিয়া ন্যাটোর ...).
_LOCAL_KINDS = frozenset(("upazila", "district", "thana", "city", "division", "city_corporation"))
_OBJECT_ENDINGS = tuple(_nfc(e) for e in ("কে", "কেও", "কেই"))


def place_led_organisations(text: str, spans: list[tuple[Span, str | None]], entries: dict) -> list[tuple[Span, str | None]]:
    """``spans`` (resolved, in order) with a known Bangladeshi or foreign town in its plain form right
    before an organisation grown into that organisation's name: the local office or institution of
    that place (GUIDELINES.md: the whole name). A place in the genitive owns the body and stays a
    mention of its own (ADJUDICATION.md rule 10); a party after a place is its local unit, which
    linking puts together (``Linker._qualified``); an organisation in the accusative (ঢাকা
    সিআইডিকে) is the object of a sentence whose subject the place may be."""
    out: list[tuple[Span, str | None]] = []
    for span, gaz in spans:
        if out and span.label == "ORG" and out[-1][0].label == "LOC" and out[-1][1] is not None:
            place, pid = out[-1]
            entry, body = entries.get(pid), entries.get(gaz) if gaz else None
            name = text[place.start : place.end]
            if (entry is not None and entry.kind in _LOCAL_KINDS and text[place.end : span.start] == " "
                    and _plain_name(name, entry) and (body is None or body.kind != "party")
                    and not _nfc(text[span.start : span.end]).endswith(_OBJECT_ENDINGS)):
                out[-1] = (Span(place.start, span.end, "ORG", "pattern", min(place.confidence, span.confidence)), None)
                continue
        out.append((span, gaz))
    return out


def _plain_name(surface: str, entry) -> bool:
    """The place's own name, with no case ending (পটিয়া, not পটিয়ার or পটিয়ায়)."""
    from khobor.transforms.entities.gazetteer import norm_token

    key = tuple(norm_token(w) for w in surface.split())
    return any(tuple(norm_token(w) for w in n.split()) == key for n in entry.names())


# A place's prison (কাশিমপুর কেন্দ্রীয় কারাগারে, শেরপুর জেলা কারাগার, চট্টগ্রাম কেন্দ্রীয় কারাগারের): the
# model leaves কারাগার out, and the place alone is then the mention (Kashimpur for Kashimpur Central
# Jail). The place in its plain form, then what kind of prison, then কারাগার with any case ending.
_PRISON = _nfc("কারাগার")
_PRISON_KINDS = (tuple(_nfc(w) for w in ("হাই", "সিকিউরিটি", "কেন্দ্রীয়")), (_nfc("কেন্দ্রীয়"),), (_nfc("জেলা"),),
                 (_nfc("মহিলা"),), ())


def prison_spans(tokens, spans: list[tuple[Span, str | None]], base_tokens: frozenset[str] = frozenset(),
                 sentence: str | None = None) -> list[tuple[Span, str | None]]:
    """``spans`` (resolved, in order) with a place right before a prison's kind grown into the prison,
    one ORG. A place in the genitive (গাজীপুরের কারাগারে: a prison in Gazipur) stays as it is."""
    if sentence is not None and _PRISON not in sentence:
        return spans
    out = list(spans)
    for k, tok in enumerate(tokens):
        if not _nfc(tok.text).startswith(_PRISON):
            continue
        for kind in _PRISON_KINDS:
            at = k - len(kind)
            if at >= 1 and tuple(_nfc(t.text) for t in tokens[at:k]) == kind:
                break
        else:
            continue
        before = tokens[at - 1]
        place = next((n for n, (s, _) in enumerate(out) if s.end == before.end and s.label == "LOC"), None)
        if place is None or _inflected(_nfc(before.text), base_tokens) or _nfc(before.text) in demonym_index():
            continue  # ইসরায়েলি কারাগারে: a prison of Israel's, no prison's name
        grown = Span(out[place][0].start, tok.end, "ORG", "pattern", 0.8)
        out = [se for se in out if se[0].end <= grown.start or se[0].start >= grown.end] + [(grown, None)]
        out.sort(key=lambda se: se[0].start)
    return out
