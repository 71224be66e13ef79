"""Weak labels for unlabelled news sentences: a teacher model's confident spans plus high-precision patterns.

    python -m khobor.training.ner.weak --pool news_pool.jsonl --teacher models/bn_ner --out weak.jsonl

The pool comes from ``training/ner/news.py`` (news_bench articles outside every evaluation set). Each
sentence gets entity spans and a list of *missing* tokens (no supervision either way) from:

1. **Lexicon** (``lexicon.py`` + khobor's gazetteer): countries (CLDR), Bangladesh divisions, districts,
   upazilas and areas, world places, rivers -> LOC; gazetteer organisations and people.
2. **Organisations by head word** (মন্ত্রণালয়, বিশ্ববিদ্যালয়, ব্যাংক, লীগ ...): the run of content words
   before the head. Its left boundary comes from phrases *mined* on the pool: a phrase seen at least
   ``MIN_PHRASE`` times, mostly with a clear boundary (punctuation, a function word or a genitive)
   before it, and not opening with a generic modifier (সরকারি কলেজ is no name). A run starting with a
   known place is a name too (বরিশাল মেডিকেল কলেজ, ঢাকা মহানগর আওয়ামী লীগ). Anything else before a head
   word is marked missing: an institution whose extent we do not know must not be taught as O.
3. **Places by kind word**: the word before জেলা/উপজেলা/ইউনিয়ন/গ্রাম/নদী/থানা/পৌরসভা is a LOC
   (the kind word stays outside, as in the evaluation guidelines) when it looks like a name.
4. **Teacher** (a trained pipeline run with beam search): spans with probability >= ``ACCEPT`` are
   kept, those between ``DOUBT`` and ``ACCEPT`` make their tokens missing. Titles and honorifics are
   cut from PERSON spans (ড., অধ্যাপক, প্রধানমন্ত্রী ...), a span made only of generic words or of a
   word in ``NOT_NAMES`` becomes O (negative examples), and a PERSON span right after a title is
   trusted from ``ACCEPT_AFTER_TITLE``.
5. **Type consistency** over the pool: a word the teacher tags alone in fewer than ``RARE_SHARE`` of
   its occurrences is doubtful there (missing); a word tagged in most of its occurrences is missing,
   not O, where the teacher left it out.

Patterns win over the teacher where they disagree (the teacher's tokens become missing), except that
a confident teacher ORG ending in a head word may contain a lexicon place (ঢাকা বিশ্ববিদ্যালয়).
"""
from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Iterable, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

from khobor.transforms.entities.generic import is_generic, only_generic  # noqa: E402

from .corpora import Sentence  # noqa: E402
from .labels import Ent, is_date_word  # noqa: E402
from .weak_words import (  # noqa: E402
    _AND,
    _DIRECTIONS,
    _KIND_FILLERS,
    _MODIFIER_FORMS,
    _NOT_NAME_FORMS,
    _UNIT_FORMS,
    ACCEPT,
    ACCEPT_AFTER_TITLE,
    AFTER_TITLE_SPAN,
    CLEAR_SHARE,
    DOUBT,
    LOC_KIND_FORMS,
    MAX_RUN,
    MIN_PHRASE,
    MIN_TYPE_COUNT,
    MOSTLY_SHARE,
    NAME_PART_SHARE,
    ORG_HEAD_FORMS,
    RARE_SHARE,
    STOP,
    STOP_TOP,
    Lexicon,
    breaks_run,
    default_lexicon,
    is_genitive,
    is_honorific,
    is_word,
    nfc,
)

# --- organisation phrases ---------------------------------------------------------------------------


@dataclass
class Context:
    """What the rules know beyond one sentence: the lexicon, mined phrases, frequent words, type stats."""

    lexicon: Lexicon
    phrases: set[tuple[str, ...]] = field(default_factory=set)  # mined ORG names, head in base form
    frequent: frozenset[str] = frozenset()
    rare_types: frozenset[str] = frozenset()  # teacher tags them alone only rarely: doubtful
    name_types: frozenset[str] = frozenset()  # teacher tags them in most occurrences

    def stop(self, w: str) -> bool:
        return w in STOP or (w in self.frequent and w not in self.lexicon)


