"""Shared by the fetcher tests: a fast retry policy, a recording sleep and the fixtures."""
from __future__ import annotations

import threading
import time

import pytest

from khobor.flows.sources.http import (
    FetchPolicy,
    HttpFetcher,
)
from tests.http_server import LocalServer, Reply, closed_port, http_server  # noqa: F401 - fixture

FAST = dict(backoff_base=0.01, backoff_max=0.05, jitter=0.0, min_interval=0.0, connect_timeout=2.0, read_timeout=2.0,
            total_timeout=5.0, max_attempts=3, trust_env=False)


def policy(**overrides) -> FetchPolicy:
    return FetchPolicy(**{**FAST, **overrides})


class SleepLog:
    """A sleep that records what it was asked to wait and returns at once."""

    def __init__(self):
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture(autouse=True, scope="module")
def no_leaked_threads():
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and set(threading.enumerate()) - before:
        time.sleep(0.01)
    assert not set(threading.enumerate()) - before, "servers or handlers left running"


@pytest.fixture
def fetcher():
    with HttpFetcher(policy()) as f:
        yield f
