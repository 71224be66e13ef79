"""The english_names samples (bench/news_eval/english_names.py): disjoint pools, ids and offsets only."""
import json

import pytest

from bench.news_eval import english_names as en
from bench.news_eval.evaluate import ARTICLES, DATA, load_articles

pytestmark = pytest.mark.skipif(not ARTICLES.exists(), reason="news_bench is not beside the project")


def test_pools_are_disjoint_and_items_are_in_their_pool_without_text():
    articles = load_articles()
    sets = json.loads((DATA / "sets.json").read_text())
    evaluation = {i for name in en.DRAWN_AFTER for i in sets[name]}  # sets added later may share a pool's articles
    pools = {s: set(en.pool_ids(articles, s)) for s in en.SAMPLES}
    names = list(pools)
    for k, a in enumerate(names):
        assert not pools[a] & evaluation
        for b in names[k + 1 :]:
            assert not pools[a] & pools[b]
    for sample in names:
        for it in en.load_sample(sample):
            assert it["article_id"] in pools[sample]
            assert set(it) <= {"article_id", "text_sha256", "start", "end", "label", "band", "english", "skip"}
