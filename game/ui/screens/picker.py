"""The scene picker: every scene in the library, and why any broken one cannot be played."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.engine.library import SceneEntry
from game.engine.play.voice import plays_several
from game.engine.scene.catalogue import Catalogue
from game.engine.scene.text import printable
from game.records import SceneStats
from game.ui.screens.opening import while_open
from game.ui.screens.screen_css import screen_css
from game.ui.widgets.charts import signed


def stats_text(stats: SceneStats, endings: int) -> str:
    if not stats.attempts:
        return "Not played yet"
    best = "" if stats.best_closeness is None else f" · best closeness {signed(stats.best_closeness)}"
    return (f"Endings found: {len(stats.endings_found)} of {endings} · "
            f"{stats.attempts} attempt{'s' if stats.attempts != 1 else ''}{best}")


def solo_note(scene) -> str:
    """Who a person playing alone plays, when it is more than one role."""
    if not plays_several(scene):
        return ""
    names = [r.name for r in scene.playable_roles]
    return f"Alone, you play both {' and '.join(names)}." if len(names) == 2 else f"Alone, you play {', '.join(names)}."


def scene_prompt(entry: SceneEntry, catalogue: Catalogue, stats: SceneStats, alone: bool = True) -> Content:
    scene = entry.scene
    assert scene is not None
    attitudes = {a.key for a in catalogue.attitudes}
    practised = [catalogue.dimension(k).name for k in scene.practised() if k in attitudes]
    notes = "; ".join(scene.content_notes) or "none"
    two_roles = len(scene.playable_roles) >= 2
    return Content.assemble(
        (scene.title, "bold"), f"  · {scene.minutes} min",
        ("  · ◆● two roles", "bold") if two_roles else "", "\n",
        f"{scene.summary}\n" if scene.summary else "",
        (f"{note}\n", "bold") if alone and (note := solo_note(scene)) else "",
        ("Attitudes: ", "italic"), f"{', '.join(practised) or 'none scored yet'}\n",
        ("Content notes: ", "italic"), f"{notes}\n",
        *((("Tags: ", "italic"), f"{', '.join(scene.tags)}\n") if scene.tags else ()),
        (stats_text(stats, len(scene.endings())), "bold"),
    )


def library_tags(library: list[SceneEntry]) -> list[str]:
    """Every tag some playable scene carries, in alphabetical order."""
    return sorted({tag for entry in library if entry.scene is not None for tag in entry.scene.tags})


def next_tag(tags: list[str], current: str | None) -> str | None:
    """The tag after ``current``; after the last tag, None (every scene)."""
    if not tags:
        return None
    if current not in tags:
        return tags[0]
    position = tags.index(current) + 1
    return tags[position] if position < len(tags) else None


def broken_prompt(entry: SceneEntry) -> Content:
    errors = entry.errors
    first = f"line {errors[0].line}, column {errors[0].column}: {errors[0].message}" if errors else "cannot be loaded"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return Content.assemble(
        ("⚠ ", "bold"), (printable(entry.path.name), "bold"), " — unavailable\n",
        f"{first}{more}",
    )


class ScenePickerScreen(Screen[None]):
    DEFAULT_CSS = screen_css("picker.tcss")  # parsed when this screen first opens
    SCOPED_CSS = False  # its rules name their own ids; some begin at Screen.-narrow
    BINDINGS = [
        Binding("escape", "back", "Back", id="picker.back",
                tooltip="Show every scene again, or go back if no filter is set"),
        Binding("t", "next_tag", "Tag filter", id="picker.tag",
                tooltip="Show only scenes with the next tag (partners, friends, family…)"),
        Binding("r", "app.reload_scenes", "Reload", id="picker.reload",
                tooltip="Read the scene files again"),
        Binding("g", "app.progress", "Progress", id="picker.progress",
                tooltip="How each attitude and skill has moved over your attempts"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="picker.help"),
        Binding("q", "app.quit", "Quit", id="picker.quit"),
    ]

    tag_filter: reactive[str | None] = reactive(None, init=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Content("Choose a scene"), classes="screen-title")
            yield Static(Content("Loading scenes…"), id="picker-status")
            yield OptionList(id="scene-list")
        yield Footer()

    @while_open
    def on_mount(self) -> None:
        self.watch(self.app, "library", self.show_library)

    @while_open
    def on_screen_resume(self) -> None:
        if self.app.library is not None:
            self.show_library(self.app.library)  # stats change after each attempt

    def action_next_tag(self) -> None:
        self.tag_filter = next_tag(library_tags(self.app.library or []), self.tag_filter)

    def action_back(self) -> None:
        if self.tag_filter is not None:
            self.tag_filter = None
        else:
            self.app.pop_screen()

    def watch_tag_filter(self) -> None:
        if self.app.library is not None:
            self.show_library(self.app.library)

    def shown(self, entry: SceneEntry) -> bool:
        if self.tag_filter is None:
            return True
        return entry.scene is not None and self.tag_filter in entry.scene.tags

    def show_library(self, library: list[SceneEntry] | None) -> None:
        if not self.query("#picker-status"):
            return  # the screen was replaced as it opened: there is nothing to fill in
        status = self.query_one("#picker-status", Static)
        options = self.query_one("#scene-list", OptionList)
        options.clear_options()
        if library is None:
            status.update(Content("Loading scenes…"))
            return
        if not library:
            status.update(Content(f"No scene files found in {printable(self.app.scenes_folder)}."))
            return
        if self.tag_filter not in library_tags(library):
            self.set_reactive(ScenePickerScreen.tag_filter, None)  # the tag went away on reload
        names = self.app.together_names
        mode = (f"Playing together: ◆ {names[0]} and ● {names[1]}. " if names else "Playing alone. ")
        if self.tag_filter is None:
            shown_by = "All scenes; t filters by tag. "
        else:
            shown_by = f"Tag: {self.tag_filter} (t: next, Esc: all). "
        status.update(Content(mode + shown_by + "↑ ↓ to look, Enter to play."))
        playable_first = sorted((i for i in range(len(library)) if self.shown(library[i])),
                                key=lambda i: not library[i].available)
        for position, index in enumerate(playable_first):
            entry = library[index]
            if position:
                options.add_option(None)
            if entry.available:
                stats = self.app.records.scene_stats(entry.scene.id)
                prompt = scene_prompt(entry, self.app.catalogue, stats, alone=not names)
            else:
                prompt = broken_prompt(entry)
            options.add_option(Option(prompt, id=str(index), disabled=not entry.available))
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        library = self.app.library or []
        index = int(event.option.id or 0)
        if index >= len(library):  # chosen from the list just as it was being reloaded
            return
        entry = library[index]
        if entry.scene is not None:
            self.app.play_scene(entry.scene)
