"""Span rules around the model and the gazetteer: the shapes of Bengali names of institutions and
places, and the edges of people's names.

- An institution is its head word (মন্ত্রণালয়, বিশ্ববিদ্যালয়, ব্যাংক, থানা ...) with the proper
  modifiers before it: ঢাকা বিশ্ববিদ্যালয়, শিক্ষা মন্ত্রণালয়, যাত্রাবাড়ী থানা. A place inside it
  does not win. Modifiers that only describe (সরকারি প্রাথমিক বিদ্যালয়) make no name.
- A word before জেলা, উপজেলা, ইউনিয়ন, গ্রাম, নদী, পৌরসভা is a place (the kind word stays out).
- ঢাকা-১৯ is a constituency: one place.
- A person's name starts after titles and honorifics (মাওলানা, ডা., প্রধানমন্ত্রী) and ends at its
  last name-like word (not at "জাগো নিউজকে").
"""
from __future__ import annotations

import functools
import unicodedata

from khobor.transforms.entities.generic import GROUPS, is_generic
from khobor.transforms.entities.inflection import inflected_forms
from khobor.transforms.entities.name_parts import is_name_part, titles
from khobor.transforms.entities.types import Span
from khobor.transforms.entities.verbs import is_finite_verb


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _forms(words: str) -> frozenset[str]:
    return frozenset(f for w in words.split() for f in inflected_forms(_nfc(w)))