def _run_start(words: Sequence[str], i: int, ctx: Context) -> int:
    """Leftmost index of the run of content words that ends right before position ``i``."""
    j = i
    while j > 0 and i - j < MAX_RUN:
        w = words[j - 1]
        if not is_word(w) or is_genitive(w) or is_date_word(w) or is_honorific(w) or (breaks_run(w) and w not in ctx.lexicon):
            break
        if w in _AND:
            # "ও" may join the words of one name (ডাক ও টেলিযোগাযোগ), not two names (লীগ ও জাতীয় পার্টি).
            if j - 1 == 0 or j == i or words[j - 2] in ORG_HEAD_FORMS or not is_word(words[j - 2]):
                break
        elif ctx.stop(w):
            break
        j -= 1
    while j < i and words[j] in _AND:
        j += 1
    return j


def _key(words: Sequence[str], j: int, i: int) -> tuple[str, ...]:
    return tuple(words[j:i]) + (ORG_HEAD_FORMS[words[i]],)


def mine_phrases(sentences: Iterable[Sequence[str]], ctx: Context, min_count: int = MIN_PHRASE,
                 clear_share: float = CLEAR_SHARE) -> set[tuple[str, ...]]:
    """Organisation names: phrases before a head word that recur and mostly stand alone."""
    count: Counter = Counter()
    clear: Counter = Counter()
    for words in sentences:
        for i, w in enumerate(words):
            if w not in ORG_HEAD_FORMS:
                continue
            j0 = _run_start(words, i, ctx)
            for j in range(j0, i):
                count[_key(words, j, i)] += 1
            # Leading modifiers (দ্বাদশ জাতীয় সংসদ, জেলা আওয়ামী লীগ) do not hide a clear boundary.
            while j0 < i - 1 and (words[j0] in _MODIFIER_FORMS or words[j0] in _UNIT_FORMS):
                j0 += 1
            if j0 < i:
                clear[_key(words, j0, i)] += 1
    out = set()
    for k, n in count.items():
        first = k[0]
        if n < min_count or clear[k] < clear_share * n:
            continue
        if first in _AND or first in _MODIFIER_FORMS or first in _UNIT_FORMS or is_generic(first):
            continue
        if all(t in _MODIFIER_FORMS or is_generic(t) for t in k[:-1]):
            continue
        out.add(k)
    # "<name> ও <name>" is two names, not one.
    for k in list(out):
        if any(t in _AND and k[m + 1 :] in out for m, t in enumerate(k)):
            out.discard(k)
    return out


def org_spans(words: Sequence[str], ctx: Context, taken: set[int]) -> tuple[list[tuple[int, int, str]], set[int]]:
    """ORG spans found by head words, and the tokens whose label is unknown."""
    spans, missing = [], set()
    taken = set(taken)
    # Right to left: the last head word claims the name (ফার্স্ট সিকিউরিটি ইসলামী ব্যাংক, not ... ইসলামী).
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w not in ORG_HEAD_FORMS or i in taken or i in missing:
            continue
        j0 = _run_start(words, i, ctx)
        while j0 < i and j0 in taken:
            j0 += 1
        if j0 == i:
            continue  # a bare head word: generic (ব্যাংক, মন্ত্রণালয়)
        if any(k in taken for k in range(j0, i)):
            missing.update(range(j0, i + 1))
            continue
        best = next((j for j in range(j0, i) if _key(words, j, i) in ctx.phrases), None)
        lead = words[j0:best] if best is not None else words[j0:i]
        starts_with_place = ctx.lexicon.index.get((words[j0],)) == "LOC"
        found = len(spans)
        if best == j0:
            spans.append((j0, i + 1, "ORG"))
        elif best is not None and starts_with_place and all(t in _UNIT_FORMS or t in _DIRECTIONS for t in lead[1:]):
            spans.append((j0, i + 1, "ORG"))  # "<place> [unit] <name>": one local unit (ঢাকা মহানগর আওয়ামী লীগ)
        elif best is not None and all(t in _UNIT_FORMS or t in _MODIFIER_FORMS for t in lead):
            spans.append((best, i + 1, "ORG"))  # "জেলা আওয়ামী লীগ" without a place: the party alone
        elif best is None and starts_with_place and i - j0 <= 4:
            spans.append((j0, i + 1, "ORG"))  # "বরিশাল মেডিকেল কলেজ"
        else:  # an institution of unknown extent, or a generic compound ("সরকারি হাসপাতাল"): no label
            missing.update(range(j0, i + 1))
        if len(spans) > found:
            taken.update(range(spans[-1][0], spans[-1][1]))
    return spans, missing


