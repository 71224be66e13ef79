"""The annotation tool resolves a mention's text to whole words (bench/news_eval/annotate.py)."""
from bench.news_eval.annotate import resolve


def test_a_mention_resolves_to_the_next_whole_word_occurrence():
    # ইরান is first seen inside ইরানি (an adjective, not marked): the mention is the later name.
    body = "একটি ইরানি জাহাজ। পরে ইরান দুটি ট্যাংকার আটক করে।"
    spans, problems = resolve(body, [{"text": "ইরান", "label": "LOC"}])
    assert problems == []
    assert body[spans[0]["start"]:spans[0]["end"]] == "ইরান"
    assert spans[0]["start"] == body.index("ইরান দুটি")


def test_a_mention_only_inside_a_word_is_still_reported():
    spans, problems = resolve("একটি ইরানি জাহাজ।", [{"text": "ইরান", "label": "LOC"}])
    assert any("ends inside a word" in p for p in problems)
