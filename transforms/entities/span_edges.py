"""Where a recognised name starts and ends beside other names: a bracketed name after one (its
abbreviation or nickname), a known organisation or place at a person's edges, a known owner in the
genitive before an organisation, and editors' initials in a desk sign-off; and an English name with
for, of or and inside, which names no person; two people joined by and in one person's span; a
possessor in the genitive inside one, and what it owns after it."""
from __future__ import annotations

import functools

from khobor.transforms.entities.date_words import SPEECH_VERBS
from khobor.transforms.entities.generic import is_generic
from khobor.transforms.entities.name_parts import is_name_part, name_parts
from khobor.transforms.entities.names import graphemes, letter_name, stem_candidates
from khobor.transforms.entities.patterns import (
    _CLOSING,
    _GENITIVES,
    _OPENING,
    COMMON_WORD_ZIPF,
    INFLECTED_STEM_ZIPF,
    MAX_WORD_CHARS,
    _common,
    _name_part,
    _nfc,
    is_title,
    zipf,
)
from khobor.transforms.entities.types import Span


def bracketed_names(tokens, spans: list[Span]) -> list[Span]:
    """The word in brackets right after a name is another name of the same thing: after an
    organisation its abbreviation (বাংলাদেশ জুয়েলার্স সমিতি (বাজুস), ... কাউন্সিলের (জামুকা)), an ORG
    whatever the model called it; after a person, when it is a part of people's names, the
    nickname (মোস্তাফিজুর রহমান (বাবু)), a PERSON. ``spans`` are the sentence's resolved names; the
    result replaces the ones on those words."""
    ends = {s.end: s.label for s in spans if s.label in ("ORG", "PERSON")}
    out = []
    for i in range(1, len(tokens) - 2):
        opening, word, closing = tokens[i], tokens[i + 1], tokens[i + 2]
        if opening.text not in _OPENING or closing.text not in _CLOSING or word.kind not in ("word", "latin") \
                or len(word.text) > MAX_WORD_CHARS:
            continue
        label = ends.get(tokens[i - 1].end)
        if label == "ORG" and _common(word.text):
            continue
        # After a person, a name part however common (বাবু), but no title or role (অধিনায়ক).
        if label == "PERSON" and (not _name_part(word.text) or is_title(word.text) or is_generic(word.text)):
            continue
        if label is None:
            continue
        out.append(Span(word.start, word.end, label, "pattern", 0.8))
    return out


def desk_initials(tokens) -> list[tuple[int, int]]:
    """(start, end) of the initials in a desk sign-off (ঢাকা/নাজমুল/এসবি, এমএএস/জেআইএম): letters
    spelt out, joined to the sign-off by a slash. They are editors' initials, never organisations."""
    from khobor.transforms.entities.names import bengali_acronym

    out = []
    for k, t in enumerate(tokens):
        before = k > 0 and tokens[k - 1].text == "/" and tokens[k - 1].end == t.start
        after = k + 1 < len(tokens) and tokens[k + 1].text == "/" and tokens[k + 1].start == t.end
        if (before or after) and t.kind in ("word", "latin") and (bengali_acronym(t.text) or (t.text.isascii() and t.text.isupper())):
            out.append((t.start, t.end))
    return out


