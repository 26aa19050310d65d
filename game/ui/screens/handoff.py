"""Between turns: pass the keyboard to the other person."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HandoffScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("enter,space", "dismiss(None)", "Ready", key_display="Enter", id="handoff.ready"),
    ]

    def __init__(self, label: str, role_name: str | None, cast: str = "") -> None:
        """``cast`` is set at the start of a scene: who plays whom, and who goes first."""
        super().__init__()
        self.label, self.role_name, self.cast = label, role_name, cast

    def compose(self) -> ComposeResult:
        playing = f"You are playing {self.role_name}. " if self.role_name else ""
        heading = (Content.assemble((self.label, "bold"), " goes first") if self.cast
                   else Content.assemble("Pass the keyboard to ", (self.label, "bold")))
        with Vertical(classes="dialog handoff"):
            yield Static(heading, classes="question", id="handoff-to")
            if self.cast:
                yield Static(Content(self.cast), id="handoff-cast")
            yield Static(Content(f"{playing}Press Enter when you are ready."))
            yield Static(Content("This screen can be turned off in the pause menu (Escape)."),
                         classes="note")
