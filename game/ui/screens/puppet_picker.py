"""Choosing a puppet for the theatre."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.engine.play.seating import Seat
from game.engine.puppets.cast import Puppet
from game.ui.screens.opening import while_open
from game.ui.screens.screen_css import screen_css
from game.ui.screens.theatre import Cast, TheatreScreen

INTRO = ("Act out a harsh inner voice until it turns into a silly puppet. "
         "What you type stays on screen and is never kept unless you save the round.")


class PuppetPickerScreen(Screen[None]):
    DEFAULT_CSS = screen_css("puppet_picker.tcss")  # parsed when this screen first opens
    SCOPED_CSS = False  # its rules name their own ids; some begin at Screen.-narrow
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="puppets.back"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="puppets.help"),
    ]

    def __init__(self, puppets: list[Puppet], seats: tuple[Seat, ...] | None = None) -> None:
        """``seats`` are the two people when playing together: the first voices, the second answers."""
        super().__init__()
        self.puppets, self.seats = puppets, seats
        self.cast_line = (f"Playing together: {seats[0].label} voices a puppet, {seats[1].label} "
                          "answers it; then you swap." if seats else "")

    def compose(self) -> ComposeResult:
        with Vertical(id="puppet-picker"):
            yield Static(Content("Puppet theatre"), classes="screen-title")
            yield Static(Content(INTRO), classes="note")
            if self.cast_line:
                yield Static(Content(self.cast_line), id="cast-line")
            options: list[Option | None] = []
            for index, puppet in enumerate(self.puppets):
                if index:
                    options.append(None)
                options.append(Option(Content.assemble(
                    (puppet.name, "bold"), f"  · a {puppet.voice.style.replace('_', ' ')} voice\n",
                    puppet.description), id=puppet.id))
            yield OptionList(*options, id="puppet-list")
        yield Footer()

    @while_open
    def on_mount(self) -> None:
        if not self.puppets:
            self.mount(Static(Content("No puppets were found."), classes="note"))
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        puppet = next(p for p in self.puppets if p.id == event.option.id)
        cast = Cast(self.seats[0], self.seats[1]) if self.seats else Cast()
        self.app.push_screen(TheatreScreen(puppet, None, cast))
