"""The list of choices on the play screen, which keeps its height while the choices change.

A list that fitted its height to every set of choices made each keypress lay out the whole screen
again, and the transcript above it jump. This list grows to the tallest set of choices shown so far
at this width (up to its max-height, past which it scrolls) and then keeps that height, so new
choices only repaint the list itself. A change of width fits it afresh.
"""

from __future__ import annotations

from typing import Iterable

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class ChoiceList(OptionList):
    # More lines than fit scroll inside the list; they never change the list's own size, so a new
    # set of choices needs no layout (a change of scrollbar still asks for one by itself).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._fitted_width = 0  # the width its height was fitted to
        self._rows = 0  # the tallest set of choices shown at that width, borders included

    def show_choices(self, options: Iterable[Option]) -> None:
        """Replace the choices in one go, highlight the first, and keep a height that fits them."""
        self.set_options(options)
        self.highlighted = 0 if self.option_count else None
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        width = self.scrollable_content_region.width
        if not width:
            return  # not laid out yet: its auto height fits the first choices
        if width != self._fitted_width:
            self._fitted_width, self._rows = width, 0
        rows = self.get_content_height(self.container_size, self.app.size, width) + self.styles.gutter.height
        if rows > self._rows:
            self._rows = rows
            self.styles.height = rows  # max-height still caps it; past that the list scrolls
