"""Every installed source kind against its golden case (see tests/source_goldens.py)."""
from __future__ import annotations

import pytest

from khobor.flows.sources.base import SourceContext, SourceInfo
from khobor.flows.sources.registry import available_kinds, build_source
from tests.source_goldens import GOLDEN, expected_rows, staged_rows


@pytest.mark.parametrize("kind", sorted(available_kinds()))
def test_every_installed_kind_stages_its_golden_rows(kind):
    case = GOLDEN / kind
    assert (case / "source.toml").exists() and (case / "expected.json").exists(), (
        f"source kind {kind!r} has no golden case: add {case}/source.toml and input/, "
        f"then run python -m tests.golden.write_sources {kind} and review expected.json"
    )
    assert staged_rows(kind) == expected_rows(kind)


def test_limit_stops_early():
    info = SourceInfo(id="golden-jsonl", kind="jsonl", location="input/wire.jsonl",
                      fields={"id": "uid", "title": "headline", "body": "content", "date": "when", "url": "link"})
    source = build_source(info, SourceContext(base_dir=GOLDEN / "jsonl"))
    assert len(list(source.items(limit=2))) == 2
