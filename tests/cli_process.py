"""Running the real ``khobor`` command in a child process, as an operator or a scheduler would."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

KHOBOR = str(Path(sys.executable).with_name("khobor"))


def env(**extra: str) -> dict[str, str]:
    """The test process's environment without its Prefect and khobor settings: each command
    keeps its Prefect state under its own warehouse, as it would on a server."""
    out = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "KHOBOR_"))}
    out.update(extra)
    return out


def run(*args: str, cwd: Path, timeout: float = 600, **extra_env: str) -> subprocess.CompletedProcess:
    return subprocess.run([KHOBOR, *args], cwd=cwd, env=env(**extra_env), capture_output=True, text=True, timeout=timeout)


def start(*args: str, cwd: Path, **extra_env: str) -> subprocess.Popen:
    return subprocess.Popen([KHOBOR, *args], cwd=cwd, env=env(**extra_env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(predicate, timeout: float = 120, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def lock_holder(warehouse: Path) -> dict | None:
    try:
        raw = (warehouse / ".lock").read_text()
    except FileNotFoundError:
        return None
    try:
        return json.loads(raw) if raw.strip() else None
    except ValueError:
        return None


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (children, grandchildren...)."""
    out: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        for k in map(int, kids):
            if k not in out:
                out.add(k)
                todo.append(k)
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def slow_input(folder: Path, n: int = 600) -> Path:
    """``n`` distinct Bengali articles made from the sample, enough work for a run to be caught mid-way."""
    from khobor.data import sample_dir

    texts = [p.read_text(encoding="utf-8") for p in sorted(sample_dir().glob("*.bn.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "bulk.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            body = f"প্রতিবেদন {i}। " + texts[i % len(texts)] + f"\nসূত্র {i * 7919 % 10007}।"
            fh.write(json.dumps({"id": f"a{i}", "text": body}, ensure_ascii=False) + "\n")
    return folder