# Head words of institutions' names. থানা is the police station (the place alone is the word before it).
ORG_HEADS = _forms(
    """
    মন্ত্রণালয় বিশ্ববিদ্যালয় ব্যাংক অধিদপ্তর অধিদফতর পরিদপ্তর কমিশন পরিষদ লীগ পার্টি বাহিনী কলেজ হাসপাতাল
    আদালত ট্রাইব্যুনাল বোর্ড সংস্থা সমিতি ফাউন্ডেশন ইনস্টিটিউট একাডেমি বিদ্যালয় মাদ্রাসা ক্লাব
    সংঘ ফ্রন্ট জোট কাউন্সিল করপোরেশন কর্পোরেশন কোম্পানি লিমিটেড গ্রুপ গোষ্ঠী মঞ্চ থানা ইউনিভার্সিটি
    অ্যাসোসিয়েশন এসোসিয়েশন সোসাইটি ফেডারেশন চেম্বার ইনস্টিটিউশন ট্রাস্ট ব্যুরো
    এক্সচেঞ্জ এয়ারলাইনস এয়ারলাইন্স টেলিভিশন টিভি পত্রিকা সংবাদপত্র
    """
)
# Words that describe rather than name: alone before a head they make no name (সরকারি প্রাথমিক বিদ্যালয়).
DESCRIPTIVE = _forms(
    """
    সরকারি বেসরকারি সরকার বিভিন্ন স্থানীয় কেন্দ্রীয় জেলা উপজেলা প্রাথমিক মাধ্যমিক উচ্চ নিম্ন উচ্চতর সিনিয়র
    আলিয়া দাখিল কওমি ডিগ্রি মহিলা বালিকা বালক আদর্শ মডেল সদর পৌর সিটি মেডিকেল জেনারেল বিশেষায়িত
    নতুন পুরাতন প্রধান বড় ছোট এক একটি দুই কয়েকটি অন্য অন্যান্য নিজ নিজের সব সকল সেই এই ওই ওই ঐ যে
    তার তাদের আমাদের তাঁর তাঁদের দেশের দেশি বিদেশি আন্তর্জাতিক জাতীয় রাষ্ট্রায়ত্ত বাণিজ্যিক ইসলামী
    সংশ্লিষ্ট বর্তমান সাবেক তৎকালীন প্রস্তাবিত বিশেষ উন্নয়ন গণ পুলিশ রেলওয়ে বিমান নৌ সেনা
    আইনশৃঙ্খলা রক্ষাকারী রাষ্ট্রীয় দলীয় সামরিক আঞ্চলিক তদন্তকারী নিয়ন্ত্রক স্বায়ত্তশাসিত
    পদাতিক সশস্ত্র যৌথ মিত্র বিরোধী ক্ষমতাসীন শরিক প্রথম দ্বিতীয় তৃতীয় চতুর্থ পঞ্চম শেষ
    চিফ মেট্রোপলিটন জুডিশিয়াল ম্যাজিস্ট্রেট জজ দায়রা চেম্বার
    """
) | frozenset(_nfc(w) for w in GROUPS)
# Words a name never runs through: they end a modifier run (postpositions, conjunctions, verbs,
# time words, numbers written out).
BREAKERS = _forms(
    """
    ও এবং বা কিংবা না নয় হয় হয়েছে করে করেন করেছে করেছেন থেকে হতে দিয়ে জন্য সঙ্গে সাথে কাছে মধ্যে
    পর পরে আগে প্রতি নিয়ে বলে বলেন জানান জানায় হলে গত আগামী চলতি সম্প্রতি আজ গতকাল এখন তখন
    যখন যেখানে সেখানে এখানে কারণে মাধ্যমে পক্ষ পক্ষে বিরুদ্ধে ব্যাপারে সম্পর্কে অধীন অধীনে আওতায়
    মতো মত চেয়ে ছাড়া ছাড়াও সহ শুধু কেবল আরও আর এমন তবে কিন্তু যদি তাই ফলে একই
    """
)
PLACE_KINDS = _forms("জেলা উপজেলা ইউনিয়ন ইউপি গ্রাম নদী পৌরসভা মহানগর মহকুমা")
_PLACE_KIND_BASES = frozenset(_nfc(w) for w in "জেলা উপজেলা ইউনিয়ন ইউপি গ্রাম নদী পৌরসভা মহানগর মহকুমা".split())
# Derived words made from a name are not the name: ঢাকাগামী, লন্ডনভিত্তিক, বিএনপিপন্থী, মোদিঘনিষ্ঠ, সিলেটবাসী.
DERIVING_SUFFIXES = tuple(f for w in "গামী ভিত্তিক পন্থী ঘনিষ্ঠ বাসী মুখী কেন্দ্রিক বিরোধী সমর্থিত".split() for f in inflected_forms(_nfc(w)))
DIRECTIONS = _forms("উত্তর দক্ষিণ পূর্ব পশ্চিম মধ্য চর")
MAX_MODIFIERS = 6
# Endings of inflected nouns and of verbs: a word inside a name does not carry them.
_INFLECTED_ENDINGS = tuple(_nfc(e) for e in ("কে", "ের", "েও", "লেও", "তে", "ছে", "ছেন", "েছে", "বে", "লে", "য়ে", "দের", "রা"))
# How common a word may be and still be part of a name (wordfreq's Zipf scale; 5 = once per 100k words).
COMMON_ZIPF = 5.0
PROPER_ZIPF = 4.3
_EXTRA_TITLES = _forms("আমির নায়েবে চেয়ারপারসন মহাসচিব সেক্রেটারি সম্পাদক সমন্বয়ক মুখপাত্র প্রতিনিধি ম্যাডাম "
                       "কিশোর কিশোরী শিশু তরুণ তরুণী যুবক যুবতী বৃদ্ধ বৃদ্ধা ভাগনি ভাগিনা ভাগ্নে ভাতিজা ভাতিজি নাতি নাতনি")
# Honorifics that are titles before a name and name parts after one (বেগম খালেদা জিয়া / রোকেয়া বেগম).
LEADING_ONLY_TITLES = _forms("বেগম")
# A common word is no name on its own: Zipf at or above this (a word of every 30,000), unless it is a
# known name part or a known name.
COMMON_WORD_ZIPF = 4.5
# No word of a name is longer (extract.MAX_TOKEN_CHARS): the word rules leave longer tokens alone.
MAX_WORD_CHARS = 100
# Less common words are dropped when the NER corpora saw them at least MIN_SEEN times and rarely in a name.
RARE_NAME_RATE, MIN_SEEN = 0.3, 5
# ... and a common word is mostly a name's when the NER corpora saw it inside one this often.
NAME_RATE = 0.5


@functools.lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from khobor.transforms.entities.generic import TITLES

    return frozenset(f for w in (*TITLES, *titles()) for f in inflected_forms(_nfc(w))) | _EXTRA_TITLES


