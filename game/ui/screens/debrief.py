"""The shared debrief after playing together: both charts, a good moment each, and prompts."""

from __future__ import annotations

from typing import Iterator

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine.author.graph import shorten
from game.engine.play.debrief import closeness_highlights, debrief_prompts, prompt_book
from game.records import Attempt
from game.session import Session
from game.ui.screens.opening import while_open
from game.ui.screens.screen_css import screen_css
from game.ui.transcript_export import export_allowed, save_transcript
from game.ui.widgets.charts import ScoreChart
from game.ui.widgets.ending_parts import ending_title, meters
from game.ui.widgets.notice_line import HasNoticeLine, NoticeLine


class DebriefScreen(HasNoticeLine, Screen[None]):
    DEFAULT_CSS = screen_css("debrief.tcss")  # parsed when this screen first opens
    SCOPED_CSS = False  # its rules name their own ids; some begin at Screen.-narrow
    BINDINGS = [
        Binding("w", "swap", "Swap roles", id="debrief.swap",
                tooltip="Play the scene again with your roles exchanged"),
        Binding("r", "play_again", "Again", id="debrief.again"),
        # Scenes and Quit come early, so that a narrow footer keeps them
        Binding("s,escape", "back_to_scenes", "Scenes", key_display="s", id="debrief.scenes"),
        Binding("q", "app.quit", "Quit", id="debrief.quit"),
        Binding("c", "compare", "Compare", id="debrief.compare"),
        Binding("m", "branch_map", "Map", id="debrief.map"),
        Binding("e", "save_transcript", "Save transcript", id="debrief.transcript",
                tooltip="Keep this playthrough as a Markdown file"),
        Binding("g", "app.progress", "Progress", id="debrief.progress", show=False,
                tooltip="How each attitude and skill has moved over your attempts"),
    ]

    def __init__(self, session: Session, attempt: Attempt | None) -> None:
        super().__init__()
        self.session, self.attempt = session, attempt
        self.playthrough = session.playthrough

    def compose(self) -> ComposeResult:
        ending = self.playthrough.node.ending
        assert ending is not None
        shared = self.playthrough.summary()
        yield NoticeLine()
        with VerticalScroll(id="debrief"):
            yield from ending_title(ending)
            yield from meters(shared, "Your shared meters")
            yield Static(Content("Each of you"), classes="section-title")
            with Horizontal(id="both-charts"):
                for seat in self.session.seating.seats:
                    with Vertical(classes="person"):
                        yield Static(Content(self.person_title(seat)), classes="person-name")
                        yield ScoreChart(self.playthrough.summary(seat.player), compact=True)
            yield Static(Content("A moment that brought you closer"), classes="section-title")
            yield from self.highlights()
            yield Static(Content("To talk about, if you both want to"), classes="section-title")
            for number, prompt in enumerate(debrief_prompts(self.session.scene), start=1):
                yield Static(Content(f"{number}. {prompt}"), classes="prompt")
            yield Static(Content(prompt_book().safety_note), classes="note", id="safety-note")
        yield Footer()

    def person_title(self, seat) -> str:
        role = self.session.seating.role_of(seat.player)
        traps = len(self.playthrough.state.traps_of(seat.player))
        as_role = f" as {self.session.scene.roles[role].name}" if role else ""
        return f"{shorten(seat.label, 14)}{as_role} · traps: {traps}"

    def highlights(self) -> Iterator[Static]:
        seating = self.session.seating
        found = closeness_highlights(self.session.scene, self.playthrough.states, seating.players)
        for seat in seating.seats:
            highlight = found.get(seat.player)
            if highlight is None:
                text = Content.assemble((seat.label, "bold"), ": no single choice moved closeness this time.")
            else:
                text = Content.assemble((seat.label, "bold"), ": “", highlight.choice.text,
                                        f"” (closeness +{highlight.closeness})")
            yield Static(text, classes="highlight")

    @while_open
    def on_mount(self) -> None:
        self.query_one("#debrief").focus()

    def action_swap(self) -> None:
        self.app.replay_scene(self.session.scene, self.session.seating.swapped())

    def action_play_again(self) -> None:
        self.app.replay_scene(self.session.scene, self.session.seating)

    def action_compare(self) -> None:
        self.app.compare_attempts(self.session.scene, self.attempt)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "save_transcript" or export_allowed(self.app)

    def action_save_transcript(self) -> None:
        save_transcript(self.app, self.session)

    def action_branch_map(self) -> None:
        self.app.open_branch_map(self.session)

    def action_back_to_scenes(self) -> None:
        self.app.back_to_scenes()