def kind_spans(words: Sequence[str], ctx: Context, taken: set[int]) -> tuple[list[tuple[int, int, str]], set[int]]:
    """LOC before a kind word: "গাজীপুর জেলা", "সাভার উপজেলায়", "পদ্মা নদীর", "X সদর উপজেলা"."""
    spans, missing = [], set()
    for i, w in enumerate(words):
        if w not in LOC_KIND_FORMS or i == 0:
            continue
        k = i - 1
        if words[k] in _KIND_FILLERS and k > 0:
            k -= 1  # "কক্সবাজার সদর উপজেলা", "শাহবাগ মডেল থানা"
        x = words[k]
        if k in taken:
            continue
        if not is_word(x) or ctx.stop(x) or is_genitive(x) or is_date_word(x) or is_generic(x) or x in _MODIFIER_FORMS or is_honorific(x):
            continue
        start = k
        if k > 0 and words[k - 1] in _DIRECTIONS and k - 1 not in taken:
            start = k - 1
        elif k > 0 and k - 1 not in taken and is_word(words[k - 1]) and not ctx.stop(words[k - 1]) and not is_genitive(words[k - 1]) \
                and not is_date_word(words[k - 1]) and words[k - 1] not in ctx.lexicon and not is_honorific(words[k - 1]):
            missing.add(k - 1)  # maybe a two-word name
        spans.append((start, k + 1, "LOC"))
    return spans, missing


# --- teacher ----------------------------------------------------------------------------------------


def clean_teacher_span(words: Sequence[str], s: int, e: int, label: str) -> tuple[int, int] | None:
    """Cut honorifics/titles from the front of a PERSON; None when nothing name-like is left."""
    def cut(w: str) -> bool:
        return not is_word(w) or ((label == "PERSON" or e - s == 1) and is_honorific(w))

    while s < e and cut(words[s]):
        s += 1
    while e > s and cut(words[e - 1]):
        e -= 1
    if s >= e:
        return None
    toks = list(words[s:e])
    if label != "DATE" and (only_generic(toks) or (len(toks) == 1 and toks[0] in _NOT_NAME_FORMS)):
        return None
    if not any(is_word(t) for t in toks):
        return None
    return s, e


def choose(scored: dict[tuple[int, int, str], float], words: Sequence[str]) -> tuple[list[tuple[int, int, str, float]], set[int]]:
    """Non-overlapping teacher spans to keep (best first) and the doubtful tokens."""
    kept: list[tuple[int, int, str, float]] = []
    used: set[int] = set()
    doubtful: set[int] = set()
    for (s, e, lab), p in sorted(scored.items(), key=lambda kv: -kv[1]):
        if p < DOUBT:
            break
        after_title = lab == "PERSON" and s > 0 and is_honorific(words[s - 1])
        if p >= ACCEPT or (after_title and p >= ACCEPT_AFTER_TITLE):
            if used.isdisjoint(range(s, e)):
                kept.append((s, e, lab, p))
                used.update(range(s, e))
                continue
        doubtful.update(range(s, e))
    return kept, doubtful - used


# --- one sentence -----------------------------------------------------------------------------------