@functools.lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common a Bengali word is (wordfreq's Zipf scale: 7 for the commonest, 0 unknown)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "bn")


def is_title(word: str) -> bool:
    return _nfc(word) in _titles()


def _wordish(tok) -> bool:
    return tok.kind in ("word", "latin") and tok.text not in ("-",)


_GENERIC_HEADS = _forms("সরকার প্রশাসন")


def generic_head(word: str) -> bool:
    return _nfc(word) in _GENERIC_HEADS


def descriptive_only(words: list[str]) -> bool:
    """An organisation's span with no proper word in it (কেন্দ্রীয় ব্যাংক, জেলা পরিষদ, সরকারি
    হাসপাতালে, চিফ মেট্রোপলিটন ম্যাজিস্ট্রেট আদালত, ইউক্রেনীয় বাহিনী) describes a kind of body, as
    ``org_spans`` holds; a real one is in the gazetteer."""
    from khobor.transforms.entities.demonyms import demonym_index

    demonyms = demonym_index()
    return all((w := _nfc(x)) in DESCRIPTIVE or w in ORG_HEADS or w in PLACE_KINDS or is_generic(w) or w in demonyms
               for x in words)


# Kinds of body too common to start an institution's name by themselves (ভোটকেন্দ্র, কেন্দ্রে) but
# ending many (গণ উন্নয়ন কেন্দ্র, ... রিসার্চ সেন্টার).
_CENTRE_KINDS = frozenset(_nfc(w) for w in "কেন্দ্র সেন্টার".split())


def common_words_only(words: list[str]) -> bool:
    """An organisation's span that starts with a describing word and goes on with common words to
    no kind of body (জাতীয় ক্রীড়া [পুরস্কার], ইসলামি বিধান, স্থানীয় গণমাধ্যমকে): the model's fragment
    of a phrase, no name. One ending in a generic kind (জাতীয় নাগরিক কমিটি), with a rare word, or
    starting with a proper one (দি টাইমস অব ইন্ডিয়া) may be a name."""
    from khobor.transforms.entities.demonyms import demonym_index
    from khobor.transforms.entities.names import stem_candidates

    last = _nfc(words[-1]) if words else ""
    if len(words) < 2 or last in ORG_HEADS or is_generic(last) or any(s in _CENTRE_KINDS for s in stem_candidates(last)):
        return False
    demonyms = demonym_index()
    if not ((first := _nfc(words[0])) in DESCRIPTIVE or first in demonyms):
        return False
    rates = word_entity_rates()
    for x in words:
        w = _nfc(x)
        stems = stem_candidates(w)
        if w in DESCRIPTIVE or is_generic(w) or w in demonyms:
            continue
        if max(zipf(s) for s in stems) < COMMON_WORD_ZIPF:
            return False
        # Common, but mostly a name in the NER corpora (ছাত্রলীগের: জাতীয় ছাত্রলীগ is a body of its own).
        if any(rates.get(s, (0, 0))[0] >= MIN_SEEN and rates[s][1] / rates[s][0] >= NAME_RATE for s in stems):
            return False
    return True


# Every word of a person's span at least this common (wordfreq's Zipf), none a name part or a known
# name's word, and one of them commoner still: a phrase of the language (আত্মার মাগফিরাত, সোর্স
# মানি, টিম ম্যানেজমেন্টকে), no name. Names spelt with common words have a rarer one among them
# (জোয়াও ফেলিক্স: জোয়াও 3.2), and foreign names, however often the news writes them, stay below
# the higher mark (জেসন হোল্ডার 3.9/3.6, গর্ডন আর্ল মুর 4.0/3.7/3.7, হানি ফাইন 3.9/4.0).
PHRASE_WORD_ZIPF = 3.5
PHRASE_HEAD_ZIPF = 4.2


def common_phrase_person(words: list[str], known_tokens: frozenset[str] = frozenset()) -> bool:
    """A person's span of two words or more made only of common words that are no name's."""
    from khobor.transforms.entities.names import stem_candidates

    if len(words) < 2:
        return False
    rates = word_entity_rates()
    commonest = 0.0
    for x in words:
        stems = stem_candidates(_nfc(x))
        common = max(zipf(s) for s in stems)
        if any(s in known_tokens or is_name_part(s) for s in stems) or common < PHRASE_WORD_ZIPF:
            return False
        if any(rates.get(s, (0, 0))[0] >= MIN_SEEN and rates[s][1] / rates[s][0] >= NAME_RATE for s in stems):
            return False  # common, but mostly a name's word in the NER corpora
        commonest = max(commonest, common)
    return commonest >= PHRASE_HEAD_ZIPF


def is_derived(word: str) -> bool:
    w = _nfc(word)
    return any(w.endswith(suf) and len(w) > len(suf) + 1 for suf in DERIVING_SUFFIXES)


_GENITIVES = tuple(_nfc(e) for e in ("র", "ের", "এর", "য়ের"))


def _inflected(word: str, base_tokens: frozenset[str]) -> bool:
    """Carries a case ending: internal words of a name never do, so an inflected word before a
    head word is a possessor (রাশিয়ার পররাষ্ট্র মন্ত্রণালয়), not a part of the name."""
    if word in base_tokens:
        # A word of some known name may still be another known name's genitive (ঢাকার in ঢাকার
        # তৃতীয় শ্রম আদালত: two mentions, ADJUDICATION.md rule 10).
        return any(word.endswith(e) and word[: -len(e)] in base_tokens for e in _GENITIVES)
    if word.endswith(_INFLECTED_ENDINGS) or (word in PLACE_KINDS and word not in _PLACE_KIND_BASES):
        return True
    return any(word.endswith(e) and word[: -len(e)] in base_tokens for e in ("র", "ের", "এর", "য়", "ে"))


def org_spans(tokens, known: list[Span], base_tokens: frozenset[str] = frozenset()) -> list[Span]:
    """Institution names ending in a head word, with the proper modifiers before it.

    A modifier is a known place or organisation name, a describing word
    (DESCRIPTIVE), or an uncommon uninflected word; a common or inflected word ends the run. At
    least one modifier must be proper (a known name other than a nationality, or a rare word), and
    describing words before the first proper one are left out (স্থানীয় আওয়ামী লীগ → আওয়ামী লীগ).
    """
    out = []
    named = [(s.start, s.end) for s in known if s.label in ("LOC", "ORG")]
    orgs_end = {s.end for s in known if s.label == "ORG" and s.method == "gazetteer"}

    def in_name(tok) -> bool:
        return any(a <= tok.start and tok.end <= b for a, b in named)

    def proper(tok, word) -> bool:
        return (in_name(tok) and word not in DESCRIPTIVE) or (word not in DESCRIPTIVE and not is_generic(word) and zipf(word) < PROPER_ZIPF)

    for h, head in enumerate(tokens):
        if _nfc(head.text) not in ORG_HEADS or h == 0 or head.end in orgs_end:
            continue  # a known organisation already ends at this head word
        run: list[tuple[object, bool]] = []  # (token, proper), right to left
        i = h
        while i > 0 and len(run) < MAX_MODIFIERS:
            prev = tokens[i - 1]
            word = _nfc(prev.text)
            if prev.text == "-" and i > 1 and _wordish(tokens[i - 2]):
                i -= 1
                continue
            if not _wordish(prev) or word in BREAKERS or is_title(word) or (word in ORG_HEADS and not in_name(prev)):
                break
            if _inflected(word, base_tokens) or (not in_name(prev) and word not in DESCRIPTIVE and (
                    zipf(word) >= COMMON_ZIPF or (word not in base_tokens and _inflected_common(word)))):
                break
            run.append((prev, proper(prev, word)))
            i -= 1
        while run and not run[-1][1]:
            run.pop()  # describing words before the first proper modifier
        if run:
            out.append(Span(run[-1][0].start, head.end, "ORG", "pattern", 0.75))
    return out


# A stem this common after a case ending or classifier comes off (দুইটা|য়, কর্মশালা|য়, সংস্থা|টি,
# পরিবার|গুলো) says the word is an inflected common word, which no name runs through; unless the
# word is one of a known name's (শেরে in শেরে বাংলা কৃষি বিশ্ববিদ্যালয়).
INFLECTED_STEM_ZIPF = 4.0


def _inflected_common(word: str) -> bool:
    from khobor.transforms.entities.names import stem_candidates

    return any(zipf(s) >= INFLECTED_STEM_ZIPF for s in stem_candidates(word)[1:])


_CLASSIFIERS = tuple(_nfc(e) for e in ("টি", "টা"))


def place_spans(tokens, base_tokens: frozenset[str] = frozenset()) -> list[Span]:
    """The word before a place kind (জেলা, উপজেলা, ইউনিয়ন, গ্রাম, নদী ...), with a direction word
    before it. The kind word carries the case, so a name before it has no ending: an inflected word
    there describes (আশপাশের জেলা, উত্তরের জেলা), and so does a common one (অতিরিক্ত মহানগর
    ম্যাজিস্ট্রেট, জেলা সদরে অবস্থিত পৌরসভা) unless it is one of ``base_tokens`` (the extractor passes
    ``Gazetteer.alone_tokens``: one-word names and known people's words)."""
    out = []
    for k, kind in enumerate(tokens):
        if k == 0 or _nfc(kind.text) not in PLACE_KINDS:
            continue
        name = tokens[k - 1]
        word = _nfc(name.text)
        if not _wordish(name) or word in BREAKERS or word in DESCRIPTIVE or is_generic(word) or word in PLACE_KINDS:
            continue
        if len(word) > MAX_WORD_CHARS or _inflected(word, base_tokens) or (word not in base_tokens and zipf(word) >= COMMON_WORD_ZIPF):
            continue
        if word.endswith(_CLASSIFIERS) and zipf(word[:-2]) >= COMMON_WORD_ZIPF:
            continue  # সাতটি গ্রামের, কয়েকটি জেলায়: a count of places
        start = name
        if k >= 2 and _nfc(tokens[k - 2].text) in DIRECTIONS and _wordish(tokens[k - 2]):
            start = tokens[k - 2]
        out.append(Span(start.start, name.end, "LOC", "pattern", 0.8))
    return out


# Kinds of place whose name is a word of its own (কাজলা এলাকায়, কুরস্ক অঞ্চলে): only rare words are
# names there (ওই এলাকায়, উপকূলীয় অঞ্চলে are not), and the kind stays out.
AREA_KINDS = _forms("এলাকা অঞ্চল")
def constituency_spans(tokens, places: list[Span]) -> list[Span]:
    """ঢাকা-১৯: a place, a hyphen and a seat number is one constituency."""
    starts = {s.start: s for s in places if s.label == "LOC"}
    out = []
    for i in range(len(tokens) - 2):
        a, dash, num = tokens[i], tokens[i + 1], tokens[i + 2]
        if a.start in starts and starts[a.start].end == a.end and dash.text == "-" and dash.start == a.end \
                and num.kind == "number" and num.start == dash.end and num.value and 1 <= num.value <= 50:
            out.append(Span(a.start, num.end, "LOC", "pattern", 0.9))
    return out


def trim_name(span: Span, tokens) -> Span | None:
    """A name's span without the titles before it (মাওলানা, ডা., প্রধানমন্ত্রী), the titles and
    non-name words after it (জামায়াত আমির, ... জাগো নিউজকে) and quotes at either end."""
    inside = [t for t in tokens if span.start <= t.start and t.end <= span.end]
    while inside and inside[0].kind == "punct":
        inside = inside[1:]
    inside = [t for t in inside[:_bracket_cut(inside)] if t.kind != "punct"]
    while inside and (is_title(inside[0].text) or _nfc(inside[0].text) in BREAKERS or _nfc(inside[0].text) in LEADING_ONLY_TITLES):
        inside = inside[1:]
    if span.label == "PERSON":
        # ফেরান মোস্তাফিজ, জুটি ভাঙেন মুকিদুল: a verb before its subject is no word of the name.
        while inside and is_finite_verb(inside[0].text):
            inside = inside[1:]
        while len(inside) > 1 and not _name_part(inside[-1].text) and (
                is_title(inside[-1].text) or is_generic(inside[-1].text) or _nfc(inside[-1].text) in BREAKERS
                or zipf(_nfc(inside[-1].text)) >= COMMON_WORD_ZIPF or _inflected_word(inside[-1].text)):
            inside = inside[:-1]
    else:
        inside = _trim_institution_or_place(inside, span.label)
    if not inside:
        return None
    return span._replace(start=inside[0].start, end=inside[-1].end)


_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")


def _bracket_cut(inside: list) -> int:
    """Where a name ends at a bracket: one that opens another mention (সমিতি (বাজুস), রহমান (বাবু))
    ends it, one inside the name (মেডিকেল কলেজ (ঢামেক) হাসপাতাল) does not."""
    for k, t in enumerate(inside):
        if t.text in _OPENING:
            close = next((j for j in range(k + 1, len(inside)) if inside[j].text in _CLOSING), None)
            if close is None or not any(x.kind != "punct" for x in inside[close + 1 :]):
                return k
    return len(inside)


def _common(word: str) -> bool:
    """A word too common to be an abbreviation or a name: generic, a title, or frequent in Bengali."""
    from khobor.transforms.entities.names import stem_candidates

    w = _nfc(word)
    return is_generic(w) or is_title(w) or any(zipf(s) >= COMMON_WORD_ZIPF for s in stem_candidates(w))


_CONJUNCTIONS = frozenset(_nfc(w) for w in "ও এবং বা কিংবা".split())


def _trim_institution_or_place(inside: list, label: str) -> list:
    """The end of an organisation's or a place's name. Their last words are often common nouns
    (জাতীয় মুক্তিযোদ্ধা কাউন্সিল, আপিল বিভাগ, দক্ষিণ আফ্রিকা), so commonness says nothing here; a
    title says the name has ended and a person follows (খেলাফত মজলিসের আমির মাওলানা ...); a place's
    kind word is outside either (বরিশাল মহানগর, গাজীপুর জেলা), and so is a generic noun after a
    place's name. (An organisation ending in সরকার is no name at all: ``generic_head``.)"""
    if label == "ORG" and inside and _nfc(inside[-1].text) in _CONJUNCTIONS:
        return []  # the name went on past the span (উপজেলা স্বাস্থ্য ও [পরিবার পরিকল্পনা কর্মকর্তা]): a fragment
    for k in range(1, len(inside)):
        if is_title(inside[k].text):
            # খেলাফত মজলিসের আমির: the organisation, in the genitive, has a title-holder; উপজেলা
            # মাধ্যমিক শিক্ষা কর্মকর্তা: the words before the title make a role, no organisation.
            inside = inside[:k] if _genitive_form(inside[k - 1].text) else []
            break

    def outside(word: str) -> bool:
        w = _nfc(word)
        if w in BREAKERS:
            return True
        return w in PLACE_KINDS or (label == "LOC" and (is_generic(w) or w in AREA_KINDS))

    while len(inside) > 1 and outside(inside[-1].text):
        inside = inside[:-1]
    if label == "LOC" and all(_direction(t.text) for t in inside):
        return []  # দক্ষিণ পূর্ব (এলাকায়), দক্ষিণ-পশ্চিমের: a part of some place, not named
    return inside


_VOWEL_SIGNS = frozenset("ািীুূৃেৈোৌ")


def _genitive_form(word: str) -> bool:
    """Ends in a genitive: ের, এর, or র after a vowel (বিএনপির); not a stem's own র (মহানগর)."""
    w = _nfc(word)
    return w.endswith((_nfc("ের"), _nfc("এর"))) or (len(w) > 1 and w.endswith("র") and w[-2] in _VOWEL_SIGNS)


_DIRECTION_BASES = frozenset(_nfc(w) for w in "উত্তর দক্ষিণ পূর্ব পশ্চিম মধ্য".split())


def _direction(word: str) -> bool:
    from khobor.transforms.entities.names import stem_candidates

    return all(any(s in _DIRECTION_BASES for s in stem_candidates(p)) for p in _nfc(word).split("-") if p)


def _inflected_word(word: str) -> bool:
    """A common word with a case ending (বার্তায়, আসামির, মাস্টারের), or one the NER corpora saw
    often and seldom in a name: no part of a person's name, which ends at its last name part."""
    from khobor.transforms.entities.names import stem_candidates

    stems = stem_candidates(_nfc(word))
    if any(zipf(s) >= COMMON_WORD_ZIPF for s in stems[1:]):
        return True
    rates = word_entity_rates()
    return any(rates.get(s, (0, 0))[0] >= MIN_SEEN and rates[s][1] / rates[s][0] < RARE_NAME_RATE for s in stems)


def _name_part(word: str) -> bool:
    from khobor.transforms.entities.names import stem_candidates

    return any(is_name_part(stem) for stem in stem_candidates(_nfc(word)))


@functools.lru_cache(maxsize=1)
def word_entity_rates() -> dict[str, tuple[int, int]]:
    """word -> (times seen, times inside a name) in the NER corpora (``data/word_entity_rates.tsv``)."""
    from importlib import resources

    text = resources.files("khobor.transforms.entities").joinpath("data/word_entity_rates.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")][1:]
    return {w: (int(n), int(k)) for w, n, k in rows}


