"""khobor (খবর): Bengali-first news to a validated DuckDB warehouse of documents, sentences, tokens
and linked entities, published as parquet marts.

The import package gathers the checkout's top-level folders: ``khobor.flows`` (orchestration,
CLI), ``khobor.transforms`` (pure logic), and the data packages ``khobor.warehouse`` (DDL and mart
SQL), ``khobor.expectations`` (validation suites), ``khobor.models`` (the NER model) and
``khobor.sample`` (the bundled sample). ``khobor.data`` finds their files.
"""
__version__ = "0.2.0"
