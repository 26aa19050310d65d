"""A guard for Textual 8.2's Screen.dismiss, applied once when the app is imported.

A screen dismissed twice before it has left the stack (Escape pressed twice as fast as a key
repeats) sets its result twice, and asyncio raises InvalidStateError, which ends the game. The
monkey test found it. The second dismiss is ignored: the screen is already on its way out.
"""

from __future__ import annotations

from textual.await_complete import AwaitComplete
from textual.screen import Screen

_dismiss = Screen.dismiss


def _dismiss_once(self: Screen, result=None) -> AwaitComplete:
    if getattr(self, "_pathways_dismissed", False):
        return AwaitComplete.nothing()
    leaving = _dismiss(self, result)
    self._pathways_dismissed = True  # only once it really is on its way out
    return leaving


def apply() -> None:
    Screen.dismiss = _dismiss_once  # type: ignore[method-assign]
