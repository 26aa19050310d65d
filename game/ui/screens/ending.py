"""The ending: the reflection, both meters, every score, and the traps, told gently."""

from __future__ import annotations

from typing import Iterator

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine.playthrough import Playthrough
from game.engine.scoring import PlaythroughSummary, harmony_without_closeness
from game.ui.widgets.charts import MeterBars, ScoreChart
from game.ui.widgets.transcript import feedback_content

APART_NOTE = (
    "Things ended calmer than they ended close. Smoothing a problem over can bring the peace "
    "back without bringing the two of you any nearer; that gap is what this game is about."
)
NO_TRAPS = "No traps this time."


class EndingScreen(Screen[None]):
    BINDINGS = [
        Binding("r", "play_again", "Play again", id="ending.again"),
        Binding("s,escape", "back_to_scenes", "Scenes", key_display="s", id="ending.scenes"),
        Binding("q", "app.quit", "Quit", id="ending.quit"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="ending.help"),
    ]

    def __init__(self, playthrough: Playthrough, show_review: bool) -> None:
        super().__init__()
        self.playthrough = playthrough
        self.show_review = show_review

    def compose(self) -> ComposeResult:
        ending = self.playthrough.node.ending
        assert ending is not None
        summary = self.playthrough.summary()
        with VerticalScroll(id="ending"):
            yield Static(Content.assemble(("Ending: ", "bold"), (ending.title, "bold")),
                         classes="screen-title", id="ending-title")
            yield Static(Content(ending.reflection), id="reflection")
            yield Static(Content("Meters"), classes="section-title")
            yield MeterBars(summary, id="meters")
            if harmony_without_closeness(summary):
                yield Static(Content(APART_NOTE), classes="note", id="apart-note")
            yield Static(Content("Traps"), classes="section-title")
            yield from self.trap_widgets(summary)
            yield Static(Content("Attitudes and skills"), classes="section-title")
            yield ScoreChart(summary, id="scores")
            if self.show_review:
                yield Static(Content("Looking back at your choices"), classes="section-title")
                for choice, feedback in self.playthrough.feedback_so_far():
                    yield Static(Content.assemble(("▸ ", "bold"), choice.text), classes="review-choice")
                    yield Static(feedback_content(feedback), classes="feedback")
        yield Footer()

    @staticmethod
    def trap_widgets(summary: PlaythroughSummary) -> Iterator[Static]:
        if not summary.traps:
            yield Static(Content(NO_TRAPS), id="no-traps")
        for item in summary.traps:
            times = f" (×{item.times})" if item.times > 1 else ""
            yield Static(Content.assemble(("△ ", "bold"), (item.trap.name, "bold"), times),
                         classes="trap-name")
            yield Static(Content(item.trap.gentle), classes="trap-gentle")

    def on_mount(self) -> None:
        self.query_one("#ending").focus()

    def action_play_again(self) -> None:
        self.app.replay_scene(self.playthrough.scene)

    def action_back_to_scenes(self) -> None:
        self.app.pop_screen()
