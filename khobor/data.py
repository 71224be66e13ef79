"""Files that ship inside the package, found with importlib.resources (checkout or wheel alike)."""
from __future__ import annotations

import contextlib
import functools
from importlib import resources
from pathlib import Path

# Keeps extracted copies alive for the whole process when the package is not on a plain file
# system (a zip import); for an installed wheel or a checkout, as_file returns the path itself.
_KEEP = contextlib.ExitStack()


@functools.cache
def path(package: str, *parts: str) -> Path:
    return Path(_KEEP.enter_context(resources.as_file(resources.files(package).joinpath(*parts))))


def schema_sql() -> Path:
    return path("khobor.warehouse", "schema.sql")


def mart_models_dir() -> Path:
    return path("khobor.warehouse", "models")


def suites_dir() -> Path:
    return path("khobor.expectations")


def ner_model_dir() -> Path:
    return path("khobor.models", "bn_ner")


def sample_dir() -> Path:
    return path("khobor.sample", "news")