# Plural and classifier endings (আত্মীয়রা, সমর্থনকারীরা, বস্তিগুলোতে, গবেষণাটিতে): a place or an
# organisation is one thing and is neither counted nor pluralised, so a word with such an ending after
# a common stem is a common noun. A person's name does take -রা (ফখরুলরা: Fakhrul and his party).
_COUNTED_ENDINGS = tuple(sorted({_nfc(e) for e in (
    "রা", "েরা", "রাও", "রাই", "রাসহ", "দের", "দেরকে", "গুলো", "গুলোর", "গুলোতে", "গুলোকে", "গুলোও", "গুলি", "গুলির", "গুলিতে",
    "টি", "টির", "টিতে", "টিকে", "টিও", "টা", "টার", "টাতে", "টাকে")}, key=len, reverse=True))
# A stem at least this common (wordfreq's Zipf) is a word of the language, not the rest of a name:
# আঙ্কারা, গুয়াহাটি leave rare stems (আঙ্কা, গুয়াহা).
COUNTED_STEM_ZIPF = 3.0


@functools.lru_cache(maxsize=1 << 14)
def counted_common_noun(word: str, known_tokens: frozenset[str] = frozenset()) -> bool:
    """A word with a plural or classifier ending on a common stem: no place's or organisation's name."""
    w = _nfc(word)
    if not w.endswith(_COUNTED_ENDINGS) or w in known_tokens:
        return False
    for e in _COUNTED_ENDINGS:
        if w.endswith(e) and len(w) >= len(e) + 3:  # a stem of three letters or more (ইউটা is Utah)
            stem = w[: -len(e)]
            common = zipf(stem)
            # A known name's word is still counted when it is a common word (গবেষণাটিতে: গবেষণা is in
            # institutions' names); a rarer one (সাহারা's সাহা) is the name.
            if is_name_part(stem) or (stem in known_tokens and common < COMMON_WORD_ZIPF):
                return False
            if common >= COUNTED_STEM_ZIPF:
                return True
    return False


