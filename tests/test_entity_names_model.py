"""int_entity_names: which of its mentions' forms names an entity in dim_entities and the marts."""
from __future__ import annotations

import duckdb

from khobor.data import mart_models_dir


def _names(mentions: list[tuple[str, str, str]], gazetteer: dict[str, str] | None = None) -> dict[str, tuple[str, str]]:
    """entity -> (canonical, canonical_latin) for mentions (entity, name, name_latin) of entities the
    linker made (``gazetteer``: entity -> English name of gazetteer entities)."""
    gazetteer = gazetteer or {}
    con = duckdb.connect()
    con.execute("CREATE TABLE entity_mentions (entity_id VARCHAR, label VARCHAR, name VARCHAR, name_latin VARCHAR, "
                "latin_method VARCHAR, form VARCHAR)")
    con.executemany("INSERT INTO entity_mentions VALUES (?, 'PERSON', ?, ?, 'name_parts', NULL)", mentions)
    con.execute("CREATE TABLE entities (entity_id VARCHAR, label VARCHAR, canonical VARCHAR, canonical_latin VARCHAR, "
                "latin_method VARCHAR, source VARCHAR)")
    for eid in sorted({m[0] for m in mentions}):
        source = "gazetteer" if eid in gazetteer else "linked"
        con.execute("INSERT INTO entities VALUES (?, 'PERSON', 'first seen', ?, 'name_parts', ?)",
                    [eid, gazetteer.get(eid, "First Seen"), source])
    sql = (mart_models_dir() / "int_entity_names.sql").read_text(encoding="utf-8")
    return {eid: (name, latin) for eid, _, name, latin, _, _ in con.sql(sql).fetchall()}


def test_a_full_name_is_preferred_to_one_word_however_often_that_is_written():
    names = _names([("p", "পুতিন", "Putin")] * 5 + [("p", "ভ্লাদিমির পুতিন", "Vladimir Putin")])
    assert names["p"] == ("ভ্লাদিমির পুতিন", "Vladimir Putin")


def test_a_name_written_in_full_once_and_shorter_after_is_named_in_full():
    names = _names([("j", "মো. জাহাঙ্গীর আলম চৌধুরী", "Md. Jahangir Alam Chowdhury")]
                   + [("j", "জাহাঙ্গীর আলম", "Jahangir Alam")] * 2)
    assert names["j"] == ("মো. জাহাঙ্গীর আলম চৌধুরী", "Md. Jahangir Alam Chowdhury")


def test_a_muhammad_before_the_name_alone_does_not_make_it_the_full_name():
    names = _names([("b", "মো. বেলাল হোসেন", "Md. Belal Hossain")] + [("b", "বেলাল হোসেন", "Belal Hossain")] * 2)
    assert names["b"] == ("বেলাল হোসেন", "Belal Hossain")


def test_a_longer_form_that_does_not_hold_the_usual_one_whole_does_not_name_it():
    # আলম inside আলমগীর is no word of it; a form with other words in another order is another form.
    names = _names([("a", "শাহ আলম", "Shah Alam")] * 3 + [("a", "শাহ আলমগীর হোসেন", "Shah Alamgir Hossain"),
                                                            ("a", "আলম শাহ খান", "Alam Shah Khan")])
    assert names["a"] == ("শাহ আলম", "Shah Alam")


def test_gazetteer_entities_keep_the_gazetteer_name():
    names = _names([("g", "ইউনূস", "Yunus")] * 3 + [("g", "মুহাম্মদ ইউনূস সাহেব", "Muhammad Yunus Saheb")],
                   gazetteer={"g": "Muhammad Yunus"})
    assert names["g"][1] == "Muhammad Yunus"