def person_without_known(span: Span, tokens, known: list[Span]) -> Span | None:
    """A model's person span without the known names at its edges that are not this person: an
    organisation or place the gazetteer knows (মাহমুদুর রহমান মান্না | জাগো নিউজকে, খিলগাঁওয়ের |
    জোড়পুকুর), and the words after a full name the gazetteer knows that are no name parts
    (মাহমুদুর রহমান মান্না | ন্যায়বিচারের) or that start another person it knows (সাবিনা খাতুন | শেখ
    কামাল). None when nothing of the person is left."""
    words = [t for t in tokens if span.start <= t.start and t.end <= span.end and t.kind != "punct"]
    for k in sorted(known, key=lambda k: k.start):
        if not (span.start <= k.start and k.end <= span.end) or (k.start, k.end) == (span.start, span.end):
            continue
        if k.label in ("ORG", "LOC"):
            if k.end == span.end:
                words = [t for t in words if t.end <= k.start]
            elif k.start == span.start:
                words = [t for t in words if t.start >= k.end]
        elif k.label == "PERSON" and k.start == span.start:
            rest = [t for t in words if t.start >= k.end]
            if rest and (not any(_name_part(t.text) for t in rest) or any(
                    o.label == "PERSON" and o.start == rest[0].start and o.end <= span.end for o in known)):
                # ... or another person the gazetteer knows starts right after it (সাবিনা খাতুন | শেখ কামাল)
                words = [t for t in words if t.end <= k.end]
    cut = _addressed_media(words)
    if cut and cut < len(words):
        words = words[:-cut]  # মোতালেব হোসেন খান | যুগান্তরকে জানান: told the paper
    if not words:
        return None
    return span._replace(start=words[0].start, end=words[-1].end)


_TO = _nfc("কে")


@functools.lru_cache(maxsize=1)
def _media_names() -> frozenset[tuple[str, ...]]:
    """The gazetteer's newspapers and broadcasters, each name as its words (যুগান্তর, প্রথম আলো)."""
    from khobor.transforms.entities.gazetteer import default_gazetteer

    return frozenset(tuple(_nfc(n).split()) for e in default_gazetteer().entries.values()
                     if e.kind == "news_media" for n in e.names() if not n.isascii())


def _addressed_media(words) -> int:
    """How many last words of a span are a news outlet the speaker talks to (যুগান্তরকে, প্রথম আলোকে:
    a report's "X told Jugantor"), else 0."""
    if not words or not _nfc(words[-1].text).endswith(_TO):
        return 0
    last = [_nfc(t.text) for t in words]
    last[-1] = last[-1][: -len(_TO)]
    for n in (2, 1, 3):
        if len(last) >= n and tuple(last[-n:]) in _media_names():
            return n
    return 0


# A place in the locative (অস্ট্রেলিয়ায় বিশ্ববিদ্যালয় আছে: in Australia) says where, and no name runs
# through a case ending: it is no part of the organisation after it.
_LOCATIVES = tuple(_nfc(e) for e in ("য়", "ে", "তে", "এ"))


def organisation_without_owner(span: Span, tokens, known: list[Span], base_tokens: frozenset[str] = frozenset()) -> Span | None:
    """A model's organisation span without the known name in the genitive it starts with: the owner
    is a mention of its own (রাশিয়ার | প্রতিরক্ষা মন্ত্রণালয়, ঢাকা বিশ্ববিদ্যালয়ের | শিক্ষা ও গবেষণা
    ইনস্টিটিউট: ADJUDICATION.md rule 10), or the known place in the locative it starts with."""
    for k in known:
        if k.label not in ("ORG", "LOC") or k.start != span.start or k.end >= span.end:
            continue
        last = [t for t in tokens if k.start <= t.start and t.end <= k.end and t.kind != "punct"]
        word = _nfc(last[-1].text) if last else ""
        if any(word.endswith(e) and word[: -len(e)] in base_tokens for e in _GENITIVES) or (
                k.label == "LOC" and any(word.endswith(e) and word[: -len(e)] in base_tokens for e in _LOCATIVES)):
            rest = [t for t in tokens if t.start >= k.end and t.end <= span.end and t.kind != "punct"]
            return span._replace(start=rest[0].start) if rest else None
    return _without_lead(span, tokens, base_tokens)


def _common_lead(word: str) -> bool:
    """An inflected common word: a common stem of three letters or more once its ending is off (ইউটা
    and আইটি, Utah and IT, are no ইউ or আই with a classifier)."""
    return any(len(s) >= 3 and zipf(s) >= INFLECTED_STEM_ZIPF for s in stem_candidates(word)[1:])


