"""Offered when a scene was left in the middle: resume it, or start over."""

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

ResumeChoice = Literal["resume", "restart", "cancel"]


class ResumeScreen(ModalScreen[ResumeChoice]):
    BINDINGS = [
        Binding("r", "dismiss('resume')", "Resume", id="resume.resume"),
        Binding("s", "dismiss('restart')", "Start over", id="resume.restart"),
        Binding("escape", "dismiss('cancel')", "Cancel", id="resume.cancel"),
    ]

    def __init__(self, title: str, steps: int) -> None:
        super().__init__()
        self.scene_title, self.steps = title, steps

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(f"You left “{self.scene_title}” in the middle, after "
                                 f"{self.steps} step{'s' if self.steps != 1 else ''}."),
                         classes="question")
            yield OptionList(
                Option("Resume where you left off (r)", id="resume"),
                Option("Start over (s); the unfinished try is kept as an attempt", id="restart"),
                Option("Cancel (Escape)", id="cancel"),
                id="resume-menu",
            )

    @while_open
    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)  # type: ignore[arg-type]