def label_sentence(words: Sequence[str], scored: dict[tuple[int, int, str], float], ctx: Context) -> tuple[list[Ent], list[int]]:
    words = [nfc(w) for w in words]
    ents: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    missing: set[int] = set()
    teacher, doubtful = choose(scored, words)

    def add(s: int, e: int, lab: str) -> None:
        ents.append((s, e, lab))
        taken.update(range(s, e))

    # A confident teacher ORG ending in a head word keeps the places inside it (ঢাকা বিশ্ববিদ্যালয়).
    for s, e, lab, _ in teacher:
        if lab == "ORG" and words[e - 1] in ORG_HEAD_FORMS and e - s >= 2 and not is_honorific(words[s]) and not is_genitive(words[s]):
            add(s, e, lab)
    for s, e, lab in ctx.lexicon.find(words):
        if taken.isdisjoint(range(s, e)):
            if e < len(words) and (words[e] in ORG_HEAD_FORMS or words[e] in _UNIT_FORMS) and lab == "LOC":
                continue  # a place that opens an organisation name: decided by org_spans
            add(s, e, lab)
    spans, miss = org_spans(words, ctx, taken)
    for s, e, lab in spans:
        if taken.isdisjoint(range(s, e)):
            add(s, e, lab)
    missing |= miss
    # Places that open an organisation name were skipped above; label the ones no ORG took.
    for s, e, lab in ctx.lexicon.find(words):
        if taken.isdisjoint(range(s, e)) and missing.isdisjoint(range(s, e)):
            add(s, e, lab)
    spans, miss = kind_spans(words, ctx, taken)
    for s, e, lab in spans:
        if taken.isdisjoint(range(s, e)):
            add(s, e, lab)
    missing |= miss - taken
    for s, e, lab, _ in teacher:
        if (s, e, lab) in ents:
            continue
        if lab == "DATE":
            missing.update(k for k in range(s, e) if k not in taken)  # dates come from corpora and rules, not news
            continue
        cut = clean_teacher_span(words, s, e, lab)
        if cut is None:
            continue  # generic or empty: the teacher's tokens are taught as O
        cs, ce = cut
        if not taken.isdisjoint(range(cs, ce)) or not missing.isdisjoint(range(cs, ce)):
            missing.update(k for k in range(cs, ce) if k not in taken)
            continue
        if ce - cs == 1 and lab != "DATE" and words[cs] in ctx.rare_types:
            missing.add(cs)
            continue
        add(cs, ce, lab)
    missing |= doubtful - taken
    # A name right after a title that nobody tagged is unknown, not O ("প্রেসিডেন্ট থমাস বাখ").
    for k, w in enumerate(words[:-1]):
        if is_honorific(w) and k + 1 not in taken:
            for m in range(k + 1, min(k + 1 + AFTER_TITLE_SPAN, len(words))):
                if m in taken or not is_word(words[m]) or ctx.stop(words[m]) or is_honorific(words[m]):
                    break
                missing.add(m)
    missing |= {k for k, w in enumerate(words) if k not in taken and w in ctx.name_types}
    missing -= taken
    return [Ent(s, e, lab) for s, e, lab in sorted(ents)], sorted(missing)


# --- the pool ---------------------------------------------------------------------------------------


class Teacher:
    """A trained pipeline run with beam search; ``scores`` gives span -> probability per sentence."""

    def __init__(self, path: Path, beam_width: int = 8):
        import spacy

        self.nlp = spacy.load(path)
        self.ner = self.nlp.get_pipe("ner")
        self.ner.cfg["beam_width"] = beam_width
        self.ner.cfg["beam_density"] = 0.0001

    def scores(self, sentences: Sequence[Sequence[str]], batch: int = 256) -> list[dict[tuple[int, int, str], float]]:
        from spacy.tokens import Doc

        out: list[dict] = []
        tok2vec = self.nlp.get_pipe("tok2vec")
        for k in range(0, len(sentences), batch):
            docs = [Doc(self.nlp.vocab, words=list(ws)) for ws in sentences[k : k + batch]]
            docs = list(tok2vec.pipe(docs, batch_size=batch))
            beams = self.ner.predict(docs)
            for sc in self.ner.scored_ents(beams):
                out.append({key: float(p) for key, p in sc.items() if p >= DOUBT})
        return out


def type_stats(words_list: Sequence[Sequence[str]], scored: Sequence[dict], ctx: Context) -> tuple[frozenset[str], frozenset[str]]:
    occ: Counter = Counter()
    tagged: Counter = Counter()
    for words, sc in zip(words_list, scored):
        occ.update(words)
        teacher, _ = choose(sc, words)
        for s, e, lab, _p in teacher:
            if e - s == 1 and lab != "DATE":
                tagged[words[s]] += 1
    rare = frozenset(w for w, n in tagged.items() if occ[w] >= MIN_TYPE_COUNT and n / occ[w] < RARE_SHARE)
    mostly = frozenset(w for w, n in tagged.items() if occ[w] >= MIN_TYPE_COUNT and n / occ[w] >= MOSTLY_SHARE and not is_generic(w))
    return rare, mostly


