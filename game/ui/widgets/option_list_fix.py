"""A guard for Textual 8.2's OptionList, applied once when the app is imported.

Page up or page down that arrives before a list has laid out its lines (a held key, or keys typed
as a screen opens) raises KeyError in OptionList._move_page, which ends the game. The monkey test
found it in the scene picker, the theatre and the command palette. Until Textual fixes it, such
a key is ignored: the list is not on screen yet, so there is nothing to page through.
"""

from __future__ import annotations

from textual.widgets import OptionList

_move_page = OptionList._move_page


def _move_page_when_laid_out(self: OptionList, direction: int) -> None:
    if (self.highlighted or 0) not in self._index_to_line:
        return
    _move_page(self, direction)


def apply() -> None:
    OptionList._move_page = _move_page_when_laid_out  # type: ignore[method-assign]
