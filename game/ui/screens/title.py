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
        Binding("p", "app.open_scenes", "Play", id="title.play", tooltip="Choose a scene to play"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="title.help",
                tooltip="What the attitudes, skills and traps mean"),
        Binding("q", "app.quit", "Quit", id="title.quit"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):
            yield Static(Content(title_art()), id="title-art")
            yield Static(Content(TAGLINE), id="tagline")
            with Center():
                yield OptionList(
                    Option("Play a scene", id="play"),
                    Option("How it works", id="help"),
                    Option("Quit", id="quit"),
                    id="title-menu",
                )
            yield Static(Content("Loading scenes…"), id="library-status")
            yield Static(Content("Practice, not therapy. Everything stays on this computer."),
                         id="title-note")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "library", self.show_library_status)

    def show_library_status(self, library) -> None:
        status = self.query_one("#library-status", Static)
        if library is None:
            status.update(Content("Loading scenes…"))
            return
        ready = sum(entry.available for entry in library)
        broken = len(library) - ready
        text = f"{ready} scene{'s' if ready != 1 else ''} ready"
        if broken:
            text += f", {broken} unavailable"
        status.update(Content(text))

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        action = {"play": "open_scenes", "help": "help", "quit": "quit"}[event.option.id or "play"]
        await self.app.run_action(action)
