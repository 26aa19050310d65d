"""Help: the keys, and what every attitude, skill, trap and meter means."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from game.engine.scene.catalogue import Catalogue, Entry
from game.ui.screens.opening import while_open

KEYS = """\
## Keys

| key | what it does |
| --- | --- |
| 1–9 | pick a choice (or ↑ ↓ and Enter, or the mouse) |
| b | go back one choice (what you had played is kept as an attempt) |
| h | history: every line and choice; pick a choice to return to it |
| m | branch map: what you have tried, and endings still to find |
| f | feedback after each choice on or off (off: see it all at the end) |
| t | at an ending: go back to the choice that mattered most for closeness |
| c | at an ending: compare this attempt with another |
| e | at an ending, or in the history: save the playthrough as a Markdown file |
| g | your progress across scenes (from the title, the picker, a scene or an ending) |
| s | at an ending: back to the scene picker |
| t | on the title screen: play together, two people on one keyboard |
| t | in the scene picker: show only scenes with the next tag (partners, friends, family…); Escape shows all again |
| u | the puppet theatre: act out a harsh inner voice until it turns silly |
| Escape | go back; during a scene, pause (and show or hide the meter line) |
| ? | this help |
| ctrl+p | command palette |
| ctrl+q | quit (asks first during a scene) |
"""

METER_LINE = """\
During a scene the bottom edge of the choices shows both meters, with ▲ where your last choice
raised one, ▼ where it lowered one and = where it stayed. Hide it, or show it again, in the
pause menu (Escape). The top edge says whose words the choices are, when you play more than one
role.
"""

ABOUT = """\
## About Pathways

Pathways is practice, not therapy. The attitudes and skills come from the article
*You Can't Get There From Here: Pathways to Emotional Intimacy in Relationship* by
Lisa Blair, M.A., told here in our own words.

That advice assumes both people feel safe with each other. If someone would use what you
share against you, protect yourself first, and consider a therapist or a trusted friend.
Pathways keeps everything on this computer.
"""


def _section(title: str, entries: tuple[Entry, ...]) -> str:
    rows = [f"## {title}\n"]
    for entry in entries:
        rows.append(f"**{entry.name}**: {entry.about}\n")
    return "\n".join(rows)


def help_markdown(catalogue: Catalogue) -> str:
    meters = "\n".join(f"**{m.name}**: {m.about}\n" for m in catalogue.meters)
    return "\n".join([
        "# How Pathways works\n",
        "Each choice you make is scored against attitudes and skills that build emotional "
        "intimacy, and some choices fall into traps. Two meters follow the relationship.\n",
        KEYS,
        _section("Attitudes", catalogue.attitudes),
        _section("Skills", catalogue.skills),
        _section("Traps", catalogue.traps),
        "## Meters\n", meters, METER_LINE,
        ABOUT,
    ])


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")]

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="help-scroll"):
            yield Markdown(help_markdown(self.catalogue), id="help-text")
        yield Footer()

    @while_open
    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
