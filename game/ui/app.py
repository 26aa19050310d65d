"""The Pathways app: screens on top of the headless engine."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.reactive import reactive
from textual.screen import Screen

from game.engine.catalogue import Catalogue, default_catalogue
from game.engine.library import SceneEntry, load_library
from game.engine.model import Scene
from game.engine.playthrough import Playthrough
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.help import HelpScreen
from game.ui.screens.picker import ScenePickerScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.title import TitleScreen


class PathwaysApp(App[None]):
    CSS_PATH = "pathways.tcss"
    TITLE = "Pathways"

    library: reactive[list[SceneEntry] | None] = reactive(None, always_update=True)
    show_feedback: reactive[bool] = reactive(True)

    def __init__(self, scenes_folder: Path, catalogue: Catalogue | None = None) -> None:
        super().__init__()
        self.scenes_folder = scenes_folder
        self.catalogue = catalogue or default_catalogue()

    def on_mount(self) -> None:
        self.push_screen(TitleScreen())
        self.load_scenes()

    @work(thread=True, exclusive=True, group="library")
    def load_scenes(self) -> None:
        library = load_library([self.scenes_folder], self.catalogue)
        self.call_from_thread(setattr, self, "library", library)

    # -- navigation -------------------------------------------------------------------------

    def action_open_scenes(self) -> None:
        if not isinstance(self.screen, ScenePickerScreen):
            self.push_screen(ScenePickerScreen())

    def action_reload_scenes(self) -> None:
        self.library = None
        self.load_scenes()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.catalogue))

    def action_toggle_feedback(self) -> None:
        self.show_feedback = not self.show_feedback

    def play_scene(self, scene: Scene) -> None:
        self.push_screen(PlayScreen(Playthrough(scene, self.catalogue)))

    def replay_scene(self, scene: Scene) -> None:
        self.switch_screen(PlayScreen(Playthrough(scene, self.catalogue)))

    def show_ending(self, playthrough: Playthrough) -> None:
        self.switch_screen(EndingScreen(playthrough, show_review=not self.show_feedback))

    # -- quitting ---------------------------------------------------------------------------

    def scene_under_way(self) -> bool:
        return any(isinstance(s, PlayScreen) and not s.playthrough.is_over for s in self.screen_stack)

    async def action_quit(self) -> None:
        if isinstance(self.screen, ConfirmScreen):
            return
        if not self.scene_under_way():
            self.exit()
            return

        def answer(leave: bool | None) -> None:
            if leave:
                self.exit()

        self.push_screen(ConfirmScreen("You are in the middle of a scene. Quit Pathways?",
                                       yes="Quit", no="Keep playing"), answer)

    # -- command palette --------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "What the attitudes, skills and traps mean", self.action_help)
        yield SystemCommand("Scenes", "Choose a scene to play", self.action_open_scenes)
        yield SystemCommand("Feedback on or off",
                            "Show feedback after each choice, or only at the end",
                            self.action_toggle_feedback)
        yield SystemCommand("Reload scenes", "Read the scene files again", self.action_reload_scenes)
