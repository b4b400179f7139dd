"""Giving the C heap's free memory back to the system between batches.

glibc's ``malloc`` keeps memory that was freed inside its heap: after a batch whose parses needed a few hundred MB
for a moment (spaCy's and thinc's arrays, the pieces of a long body), that memory stays resident, free but held,
pinned by small allocations made after it. Over a long run the resident size then follows the largest burst so
far rather than what is in use. ``malloc_trim(0)`` returns every free page of the heap to the system
(``madvise``), and costs a few milliseconds per batch. Where there is no glibc (macOS, musl) nothing is done.
"""

from __future__ import annotations

import ctypes
from functools import cache
from typing import Any

__all__ = ["release_free_memory"]


@cache
def _malloc_trim() -> Any:
    try:
        trim = ctypes.CDLL(None).malloc_trim  # glibc only
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_memory() -> bool:
    """Return the C heap's free pages to the system; True when some memory was released."""
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False
