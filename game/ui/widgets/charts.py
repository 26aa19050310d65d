"""Text charts for the ending screen. Every bar carries its number and a glyph, not just colour."""

from __future__ import annotations

from typing import Mapping

from textual.content import Content
from textual.widgets import Static

from game.engine.play.scoring import PlaythroughSummary
from game.engine.scene.catalogue import Entry, Meter

BAR_CELLS = 10
NAME_WIDTH = 40


def signed(value: int) -> str:
    """+3, 0 or −2 (a real minus sign), the way every score is shown."""
    return f"+{value}" if value > 0 else ("0" if value == 0 else f"−{abs(value)}")


def score_bar(value: int, cells: int = BAR_CELLS) -> Content:
    length = min(abs(value), cells)
    if value >= 0:
        return Content.assemble(("█" * length, "$success"), ("·" * (cells - length), "dim"))
    return Content.assemble(("▒" * length, "$warning"), ("·" * (cells - length), "dim"))


def score_row(entry: Entry, value: int, compact: bool = False) -> Content:
    name, width, cells = (entry.short_name, 22, 5) if compact else (entry.name, NAME_WIDTH, BAR_CELLS)
    return Content.assemble(
        f"{name:<{width}.{width}} ", (f"{signed(value):>3} ", "bold"), score_bar(value, cells),
    )


def meter_bar(meter: Meter, value: int, cells: int | None = None) -> Content:
    """A centred bar: left of the middle for below zero, right of it for above. With ``cells``
    fewer than the meter's range, each cell stands for more than one point."""
    half = max(abs(meter.minimum), abs(meter.maximum))
    cells = min(cells or half, half)
    filled = min(cells, -(-abs(value) * cells // half))  # rounded up: any change shows
    left = "".join("▒" if value < 0 and filled >= cells - i else "·" for i in range(cells))
    right = "".join("█" if value > 0 and filled > i else "·" for i in range(cells))
    return Content.assemble(
        f"{meter.name:<10} ", (f"{signed(value):>3} ", "bold"),
        "[", (left, "$warning"), "|", (right, "$success"), "]",
    )


FULL_ROW = NAME_WIDTH + 5 + BAR_CELLS  # name, space, signed value and space, bar


class ScoreChart(Static):
    """Every score as a bar; short names and bars when the chart is narrower than a full row."""

    def __init__(self, summary: PlaythroughSummary, compact: bool = False, **kwargs) -> None:
        self.summary, self.compact = summary, compact
        super().__init__(self.rows(compact), **kwargs)

    def rows(self, compact: bool) -> Content:
        return Content("\n").join(score_row(entry, value, compact) for entry, value in self.summary.scores)

    def on_resize(self, event) -> None:
        self.update(self.rows(self.compact or event.size.width < FULL_ROW))


METER_LABEL = 18  # the name (10), a space, the signed value (3), a space, and the bar's three marks


class MeterBars(Static):
    """Both meters as centred bars, with fewer cells when the screen is narrow."""

    def __init__(self, summary: PlaythroughSummary, **kwargs) -> None:
        self.summary = summary
        super().__init__(self.rows(None), **kwargs)

    def rows(self, cells: int | None) -> Content:
        return Content("\n").join(meter_bar(meter, value, cells) for meter, value in self.summary.meters)

    def on_resize(self, event) -> None:
        self.update(self.rows(max(2, (event.size.width - METER_LABEL) // 2)))


def meter_line(meters: tuple[Meter, ...], now: Mapping[str, int], before: Mapping[str, int]) -> Content:
    """``Closeness +2 ▲  Harmony −1 ▼``: each meter, and which way the last choice moved it."""
    parts = []
    for meter in meters:
        value = now.get(meter.key, 0)
        change = value - before.get(meter.key, 0)
        arrow, style = ("▲", "$success") if change > 0 else (("▼", "$warning") if change < 0 else ("=", "dim"))
        parts.append(Content.assemble(f"{meter.name} ", (signed(value), "bold"), " ", (arrow, style)))
    return Content("  ").join(parts)
