"""Textual's vertical scrollbar, drawn without a trip through Rich's console.

The transcript's bar moves at every choice, and Textual draws a bar by rendering it through Rich's
console, which cost about as much as drawing the transcript's text. This bar takes the same
segments from the same ``ScrollBarRender.render_bar`` (one a line) and makes them lines itself, with the
widget's base style applied as Textual applies it: the lines are identical (a test compares
them), and so are the mouse actions carried in their styles.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

DEFAULT_BACK = Color.parse("#555555")  # as ScrollBarRender.__rich_console__ falls back to
DEFAULT_BAR = Color.parse("bright_magenta")


class QuickScrollBar(ScrollBar):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._drawn: list[Strip] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        """A bar with no border, padding, tint or fading needs nothing from Textual's styles cache
        but the app's line filters: its lines go straight out, filtered as that cache filters."""
        if not self._plain():
            return super().render_lines(crop)
        width = self.size.width
        _, background = self.background_colors
        filters = self.get_line_filters()
        lines = []
        for y in crop.line_range:
            line = self.render_line(y)
            for line_filter in filters:
                line = line.apply_filter(line_filter, background)
            lines.append(line)
        if crop.column_span != (0, width):
            lines = [line.crop(*crop.column_span) for line in lines]
        return lines

    def _plain(self) -> bool:
        styles = self.styles
        return (not any(edge for edge, _ in styles.border) and not any(edge for edge, _ in styles.outline)
                and not styles.padding and self.opacity == 1 and styles.text_opacity == 1
                and not styles.tint.a and not (styles.has_rule("hatch") and styles.hatch != "none")
                and not self.BLANK
                and self._border_title is None and self._border_subtitle is None)

    def render_line(self, y: int) -> Strip:
        if self._dirty_regions or self._drawn is None:  # as Widget.render_line decides to draw
            self._drawn = self._draw()
            self._dirty_regions.clear()
        if y < len(self._drawn):
            return self._drawn[y]
        return Strip.blank(self.size.width, self.visual_style.rich_style)

    def _draw(self) -> list[Strip]:
        bar = self.render()
        width, height = self.size
        if not (self.vertical and isinstance(bar, ScrollBarRender) and width and height):
            self._render_content()  # anything else is drawn the usual way
            return list(self._render_cache.lines)
        style = bar.style if isinstance(bar.style, Style) else self.app.console.get_style(bar.style)
        segments = bar.render_bar(
            size=height, window_size=bar.window_size, virtual_size=bar.virtual_size,
            position=bar.position, vertical=True, thickness=width,
            back_color=style.bgcolor or DEFAULT_BACK, bar_color=style.color or DEFAULT_BAR,
        ).segments
        base = self.visual_style.rich_style
        if base:  # as Widget.post_render's _Styled does
            return [Strip([Segment(text, base + cell_style)], width) for text, cell_style, _ in segments]
        return [Strip([segment], width) for segment in segments]
