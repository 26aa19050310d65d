"""The puppet on its stage: ASCII frames, the performed line and a stage direction.

The animation is a timer that swaps frames; it never waits on anything, so input is never
blocked. With reduced motion the puppet simply holds one pose.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from game.engine.puppets.cast import Puppet

PERFORMANCE = ("talking", "exaggerated", "talking", "exaggerated", "talking", "exaggerated", "idle")
TICK_SECONDS = 0.4


class PuppetStage(Horizontal):
    def __init__(self, puppet: Puppet, *, animate: bool, **kwargs) -> None:
        super().__init__(**kwargs)
        self.puppet = puppet
        self.animate = animate
        self._frames: list[str] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(self.puppet.frame("idle")), id="puppet-art")
        with Vertical(id="speech-box"):
            yield Static(Content(self.puppet.name), id="puppet-name")
            yield Static(Content(self.puppet.description), id="speech")
            yield Static(id="direction")

    def show_frame(self, name: str) -> None:
        self.query_one("#puppet-art", Static).update(Content(self.puppet.frame(name)))

    def perform(self, performed: str, direction: str) -> None:
        self.query_one("#speech", Static).update(Content(f"“{performed}”"))
        self.query_one("#direction", Static).update(Content(f"({self.puppet.name} {direction})" if direction else ""))
        self.play(PERFORMANCE if self.animate else ("talking",))

    def finish(self, frame: str, direction: str) -> None:
        self.query_one("#direction", Static).update(Content(f"({self.puppet.name} {direction})"))
        self.play((frame,))

    def play(self, frames: tuple[str, ...]) -> None:
        self.stop()
        self.show_frame(frames[0])
        self._frames = list(frames[1:])
        if self._frames:
            self._timer = self.set_interval(TICK_SECONDS, self._next_frame)

    def _next_frame(self) -> None:
        if not self._frames:
            self.stop()
            return
        self.show_frame(self._frames.pop(0))

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @property
    def is_animating(self) -> bool:
        return self._timer is not None
