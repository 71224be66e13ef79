"""Processes that leave without the interpreter's teardown (a pool worker, ``khobor run`` after its
summary) still exit with their code and lose no output, log record or exit handler."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)


def test_a_pool_worker_exits_at_once_with_its_output_and_log_records(tmp_path: Path):
    log = tmp_path / "worker.log"
    done = _python(f"""
        import logging, sys
        from khobor.flows.pipeline import worker_init

        worker_init()

        class Freed:
            def __del__(self):
                sys.stdout.write("torn down")

        kept = Freed()  # freed only by the interpreter's teardown
        handler = logging.StreamHandler(open({str(log)!r}, "w", buffering=1 << 20))
        logging.getLogger("worker").addHandler(handler)
        logging.getLogger("worker").warning("the last record")
        sys.stdout.write("written, not flushed")
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "written, not flushed"  # flushed, and no teardown ran after it
    assert log.read_text() == "the last record\n"


def test_the_command_line_keeps_its_exit_code_output_and_exit_handlers():
    done = _python("""
        import atexit
        from khobor.flows.cli import exit_without_teardown

        atexit.register(lambda: print("handler ran", end=""))
        print("summary;", end="")
        exit_without_teardown(3)
    """)
    assert (done.returncode, done.stdout) == (3, "summary;handler ran")

