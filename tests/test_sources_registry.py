"""The source registry, the sources CLI, and records loaded by a field mapping alone."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khobor.flows.cli import app
from khobor.flows.sources.base import ConfigError, SourceContext
from khobor.flows.sources.registry import build_source, read_registry, select
from khobor.transforms.documents.build import build_documents
from khobor.transforms.documents.staging import SourceDefaults, stage_items
from tests.conftest import PROJECT as PROJECT_ROOT

runner = CliRunner()


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "sources.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_project_registry_declares_the_sample_and_news_bench():
    registry = read_registry(PROJECT_ROOT / "sources.toml")
    infos = {i.id: i for i in registry}
    assert infos["sample"].enabled and infos["sample"].kind == "files"
    assert not infos["news-bench"].enabled and infos["news-bench"].fields["body"] == "body"
    assert not registry.problems
    assert [i.id for i in select(registry, None)[0]] == ["sample"]
    assert [i.id for i in select(registry, ["news-bench"])[0]] == ["news-bench"]


@pytest.mark.parametrize(
    "entry, message",
    [
        ('id = "x"\nkind = "ftp"\nlocation = "a"', "unknown source kind 'ftp'"),
        ('id = "x"\nkind = "files"', "'location' is required"),
        ('id = "Bad Id"\nkind = "files"\nlocation = "a"', "id must be lower-case"),
        ('id = "x"\nkind = "files"\nlocation = "a"\ntimezone = "Mars/Olympus"', "unknown timezone"),
        ('id = "x"\nkind = "jsonl"\nlocation = "a"\nfields = { headline = "t" }', "unknown field mapping keys"),
        ('id = "x"\nkind = "files"\nlocation = "a"\nschedule = "daily"', "unknown keys ['schedule']"),
        ('id = "x"\nkind = "rss"\nlocation = "a"\noptions = { fetch_article = false }', "unknown options ['fetch_article'] for kind 'rss'; "
         "allowed: allow_private, fetch_articles, max_entries"),
        ('id = "x"\nkind = "rss"\nlocation = "a"\noptions = { max_entries = "ten" }', "option 'max_entries' must be int, not str"),
    ],
)
def test_a_wrong_entry_fails_that_source_only_and_names_it(tmp_path, entry, message):
    good = '[[source]]\nid = "good"\nkind = "files"\nlocation = "news"\n'
    registry = read_registry(_write(tmp_path, f"{good}[[source]]\n{entry}\n"))
    sid = "Bad Id" if "Bad Id" in entry else "x"
    assert [i.id for i in registry] == ["good"]
    assert message in registry.problems[sid] and f"source {sid!r}" in registry.problems[sid]
    runnable, failed = select(registry, None)
    assert [i.id for i in runnable] == ["good"] and set(failed) == {sid}
    with pytest.raises(ConfigError, match=re.escape(message)):
        select(registry, [sid])  # asking for it by name is a configuration error


def test_disabled_wrong_entries_never_block(tmp_path):
    good = '[[source]]\nid = "good"\nkind = "files"\nlocation = "news"\n'
    off = '[[source]]\nid = "old"\nkind = "ftp"\nlocation = "a"\nenabled = false\n'
    registry = read_registry(_write(tmp_path, good + off))
    assert "unknown source kind 'ftp'" in registry.problems["old"]
    assert select(registry, None) == ([registry.sources[0]], {})


def test_duplicate_ids_are_refused(tmp_path):
    entry = '[[source]]\nid = "x"\nkind = "files"\nlocation = "a"\n'
    registry = read_registry(_write(tmp_path, entry + entry))
    assert "declared twice" in registry.problems["x"] and not registry.sources


def test_an_unreadable_registry_is_one_configuration_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        read_registry(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="sources.toml"):
        read_registry(_write(tmp_path, "[[source]\nid = "))


def test_news_bench_loads_with_a_mapping_alone(shared_dir):
    path = shared_dir / "corpora" / "news_bench" / "articles.jsonl"
    if not path.exists():
        pytest.skip("news_bench is not present")
    info = next(i for i in read_registry(PROJECT_ROOT / "sources.toml").sources if i.id == "news-bench")
    items = list(build_source(info, SourceContext(base_dir=PROJECT_ROOT)).items(limit=200))
    stg = stage_items(items, "t", set(), {info.id: SourceDefaults(info.timezone, info.language, info.publisher)})
    rows = stg.to_pylist()
    assert len(rows) == 200
    assert all(r["status"] == "new" for r in rows), [r["detail"] for r in rows if r["status"] != "new"][:3]
    assert all(r["title"] and r["published_raw"] and r["external_id"] is not None for r in rows)
    # Each record's paper is its publisher; a date-only value is that day in Dhaka, not the UTC day before.
    assert info.fields["publisher"] == "paper" and {r["publisher"] for r in rows} == {"Jugantor"}
    _, docs = build_documents(stg, "t", datetime.now(timezone.utc))
    first = docs.to_pylist()[0]
    assert (first["published_date"], first["published_precision"]) == (date(2024, 8, 12), "day")


def test_sources_list_and_check_on_the_sample(tmp_path):
    listed = runner.invoke(app, ["sources", "list", "--warehouse", str(tmp_path / "wh")])
    assert listed.exit_code == 0, listed.output
    assert "sample" in listed.output and "never" in listed.output
    checked = runner.invoke(app, ["sources", "check", "sample", "-n", "2"])
    assert checked.exit_code == 0, checked.output
    assert "2 of 2 items would load; nothing was written." in " ".join(checked.output.split())
    assert not (tmp_path / "wh").exists()


def test_sources_check_shows_a_clear_error(tmp_path):
    reg = _write(tmp_path, '[[source]]\nid = "gone"\nkind = "files"\nlocation = "nowhere"\n')
    res = runner.invoke(app, ["sources", "check", "gone", "--registry", str(reg)])
    assert res.exit_code == 1
    assert "source 'gone' failed" in res.output and "does not exist" in res.output
    res = runner.invoke(app, ["sources", "check", "missing", "--registry", str(reg)])
    assert res.exit_code == 2 and "no source named 'missing'" in res.output
