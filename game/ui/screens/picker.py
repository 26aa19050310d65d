"""The scene picker: every scene in the library, and why any broken one cannot be played."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.engine.library import SceneEntry
from game.engine.scene.catalogue import Catalogue
from game.records import SceneStats
from game.ui.widgets.charts import signed


def stats_text(stats: SceneStats, endings: int) -> str:
    if not stats.attempts:
        return "Not played yet"
    best = "" if stats.best_closeness is None else f" · best closeness {signed(stats.best_closeness)}"
    return (f"Endings found: {len(stats.endings_found)} of {endings} · "
            f"{stats.attempts} attempt{'s' if stats.attempts != 1 else ''}{best}")


def scene_prompt(entry: SceneEntry, catalogue: Catalogue, stats: SceneStats) -> Content:
    scene = entry.scene
    assert scene is not None
    attitudes = {a.key for a in catalogue.attitudes}
    practised = [catalogue.dimension(k).name for k in scene.practised() if k in attitudes]
    notes = "; ".join(scene.content_notes) or "none"
    return Content.assemble(
        (scene.title, "bold"), f"  · {scene.minutes} min\n",
        f"{scene.summary}\n" if scene.summary else "",
        ("Attitudes: ", "italic"), f"{', '.join(practised) or 'none scored yet'}\n",
        ("Content notes: ", "italic"), f"{notes}\n",
        (stats_text(stats, len(scene.endings())), "bold"),
    )


def broken_prompt(entry: SceneEntry) -> Content:
    errors = entry.errors
    first = f"line {errors[0].line}, column {errors[0].column}: {errors[0].message}" if errors else "cannot be loaded"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return Content.assemble(
        ("⚠ ", "bold"), (entry.path.name, "bold"), " — unavailable\n",
        f"{first}{more}",
    )


class ScenePickerScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="picker.back"),
        Binding("r", "app.reload_scenes", "Reload", id="picker.reload",
                tooltip="Read the scene files again"),
        Binding("g", "app.progress", "Progress", id="picker.progress",
                tooltip="How each attitude and skill has moved over your attempts"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="picker.help"),
        Binding("q", "app.quit", "Quit", id="picker.quit"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Content("Choose a scene"), classes="screen-title")
            yield Static(Content("Loading scenes…"), id="picker-status")
            yield OptionList(id="scene-list")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "library", self.show_library)

    def on_screen_resume(self) -> None:
        if self.app.library is not None:
            self.show_library(self.app.library)  # stats change after each attempt

    def show_library(self, library: list[SceneEntry] | None) -> None:
        status = self.query_one("#picker-status", Static)
        options = self.query_one("#scene-list", OptionList)
        options.clear_options()
        if library is None:
            status.update(Content("Loading scenes…"))
            return
        if not library:
            status.update(Content(f"No scene files found in {self.app.scenes_folder}."))
            return
        names = self.app.together_names
        mode = (f"Playing together: ◆ {names[0]} and ● {names[1]}. " if names else "Playing alone. ")
        status.update(Content(mode + "↑ ↓ to look, Enter to play."))
        playable_first = sorted(range(len(library)), key=lambda i: not library[i].available)
        for position, index in enumerate(playable_first):
            entry = library[index]
            if position:
                options.add_option(None)
            if entry.available:
                stats = self.app.records.scene_stats(entry.scene.id)
                prompt = scene_prompt(entry, self.app.catalogue, stats)
            else:
                prompt = broken_prompt(entry)
            options.add_option(Option(prompt, id=str(index), disabled=not entry.available))
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        library = self.app.library or []
        entry = library[int(event.option.id or 0)]
        if entry.scene is not None:
            self.app.play_scene(entry.scene)
