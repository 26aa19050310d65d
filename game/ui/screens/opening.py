"""A guard for work a screen does as it opens."""

from __future__ import annotations

from functools import wraps
from typing import Callable, TypeVar

from textual.screen import Screen

Method = TypeVar("Method", bound=Callable[..., None])


def while_open(method: Method) -> Method:
    """Run ``method`` only while its screen is on the app's stack and the game is not quitting.

    Keys typed as fast as a held key repeats can close a screen, or quit the game, in the moment
    the screen opens. Textual still sends that screen Mount, with its widgets already half
    removed, so filling or focusing them would fail (found by the monkey test). A screen that is
    closing has nothing to show: skip."""

    @wraps(method)
    def guarded(screen: Screen, *args, **kwargs) -> None:
        app = screen.app
        if not app.quitting and screen in app.screen_stack:  # type: ignore[attr-defined]
            method(screen, *args, **kwargs)

    return guarded  # type: ignore[return-value]
