"""Every expectation of every suite can fail: a frame that breaks it is refused, and named.

The frames come from a real run (sample, a quarantined file and a near-duplicate, so that every
suite has rows); one row is then broken the way each expectation forbids.
"""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from khobor.data import sample_dir
from khobor.flows.validation import load_suites, release_frames, run_frames, validate_frames

SUITES = {s.name: s for scope in ("run", "release") for s in load_suites(scope)}
CASES = [(name, i) for name, suite in sorted(SUITES.items()) for i in range(len(suite.expectations))]


@pytest.fixture(scope="module")
def frames(tmp_path_factory):
    from khobor.flows.nightly import nightly

    src = tmp_path_factory.mktemp("neg") / "in"
    shutil.copytree(sample_dir(), src)
    (src / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    body = (src / "2026-11-21-cyclone-warning.bn.txt").read_text(encoding="utf-8")
    (src / "cyclone-edited.bn.txt").write_text(body.replace("।", "। ", 1) + "\nআরও খবর আসছে।\n", encoding="utf-8")
    wh = src.parent / "wh"
    s = nightly(warehouse_dir=str(wh), input_path=str(src))
    assert s["status"] == "succeeded" and s["quarantined_new"] == 1 and s["near_duplicates_new"] == 1, s
    out = run_frames(wh / "khobor.duckdb", s["run_id"], [x for x in SUITES.values() if x.scope == "run"])
    out.update(release_frames((wh / "marts" / "current").resolve(), [x for x in SUITES.values() if x.scope == "release"]))
    return out


def _break(df: pd.DataFrame, etype: str, kw: dict) -> pd.DataFrame:
    df = df.copy()
    col = kw["column"]
    if df[col].dtype == bool or df[col].dtype.kind in "iuf":
        df[col] = df[col].astype(object)
    if etype == "expect_column_values_to_not_be_null":
        df.at[df.index[0], col] = None
    elif etype == "expect_column_values_to_be_between":
        df.at[df.index[0], col] = kw["min_value"] - 1 if kw.get("min_value") is not None else kw["max_value"] + 1
    elif etype == "expect_column_values_to_be_in_set":
        allowed = kw["value_set"]
        df.at[df.index[0], col] = (not allowed[0]) if allowed and isinstance(allowed[0], bool) else "__not-allowed__"
    elif etype == "expect_column_value_lengths_to_equal":
        df.at[df.index[0], col] = "x" * (kw["value"] + 1)
    else:
        raise AssertionError(f"no way to break {etype}: add one here")
    return df


@pytest.mark.parametrize("suite_name,index", CASES, ids=[f"{n}-{i}" for n, i in CASES])
def test_each_expectation_fails_on_a_frame_that_breaks_it(frames, suite_name, index):
    suite = SUITES[suite_name]
    exp = suite.expectations[index]
    df = frames[suite_name]
    assert len(df) > 0, f"{suite_name}: the fixture run gave no rows to check"
    assert validate_frames({suite_name: df}, [suite]).success, f"{suite_name} must pass on the real run"
    verdict = validate_frames({suite_name: _break(df, exp["type"], exp["kwargs"])}, [suite])
    name = f"{suite_name}: {exp['type']}({exp['kwargs']['column']})"
    if exp["severity"] == "critical":
        assert not verdict.success and name in verdict.failures, (name, verdict.failures)
    else:
        assert verdict.success and name in verdict.warnings, (name, verdict.warnings)
