"""The pause menu during a scene. It answers with what the player wants to do next."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

PauseChoice = Literal["resume", "feedback", "restart", "scenes", "quit"]


class PauseScreen(ModalScreen[PauseChoice]):
    BINDINGS = [Binding("escape", "dismiss('resume')", "Resume", id="pause.resume")]

    def __init__(self, feedback_on: bool) -> None:
        super().__init__()
        self.feedback_on = feedback_on

    def compose(self) -> ComposeResult:
        feedback = "Turn feedback off (see it at the end)" if self.feedback_on else "Turn feedback on"
        with Vertical(classes="dialog"):
            yield Static(Content("Paused"), classes="question")
            yield OptionList(
                Option("Resume", id="resume"),
                Option(feedback, id="feedback"),
                Option("Start this scene again", id="restart"),
                Option("Back to scenes", id="scenes"),
                Option("Quit Pathways", id="quit"),
                id="pause-menu",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)  # type: ignore[arg-type]
