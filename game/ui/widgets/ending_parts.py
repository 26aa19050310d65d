"""Pieces shared by the ending screen and the shared debrief."""

from __future__ import annotations

from typing import Iterator

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from game.engine.play.scoring import PlaythroughSummary, harmony_without_closeness
from game.engine.scene.model import Ending
from game.ui.widgets.charts import MeterBars

APART_NOTE = (
    "Things ended calmer than they ended close. Smoothing a problem over can bring the peace "
    "back without bringing the two of you any nearer; that gap is what this game is about."
)


def ending_title(ending: Ending) -> Iterator[Widget]:
    yield Static(Content.assemble(("Ending: ", "bold"), (ending.title, "bold")),
                 classes="screen-title", id="ending-title")
    yield Static(Content(ending.reflection), id="reflection")


def meters(summary: PlaythroughSummary, heading: str) -> Iterator[Widget]:
    """Both meters, and a note when calm came back without closeness."""
    yield Static(Content(heading), classes="section-title")
    yield MeterBars(summary, id="meters")
    if harmony_without_closeness(summary):
        yield Static(Content(APART_NOTE), classes="note", id="apart-note")