_CLASSIFIERS = frozenset(_nfc(w) for w in "টি টা জন".split())  # after a number: ২৭টি, ১০ জন


def _without_lead(span: Span, tokens, base_tokens: frozenset[str]) -> Span | None:
    """No organisation's name starts with a number or an inflected common word (তিনটি ব্যাংক, ৩৭ বিভাগ,
    রাতে বিশ্ববিদ্যালয়, অস্ত্রগুলো সেনাবাহিনী): the model ran on from the phrase before it."""
    words = [t for t in tokens if span.start <= t.start and t.end <= span.end and t.kind != "punct"]
    k = 0
    while k < len(words) - 1 and (words[k].kind == "number" or (k and words[k - 1].kind == "number" and words[k].text in _CLASSIFIERS) or (
            (w := _nfc(words[k].text)) not in base_tokens and _common_lead(w))):
        k += 1
    if k == 0:
        return span
    # One word left after such a lead is the phrase's noun (টিভির স্ক্রিন, সংবিধানের আলোকে, পৃথিবীতে
    # আলো); a known name there is the gazetteer's to find.
    if k == len(words) - 1:
        return None
    return span._replace(start=words[k].start)


# English connectives spelt in Bengali: inside a name they make it an institution's (ডিবেট ফর
# ডেমোক্রেসি, জেনারেল অথরিটি অব সিভিল এভিয়েশন, ... করিম অ্যান্ড অ্যাসোসিয়েটস), never a person's.
CONNECTIVES = frozenset(_nfc(w) for w in "ফর অব অফ অ্যান্ড এন্ড এ্যান্ড".split())


def person_as_organisation(span: Span, tokens) -> Span:
    """A model's person span with an English connective between its words is an organisation."""
    if span.label != "PERSON":
        return span
    words = [t for t in tokens if span.start <= t.start and t.end <= span.end and t.kind != "punct"]
    if len(words) > 2 and any(_nfc(t.text) in CONNECTIVES for t in words[1:-1]):
        return span._replace(label="ORG")
    return span


# Kind words after a place: a name part before one is the place (পলাশ উপজেলায়), not a person's word.
_KIND_AFTER = frozenset(_nfc(w) for w in "উপজেলা উপজেলার উপজেলায় থানা থানার থানায় জেলা জেলার জেলায় ইউনিয়ন ইউনিয়নের গ্রাম গ্রামের গ্রামে পৌরসভা পৌরসভার".split())


def place_in_a_persons_name(text: str, place: Span, person: Span) -> bool:
    """A one-word place written right beside a person's name (a space between) that is also a part
    of people's names is a word of that name: আনোয়ারা ইসলাম রানি, বিশ্বনাথ ঘোষ, মোস্তফা কামাল পলাশ
    (upazilas all three). Only the model's person: a known person's edge is known."""
    if place.label != "LOC" or person.label != "PERSON" or person.method != "model" or place.method == "pattern":
        return False
    first, second = (place, person) if place.start < person.start else (person, place)
    if text[first.end : second.start] != " ":
        return False
    word = _nfc(text[place.start : place.end])
    if " " in word or not _name_part(word):
        return False
    following = text[place.end :].split(maxsplit=1)
    return place is first or not following or _nfc(following[0]) not in _KIND_AFTER


# Institutions named after a person (তোফাজ্জল হোসেন চৌধুরী কলেজ, এম সাইফুর রহমান ডিগ্রি কলেজের,
# আব্দুর রহিম টেকনিক্যাল ইনস্টিটিউটের, নুরুল ইসলাম ফাউন্ডেশনের): the kinds a person's name founds.
_NAMED_HEADS = frozenset(_nfc(w) for w in "কলেজ বিদ্যালয় উচ্চবিদ্যালয় মহাবিদ্যালয় বিশ্ববিদ্যালয় ইনস্টিটিউট হাসপাতাল মাদ্রাসা একাডেমি ফাউন্ডেশন ট্রাস্ট স্কুল".split())
_HEAD_STEMS = ("কলেজ", "বিদ্যালয়", "ইনস্টিটিউট", "হাসপাতাল", "মাদ্রাসা", "একাডেমি", "ফাউন্ডেশন", "ট্রাস্ট", "স্কুল")


