"""The transcript's scrollbar is drawn without Rich's console, and must look exactly like Textual's."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget

from game.ui.widgets.quick_scrollbar import QuickScrollBar
from game.ui.widgets.transcript import Transcript
from tests.ui.helpers import keys, make_app, start_first_scene

SCENE = """\
id: long
title: Long
summary: Many lines.
minutes: 1
roles:
  you: {name: You, playable: true}
  kim: {name: Kim}
start: talk
nodes:
  talk:
    lines:
""" + "".join(f"      - kim: Line number {n} of a long talk, long enough to fill the screen.\n" for n in range(60)) + """\
    choices:
      - text: Done.
        goto: end
  end:
    ending: {title: End, reflection: Done.}
"""


def textual_lines(bar: QuickScrollBar) -> list[list]:
    bar._render_content()  # Textual's own drawing of the same bar (Widget.render_line's path)
    return [list(line) for line in bar._render_cache.lines]


def quick_lines(bar: QuickScrollBar) -> list[list]:
    bar._drawn = None
    return [list(bar.render_line(y)) for y in range(bar.size.height)]


def lines_out(bar: QuickScrollBar) -> tuple[list[list], list[list]]:
    """What the compositor gets from the quick bar, and from Textual's styles cache for the same
    lines (with the app's line filters, as for every widget)."""
    whole = bar.size.region
    quick = [list(line) for line in bar.render_lines(whole)]
    bar._styles_cache.clear()
    textual = [list(line) for line in Widget.render_lines(bar, whole)]
    return quick, textual


@pytest.mark.parametrize("no_color", [False, True])
async def test_the_quick_bar_draws_what_textual_draws(tmp_path: Path, monkeypatch, no_color: bool) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")  # one more line filter: Monochrome
    (tmp_path / "long.yaml").write_text(SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        assert len(app.get_line_filters()) == (2 if no_color else 1)
        transcript = app.screen.query_one(Transcript)
        bar = transcript.vertical_scrollbar
        assert isinstance(bar, QuickScrollBar) and bar.display
        compared, drawings = 0, set()
        for y in (0, 1, 7, 33, transcript.max_scroll_y // 2, transcript.max_scroll_y):
            transcript.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            for mouse_over in (False, True):
                bar.mouse_over = mouse_over
                lines = quick_lines(bar)
                assert len(lines) == bar.size.height > 0 and lines == textual_lines(bar)
                quick, textual = lines_out(bar)
                assert quick == textual
                drawings.add(repr(lines))
                compared += 1
        assert compared == 12 and len(drawings) >= 6  # the thumb moved, and hovering shows
        await keys(pilot, "1")  # and after a choice
        assert quick_lines(bar) == textual_lines(bar)
        assert bar._plain()  # the quick way was the one taken
        quick, textual = lines_out(bar)
        assert quick == textual
