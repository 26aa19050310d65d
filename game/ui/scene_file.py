"""`pathways play FILE [--watch]`: play one scene file, and reload it whenever it is saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.engine.library import SceneEntry, load_entry
from game.engine.play.reload import Outcome, carry_over
from game.engine.scene.text import printable
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.play import PlayScreen
from game.ui.watch import FileWatcher

if TYPE_CHECKING:
    from game.ui.app import PathwaysApp

WATCH_SECONDS = 0.5
MAX_ERRORS_SHOWN = 5
RELOADED = {
    "same path": "Reloaded. Everything you played still fits.",
    "same node": "Reloaded. You are at the same moment; earlier choices changed.",
    "back to start": "Reloaded. That moment is gone from the file, so you are back at the start.",
}


class SceneFile:
    def __init__(self, app: PathwaysApp, path: Path, watch: bool) -> None:
        self.app, self.path = app, path
        self.watcher = FileWatcher(path) if watch else None

    def start(self) -> None:
        self.open()
        if self.watcher is not None:
            self.app.set_interval(WATCH_SECONDS, self.reload_if_saved)

    def open(self) -> None:
        entry = load_entry(self.path, self.app.catalogue)
        if entry.scene is None:
            self.show_errors(entry)
        else:
            self.app.start_scene(entry.scene, resume_save=False)

    def reload_if_saved(self) -> None:
        if self.watcher is None or not self.watcher.changed():
            return
        entry = load_entry(self.path, self.app.catalogue)
        if entry.scene is None:
            self.show_errors(entry)
            return
        play = next((s for s in self.app.screen_stack if isinstance(s, PlayScreen)), None)
        if play is not None:
            outcome = carry_over(play.playthrough, entry.scene)
            play.reloaded(entry.scene)
            play.show_file_errors([])
        else:
            ending = next((s for s in self.app.screen_stack if isinstance(s, (EndingScreen, DebriefScreen))), None)
            if ending is None:
                self.open()  # nothing under way: start the new version
                return
            outcome = self.reload_ending(ending, entry.scene)
        self.app.clear_notifications()
        self.app.notify(RELOADED[outcome], title=printable(self.path.name), timeout=3, markup=False)

    def reload_ending(self, ending: EndingScreen | DebriefScreen, scene) -> Outcome:
        """Saved while on the ending: stay on it if the path still ends there, else play on from
        the same moment. Never a restart while that moment still exists."""
        session = ending.session
        outcome = carry_over(session.playthrough, scene)
        if ending is not self.app.screen:
            return outcome  # a map or comparison is open over the ending: it stays as it is
        if session.playthrough.is_over:
            self.app.show_ending(session, session.recorded[-1] if session.recorded else None)
        else:
            self.app.switch_screen(PlayScreen(session))
        return outcome

    def show_errors(self, entry: SceneEntry) -> None:
        """While a scene is playing, a banner stays until the file is fixed; otherwise a notice."""
        lines = [str(d) for d in entry.errors[:MAX_ERRORS_SHOWN]]
        if len(entry.errors) > MAX_ERRORS_SHOWN:
            lines.append(f"... and {len(entry.errors) - MAX_ERRORS_SHOWN} more (pathways validate lists them all)")
        self.app.clear_notifications()
        play = next((s for s in self.app.screen_stack if isinstance(s, PlayScreen)), None)
        if play is not None:
            play.show_file_errors(lines)
        else:
            self.app.notify("\n".join(lines), title="The scene file has errors: fix it and save"
                            if self.watcher else "The scene file has errors",
                            severity="error", timeout=30, markup=False)