def _named_head(word: str) -> bool:
    return any(s in _NAMED_HEADS for s in stem_candidates(_nfc(word)))


# Kinds no sentence uses for "the" one of a person's: right after a name they are its institution
# (নুরুল ইসলাম ফাউন্ডেশনের), where ফাতেমা খাতুন স্কুলের দায়িত্বে আসেন is a person taking charge of a school.
_FOUNDED_ONLY = frozenset(_nfc(w) for w in "ফাউন্ডেশন ট্রাস্ট ইনস্টিটিউট একাডেমি".split())


def person_named_institutions(tokens, spans: list[tuple[Span, str | None]], sentence: str | None = None,
                              base_tokens: frozenset[str] = frozenset()) -> list[tuple[Span, str | None]]:
    """A person's name (without a case ending) right before an institution's kind, with only the model's
    or a pattern's words of that institution between, is the institution's name: one ORG. Not before
    a known institution or one that starts with a known name (হাসিনা ইডেন কলেজ, শেখ হাসিনা রংপুর জিলা
    স্কুল মাঠের: the name there is the institution's own); a bare kind with a case ending only when
    it is one a person founds (ফাউন্ডেশন, ট্রাস্ট ...)."""
    if sentence is not None and not any(stem in sentence for stem in _HEAD_STEMS):
        return spans
    out = list(spans)
    n = 0
    while n < len(out):
        person, _ = out[n]
        if person.label != "PERSON":
            n += 1
            continue
        words = [t for t in tokens if person.start <= t.start and t.end <= person.end and t.kind != "punct"]
        after = [t for t in tokens if t.start >= person.end]
        if not words or not after or after[0].start != person.end + 1 or len(stem_candidates(_nfc(words[-1].text))) > 1:
            n += 1
            continue
        nxt = out[n + 1][0] if n + 1 < len(out) else None
        end = None
        if nxt is not None and nxt.start == after[0].start and nxt.label == "ORG" and nxt.method != "gazetteer":
            last = [t for t in after if t.end <= nxt.end and t.kind != "punct"]
            if last and _named_head(last[-1].text) and _nfc(after[0].text) not in base_tokens:
                end, drop = nxt.end, 2
        elif _named_head(after[0].text) and (nxt is None or nxt.start >= after[0].end):
            stems = stem_candidates(_nfc(after[0].text))
            if len(stems) == 1 or any(x in _FOUNDED_ONLY for x in stems):
                end, drop = after[0].end, 1
        if end is None:
            n += 1
            continue
        out[n : n + drop] = [(Span(person.start, end, "ORG", "pattern", 0.75), None)]
        n += 1
    return out


def addressed_media_spans(tokens) -> list[Span]:
    """A news outlet a speaker talks to (যুগান্তরকে বলেন, সমকালকে জানান), one ORG: the gazetteer leaves
    যুগান্তর and সমকাল to context (they are the words "epoch" and "contemporary"), and this is it."""
    out = []
    for k, tok in enumerate(tokens[:-1]):
        if _nfc(tokens[k + 1].text) not in SPEECH_VERBS or not _nfc(tok.text).endswith(_TO):
            continue
        words = [t for t in tokens[max(0, k - 2) : k + 1] if t.kind != "punct"]
        n = _addressed_media(words)
        if n:
            out.append(Span(words[-n].start, tok.end, "ORG", "pattern", 0.9))
    return out


# "And" between two people's names (ইমরান খান ও ফাওয়াদ চৌধুরী, রবিন আর কাজল); আর between initials is
# a letter of a name (এম আর খান: M R Khan).
_AND = frozenset(_nfc(w) for w in ("ও", "এবং", "আর"))


