"""The run's process keeps large blocks off glibc's heap (see ``pipeline.keep_large_blocks_off_the_heap``)."""
from __future__ import annotations

import platform
import subprocess
import sys

import pytest

# In a fresh process: free a 1 MB block (glibc then raises its threshold above it), trim the heap,
# and see whether a 900 KB block gets pages of its own.
PROBE = """
import ctypes, sys
class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL("libc.so.6"); libc.mallinfo2.restype = MallInfo2
from khobor.flows import pipeline
if sys.argv[1] == "kept":
    pipeline.keep_large_blocks_off_the_heap()
first = bytearray(1 << 20); del first
libc.malloc_trim(0)
before = libc.mallinfo2().hblkhd
block = bytearray(900 * 1024)
print(libc.mallinfo2().hblkhd - before)
"""


def _mapped_by_a_block(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1])


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_a_batch_sized_block_gets_pages_of_its_own():
    assert _mapped_by_a_block("kept") >= 900 * 1024
    assert _mapped_by_a_block("glibc default") == 0  # what the run's heap did before
