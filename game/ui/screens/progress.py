"""Progress across scenes: each meter and dimension over the player's finished attempts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Sparkline, Static

from game.engine.play.progress import Series
from game.ui.screens.opening import while_open
from game.ui.screens.screen_css import screen_css
from game.ui.widgets.charts import signed


def describe(series: Series) -> str:
    if not series.values:
        return ""
    if len(series.values) == 1:
        return f"{signed(series.values[0])}"
    return f"{signed(series.values[0])} → {signed(series.values[-1])}"


class ProgressScreen(Screen[None]):
    DEFAULT_CSS = screen_css("progress.tcss")  # parsed when this screen first opens
    SCOPED_CSS = False  # its rules name their own ids; some begin at Screen.-narrow
    BINDINGS = [Binding("escape,g", "app.pop_screen", "Back", key_display="esc", id="progress.back")]

    def __init__(self, series: list[Series], attempts: int) -> None:
        super().__init__()
        self.series, self.attempts = series, attempts

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="progress"):
            yield Static(Content("Your progress"), classes="screen-title")
            if self.attempts == 0:
                yield Static(Content("Finish a scene and your progress will show here."))
            else:
                yield Static(Content(
                    f"Across {self.attempts} finished attempt{'s' if self.attempts != 1 else ''}, "
                    "oldest on the left. First → latest on the right."), classes="note")
                for item in self.series:
                    with Horizontal(classes="progress-row"):
                        yield Static(Content(item.name), classes="progress-name")
                        yield Sparkline(list(item.values), classes="progress-line")
                        yield Static(Content(describe(item)), classes="progress-change")
        yield Footer()

    @while_open
    def on_mount(self) -> None:
        self.query_one("#progress").focus()
