"""Asks where to save the transcript, offering a name in the documents folder."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from game.ui.screens.opening import while_open


class SaveTranscriptScreen(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="transcript.cancel")]

    def __init__(self, suggested: Path) -> None:
        super().__init__()
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide-input"):
            yield Static(Content("Save the playthrough as Markdown"), classes="question")
            yield Input(str(self.suggested), id="transcript-path")
            yield Static(Content(""), id="transcript-problem", classes="note")
            yield Static(Content("The lines, the choices, the feedback, the meters and scores. "
                                 "Edit the file name if you like."), classes="note")
            with Horizontal(classes="buttons"):
                yield Button(Content("Save (Enter)"), id="save", variant="primary")
                yield Button(Content("Cancel (Esc)"), id="cancel")

    @while_open
    def on_mount(self) -> None:
        self.query_one("#transcript-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.finish()
        else:
            self.dismiss(None)

    def finish(self) -> None:
        typed = self.query_one("#transcript-path", Input).value.strip()
        if not typed:
            self.show_problem("Please type a file name.")
            return
        path = Path(typed).expanduser()
        if path.exists():
            self.show_problem(f"{path} exists already. Choose another name.")
            return
        self.dismiss(path)

    def show_problem(self, message: str) -> None:
        problem = self.query_one("#transcript-problem", Static)
        problem.update(Content(message))
        problem.add_class("shown")
