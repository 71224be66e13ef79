"""Weak labels for news sentences and the news pool (training/ner/weak.py, news.py), on made-up sentences."""
from __future__ import annotations

import json

from khobor.training.ner import news, weak
from khobor.training.ner.labels import Ent


def ctx_for(pool: list[list[str]], places=("ঢাকা", "গাজীপুর", "বরিশাল", "রাজশাহী")) -> weak.Context:
    lex = weak.Lexicon([(p, "LOC") for p in places])
    ctx = weak.Context(lex)
    ctx.phrases = weak.mine_phrases(pool, ctx, min_count=2)
    return ctx


def labelled(words: list[str], ents: list[Ent]) -> list[tuple[str, str]]:
    return [(" ".join(words[e.start : e.end]), e.label) for e in ents]


POOL = [
    "তিনি ঢাকা বিশ্ববিদ্যালয়ের শিক্ষক ।".split(),
    "সে ঢাকা বিশ্ববিদ্যালয়ে পড়ে ।".split(),
    "এ বিষয়ে স্বরাষ্ট্র মন্ত্রণালয়ের সচিব বলেন ।".split(),
    "পরে স্বরাষ্ট্র মন্ত্রণালয় জানায় ।".split(),
    ", জেলা আওয়ামী লীগের সভাপতি বলেন ।".split(),
    "তবে আওয়ামী লীগ রাজি নয় ।".split(),
    "এ সময় আওয়ামী লীগের নেতারা ছিলেন ।".split(),
    "বিভিন্ন সরকারি হাসপাতাল খোলা ।".split(),
    "দুটি সরকারি হাসপাতাল বন্ধ ।".split(),
]


def test_genitive_and_run_breaks():
    assert weak.is_genitive("ঢাকার") and weak.is_genitive("ভারতের") and weak.is_genitive("মোদির")
    assert not weak.is_genitive("জামালপুর") and not weak.is_genitive("ফরিদপুর")
    assert weak.breaks_run("ঢাকায়") and weak.breaks_run("রোগীকে") and not weak.breaks_run("জামায়াতে")
    assert not weak.breaks_run("জাতীয়")


def test_lexicon_matches_inflected_last_token_longest_first():
    lex = weak.Lexicon([("ঢাকা", "LOC"), ("পুরান ঢাকা", "LOC"), ("ভারত", "LOC")])
    words = "পুরান ঢাকায় আর ভারতের মানুষ".split()
    assert lex.find(words) == [(0, 2, "LOC"), (3, 4, "LOC")]


def test_mined_phrases_keep_names_and_drop_generic_compounds():
    ctx = ctx_for(POOL)
    assert ("ঢাকা", "বিশ্ববিদ্যালয়") in ctx.phrases
    assert ("স্বরাষ্ট্র", "মন্ত্রণালয়") in ctx.phrases
    assert ("আওয়ামী", "লীগ") in ctx.phrases
    assert not any(p[0] in ("সরকারি", "জেলা") for p in ctx.phrases)


def test_org_spans_boundaries_and_missing():
    ctx = ctx_for(POOL)
    w = "পরে ঢাকা বিশ্ববিদ্যালয়ের শিক্ষক ও জেলা আওয়ামী লীগের নেতা এবং করিম ফিশারিজ কোম্পানির মালিক".split()
    spans, missing = weak.org_spans(w, ctx, set())
    got = {" ".join(w[s:e]) for s, e, _ in spans}
    assert got == {"ঢাকা বিশ্ববিদ্যালয়ের", "আওয়ামী লীগের"}  # the party alone: no place before জেলা
    # An institution the pool never showed: its extent is unknown, so no label either way.
    assert {w[k] for k in missing} == {"করিম", "ফিশারিজ", "কোম্পানির"}
    # A known place opening a name makes it a name even when unseen.
    w2 = "সে বরিশাল মেডিকেল কলেজে ভর্তি হয়".split()
    spans2, _ = weak.org_spans(w2, ctx, set())
    assert [" ".join(w2[s:e]) for s, e, _ in spans2] == ["বরিশাল মেডিকেল কলেজে"]
    # A local party unit is one organisation (adjudication rule 1).
    w3 = "গাজীপুর জেলা আওয়ামী লীগের সভা".split()
    spans3, _ = weak.org_spans(w3, ctx, set())
    assert [" ".join(w3[s:e]) for s, e, _ in spans3] == ["গাজীপুর জেলা আওয়ামী লীগের"]


def test_kind_word_places():
    ctx = ctx_for(POOL)
    w = "গাজীপুরের শ্রীপুর উপজেলার মাওনা ইউনিয়নের পদ্মা নদীর তীরে , এ সময় জেলা প্রশাসক ছিলেন".split()
    spans, missing = weak.kind_spans(w, ctx, set())
    assert [" ".join(w[s:e]) for s, e, _ in spans] == ["শ্রীপুর", "মাওনা", "পদ্মা"]
    w2 = "শাহবাগ মডেল থানার".split()
    assert [" ".join(w2[s:e]) for s, e, _ in weak.kind_spans(w2, ctx, set())[0]] == ["শাহবাগ"]
    w2 = "কক্সবাজার সদর উপজেলায়".split()
    spans2, _ = weak.kind_spans(w2, ctx, set())
    assert [" ".join(w2[s:e]) for s, e, _ in spans2] == ["কক্সবাজার"]


