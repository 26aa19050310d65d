"""The Pathways app: screens on top of the headless engine and the local records."""

from __future__ import annotations

import gc
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from textual import events, work
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.reactive import reactive
from textual.screen import Screen

from game.records import Records
from game.ui import library_count
from game.ui.screens.title import TitleScreen
from game.ui.screens.too_small import TooSmallScreen, too_small
from game.ui.widgets import dismiss_fix, option_list_fix
from game.ui.widgets.notice_line import HasNoticeLine, notice_content

dismiss_fix.apply()
option_list_fix.apply()

# Everything else is imported where it is first needed, so that the title paints at once:
# the engine loads in a worker, and each screen's module when that screen first opens.
if TYPE_CHECKING:
    from game.engine.library import SceneEntry
    from game.engine.play.seating import Seat, Seating
    from game.engine.scene.catalogue import Catalogue
    from game.engine.scene.model import Scene
    from game.records import Attempt
    from game.session import Session


def animations_off() -> bool:
    """True when the terminal's user asked for no animation (TEXTUAL_ANIMATIONS=none)."""
    return os.environ.get("TEXTUAL_ANIMATIONS", "").strip().lower() == "none"


class PathwaysApp(App[None]):
    CSS_PATH = "pathways.tcss"
    TITLE = "Pathways"
    # Screen classes for small terminals: pathways.tcss lays screens out compactly for them.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-medium"), (80, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (18, "-low"), (24, "-tall")]

    library: reactive[list[SceneEntry] | None] = reactive(None, always_update=True)
    show_feedback: reactive[bool] = reactive(True, init=False)
    handoff_screen: reactive[bool] = reactive(True, init=False)
    reduced_motion: reactive[bool] = reactive(False, init=False)
    meter_line: reactive[bool] = reactive(True, init=False)

    def __init__(self, scenes_folder: Path, catalogue: Catalogue | None = None,
                 records: Records | None = None, scene_file: Path | None = None,
                 watch: bool = False, allow_export: bool = True) -> None:
        super().__init__()
        self.allow_export = allow_export  # False for a public server's visitors: no files written
        self.scenes_folder = scenes_folder
        # `pathways play FILE [--watch]`: play this file straight away, reloading it when saved
        self.scene_file = None
        if scene_file:
            from game.ui.scene_file import SceneFile
            self.scene_file = SceneFile(self, scene_file, watch)
        self._catalogue = catalogue
        self.records = records or Records.open()
        # "N scenes ready" from the last start, while the files have not changed since
        self.scene_count = library_count.cached(self.records, scenes_folder)
        self.set_reactive(PathwaysApp.show_feedback,
                          bool(self.records.get_setting("show_feedback", True)))
        self.set_reactive(PathwaysApp.handoff_screen,
                          bool(self.records.get_setting("handoff_screen", True)))
        self.set_reactive(PathwaysApp.reduced_motion,
                          animations_off() or bool(self.records.get_setting("reduced_motion", False)))
        self.set_reactive(PathwaysApp.meter_line, bool(self.records.get_setting("meter_line", True)))
        saved_theme = self.records.get_setting("theme", None)
        if isinstance(saved_theme, str) and saved_theme in self.available_themes:
            self.theme = saved_theme
        self.together_names: tuple[str, str] | None = None  # None: playing alone
        self._last_records_notice: str | None = None
        self._first_frame = threading.Event()

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            from game.engine.scene.catalogue import default_catalogue
            self._catalogue = default_catalogue()
        return self._catalogue

    def get_default_screen(self) -> Screen:
        return TitleScreen()  # the first screen, with nothing under it

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self.remember_theme)
        self.load_scenes(after=self._first_frame)  # started now, so that it can be waited for
        if self.scene_file is not None:
            self.scene_file.start()
        self.call_after_refresh(self.check_size)
        if self.records.notice:
            self.tell_records_notice(self.records.notice)
        self.records.listener = self.records_trouble

    def on_ready(self) -> None:
        self._first_frame.set()  # the title is on the screen: the scenes may be read now
        if not gc.isenabled():  # held off for start-up by `pathways` (cli.main.play)
            gc.freeze()  # what start-up made lives as long as the app: no collection rescans it
            gc.enable()

    def records_trouble(self, notice: str) -> None:
        """Tell the player at once when the records file fails them (from any thread)."""
        if notice != self._last_records_notice:
            self._last_records_notice = notice
            self.tell_records_notice(notice)

    def tell_records_notice(self, notice: str) -> None:
        from game.engine.scene.text import (
            printable,  # only when there is something to tell
        )

        self.notify(printable(notice), title="Your records", severity="warning", timeout=12, markup=False)

    @property
    def quitting(self) -> bool:
        """The game is quitting (or has quit): screens opening now have nothing to show."""
        return self.return_code is not None or not self.is_running

    async def on_event(self, event: events.Event) -> None:
        """A key that arrives while the top screen is still opening waits until it has opened:
        a binding run before a screen's on_mount could close it, or fill widgets not mounted yet
        (found by the monkey test with keys typed as fast as a held key repeats)."""
        if isinstance(event, events.Key) and not event.is_forwarded and not self.screen.is_mounted:
            self.call_after_refresh(self.post_message, events.Key(event.key, event.character))
            return
        await super().on_event(event)

    def on_unmount(self) -> None:
        play = sys.modules.get("game.ui.screens.play")
        for screen in self.screen_stack if play is not None else ():
            if isinstance(screen, play.PlayScreen):
                screen.keep_step()  # a choice shown but not yet saved is saved before closing
        self.records.listener = None  # no screen is left to tell
        self.records.close()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.check_size)

    def check_size(self) -> None:
        """Below the smallest size the layout supports, say so plainly instead of breaking."""
        shown = any(isinstance(s, TooSmallScreen) for s in self.screen_stack)
        if too_small(self.size) and not shown:
            self.push_screen(TooSmallScreen())

    def remember_theme(self, theme) -> None:
        self.records.set_setting("theme", theme.name)

    @work(thread=True, exclusive=True, group="library")
    def load_scenes(self, after: threading.Event | None = None) -> None:
        if after is not None:
            after.wait(timeout=2.0)  # the title paints first; the scenes can wait that long
        from game.engine.library import load_library

        # `pathways play FILE` offers that one file, never its neighbours in the folder
        sources = [self.scene_file.path] if self.scene_file else [self.scenes_folder]
        files = library_count.fingerprint(self.scenes_folder)  # taken before reading the files
        library = load_library(sources, self.catalogue)
        self.call_from_thread(self.library_loaded, library, None if self.scene_file else files)

    def library_loaded(self, library: list[SceneEntry], files: list | None) -> None:
        self.scene_count = library_count.count(library)
        if files is not None:  # the count of a whole folder, not of one file played directly
            library_count.remember(self.records, self.scenes_folder, files, self.scene_count)
        self.library = library

    def watch_show_feedback(self, show: bool) -> None:
        self.records.set_setting("show_feedback", show)

    def watch_handoff_screen(self, show: bool) -> None:
        self.records.set_setting("handoff_screen", show)

    def watch_reduced_motion(self, reduced: bool) -> None:
        self.records.set_setting("reduced_motion", reduced)

    def watch_meter_line(self, shown: bool) -> None:
        self.records.set_setting("meter_line", shown)

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = True) -> None:
        """On a screen with a notice line, notices go there, not in a toast over its choices."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
        screen = self.screen
        if isinstance(screen, HasNoticeLine):  # perhaps not mounted yet: show it once it is
            screen.call_later(screen.show_notice, notice_content(message, markup), title, severity,
                              timeout if timeout is not None else self.NOTIFICATION_TIMEOUT)

    # -- navigation -------------------------------------------------------------------------

    def action_open_scenes(self) -> None:
        from game.ui.screens.picker import ScenePickerScreen

        if not isinstance(self.screen, ScenePickerScreen):
            self.push_screen(ScenePickerScreen())

    def action_play_alone(self) -> None:
        self.together_names = None
        self.action_open_scenes()

    def action_play_together(self) -> None:
        from game.engine.play.seating import clean_name
        from game.ui.screens.names import NamesScreen

        def chosen(names: tuple[str, str] | None) -> None:
            if names:
                self.together_names = (clean_name(names[0], "Player 1"), clean_name(names[1], "Player 2"))
                self.action_open_scenes()

        self.push_screen(NamesScreen(), chosen)

    def action_reload_scenes(self) -> None:
        self.scene_count = None
        self.library = None
        self.load_scenes()

    def action_help(self) -> None:
        from game.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.catalogue))

    def action_toggle_feedback(self) -> None:
        self.show_feedback = not self.show_feedback

    def action_progress(self) -> None:
        from game.engine.play.progress import progress_series
        from game.ui.screens.progress import ProgressScreen

        if isinstance(self.screen, ProgressScreen):
            return
        attempts = self.records.attempts()
        finished = sum(a.status == "finished" for a in attempts)
        self.push_screen(ProgressScreen(progress_series(attempts, self.catalogue), finished))

    # -- one scene file, and the puppet theatre -----------------------------------------------

    def reload_if_saved(self) -> None:
        if self.scene_file is not None:
            self.scene_file.reload_if_saved()

    def together_seats(self) -> tuple[Seat, ...] | None:
        from game.engine.play.seating import Seating

        return Seating.together_seats(self.together_names) if self.together_names else None

    def action_puppet_theatre(self) -> None:
        from game.engine.puppets.cast import default_puppets
        from game.ui.screens.puppet_picker import PuppetPickerScreen

        self.push_screen(PuppetPickerScreen(list(default_puppets().puppets.values()), self.together_seats()))

    # -- playing ----------------------------------------------------------------------------

    def scene_by_id(self, scene_id: str) -> Scene | None:
        return next((e.scene for e in self.library or [] if e.scene and e.scene.id == scene_id), None)

    def resumable_scene(self) -> Scene | None:
        for save in self.records.saves():
            scene = self.scene_by_id(save.scene_id)
            if scene is not None:
                return scene
        return None

    def action_resume_last(self) -> None:
        scene = self.resumable_scene()
        if scene is not None:
            self.start_scene(scene, resume_save=True)

    def play_scene(self, scene: Scene) -> None:
        """Play ``scene``, first asking whether to resume if it was left in the middle."""
        from game.ui.screens.resume import ResumeChoice, ResumeScreen

        saved = self.records.load_save(scene.id)
        if saved is None:
            self.start_scene(scene, resume_save=False)
            return

        def answer(choice: ResumeChoice | None) -> None:
            if choice in ("resume", "restart"):
                self.start_scene(scene, resume_save=choice == "resume")

        self.push_screen(ResumeScreen(scene.title, len(saved.path)), answer)

    def seating_for(self, scene: Scene, resume_save: bool) -> Seating:
        from game.engine.play.seating import Seating

        names = self.together_names
        if resume_save:
            saved = self.records.load_save(scene.id)
            names = tuple(saved.players) if saved and len(saved.players) == 2 else None  # type: ignore[assignment]
        return Seating.together(scene, names) if names else Seating.alone()

    def new_session(self, scene: Scene, seating: Seating) -> Session:
        from game.engine.play.playthrough import Playthrough
        from game.session import Session

        return Session(self.records, Playthrough(scene, self.catalogue, players=seating.players), seating)

    def start_scene(self, scene: Scene, resume_save: bool) -> None:
        from game.session import resume
        from game.ui.screens.play import PlayScreen

        session = self.new_session(scene, self.seating_for(scene, resume_save))
        replay = resume(self.records, session.playthrough) if resume_save else None
        if not resume_save:
            session.start_over()
        self.push_screen(PlayScreen(session))
        if replay is not None and not replay.complete:  # told on the play screen, in its notice line
            self.notify("This scene has changed since you left it. You are back at the last "
                        "moment that still fits.", title="Resumed", timeout=8)

    def replay_scene(self, scene: Scene, seating: Seating) -> None:
        from game.ui.screens.play import PlayScreen

        self.switch_screen(PlayScreen(self.new_session(scene, seating)))

    def show_ending(self, session: Session, attempt: Attempt | None) -> None:
        from game.ui.screens.debrief import DebriefScreen
        from game.ui.screens.ending import EndingScreen

        if session.seating.is_together:
            self.switch_screen(DebriefScreen(session, attempt))
        else:
            self.switch_screen(EndingScreen(session, attempt, show_review=not self.show_feedback))

    def back_to_scenes(self) -> None:
        """From an ending: the scene picker, whether the scene began there or by Resume."""
        from game.ui.screens.picker import ScenePickerScreen

        if len(self.screen_stack) > 1 and isinstance(self.screen_stack[-2], ScenePickerScreen):
            self.pop_screen()
        else:
            self.switch_screen(ScenePickerScreen())

    def rewind_session(self, session: Session, index: int) -> None:
        """From the ending, go back to ``states[index]`` and play on."""
        from game.ui.screens.play import PlayScreen

        session.playthrough.rewind_to(index)
        session.save()
        self.switch_screen(PlayScreen(session))

    def compare_attempts(self, scene: Scene, this: Attempt | None) -> None:
        from game.ui.screens.compare import CompareScreen

        others = [a for a in self.records.attempts(scene.id) if this is None or a.id != this.id]
        if this is None or not others:
            self.notify("Play this scene again to have another attempt to compare with.", timeout=5)
            return
        self.push_screen(CompareScreen(scene, this, others, self.catalogue))

    def open_branch_map(self, session: Session) -> None:
        from game.session import played_edges, states_to, visited_and_taken
        from game.ui.screens.branch_map import BranchMapScreen
        from game.ui.screens.play import PlayScreen

        attempts = self.records.attempts(session.scene.id)
        visited, taken = visited_and_taken(session.playthrough, attempts)

        def jump(node_id: str | None) -> None:
            states = states_to(session.playthrough, attempts, node_id) if node_id else None
            if not states:
                return
            session.playthrough.jump_to(states)
            session.after_step()
            if isinstance(self.screen, PlayScreen):
                self.screen.show_everything()
            else:
                self.switch_screen(PlayScreen(session))

        self.push_screen(BranchMapScreen(session.scene, visited, taken, session.playthrough.state.node,
                                         played_edges(session.playthrough)), jump)

    # -- quitting ---------------------------------------------------------------------------

    def scene_under_way(self) -> bool:
        play = sys.modules.get("game.ui.screens.play")  # not imported yet: no scene was opened
        if play is None:
            return False
        PlayScreen = play.PlayScreen  # noqa: N806
        return any(isinstance(s, PlayScreen) and not s.playthrough.is_over for s in self.screen_stack)

    async def action_quit(self) -> None:
        from game.ui.screens.confirm import ConfirmScreen

        if isinstance(self.screen, CommandPalette):
            self.pop_screen()  # the question replaces the palette rather than covering it
        if any(isinstance(s, ConfirmScreen) for s in self.screen_stack):
            return
        if not self.scene_under_way():
            self.exit()
            return

        def answer(leave: bool | None) -> None:
            if leave:
                self.exit()

        if self.scene_file is not None:
            question = ("Quit Pathways? This is a test play of a scene file: it is not kept, "
                        "so it cannot be resumed.")
        else:
            question = "You are in the middle of a scene. Quit Pathways? You can resume it next time."
        self.push_screen(ConfirmScreen(question, yes="Quit", no="Keep playing"), answer)

    # -- command palette --------------------------------------------------------------------

    def action_command_palette(self) -> None:
        """One palette at a time, even when another screen has opened over it. It has no fixed id
        (Textual's has one): a palette closed a moment ago may still be among the app's screens."""
        if self.use_command_palette and not any(isinstance(s, CommandPalette) for s in self.screen_stack):
            from game.ui.screens.palette import Palette

            self.push_screen(Palette())

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """The palette's Screenshot waits a moment before it is taken; if the game quit in that
        moment there is no screen left to take (found by the long monkey test)."""
        if self.quitting or not self.screen_stack:
            return None
        return super().deliver_screenshot(filename, path, time_format)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if self.allow_export or command.title != "Screenshot":  # public visitors export nothing
                yield command
        yield SystemCommand("Help", "What the attitudes, skills and traps mean", self.action_help)
        yield SystemCommand("Scenes", "Choose a scene to play", self.action_open_scenes)
        yield SystemCommand("Your progress", "How each attitude and skill has moved",
                            self.action_progress)
        yield SystemCommand("Puppet theatre", "Act out a harsh inner voice until it turns silly",
                            self.action_puppet_theatre)
        yield SystemCommand("Feedback on or off",
                            "Show feedback after each choice, or only at the end",
                            self.action_toggle_feedback)
        yield SystemCommand("Reload scenes", "Read the scene files again", self.action_reload_scenes)
        yield SystemCommand("Pass-the-keyboard screen on or off",
                            "When playing together, show a screen before each change of turn",
                            self.action_toggle_handoff)

    def action_toggle_handoff(self) -> None:
        self.handoff_screen = not self.handoff_screen
