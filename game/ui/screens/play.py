"""Playing a scene: the transcript, the choices, feedback, rewind and the history panel."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.engine.play.runner import CONTINUE_KEY, StoryError
from game.engine.play.voice import both_roles_note, voice
from game.engine.puppets.cast import default_puppets
from game.session import Session
from game.ui.screens import collector
from game.ui.screens.handoff import HandoffScreen
from game.ui.screens.opening import while_open
from game.ui.screens.pause import PauseChoice, PauseScreen
from game.ui.screens.screen_css import screen_css
from game.ui.screens.theatre import Cast, TheatreScreen
from game.ui.widgets.charts import meter_line
from game.ui.widgets.choice_list import ChoiceList
from game.ui.widgets.history import HistoryPanel
from game.ui.widgets.notice_line import HasNoticeLine, NoticeLine
from game.ui.widgets.transcript import Transcript

ENDING_OPTION = "see-ending"
THEATRE_OPTION = "open-theatre"
HANDOFF_OPTION = "pass-keyboard"


def _number_bindings() -> list[Binding]:
    # Priority: the screen answers a digit at once, rather than after the key has been offered to
    # the focused list and every container above it (no widget on this screen takes digits).
    bindings = [Binding("1", "choose(1)", "Choose", key_display="1-9", id="play.choose", priority=True)]
    bindings += [Binding(str(n), f"choose({n})", show=False, priority=True) for n in range(2, 10)]
    return bindings


class PlayScreen(HasNoticeLine, Screen[None]):
    DEFAULT_CSS = screen_css("play.tcss")  # parsed when this screen first opens
    SCOPED_CSS = False  # its rules name their own ids; some begin at Screen.-narrow
    BINDINGS = [
        *_number_bindings(),
        Binding("b,ctrl+z", "rewind", "Back", key_display="b", id="play.rewind", priority=True,
                tooltip="Go back one choice; what you had played is kept as an attempt"),
        Binding("h", "toggle_history", "History", id="play.history",
                tooltip="Every line and choice so far; pick a choice to return to it"),
        Binding("m", "branch_map", "Map", id="play.map", tooltip="The scene's branch map"),
        Binding("f", "toggle_feedback", "Feedback", id="play.feedback",
                tooltip="Show feedback after each choice, or only at the end"),
        Binding("escape", "pause", "Pause", id="play.pause"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="play.help"),
        Binding("g", "app.progress", "Progress", id="play.progress", show=False,
                tooltip="How each attitude and skill has moved over your attempts"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.introduced = False  # together: who plays whom is shown once, at the start
        self.just_chose = False
        self.pending_handoff: HandoffScreen | None = None  # shown once the chooser has read on
        self.unsaved: str | None = None  # "step" or "place": shown on screen, saved just after
        self.shown = False  # keys typed before the transcript is on screen are ignored
        # how many transcript entries came before each state's lines: going back to a state keeps
        # those and shows the state again, rather than building the whole transcript anew
        self.entries_before: dict[int, int] = {}
        self.rebuild_on_return = False  # the transcript has entries a rebuild would not make

    @property
    def playthrough(self):
        return self.session.playthrough

    @property
    def scene(self):
        return self.session.scene

    def compose(self) -> ComposeResult:
        with Vertical(id="play"):
            yield Static(id="play-header")
            yield NoticeLine(id="notice")
            with Horizontal(id="play-body"):
                yield Transcript(self.scene, id="transcript")
                yield HistoryPanel(id="history", classes="hidden")
            yield Static(id="file-errors", classes="hidden")
            yield Static(id="turn")
            yield ChoiceList(id="choices")
        yield Footer()

    @while_open
    def on_mount(self) -> None:
        self.watch(self.app, "show_feedback", self.update_header)
        self.watch(self.app, "show_feedback", self.rebuild_when_going_back, init=False)
        self.watch(self.app, "meter_line", self.show_meters)
        self.show_everything()
        self.shown = True
        collector.scene_opened()  # the collector waits for the frames (see its module)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key typed before the screen has shown anything (found by the monkey test: a rewind
        then tried to fill a transcript that was not mounted yet) waits for nothing: it is dropped."""
        return self.shown

    def show_meters(self, shown: bool | None = None) -> None:
        """The compact meter line, on the choices' bottom border: it costs no row."""
        options = self.query_one("#choices", ChoiceList)
        if not self.app.meter_line:
            options.set_subtitle(None)
            return
        states = self.playthrough.states
        before = states[-2].meters if len(states) > 1 else states[-1].meters
        options.set_subtitle(meter_line(self.app.catalogue.meters, states[-1].meters, before))

    def show_notice(self, message: Content, title: str, severity: str, timeout: float) -> None:
        """Notices go in a line of their own above the transcript, never over the choices."""
        super().show_notice(message, title, severity, timeout)
        self.query_one(Transcript).follow()

    def update_header(self, feedback_on: bool) -> None:
        feedback = "feedback after each choice" if feedback_on else "feedback at the end"
        self.query_one("#play-header", Static).update(
            Content.assemble((self.scene.title, "bold"), f"  ·  {feedback} (f)"))

    # -- showing the scene ------------------------------------------------------------------

    def rebuild_when_going_back(self) -> None:
        """Entries already shown follow the feedback setting of their time (and a note that the
        scene cannot go on belongs to no state): going back next builds the transcript anew."""
        self.rebuild_on_return = True

    def show_from(self, index: int) -> None:
        """Show the current state again after going back to it: keep what came before it."""
        if self.rebuild_on_return or index not in self.entries_before:
            self.show_everything()
            return
        self.pending_handoff = None
        self.query_one(Transcript).keep_first(self.entries_before[index])
        self.show_current()

    def show_everything(self) -> None:
        """Rebuild the transcript from the first state, as after a resume or a reload."""
        self.pending_handoff = None
        self.entries_before.clear()
        self.rebuild_on_return = False
        transcript = self.query_one(Transcript)
        transcript.clear()
        note = None if self.session.seating.is_together else both_roles_note(self.scene)
        if note:
            transcript.add_note(note)
        for index in range(len(self.playthrough.states) - 1):
            self.show_lines(index)
            choice = self.playthrough.choice_at(index)
            if choice is not None:
                step = self.playthrough.states[index + 1].path[-1]
                self.show_choice_taken(choice, self.playthrough.states[index], step.player)
        self.show_current()

    def show_lines(self, index: int) -> None:
        transcript = self.query_one(Transcript)
        self.entries_before[index] = len(transcript.entries)
        for line in self.playthrough.lines_at(index):
            transcript.add_line(line)

    def show_choice_taken(self, choice, state_before, player: str) -> None:
        transcript = self.query_one(Transcript)
        role = self.scene.chooser(self.scene.nodes[state_before.node])
        seating = self.session.seating
        seat = seating.seat(player) if seating.is_together else None
        transcript.add_speech(role, choice.text, chosen=True, marker=seat.marker if seat else "",
                              who=seat.name if seat and not seating.roles else "")
        if self.app.show_feedback:
            transcript.add_feedback(self.playthrough.feedback(choice), to=seat.label if seat else "")

    def show_current(self) -> None:
        self.show_lines(len(self.playthrough.states) - 1)
        self.show_turn()
        self.show_choices()
        self.show_meters()
        history = self.query_one(HistoryPanel)
        if not history.has_class("hidden"):  # a hidden panel is filled when it opens
            history.show(self.playthrough)
        self.query_one(Transcript).follow()

    def show_choices(self) -> None:
        options = self.query_one("#choices", ChoiceList)
        options.set_title(self.voice_title())
        if self.pending_handoff is not None:
            shown = [Option(Content.assemble(
                ("1. Go on: ", "bold"), "pass the keyboard to ", (self.pending_handoff.label, "bold")),
                id=HANDOFF_OPTION)]
        elif self.playthrough.is_over:
            shown = [Option(Content("1. See how it went"), id=ENDING_OPTION)]
        elif self.playthrough.node.puppet is not None:
            shown = [Option(Content("1. Step into the puppet theatre"), id=THEATRE_OPTION)]
        else:
            choices = self.playthrough.choices()
            if not choices:
                self.query_one(Transcript).add_note(
                    "This scene has no way on from here. That is a mistake in the scene file; "
                    "press b to go back or Escape to leave.")
            shown = [Option(Content.assemble((f"{number}. ", "bold"), choice.text), id=choice.key)
                     for number, choice in enumerate(choices, start=1)]
        options.show_choices(shown)  # in one go: one measuring of the list, not one per option
        if not options.has_focus:
            options.focus()

    def voice_title(self) -> Content | None:
        """Above the choices: whose words they are, and, when two play, whose turn it is."""
        if self.pending_handoff is not None or self.playthrough.node.kind != "choice":
            return None
        role = voice(self.scene, self.playthrough.node)
        seating = self.session.seating
        if seating.is_together:
            seat = seating.seat(self.session.player_now())
            as_role = f", as {role}" if role else ""
            return Content.assemble((seat.label, "bold"), f"'s turn{as_role}")
        return Content.assemble(("As ", "bold"), (role, "bold"), ":") if role else None

    def show_turn(self) -> None:
        """Together: say clearly who chooses now, and hand the keyboard over when that changes."""
        turn = self.query_one("#turn", Static)
        seating = self.session.seating
        if not seating.is_together or self.playthrough.node.kind != "choice":
            turn.set_classes("hidden")  # nothing to choose: no turn, no handoff
            return
        player = self.session.player_now()
        seat = seating.seat(player)
        role = seating.role_of(player)
        turn.update(self.turn_text())
        turn.set_classes(f"turn-{seat.player}")
        role_name = self.scene.roles[role].name if role else None
        made = [step for step in self.playthrough.state.path if step.choice != CONTINUE_KEY]
        if not made and not self.introduced:
            self.introduced = True
            self.app.push_screen(HandoffScreen(seat.label, role_name, self.cast_text()))
        elif self.app.handoff_screen and made and made[-1].player != player:
            handoff = HandoffScreen(seat.label, role_name)
            if self.just_chose and self.app.show_feedback:
                self.pending_handoff = handoff  # the chooser reads their feedback first
                turn.update(Content("Read your feedback, then press Enter to go on."))
            else:
                self.app.push_screen(handoff)

    def turn_text(self) -> Content:
        seating = self.session.seating
        seat = seating.seat(self.session.player_now())
        role = seating.role_of(seat.player)
        as_role = f" (as {self.scene.roles[role].name})" if role else ""
        return Content.assemble(("Your turn: ", "bold"), (seat.label, "bold"), as_role)

    def cast_text(self) -> str:
        seating = self.session.seating
        if not seating.roles:
            return f"{' and '.join(s.label for s in seating.seats)} take turns, one choice each."
        parts = [f"{seating.seat(p).label} plays {self.scene.roles[r].name}" for r, p in seating.roles.items()]
        return "; ".join(parts) + "."

    # -- choosing ---------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "history":
            self.rewind_to(int(event.option.id or 0))

    def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        """A choice picked with Enter or a click arrives as a message; a key acted on at once (a
        rewind) may have changed the choices meanwhile. A choice no longer shown is dropped, or
        "See how it went" would open the ending of a scene no longer at its end (found by the
        long monkey test)."""
        event.stop()
        if event.choice_list.is_showing(event.option):
            self.take(event.option.id or "")

    def action_choose(self, number: int) -> None:
        options = self.query_one("#choices", ChoiceList)
        if 1 <= number <= options.option_count:
            self.take(options.get_option_at_index(number - 1).id or "")

    def keep_step(self) -> None:
        """Save the last choice or rewind. It runs just after the screen shows it, and before
        anything else reads or changes the records, so the player sees it without waiting."""
        unsaved, self.unsaved = self.unsaved, None
        if unsaved == "step":
            self.session.after_step()
        elif unsaved == "place":
            self.session.save()

    def after_frame(self) -> None:
        """The step is on the screen; what is left to do is done now, while the player reads."""
        self.keep_step()
        collector.after_frame()
        if self.is_active:
            collector.in_front()  # even if start-up turned the collector on after this opened

    def on_unmount(self) -> None:
        self.keep_step()
        collector.scene_closed()

    def on_screen_suspend(self) -> None:
        self.keep_step()  # another screen opens on top (quit, progress, theatre…): save first
        collector.behind()

    def on_screen_resume(self) -> None:
        if self.shown:
            collector.in_front()

    def take(self, key: str) -> None:
        self.keep_step()
        if key == HANDOFF_OPTION and self.pending_handoff is not None:
            handoff, self.pending_handoff = self.pending_handoff, None
            self.app.push_screen(handoff)
            self.show_turn_after_handoff(handoff)
            return
        if key == ENDING_OPTION:
            self.app.show_ending(self.session, self.session.recorded[-1] if self.session.recorded else None)
            return
        if key == THEATRE_OPTION:
            self.open_interlude()
            return
        if self.playthrough.is_over:
            return
        before = self.playthrough.state
        player = self.session.player_now()
        try:
            choice = self.playthrough.choose(key, player)
        except StoryError as exc:
            self.query_one(Transcript).add_note(
                f"This scene cannot go on ({exc}). That is a mistake in the scene file; "
                "press b to go back or Escape to leave.")
            self.rebuild_when_going_back()
            return
        self.unsaved = "step"
        if choice.key != CONTINUE_KEY:
            self.show_choice_taken(choice, before, player)
        self.just_chose = True
        try:
            self.show_current()
        finally:
            self.just_chose = False
        self.call_after_refresh(self.after_frame)

    def show_turn_after_handoff(self, handoff: HandoffScreen) -> None:
        self.query_one("#turn", Static).update(self.turn_text())
        self.show_choices()

    def open_interlude(self) -> None:
        """A puppet interlude: the person choosing now answers; when two play, the other voices it."""
        cue = self.playthrough.node.puppet
        puppet = default_puppets().puppets.get(cue.puppet) if cue else None
        if cue is None or puppet is None:
            return
        cast = Cast()
        seating = self.session.seating
        if seating.is_together:
            answerer = seating.seat(self.session.player_now())
            cast = Cast(next(s for s in seating.seats if s.player != answerer.player), answerer)
        self.app.push_screen(TheatreScreen(puppet, cue.line, cast),
                             lambda answer: self.take(answer) if answer else None)

    # -- going back -------------------------------------------------------------------------

    def action_rewind(self) -> None:
        self.keep_step()
        if self.playthrough.rewind_one_choice():
            self.after_rewind("Back one choice. Choose again; what you had played is kept.")
        else:
            self.notify("There is no choice to go back to yet.", timeout=3)

    def rewind_to(self, index: int) -> None:
        self.keep_step()
        self.playthrough.rewind_to(index)
        self.after_rewind("Back to that moment. Choose again; what you had played is kept.")

    def after_rewind(self, message: str) -> None:
        self.unsaved = "place"
        self.show_from(len(self.playthrough.states) - 1)
        self.notify(message, timeout=3)
        self.call_after_refresh(self.after_frame)

    def action_toggle_history(self) -> None:
        history = self.query_one(HistoryPanel)
        history.toggle_class("hidden")
        # on a narrow terminal the history takes the transcript's place instead of squeezing it
        self.query_one(Transcript).set_class(not history.has_class("hidden"), "behind-history")
        if history.has_class("hidden"):
            self.query_one("#choices").focus()
        else:
            history.show(self.playthrough)
            history.focus()

    def action_branch_map(self) -> None:
        self.keep_step()
        self.app.open_branch_map(self.session)

    def show_file_errors(self, lines: list[str]) -> None:
        """`play --watch`: the file on disk is broken; say so until it is fixed. [] hides it."""
        banner = self.query_one("#file-errors", Static)
        banner.set_class(not lines, "hidden")
        if lines:
            banner.update(Content.assemble(
                ("⚠ The scene file has errors. ", "bold"),
                "You are still playing the last version that loaded; fix the file and save.\n",
                "\n".join(lines)))

    def reloaded(self, scene) -> None:
        """The scene file was edited and reloaded (`play --watch`): show it afresh."""
        self.query_one(Transcript).scene = scene
        self.session.save()
        self.show_everything()

    # -- pause and settings -----------------------------------------------------------------

    def action_toggle_feedback(self) -> None:
        self.app.show_feedback = not self.app.show_feedback
        when = "after each choice" if self.app.show_feedback else "only at the end"
        self.notify(f"Feedback is now shown {when}.", timeout=3)

    def action_pause(self) -> None:
        self.keep_step()
        handoff = self.app.handoff_screen if self.session.seating.is_together else None
        self.app.push_screen(PauseScreen(self.app.show_feedback, handoff, self.app.meter_line),
                             self.after_pause)

    def after_pause(self, choice: PauseChoice | None) -> None:
        if choice == "feedback":
            self.action_toggle_feedback()
        elif choice == "meters":
            self.app.meter_line = not self.app.meter_line
        elif choice == "handoff":
            self.app.handoff_screen = not self.app.handoff_screen
            state = "on" if self.app.handoff_screen else "off"
            self.notify(f"The pass-the-keyboard screen is {state}.", timeout=3)
        elif choice == "restart":
            self.playthrough.restart()
            self.session.after_step()
            self.show_everything()
        elif choice == "scenes":
            self.app.pop_screen()
        elif choice == "quit":
            self.app.exit()