def split_at_and(span: Span, tokens) -> list[Span]:
    """A person's span run across "and" between two names is the two people: the words on each side
    of it are more than initials (one letter, or a Latin letter's name: এম আর খান)."""
    if span.label != "PERSON":
        return [span]
    inside = [t for t in tokens if span.start <= t.start and t.end <= span.end]
    for k in range(1, len(inside) - 1):
        before, after = inside[k - 1], inside[k + 1]
        if _nfc(inside[k].text) in _AND and before.kind == after.kind == "word" \
                and all(graphemes(w.text) > 1 and letter_name(w.text) is None for w in (before, after)):
            return [span._replace(end=before.end), *split_at_and(span._replace(start=after.start), tokens)]
    return [span]


# A genitive inside a person's span ends a possessor, not a name's word: the model's span ran from
# it across what it owns (আমিরুল ইসলামের স্টিক, মৃত্যুদণ্ডের রায়) or from a place or body to a name
# (নারায়ণপুর নিউটাউনের জামাল পাশা, স্বেচ্ছাসেবী সংগঠনের রিপন আহমেদ). A name's own words end so too
# (ওবায়দুল কাদের, জাকারিয়া তাহের), but they are name parts, or no word with a stem (মোদ্দাসের).
_POSSESSOR = _nfc("ের")
POSSESSOR_STEM_ZIPF = 2.5


def split_at_genitive(span: Span, tokens, known_tokens: frozenset[str] = frozenset()) -> list[Span]:
    """A person's span cut at a word inside it in the genitive (-ের) that is no name part but a name
    part's, a known name's or a Bengali word's genitive. Before it, the possessor is a person when
    the stem is a name part (আমিরুল ইসলামের; one word only when it is no common word: শেখের কিল্লাহ,
    সবুজের ডানা are not), else the words before the genitive are when they start with a name part
    (মিলটন খন্দকার [সময়ের আলো]; one word is a thing's name: মজিদ মার্কেটের). After it, two name parts
    or more are a person (… জামাল পাশার); else it is what the genitive owns (ডিমের কুসুম, মসজিদের ইমাম,
    শেখ মুজিবুর রহমানের শাহাদাত বার্ষিকী). Before a family name the word is a given name the name
    table lacks, no possessor (নাজের হোসাইন)."""
    if span.label != "PERSON":
        return [span]
    inside = [t for t in tokens if span.start <= t.start and t.end <= span.end and t.kind != "punct"]
    for k in range(len(inside) - 1):
        word = _nfc(inside[k].text)
        if not word.endswith(_POSSESSOR) or _name_part_itself(word) or _family_name(inside[k + 1].text):
            continue  # before a family name it is a given name the table lacks: নাজের হোসাইন
        stems = [s for s in stem_candidates(word)[1:] if graphemes(s) >= 2]
        if not any(_name_part_itself(s) or s in known_tokens or zipf(s) >= POSSESSOR_STEM_ZIPF for s in stems):
            continue
        out = []
        owner = [s for s in stems if _name_part_itself(s)]
        if owner and (k > 0 or zipf(owner[0]) < COMMON_WORD_ZIPF):
            out.append(span._replace(start=inside[0].start, end=inside[k].end))
        elif not owner and k > 1 and _name_part(inside[0].text):
            out.append(span._replace(start=inside[0].start, end=inside[k - 1].end))
        rest = inside[k + 1 :]
        if len(rest) >= 2 and _name_part(rest[0].text) and _name_part(rest[1].text):
            out += split_at_genitive(span._replace(start=rest[0].start, end=rest[-1].end), tokens, known_tokens)
        return out
    return [span]


def _family_name(word: str) -> bool:
    return any((p := name_parts().get(s)) is not None and p.kind == "family" for s in stem_candidates(_nfc(word)))


def _name_part_itself(word: str) -> bool:
    return is_name_part(_nfc(word))
