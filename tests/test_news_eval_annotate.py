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


def _rec(body, spans):
    import hashlib
    return {"article_id": 1, "text_sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(), "spans": spans}


def test_verify_accepts_a_team_key_with_its_label_alternative():
    from bench.news_eval.annotate import verify_records
    body = "বাংলাদেশ ২০ রানে জিতেছে।"
    span = {"label": "LOC", "entity": "Bangladesh national cricket team", "start": 0, "end": 8,
            "alts": [{"label": "ORG", "start": 0, "end": 8}]}
    assert verify_records([_rec(body, [span])], {1: body}) == []


def test_verify_reports_a_cut_word_a_stray_alternative_and_a_key_written_two_ways():
    from bench.news_eval.annotate import verify_records
    body = "বাংলাদেশ ও পাকিস্তানের খেলা। বাংলাদেশ জিতেছে।"
    spans = [{"label": "LOC", "entity": "Bangladesh|BD", "start": 0, "end": 8},
             {"label": "LOC", "entity": "Pakistan", "start": 11, "end": 19, "alts": [{"label": "ORG", "start": 0, "end": 3}]},
             {"label": "LOC", "entity": "Bangladesh", "start": 29, "end": 37}]
    problems = verify_records([_rec(body, spans)], {1: body})
    assert any("cuts a word" in p for p in problems)
    assert any("alternative" in p for p in problems)
    assert any("written 2 ways" in p for p in problems)
    assert verify_records([dict(_rec(body, spans), text_sha256="0")], {1: body}) == ["1: text_sha256 differs from the article's"]
