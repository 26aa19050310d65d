"""When Python's cyclic garbage collector runs while a scene is played: after a frame, not in a key.

The collector walks the objects it tracks every few hundred allocations, and a keypress makes
thousands: the young generations cost about half a millisecond a key, and now and then a full walk
took 5 ms, all before the screen could answer. While the play screen is in front, automatic
collection is off, and the young generations are collected just after each step is on the screen,
while the player reads. What exists when the scene opens is frozen out of the collector's sight (it
lives as long as the scene), and everything is given back when the screen closes. On any other
screen (pause, theatre, quit…) the collector runs as usual.
"""

from __future__ import annotations

import gc

FULL_EVERY = 10  # young collections between full ones (Python's default third threshold)


def scene_opened() -> None:
    gc.freeze()
    gc.disable()


def in_front() -> None:
    gc.disable()


def behind() -> None:
    gc.enable()


def after_frame() -> None:
    """The step is on the screen: collect what it left, with the collector still held off. Like
    Python's own collector, every tenth time it also walks the oldest generation."""
    gc.collect(2 if gc.get_count()[2] >= FULL_EVERY else 1)


def scene_closed() -> None:
    gc.enable()
    gc.unfreeze()
