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

from game.ui.screens.opening import while_open

PauseChoice = Literal["resume", "feedback", "meters", "handoff", "restart", "scenes", "quit"]


class PauseScreen(ModalScreen[PauseChoice]):
    BINDINGS = [Binding("escape", "dismiss('resume')", "Resume", id="pause.resume")]

    def __init__(self, feedback_on: bool, handoff_on: bool | None = None, meters_on: bool = True) -> None:
        """``handoff_on`` is None when playing alone, so the handoff option is not offered."""
        super().__init__()
        self.feedback_on, self.handoff_on, self.meters_on = feedback_on, handoff_on, meters_on

    def compose(self) -> ComposeResult:
        feedback = "Turn feedback off (see it at the end)" if self.feedback_on else "Turn feedback on"
        with Vertical(classes="dialog"):
            yield Static(Content("Paused"), classes="question")
            meters = "Hide the meter line" if self.meters_on else "Show the meter line (closeness, harmony)"
            options = [Option("Resume", id="resume"), Option(feedback, id="feedback")]
            if self.handoff_on is not None:
                handoff = "off" if self.handoff_on else "on"
                options.append(Option(f"Turn the pass-the-keyboard screen {handoff}", id="handoff"))
            options += [
                Option("Start this scene again", id="restart"),
                Option("Back to scenes", id="scenes"),
                Option(meters, id="meters"),
                Option("Quit Pathways", id="quit"),
            ]
            yield OptionList(*options, id="pause-menu")

    @while_open
    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)  # type: ignore[arg-type]
