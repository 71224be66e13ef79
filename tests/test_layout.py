"""Where runs look by default, and how mart models are found and ordered."""
from __future__ import annotations

import pytest

from khobor.flows.models import mart_models, mart_names
from khobor.flows.paths import default_registry, default_warehouse


def test_defaults_follow_khobor_home_then_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("KHOBOR_HOME", raising=False)
    monkeypatch.delenv("KHOBOR_SOURCES", raising=False)
    monkeypatch.chdir(tmp_path)
    assert default_registry() == tmp_path / "sources.toml" and default_warehouse() == tmp_path / "warehouse"
    monkeypatch.setenv("KHOBOR_HOME", str(tmp_path / "home"))
    assert default_registry() == tmp_path / "home" / "sources.toml"
    assert default_warehouse() == tmp_path / "home" / "warehouse"
    monkeypatch.setenv("KHOBOR_SOURCES", str(tmp_path / "elsewhere.toml"))
    assert default_registry() == tmp_path / "elsewhere.toml"


def test_shipped_models_build_after_what_they_select_from():
    order = [m.name for m in mart_models()]
    assert "int_document_dates" in order and "int_document_dates" not in mart_names()
    for m in mart_models():
        assert all(order.index(d) < order.index(m.name) for d in m.depends_on), m.name
    assert {"dim_entities", "fct_entity_mentions", "mart_entity_daily", "mart_entity_cooccurrence", "mart_documents"} <= set(mart_names())


def test_models_may_build_on_marts_and_cycles_are_refused(tmp_path):
    (tmp_path / "b_mart.sql").write_text("SELECT * FROM a_mart -- reads a mart\n")
    (tmp_path / "a_mart.sql").write_text("SELECT * FROM int_x\n")
    (tmp_path / "int_x.sql").write_text("SELECT 1 AS one\n")
    assert [m.name for m in mart_models(tmp_path)] == ["int_x", "a_mart", "b_mart"]
    (tmp_path / "int_x.sql").write_text("SELECT * FROM b_mart\n")
    with pytest.raises(Exception, match="cycle"):
        mart_models(tmp_path)