# A one-word person whose word is a common stem with a case ending (ওয়ার্কশপের, হোস্টেলের, তাহাকে,
# রাজপ্রাসাদের, ত্বকেও) is an inflected common noun: a name's stem is rare or a known name part.
INFLECTED_PERSON_STEM_ZIPF = 3.5


@functools.lru_cache(maxsize=1 << 14)
def inflected_common_word(word: str, known_tokens: frozenset[str] = frozenset()) -> bool:
    from khobor.transforms.entities.names import stem_candidates

    w = _nfc(word)
    if "-" in w or "\u2013" in w:
        return False  # মামুন-উর-রশীদকে: a compound name
    stems = stem_candidates(w)
    if len(stems) < 2 or any(s in known_tokens or is_name_part(s) for s in stems):
        return False
    return any(len(s) >= 3 and zipf(s) >= INFLECTED_PERSON_STEM_ZIPF for s in stems[1:])


def common_word(word: str, known_tokens: frozenset[str] = frozenset()) -> bool:
    """A single word that is no name on its own (জরিপের, গোলাবারুদ, সকালের, পৃথিবী): common in
    Bengali text (wordfreq) or seldom a name in the NER corpora, and neither a known name part
    (রহমান) nor a word of a known name (ঢাকা)."""
    from khobor.transforms.entities.names import stem_candidates

    w = _nfc(word)
    stems = stem_candidates(w)
    if any(s in known_tokens or is_name_part(s) for s in stems):
        return False
    if is_generic(w) or is_title(w):
        return True
    if max(zipf(s) for s in stems) >= COMMON_WORD_ZIPF:
        return True
    rates = word_entity_rates()
    for s in stems:
        seen, named = rates.get(s, (0, 0))
        if seen >= MIN_SEEN and named / seen < RARE_NAME_RATE:
            return True
    return False
