"""Two attempts at the same scene, side by side, and where their paths parted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine.author.graph import node_summary, shorten
from game.engine.play.compare import first_split
from game.engine.scene.catalogue import Catalogue
from game.engine.scene.model import Scene
from game.records import Attempt
from game.ui.screens.opening import while_open
from game.ui.screens.screen_css import screen_css
from game.ui.widgets.charts import signed

NAME = 23  # the longest short name, "Courage, vulnerability", and a space
COLUMN = 22
MIN_COLUMN = 14


def _when(attempt: Attempt) -> str:
    """A compact local-looking time such as '26 Nov 07:45'."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(attempt.finished_at)
    except ValueError:
        return "earlier"
    return moment.strftime("%d %b %H:%M").lstrip("0")


def _ending(attempt: Attempt) -> str:
    if attempt.ending_title:
        return attempt.ending_title
    return "(left unfinished)"


def _total(attempt: Attempt, key: str) -> int:
    return sum(scores.get(key, 0) for scores in attempt.scores.values())


def column_width(width: int | None) -> int:
    """Each attempt's column: as wide as the screen allows, up to COLUMN, never under MIN_COLUMN."""
    if width is None:
        return COLUMN
    return max(MIN_COLUMN, min(COLUMN, (width - NAME) // 2))


def _row(name: str, this: str, other: str, style: str = "", column: int = COLUMN) -> Content:
    return Content.assemble(
        (f"{shorten(name, NAME - 1):<{NAME}}", style),
        (f"{shorten(this, column - 1):<{column}}", style),
        (shorten(other, column - 1), style),
    )


def comparison_table(this: Attempt, other: Attempt, catalogue: Catalogue, width: int | None = None) -> Content:
    column = column_width(width)

    def row(name: str, mine: str, theirs: str, style: str = "") -> Content:
        return _row(name, mine, theirs, style, column)

    rows = [
        row("", "This attempt", _when(other), "bold"),
        row("Ending", _ending(this), _ending(other)),
        row("", "", ""),
    ]
    for meter in catalogue.meters:
        rows.append(row(meter.name, signed(this.meters.get(meter.key, 0)),
                        signed(other.meters.get(meter.key, 0)), "bold"))
    for entry in catalogue.dimensions:
        rows.append(row(entry.short_name, signed(_total(this, entry.key)), signed(_total(other, entry.key))))
    traps_this = sum(len(t) for t in this.traps.values())
    traps_other = sum(len(t) for t in other.traps.values())
    rows.append(row("Traps fallen into", str(traps_this), str(traps_other)))
    return Content("\n").join(rows)


def split_text(scene: Scene, this: Attempt, other: Attempt) -> Content:
    split = first_split(scene, this.path, other.path)
    if split is None:
        return Content("Both attempts took exactly the same path.")
    shared = f"You made the same first {split.shared_steps} step{'s' if split.shared_steps != 1 else ''}. "
    if split.node is None or split.this is None or split.other is None:
        return Content(shared + "Then one attempt stopped while the other went on.")
    return Content.assemble(
        shared, "Then, at ", (f"“{node_summary(split.node)}”", "italic"), ":\n",
        ("  this attempt:  ", "bold"), split.this.text, "\n",
        ("  the other:     ", "bold"), split.other.text,
    )


def compare_title(title: str, position: int, others: int) -> str:
    if others == 1:
        return f"{title}: this attempt and 1 other attempt"
    return f"{title}: this attempt and other attempt {position + 1} of {others} (← → to change)"


class CompareScreen(Screen[None]):
    DEFAULT_CSS = screen_css("compare.tcss")  # parsed when this screen first opens
    SCOPED_CSS = False  # its rules name their own ids; some begin at Screen.-narrow
    BINDINGS = [
        Binding("left,comma", "other(-1)", "Older", key_display="←", id="compare.older"),
        Binding("right,full_stop", "other(1)", "Newer", key_display="→", id="compare.newer"),
        Binding("escape,c", "app.pop_screen", "Back", key_display="esc", id="compare.back"),
    ]

    def __init__(self, scene: Scene, this: Attempt, others: list[Attempt], catalogue: Catalogue) -> None:
        super().__init__()
        self.scene, self.this, self.others, self.catalogue = scene, this, others, catalogue
        self.position = len(others) - 1  # the most recent other attempt first

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="compare"):
            yield Static(classes="screen-title", id="compare-title")
            yield Static(id="compare-table")
            yield Static(Content("Where the paths parted"), classes="section-title")
            yield Static(id="compare-split")
        yield Footer()

    @while_open
    def on_mount(self) -> None:
        self.show()
        self.query_one("#compare").focus()

    @while_open  # also called after a refresh, by which time the screen may be gone
    def show(self) -> None:
        other = self.others[self.position]
        self.query_one("#compare-title", Static).update(Content(compare_title(self.scene.title, self.position, len(self.others))))
        table = self.query_one("#compare-table", Static)
        table.update(comparison_table(self.this, other, self.catalogue, table.size.width or None))
        self.query_one("#compare-split", Static).update(split_text(self.scene, self.this, other))

    def on_resize(self) -> None:
        self.call_after_refresh(self.show)  # the table's columns follow the width

    def action_other(self, step: int) -> None:
        self.position = (self.position + step) % len(self.others)
        self.show()
