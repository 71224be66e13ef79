"""Cancelling a run cleanly: Ctrl-C or SIGTERM asks the run to stop at the next stage boundary.

The first signal only sets a flag: the flow checks it between stages (and long stages between
batches) and stops by raising ``RunCancelled``, which rolls the run's rows back and records it as
``cancelled``. A second signal stops at once (``KeyboardInterrupt``), for a stage that does not
return. Under Prefect's runner (``khobor serve``) Prefect's own SIGTERM handling raises in the flow;
the flow treats that the same way.
"""
from __future__ import annotations

import signal
import sys
import threading

_requested = threading.Event()


class RunCancelled(BaseException):
    """Raised at a stage boundary after a cancel request. A BaseException: nothing may swallow it."""


def request() -> None:
    _requested.set()


def requested() -> bool:
    return _requested.is_set()


def reset() -> None:
    _requested.clear()


def checkpoint() -> None:
    if _requested.is_set():
        raise RunCancelled("the run was cancelled (Ctrl-C or SIGTERM)")


def say(msg: str) -> None:
    # write, not print: inside a flow with log_prints, print() becomes a log record
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


def install_handlers() -> None:
    """SIGINT and SIGTERM: first a cancel request, then an immediate stop."""

    def handler(signum, frame):
        if _requested.is_set():
            raise KeyboardInterrupt
        _requested.set()
        name = signal.Signals(signum).name
        say(f"{name}: cancelling at the next stage boundary (rolling back this run's rows); send it again to stop at once")

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
