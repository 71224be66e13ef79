"""The ``khobor`` command line: one module per group of commands, registered here."""
from __future__ import annotations

import sys

import typer

from khobor.flows.cli import analyst as analyst_cmds
from khobor.flows.cli import run as run_cmds
from khobor.flows.cli import schedule as schedule_cmds
from khobor.flows.cli import sources as sources_cmds
from khobor.flows.cli import text as text_cmds

app = typer.Typer(add_completion=False, no_args_is_help=True, help="khobor: Bengali-first news to a validated DuckDB warehouse.")


@app.callback()
def _root() -> None:
    """khobor: Bengali-first news to a validated DuckDB warehouse."""


app.command()(run_cmds.run)
app.command()(schedule_cmds.serve)
app.command()(schedule_cmds.trigger)
app.command()(text_cmds.tokenize)
app.command()(text_cmds.extract)
app.command()(analyst_cmds.sql)
app.command()(analyst_cmds.report)
app.command()(analyst_cmds.dictionary)
app.add_typer(sources_cmds.app, name="sources")


def main() -> None:
    try:
        app()
    except SystemExit as exc:
        if run_cmds.leave_without_teardown:
            exit_without_teardown(exc.code)
        raise


def exit_without_teardown(code) -> None:
    """End the process after its exit handlers, skipping the interpreter's teardown: freeing a run's
    objects one by one kept ``khobor run`` alive 1-2 s after its summary was printed. Only after a run
    that closed everything it opened (``run`` sets ``leave_without_teardown``)."""
    import atexit

    from khobor.flows.process_exit import leave_now

    atexit._run_exitfuncs()
    leave_now(code if isinstance(code, int) else 0 if code is None else 1)


if __name__ == "__main__":
    sys.exit(main())
