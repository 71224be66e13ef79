"""Progress of a run's long stages, for whoever watches: a live bar on a terminal, one line per
stage in a log, nothing with ``--quiet``. Tasks report through ``current()``; the CLI picks the
reporter. Under a scheduler nothing is installed and reports cost nothing."""
from __future__ import annotations

import sys
import time
from typing import Protocol


class Stage(Protocol):
    def advance(self, n: int = 1) -> None: ...

    def done(self, n: int | None = None) -> None: ...


class Reporter(Protocol):
    def stage(self, name: str, total: int | None = None, unit: str = "") -> Stage: ...


class _Quiet:
    def stage(self, name: str, total: int | None = None, unit: str = "") -> Stage:
        return self

    def advance(self, n: int = 1) -> None:
        pass

    def done(self, n: int | None = None) -> None:
        pass


class LineStage:
    """One line when the stage ends: what it did, how long it took, and the rate."""

    def __init__(self, name: str, unit: str, stream):
        self.name, self.unit, self.stream = name, unit, stream
        self.count, self.t0 = 0, time.perf_counter()

    def advance(self, n: int = 1) -> None:
        self.count += n

    def done(self, n: int | None = None) -> None:
        count = self.count if n is None else n
        secs = time.perf_counter() - self.t0
        rate = f" ({count / secs:,.0f}/s)" if secs > 0.05 and count else ""
        # write, not print: a flow with log_prints turns print() into log records
        self.stream.write(f"{self.name}: {count:,} {self.unit} in {secs:.1f} s{rate}\n")
        self.stream.flush()


class LineReporter:
    def __init__(self, stream=sys.stderr):
        self.stream = stream

    def stage(self, name: str, total: int | None = None, unit: str = "") -> Stage:
        return LineStage(name, unit, self.stream)


class RichStage:
    def __init__(self, progress, name: str, total: int | None, unit: str):
        self.progress, self.unit = progress, unit
        self.task = progress.add_task(name, total=total, unit=unit)

    def advance(self, n: int = 1) -> None:
        self.progress.advance(self.task, n)

    def done(self, n: int | None = None) -> None:
        task = self.progress.tasks[self.task]
        completed = task.completed if n is None else n
        self.progress.update(self.task, total=completed, completed=completed)


class RichReporter:
    """Live bars on a terminal (stderr, so ``--json`` output stays clean)."""

    def __init__(self, console):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(TextColumn("{task.description:<20}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[unit]}"), TimeElapsedColumn(), console=console, transient=False)
        self.progress.start()

    def stage(self, name: str, total: int | None = None, unit: str = "") -> Stage:
        return RichStage(self.progress, name, total, unit)

    def close(self) -> None:
        self.progress.stop()


_current: Reporter = _Quiet()


def current() -> Reporter:
    return _current


def use(reporter: Reporter | None) -> None:
    global _current
    _current = reporter or _Quiet()
