"""Playing a scene: the transcript, the choices, and feedback after each choice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.engine.playthrough import Playthrough
from game.engine.runner import CONTINUE_KEY, StoryError
from game.ui.screens.pause import PauseChoice, PauseScreen
from game.ui.widgets.transcript import Transcript

ENDING_OPTION = "see-ending"


def _number_bindings() -> list[Binding]:
    bindings = [Binding("1", "choose(1)", "Choose", key_display="1-9", id="play.choose")]
    bindings += [Binding(str(n), f"choose({n})", show=False) for n in range(2, 10)]
    return bindings


class PlayScreen(Screen[None]):
    BINDINGS = [
        *_number_bindings(),
        Binding("f", "toggle_feedback", "Feedback", id="play.feedback",
                tooltip="Show feedback after each choice, or only at the end"),
        Binding("escape", "pause", "Pause", id="play.pause"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="play.help"),
    ]

    def __init__(self, playthrough: Playthrough) -> None:
        super().__init__()
        self.playthrough = playthrough

    @property
    def scene(self):
        return self.playthrough.scene

    def compose(self) -> ComposeResult:
        with Vertical(id="play"):
            yield Static(id="play-header")
            yield Transcript(self.scene, id="transcript")
            yield OptionList(id="choices")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "show_feedback", self.update_header)
        self.show_node()

    def update_header(self, feedback_on: bool) -> None:
        feedback = "feedback after each choice" if feedback_on else "feedback at the end"
        self.query_one("#play-header", Static).update(
            Content.assemble((self.scene.title, "bold"), f"  ·  {feedback} (f)"))

    # -- showing the scene ------------------------------------------------------------------

    def show_node(self) -> None:
        transcript = self.query_one(Transcript)
        for line in self.playthrough.lines():
            transcript.add_line(line)
        self.show_choices()
        transcript.follow()

    def show_choices(self) -> None:
        options = self.query_one("#choices", OptionList)
        options.clear_options()
        if self.playthrough.is_over:
            options.add_option(Option(Content("1. See how it went"), id=ENDING_OPTION))
        else:
            choices = self.playthrough.choices()
            if not choices:
                self.query_one(Transcript).add_note(
                    "This scene has no way on from here. That is a mistake in the scene file; "
                    "press Escape to leave.")
            for number, choice in enumerate(choices, start=1):
                options.add_option(Option(
                    Content.assemble((f"{number}. ", "bold"), choice.text), id=choice.key))
        options.highlighted = 0 if options.option_count else None
        options.focus()

    # -- choosing ---------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.take(event.option.id or "")

    def action_choose(self, number: int) -> None:
        options = self.query_one("#choices", OptionList)
        if 1 <= number <= options.option_count:
            self.take(options.get_option_at_index(number - 1).id or "")

    def take(self, key: str) -> None:
        if key == ENDING_OPTION:
            self.app.show_ending(self.playthrough)
            return
        if self.playthrough.is_over:
            return
        chooser = self.scene.chooser(self.playthrough.node)
        transcript = self.query_one(Transcript)
        try:
            choice = self.playthrough.choose(key)
        except StoryError as exc:
            transcript.add_note(f"This scene cannot go on ({exc}). That is a mistake in the "
                                "scene file; press Escape to leave.")
            transcript.follow()
            return
        if choice.key != CONTINUE_KEY:
            transcript.add_speech(chooser, choice.text, chosen=True)
            if self.app.show_feedback:
                transcript.add_feedback(self.playthrough.feedback(choice))
        self.show_node()

    # -- pause and settings -----------------------------------------------------------------

    def action_toggle_feedback(self) -> None:
        self.app.show_feedback = not self.app.show_feedback
        when = "after each choice" if self.app.show_feedback else "only at the end"
        self.notify(f"Feedback is now shown {when}.", timeout=3)

    def action_pause(self) -> None:
        self.app.push_screen(PauseScreen(self.app.show_feedback), self.after_pause)

    def after_pause(self, choice: PauseChoice | None) -> None:
        if choice == "feedback":
            self.action_toggle_feedback()
        elif choice == "restart":
            self.playthrough.restart()
            self.query_one(Transcript).clear()
            self.show_node()
        elif choice == "scenes":
            self.app.pop_screen()
        elif choice == "quit":
            self.app.exit()
