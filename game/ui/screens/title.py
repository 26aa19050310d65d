"""The title screen: it paints at once, while the scenes load in the background."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.paths import assets_dir
from game.ui.library_count import count, status_text
from game.ui.screens.opening import while_open

TAGLINE = "Practise the conversations that bring people closer."


def title_art() -> str:
    """The title banner, padded to a rectangle so that centring keeps its letters aligned."""
    try:
        lines = (assets_dir() / "title.txt").read_text(encoding="utf-8").rstrip("\n").splitlines()
    except OSError:
        lines = ["P A T H W A Y S"]
    width = max(len(line) for line in lines)
    return "\n".join(line.ljust(width) for line in lines)


class TitleScreen(Screen[None]):
    BINDINGS = [
        Binding("p", "app.play_alone", "Play", id="title.play", tooltip="Choose a scene to play alone"),
        Binding("t", "app.play_together", "Together", id="title.together",
                tooltip="Two people take turns on one keyboard"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="title.help",
                tooltip="What the attitudes, skills and traps mean"),
        Binding("u", "app.puppet_theatre", "Puppets", id="title.puppets",
                tooltip="Act out a harsh inner voice until it turns silly"),
        Binding("g", "app.progress", "Progress", id="title.progress",
                tooltip="How each attitude and skill has moved over your attempts"),
        Binding("q", "app.quit", "Quit", id="title.quit"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):
            yield Static(Content(title_art()), id="title-art")
            yield Static(Content(TAGLINE), id="tagline")
            with Center():
                yield OptionList(*self.menu_options(self.app.library), id="title-menu")
            yield Static(Content(status_text(self.app.scene_count)), id="library-status")
            yield Static(Content("Practice, not therapy. Everything stays on this computer."),
                         id="title-note")
        yield Footer()

    @while_open
    def on_mount(self) -> None:
        self.watch(self.app, "library", self.show_library_status, init=False)

    @while_open
    def on_screen_resume(self) -> None:
        self.show_menu(self.app.library)

    def menu_options(self, library) -> list[Option]:
        resumable = self.app.resumable_scene() if library else None
        resume = [Option(Content.assemble("Resume: ", resumable.title), id="resume")] if resumable else []
        return resume + [
            Option("Play alone", id="play"),
            Option("Play together (two people, one keyboard)", id="together"),
            Option("Puppet theatre", id="theatre"),
            Option("Your progress", id="progress"),
            Option("How it works", id="help"),
            Option("Quit", id="quit"),
        ]

    def show_menu(self, library) -> None:
        menu = self.query_one("#title-menu", OptionList)
        options = self.menu_options(library)
        shown = [menu.get_option_at_index(i) for i in range(menu.option_count)]
        if [(o.id, str(o.prompt)) for o in options] == [(o.id, str(o.prompt)) for o in shown]:
            return  # unchanged: no rebuild, no new layout
        highlighted = menu.highlighted
        menu.clear_options()
        menu.add_options(options)
        menu.highlighted = highlighted if highlighted is not None and highlighted < menu.option_count else 0

    def show_library_status(self, library) -> None:
        self.show_menu(library)
        status = self.query_one("#library-status", Static)
        # Before the scenes are read again, the count from the last start if no file changed.
        status.update(Content(status_text(count(library) if library is not None else self.app.scene_count)))

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        actions = {"resume": "resume_last", "play": "play_alone", "together": "play_together",
                   "theatre": "puppet_theatre",
                   "progress": "progress", "help": "help", "quit": "quit"}
        await self.app.run_action(actions[event.option.id or "play"])
