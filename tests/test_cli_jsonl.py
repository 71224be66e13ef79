"""`khobor tokenize` and `khobor extract`: JSONL in, JSONL out, offsets into the input as given."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from khobor.flows.cli import app

runner = CliRunner()
# Text that the cleaner changes: a precomposed য়, a ৷ danda, an NBSP, a BOM, a trailing blank line.
RECORDS = [
    {"id": "r1", "text": "\ufeffরুশ রাষ্ট্রপতি ভ্লাদিমির পুতিন রাশি\u09dfা\u09df\u00a0ফিরেছেন৷ বুধবার ক্রেমলিনে বৈঠক হয়।\n\n\n",
     "published_at": "2023-12-27T10:00:00+06:00"},
    {"id": 2, "text": "Dhaka, 20 November 2026 — BRICS and the SCO (এসসিও) met in Dhaka."},
]


def _run(command: str, tmp_path, extra_lines=()):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([json.dumps(r, ensure_ascii=False) for r in RECORDS] + list(extra_lines)) + "\n", encoding="utf-8")
    res = runner.invoke(app, [command, "--input", str(src)])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.output.splitlines() if line.strip()]


def test_tokenize_offsets_point_into_the_input(tmp_path):
    out = _run("tokenize", tmp_path, ['{"id": "bad"', '{"id": "none"}'])
    assert [o["id"] for o in out] == ["r1", 2, None, "none"]
    for rec, res in zip(RECORDS, out):
        text = rec["text"]
        assert res["tokens"] and res["sentences"]
        for t in res["tokens"]:
            assert text[t["start"] : t["end"]] == t["text"]
        assert "\u09df" in "".join(t["text"] for t in res["tokens"]) or rec["id"] == 2  # precomposed য় kept as given
    assert "error" in out[2] and out[3]["error"] == "missing text"


def test_extract_offsets_labels_and_canonical_names(tmp_path):
    out = _run("extract", tmp_path, ["[1, 2]"])
    assert out[2] == {"id": None, "error": "a record must be a JSON object"}
    for rec, res in zip(RECORDS, out):
        for e in res["entities"]:
            assert rec["text"][e["start"] : e["end"]] == e["text"]
    first = {(e["text"], e["label"], e["entity_id"]) for e in out[0]["entities"]}
    assert ("ভ্লাদিমির পুতিন", "PERSON", "per:vladimir-putin") in first
    assert ("রাশি\u09dfা\u09df", "LOC", "loc:RU") in first
    dates = {e["text"]: e["value"] for e in out[0]["entities"] if e["label"] == "DATE"}
    assert dates == {"বুধবার": "2023-12-27"}
    second = {e["text"]: e for e in out[1]["entities"]}
    assert second["SCO"]["entity_id"] == second["এসসিও"]["entity_id"] == "org:sco"
    assert second["SCO"]["canonical_latin"] == "Shanghai Cooperation Organisation"
    assert second["20 November 2026"]["value"] == "2026-11-20"


def test_extract_counts_relative_dates_from_the_day_as_written(tmp_path):
    """00:30 in Dhaka on the 13th is 18:30 UTC on the 12th; the writer's গতকাল is still the 12th."""
    src = tmp_path / "in.jsonl"
    recs = [{"id": "late", "text": "গতকাল ঢাকায় বৃষ্টি হয়েছে।", "published_at": "2024-08-13T00:30:00+06:00"},
            {"id": "day", "text": "গতকাল ঢাকায় বৃষ্টি হয়েছে।", "date": "2024/08/13"}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    res = runner.invoke(app, ["extract", "--input", str(src)])
    assert res.exit_code == 0, res.output
    for line in res.output.splitlines():
        (d,) = [e for e in json.loads(line)["entities"] if e["label"] == "DATE"]
        assert (d["text"], d["value"], d["date_precision"]) == ("গতকাল", "2024-08-12", "day")


def test_no_command_gives_one_flag_two_meanings():
    """``-w`` once meant both --warehouse and --workers on ``khobor run``: click silently keeps one."""
    import click
    import typer.main

    from khobor.flows.cli import app

    def commands(group):
        for cmd in group.commands.values():
            yield from commands(cmd) if isinstance(cmd, click.Group) else [cmd]

    for cmd in commands(typer.main.get_command(app)):
        flags = [f for p in cmd.params for f in getattr(p, "opts", []) + getattr(p, "secondary_opts", [])]
        assert len(flags) == len(set(flags)), (cmd.name, sorted(f for f in flags if flags.count(f) > 1))