def build_context(pool: Sequence[Sequence[str]], lexicon: Lexicon | None = None) -> Context:
    lexicon = lexicon or default_lexicon()
    freq = Counter(w for ws in pool for w in ws if is_word(w))
    # Frequent words that often stand right before a head word are name parts (আওয়ামী, জাতীয়), not stop words.
    before_head = Counter(ws[k] for ws in pool for k in range(len(ws) - 1) if ws[k + 1] in ORG_HEAD_FORMS)
    frequent = frozenset(
        w for w, n in freq.most_common(STOP_TOP)
        if w not in lexicon and w not in ORG_HEAD_FORMS and w not in LOC_KIND_FORMS and before_head[w] < NAME_PART_SHARE * n
    )
    ctx = Context(lexicon, frequent=frequent)
    ctx.phrases = mine_phrases(pool, ctx)
    return ctx


def label_pool(records: list[dict], teacher: Teacher | None, stats: Counter) -> list[Sentence]:
    pool = [r["words"] for r in records]
    ctx = build_context(pool)
    stats["mined_org_phrases"] = len(ctx.phrases)
    scored = teacher.scores(pool) if teacher is not None else [{} for _ in pool]
    ctx.rare_types, ctx.name_types = type_stats(pool, scored, ctx)
    stats["rare_types"], stats["name_types"] = len(ctx.rare_types), len(ctx.name_types)
    out = []
    for r, sc in zip(records, scored):
        ents, missing = label_sentence(r["words"], sc, ctx)
        stats["sentences"] += 1
        stats["tokens"] += len(r["words"])
        stats["missing_tokens"] += len(missing)
        for e in ents:
            stats[f"ents_{e.label}"] += 1
        out.append(Sentence("news", list(r["words"]), list(r["spaces"]), ents, "train", missing))
    return out


def to_json(s: Sentence, article: int | None = None) -> str:
    return json.dumps({"article": article, "words": s.words, "spaces": s.spaces, "ents": [list(e) for e in s.ents], "missing": s.missing},
                      ensure_ascii=False)


def from_json(line: str) -> Sentence:
    r = json.loads(line)
    return Sentence("news", r["words"], r["spaces"], [Ent(*e) for e in r["ents"]], "train", r["missing"])


def sample_news(path: Path, limit: int, empty_share: float, seed: int) -> list[Sentence]:
    """A seeded sample of weakly labelled sentences: sentences without entities are thinned to
    ``empty_share``, then at most ``limit`` are kept, whole articles never split across the cut."""
    import hashlib

    def unit(key: str) -> float:
        return int.from_bytes(hashlib.sha1(f"{seed}\0{key}".encode()).digest()[:8], "big") / 2**64

    rows = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if not r["ents"] and unit("empty " + " ".join(r["words"])) >= empty_share:
                continue
            rows.append((unit(f"article {r.get('article')}"), unit(" ".join(r["words"])), line))
    rows.sort(key=lambda t: t[:2])
    return [from_json(line) for _, _, line in rows[:limit]]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pool", type=Path, required=True, help="sentences from training.ner.news")
    ap.add_argument("--teacher", type=Path, help="a trained pipeline (default: patterns only)")
    ap.add_argument("--beam", type=int, default=8)
    ap.add_argument("--limit", type=int, help="only the first N sentences (for trying)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in args.pool.open(encoding="utf-8")]
    if args.limit:
        records = records[: args.limit]
    stats: Counter = Counter()
    teacher = Teacher(args.teacher, args.beam) if args.teacher else None
    sents = label_pool(records, teacher, stats)
    with args.out.open("w", encoding="utf-8") as fh:
        for r, s in zip(records, sents):
            fh.write(to_json(s, r.get("article")) + "\n")
    print(json.dumps(dict(stats), ensure_ascii=False))


if __name__ == "__main__":
    main()
