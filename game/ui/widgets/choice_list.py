"""The list of choices on the play screen, drawn line by line like the transcript.

Every choice shows a new set of options. Textual's OptionList measured, scrolled and drew each new
set through its general machinery, which cost about a third of a keypress (docs/performance.md).
This list does only what the play screen needs: each option is wrapped once for the width and
kept as lines of cells for each way it can look (plain, highlighted, under the mouse). It moves
like an OptionList: up and down (wrapping round), Home, End, Page Up and Page Down, Enter or a
click to choose, and the mouse wheel.

It also keeps its height. A list that fitted its height to every set of choices made each keypress
lay out the whole screen again, and the transcript above it jump. This one grows to the tallest set
shown so far at this width (up to its max-height, past which it scrolls) and then keeps that
height, so new choices only repaint the list. A change of width fits it afresh.

Options are Textual ``Option``s with Content prompts: scene text is never markup.
"""

from __future__ import annotations

from typing import ClassVar, Iterable

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets.option_list import Option

PLAIN, HIGHLIGHTED, HOVER = "plain", "highlighted", "hover"
MARGIN = 1  # a blank column each side of the options, drawn into the lines (see _lines_of)


class ChoiceList(ScrollView, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "choice-list--option", "choice-list--option-highlighted", "choice-list--option-hover",
    }
    # The look of Textual's OptionList, so the choices look as every other list in the game.
    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        scrollbar-gutter: stable;  /* the options wrap to one width, scrollbar or not */
        border: tall $border-blurred;
        padding: 0;  /* its margins are drawn into its lines (MARGIN) */
        background: $surface;
        & > .choice-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .choice-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .choice-list--option-hover {
            background: $block-hover-background;
        }
    }
    """
    # More lines than fit scroll inside the list; they never change the list's own size, so a new
    # set of choices needs no layout (a change of scrollbar still asks for one by itself).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class Selected(Message):
        """An option was chosen, with Enter or a click."""

        def __init__(self, choice_list: ChoiceList, option: Option, index: int) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.option = option
            self.index = index

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._options: list[Option] = []
        self.highlighted: int | None = None
        self._hover: int | None = None
        self._width = 0  # the width the options are wrapped to
        self._wrapped: list[list[Content]] = []  # each option, wrapped to _width
        self._owner: list[int] = []  # the option each line belongs to
        self._starts: list[int] = []  # the first line of each option
        self._drawn: dict[tuple[int, str], list[Strip]] = {}  # (option, look) -> its lines
        self._fitted_width = 0  # the width its height was fitted to
        self._rows = 0  # the tallest set of choices shown at that width, borders included
        self._edges: dict[str, tuple | None] = {"border_title": None, "border_subtitle": None}
        self._measure_queued = False

    # -- what it shows (the public API) --------------------------------------------------------

    @property
    def option_count(self) -> int:
        return len(self._options)

    def get_option_at_index(self, index: int) -> Option:
        return self._options[index]

    def is_showing(self, option: Option) -> bool:
        return any(shown is option for shown in self._options)

    def show_choices(self, options: Iterable[Option]) -> None:
        """Replace the options in one go, highlight the first, and keep a height that fits them.
        Only the options are drawn again; the border keeps its lines (and the terminal its cells)."""
        self._options = list(options)
        self.highlighted = 0 if self._options else None
        self._hover = None
        self._measure()
        if self.scroll_y:
            self.scroll_to(y=0, animate=False, immediate=True)
        inside = self.scrollable_content_region
        self.refresh(Region(0, 0, inside.width, inside.height))

    def set_title(self, title: Content | None) -> None:
        self._set_edge("border_title", title)

    def set_subtitle(self, subtitle: Content | None) -> None:
        self._set_edge("border_subtitle", subtitle)

    def _set_edge(self, edge: str, words: Content | None) -> None:
        """Setting a border's words redraws the whole list, so they are set only when they change."""
        key = None if words is None else (words.plain, tuple(words.spans))
        if key != self._edges[edge]:
            self._edges[edge] = key
            setattr(self, edge, words)

    # -- moving and choosing -------------------------------------------------------------------

    def highlight(self, index: int | None) -> None:
        if not self._options:
            index = None  # nothing to highlight (a dead end in a scene under repair)
        elif index is not None:
            index = max(0, min(index, len(self._options) - 1))
        if index != self.highlighted:
            self.highlighted = index
            self.refresh()
        self._scroll_to_highlight()

    def action_cursor_down(self) -> None:
        if self._options:
            self.highlight(0 if self.highlighted is None else (self.highlighted + 1) % len(self._options))

    def action_cursor_up(self) -> None:
        if self._options:
            self.highlight(len(self._options) - 1 if self.highlighted is None
                           else (self.highlighted - 1) % len(self._options))

    def action_first(self) -> None:
        self.highlight(0)

    def action_last(self) -> None:
        self.highlight(len(self._options) - 1)

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_select(self) -> None:
        if self.highlighted is not None and 0 <= self.highlighted < len(self._options):
            self.post_message(self.Selected(self, self._options[self.highlighted], self.highlighted))

    def _move_page(self, direction: int) -> None:
        if not self._owner:
            return
        start = self._starts[self.highlighted or 0]
        line = max(0, min(start + direction * self.scrollable_content_region.height, len(self._owner) - 1))
        self.highlight(self._owner[line])

    def _scroll_to_highlight(self) -> None:
        if self.highlighted is None or not 0 <= self.highlighted < len(self._starts):
            return
        start = self._starts[self.highlighted]
        height = len(self._wrapped[self.highlighted])
        self.scroll_to_region(Region(0, start, self._width, height), animate=False, force=True, immediate=True)

    # -- the mouse -----------------------------------------------------------------------------

    def _option_under(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None or not MARGIN <= offset.x < self._width - MARGIN:
            return None  # the margins and the scrollbar's gutter, as an OptionList's padding
        line = offset.y + self.scroll_offset.y
        return self._owner[line] if 0 <= line < len(self._owner) else None

    def on_click(self, event: events.Click) -> None:
        index = self._option_under(event)
        if index is not None:
            self.highlight(index)
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._option_under(event)
        if index != self._hover:
            self._hover = index
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    # -- measuring -----------------------------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return sum(len(_prompt(option).wrap(_text_width(width)) or [None]) for option in self._options)

    def on_resize(self) -> None:
        self._measure()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()
        self.refresh()

    def _measure(self) -> None:
        """Wrap every option to the width, note which line is whose, and fit the height."""
        self._measure_queued = False
        self._drawn.clear()
        width = self.scrollable_content_region.width
        self._width = width
        if not width:
            self._wrapped, self._owner, self._starts = [], [], []
            return  # not laid out yet: its auto height fits the first choices
        self._wrapped = [_prompt(option).wrap(_text_width(width)) or [Content("")] for option in self._options]
        self._starts, self._owner = [], []
        for index, lines in enumerate(self._wrapped):
            self._starts.append(len(self._owner))
            self._owner += [index] * len(lines)
        size = Size(width, len(self._owner))
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)
        self._fit(width)

    def _fit(self, width: int) -> None:
        if width != self._fitted_width:
            self._fitted_width, self._rows = width, 0
        rows = len(self._owner) + self.styles.gutter.height
        if rows > self._rows:
            self._rows = rows
            self.styles.height = rows  # max-height still caps it; past that the list scrolls

    # -- drawing -------------------------------------------------------------------------------

    def _look(self, index: int) -> str:
        if index == self.highlighted:
            return HIGHLIGHTED
        return HOVER if index == self._hover else PLAIN

    def _lines_of(self, index: int, look: str) -> list[Strip]:
        drawn = self._drawn.get((index, look))
        if drawn is None:
            classes = ["choice-list--option"] + ([] if look == PLAIN else [f"choice-list--option-{look}"])
            style = self.get_visual_style(*classes)
            parse = self._get_style  # styles such as "bold" in a prompt use the theme, as Static does
            # The margins are drawn here rather than left to CSS padding, which Textual sends to
            # the terminal as separate runs at every frame; like padding, they are not highlighted.
            margin = Segment(" " * MARGIN, self.visual_style.rich_style)
            inner = _text_width(self._width)
            drawn = self._drawn[(index, look)] = [
                Strip([margin, *(Segment(text, part.rich_style) for text, part in line.render(style, "", parse)),
                       Segment(" " * max(0, inner - line.cell_length), style.rich_style), margin],
                      max(inner, line.cell_length) + 2 * MARGIN).simplify()
                for line in self._wrapped[index]]
        return drawn

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = y + scroll_y
        width = self.scrollable_content_region.width
        if width != self._width:  # between a change of size and its Resize: fit it afresh
            if not self._measure_queued:
                self._measure_queued = True
                self.call_later(self._measure)
            return Strip.blank(width, self.visual_style.rich_style)
        if not 0 <= line < len(self._owner):
            return Strip.blank(width, self.visual_style.rich_style)
        index = self._owner[line]
        return self._lines_of(index, self._look(index))[line - self._starts[index]]


def _text_width(width: int) -> int:
    """The options' width inside the margins; never under one cell, however narrow the list."""
    return max(1, width - 2 * MARGIN)


def _prompt(option: Option) -> Content:
    prompt = option.prompt
    return prompt if isinstance(prompt, Content) else Content(str(prompt))
