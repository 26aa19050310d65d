"""Pausing Python's cyclic garbage collector around work that builds many objects and no cycles.

Reading a large scene file, or exploring a scene's states, makes hundreds of thousands of small
lists, dicts and tuples. The collector would walk all of them again every few thousand
allocations, so the cost would grow faster than the work. Nothing made there refers back to
itself, so reference counting frees it all; the collector is switched back on afterwards.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
