"""Asks for the two people's names (or initials) before playing together."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from game.engine.play.seating import MARKERS, MAX_NAME
from game.ui.screens.opening import while_open
from game.ui.widgets.speech_view import NAME_ROOM

SHOWN_LETTERS = NAME_ROOM - 2  # the marker and its space come first


class NamesScreen(ModalScreen[tuple[str, str] | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="names.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content("Playing together on one keyboard"), classes="question")
            yield Static(Content(f"{MARKERS[0]} First person"))
            yield Input(placeholder="for example Ana", max_length=MAX_NAME, id="first-name")
            yield Static(Content(f"{MARKERS[1]} Second person"))
            yield Input(placeholder="for example Ben", max_length=MAX_NAME, id="second-name")
            yield Button(Content("Start (Enter)"), id="start", variant="primary")
            yield Static(Content("Names or initials. Each of you gets a marker, so turns are clear. "
                                 f"Names longer than {SHOWN_LETTERS} letters are shortened with … "
                                 "beside the lines you say."),
                         classes="note", id="names-note")

    @while_open
    def on_mount(self) -> None:
        self.query_one("#first-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "first-name":
            self.query_one("#second-name", Input).focus()
        else:
            self.finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.finish()

    def finish(self) -> None:
        first = self.query_one("#first-name", Input).value.strip()
        second = self.query_one("#second-name", Input).value.strip()
        if not first or not second:
            self.notify("Please enter a name or initial for each of you.", severity="warning")
            self.query_one("#first-name" if not first else "#second-name", Input).focus()
            return
        self.dismiss((first, second))
