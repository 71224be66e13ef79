"""The dev error classes of bench/news_eval/errors.py, on a made-up article (no news text)."""
from bench.news_eval.errors import classify
from bench.news_eval.evaluate import Article, GoldMention


def _gold(start, end, label):
    g = GoldMention(start, end, label)
    g.accepts = {(start, end, label)}
    return g


def test_each_error_gets_one_class():
    text = "Alpha Beta went to Gamma and met Delta of Epsilon in Zeta."
    gold = [_gold(0, 10, "PERSON"), _gold(19, 24, "LOC"), _gold(33, 38, "PERSON"), _gold(53, 57, "LOC")]
    system = [
        {"start": 0, "end": 5, "label": "PERSON"},  # cut short: boundary
        {"start": 19, "end": 24, "label": "ORG"},  # right span, wrong label
        {"start": 33, "end": 38, "label": "PERSON"},  # right
        {"start": 42, "end": 49, "label": "ORG"},  # nothing there: spurious
    ]
    rows = classify(Article(1, text, None, gold, system))
    got = sorted((r["side"], r["class"], r["text"]) for r in rows)
    assert got == [
        ("fn", "boundary", "Alpha Beta"), ("fn", "label", "Gamma"), ("fn", "missed", "Zeta"),
        ("fp", "boundary", "Alpha"), ("fp", "label", "Gamma"), ("fp", "spurious", "Epsilon"),
    ]


def test_english_names_compare_without_case_punctuation_or_the_spacing_of_initials():
    from bench.news_eval.evaluate import _norm_name

    assert _norm_name("A. H. M. Shafiquzzaman") == _norm_name("AHM Shafiquzzaman") == _norm_name("a h m shafiquzzaman")
    assert _norm_name("S M Shariat Ullah") == _norm_name("SM Shariat-Ullah")
    assert _norm_name("Md. A Rahim") == "md a rahim"  # one initial between words is left alone
    assert _norm_name("AHM Safiquzzaman") != _norm_name("AHM Shafiquzzaman")  # letters still count
    assert _norm_name(None) == ""