def test_teacher_spans_lose_titles_and_generic_words():
    w = "প্রধান উপদেষ্টা ড. মুহাম্মদ ইউনূস বলেন , পুলিশ এসেছে".split()
    assert weak.clean_teacher_span(w, 0, 5, "PERSON") == (3, 5)
    assert weak.clean_teacher_span(w, 7, 8, "ORG") is None
    assert weak.clean_teacher_span(["বিশ্ব"], 0, 1, "LOC") is None
    assert weak.clean_teacher_span("ব্রিগেডিয়ার জেনারেল ( অব . )".split(), 0, 5, "PERSON") is None
    assert weak.clean_teacher_span(["ইউএনও"], 0, 1, "ORG") is None
    assert weak.clean_teacher_span(["সকালের"], 0, 1, "PERSON") is None  # NOT_NAMES: taught as O


def test_choose_keeps_confident_and_marks_doubtful():
    w = "প্রেসিডেন্ট জন স্মিথ আর রহিম এলেন".split()
    scored = {(1, 3, "PERSON"): 0.6, (4, 5, "PERSON"): 0.5, (4, 5, "LOC"): 0.3}
    kept, doubtful = weak.choose(scored, w)
    assert [(s, e, lab) for s, e, lab, _ in kept] == [(1, 3, "PERSON")]  # after a title 0.6 is enough
    assert doubtful == {4}


def test_label_sentence_merges_patterns_teacher_and_negatives():
    ctx = ctx_for(POOL)
    w = "স্বরাষ্ট্র মন্ত্রণালয়ের সচিব করিম মিয়া সকালের বৈঠকে রাজশাহী যান".split()
    scored = {(0, 2, "ORG"): 0.95, (2, 5, "PERSON"): 0.97, (5, 6, "DATE"): 0.5, (7, 8, "PERSON"): 0.92}
    ents, missing = weak.label_sentence(w, scored, ctx)
    assert labelled(w, ents) == [("স্বরাষ্ট্র মন্ত্রণালয়ের", "ORG"), ("করিম মিয়া", "PERSON"), ("রাজশাহী", "LOC")]
    assert 5 in missing  # a doubtful teacher span: no label either way
    assert 7 not in missing  # the lexicon place wins over the teacher's PERSON


def test_type_consistency_marks_rare_single_word_spans_missing():
    ctx = ctx_for(POOL)
    ctx.rare_types = frozenset({"মঞ্চে"})
    w = "মঞ্চে খবর".split()
    ents, missing = weak.label_sentence(w, {(0, 1, "PERSON"): 0.95}, ctx)
    assert ents == [] and missing == [0]


def test_sample_news_is_seeded_and_thins_empty_sentences(tmp_path):
    f = tmp_path / "weak.jsonl"
    rows = [{"article": k // 3, "words": ["শব্দ", str(k)], "spaces": [True, False], "ents": [[0, 1, "LOC"]] if k % 2 else [], "missing": []}
            for k in range(60)]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    a = weak.sample_news(f, 20, 0.0, seed=0)
    assert len(a) == 20 and all(s.ents for s in a)
    assert [s.words for s in a] == [s.words for s in weak.sample_news(f, 20, 0.0, seed=0)]
    assert len(weak.sample_news(f, 1000, 1.0, seed=0)) == 60


def test_news_pool_excludes_evaluation_articles_and_their_copies():
    body = " ".join(f"শব্দ{k}" for k in range(40))
    arts = [
        {"id": 1, "title": "ক", "body": body},
        {"id": 2, "title": "খ", "body": body + " আরও"},  # a reprint of article 1
        {"id": 3, "title": "ক", "body": "অন্য লেখা"},  # same title as article 1
        {"id": 4, "title": "গ", "body": " ".join(f"ভিন্ন{k}" for k in range(40))},
    ]
    assert news.excluded_ids(arts, {1}) == {1, 2, 3}


def test_pruned_string_store_keeps_predictions(tmp_path):
    import spacy
    from spacy.tokens import Doc

    from khobor.training.ner.train import prune_strings

    nlp = spacy.blank("bn")
    ner = nlp.add_pipe("ner")
    for lab in ("PERSON", "LOC"):
        ner.add_label(lab)
    nlp.initialize()
    words = "করিম মিয়া ঢাকায় গেলেন".split()
    before = [(e.start, e.end, e.label_) for e in ner(Doc(nlp.vocab, words=words)).ents]
    nlp.vocab.strings.add("একটি-প্রশিক্ষণের-শব্দ")
    assert prune_strings(nlp) < 1000
    assert "একটি-প্রশিক্ষণের-শব্দ" not in nlp.vocab.strings
    nlp.to_disk(tmp_path / "m")
    again = spacy.load(tmp_path / "m")
    assert set(again.get_pipe("ner").labels) == {"PERSON", "LOC"}
    assert [(e.start, e.end, e.label_) for e in again.get_pipe("ner")(Doc(again.vocab, words=words)).ents] == before
