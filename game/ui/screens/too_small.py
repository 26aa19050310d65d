"""Shown over everything while the terminal is smaller than the game can lay out."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

from game.ui.screens.opening import while_open

MIN_WIDTH, MIN_HEIGHT = 40, 12


def too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmallScreen(ModalScreen[None]):
    BINDINGS = [Binding("q", "app.quit", "Quit", id="too-small.quit")]

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-text")

    @while_open
    def on_mount(self) -> None:
        self.show_size(self.app.size)

    def on_resize(self, event: events.Resize) -> None:
        if not too_small(event.size):
            if self.is_current:
                self.dismiss()
        else:
            self.show_size(event.size)

    def show_size(self, size: Size) -> None:
        self.query_one("#too-small-text", Static).update(Content(
            f"Make the window at least {MIN_WIDTH}×{MIN_HEIGHT} to play. It is {size.width}×{size.height} now."))
