"""The ending: the reflection, both meters, every score, and the traps, told gently."""

from __future__ import annotations

from typing import Iterator

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine.author.graph import shorten
from game.engine.play.scoring import PlaythroughSummary
from game.engine.play.suggest import TurningPoint, find_turning_point
from game.records import Attempt
from game.session import Session
from game.ui.screens.opening import while_open
from game.ui.screens.screen_css import screen_css
from game.ui.transcript_export import export_allowed, save_transcript
from game.ui.widgets.charts import ScoreChart, signed
from game.ui.widgets.ending_parts import ending_title, meters
from game.ui.widgets.notice_line import HasNoticeLine, NoticeLine
from game.ui.widgets.transcript import feedback_content

NO_TRAPS = "No traps this time."


def turning_point_text(point: TurningPoint | None) -> Content:
    if point is None:
        return Content("Every choice you made kept the closest ending within reach.")
    return Content.assemble(
        "The choice that mattered most for closeness: instead of ",
        (f"“{shorten(point.taken.text, 60)}”", "italic"), ", answering ",
        (f"“{shorten(point.instead.text, 60)}”", "italic"),
        f" could have reached closeness {signed(point.closeness_instead)}. ",
        ("Press t to go back there.", "bold"),
    )


class EndingScreen(HasNoticeLine, Screen[None]):
    DEFAULT_CSS = screen_css("ending.tcss")  # parsed when this screen first opens
    SCOPED_CSS = False  # its rules name their own ids; some begin at Screen.-narrow
    BINDINGS = [
        Binding("r", "play_again", "Play again", id="ending.again"),
        # Scenes and Quit come early, so that a narrow footer keeps them
        Binding("s,escape", "back_to_scenes", "Scenes", key_display="s", id="ending.scenes"),
        Binding("q", "app.quit", "Quit", id="ending.quit"),
        Binding("t", "try_different", "Try another", id="ending.try",
                tooltip="Go back to the choice that mattered most for closeness"),
        Binding("c", "compare", "Compare", id="ending.compare",
                tooltip="This attempt and another, side by side"),
        Binding("m", "branch_map", "Map", id="ending.map"),
        Binding("e", "save_transcript", "Save transcript", id="ending.transcript",
                tooltip="Keep this playthrough as a Markdown file"),
        Binding("g", "app.progress", "Progress", id="ending.progress", show=False,
                tooltip="How each attitude and skill has moved over your attempts"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="ending.help", show=False),
    ]

    def __init__(self, session: Session, attempt: Attempt | None, show_review: bool) -> None:
        super().__init__()
        self.session = session
        self.playthrough = session.playthrough
        self.attempt = attempt
        self.show_review = show_review
        self.turning_point: TurningPoint | None = None

    def compose(self) -> ComposeResult:
        ending = self.playthrough.node.ending
        assert ending is not None
        summary = self.playthrough.summary()
        yield NoticeLine()
        with VerticalScroll(id="ending"):
            yield from ending_title(ending)
            yield Static(Content("Looking for the choice that mattered most…"), id="turning-point")
            yield from meters(summary, "Meters")
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

    @while_open
    def on_mount(self) -> None:
        self.query_one("#ending").focus()
        self.find_turning_point()

    @work(thread=True, exclusive=True)
    def find_turning_point(self) -> None:
        point = find_turning_point(self.playthrough.scene, list(self.playthrough.states))
        self.app.call_from_thread(self.show_turning_point, point)

    def show_turning_point(self, point: TurningPoint | None) -> None:
        self.turning_point = point
        for shown in self.query("#turning-point").results(Static):  # gone if the screen has closed
            shown.update(turning_point_text(point))

    def action_try_different(self) -> None:
        if self.turning_point is None:
            self.notify("Every choice kept the closest ending within reach. Try r to play again.")
            return
        self.app.rewind_session(self.session, self.turning_point.index)

    def action_compare(self) -> None:
        self.app.compare_attempts(self.session.scene, self.attempt)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "save_transcript" or export_allowed(self.app)

    def action_save_transcript(self) -> None:
        save_transcript(self.app, self.session)

    def action_branch_map(self) -> None:
        self.app.open_branch_map(self.session)

    def action_play_again(self) -> None:
        self.app.replay_scene(self.playthrough.scene, self.session.seating)

    def action_back_to_scenes(self) -> None:
        self.app.back_to_scenes()
