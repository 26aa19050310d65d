"""The running transcript of a scene: narration, dialogue, the player's choices and feedback.

One widget draws every entry, log-style: an entry is wrapped to the width once, when it is
added, and kept as lines of cells. Adding a line never lays out what is already there, and a
rebuild after a rewind is one pass over the entries with no widgets to mount. Only a change of
width (or of theme) wraps everything again. Scene text is only ever Content(text), never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from game.engine.play.scoring import ChoiceFeedback
from game.engine.scene.model import Line, Scene
from game.engine.scene.speech import quotes_speech
from game.ui.widgets.quick_scrollbar import QuickScrollBar
from game.ui.widgets.speech_view import speaker_label, spoken_content

SPEAKER_STYLES = 4  # transcript--speaker-0 ... transcript--speaker-3
NAME_WIDTH = 12  # the column of speakers' names
FEEDBACK_INDENT = 2
FEEDBACK_BAR = "▌ "
MARGIN = 1  # a blank column each side of the text, drawn into the lines (see _wrap)
WRAPPED_KEPT = 4096  # entries kept wrapped: a rebuild after a rewind wraps only what is new


def speaker_class(scene: Scene, role_id: str) -> str:
    index = list(scene.roles).index(role_id) if role_id in scene.roles else 0
    return f"speaker-{index % SPEAKER_STYLES}"


def feedback_content(feedback: ChoiceFeedback) -> Content:
    """Feedback as text with symbols, so that nothing depends on colour alone."""
    parts: list[Content] = []
    if feedback.raised:
        names = ", ".join(f"{d.name} +{v}" for d, v in feedback.raised)
        parts.append(Content.assemble(("✓ Showed: ", "bold"), names))
    if feedback.lowered:
        names = ", ".join(f"{d.name} {v}" for d, v in feedback.lowered)
        parts.append(Content.assemble(("✗ Missed: ", "bold"), names))
    for trap in feedback.traps:
        parts.append(Content.assemble(("△ Trap: ", "bold"), trap.name))
    if feedback.text:
        parts.append(Content(feedback.text))
    if not parts:
        parts.append(Content("This choice neither builds nor costs much. The scene goes on."))
    return Content("\n").join(parts)


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing said or shown. ``kind`` is narration, speech, feedback or note."""

    kind: str
    body: Content
    name: str = ""  # speech: who says it
    speaker: str = ""  # speech: speaker-0 ... speaker-3
    chosen: bool = False  # speech: the player's own choice

    @property
    def text(self) -> str:
        return f"{self.name}: {self.body.plain}" if self.name else self.body.plain


class Transcript(ScrollView, can_focus=True):
    """Everything said so far in the scene. Scene text is always shown literally."""

    COMPONENT_CLASSES = {
        "transcript--narration", "transcript--name", "transcript--speech", "transcript--chosen",
        "transcript--feedback", "transcript--feedback-bar", "transcript--note",
        *(f"transcript--speaker-{i}" for i in range(SPEAKER_STYLES)),
    }
    DEFAULT_CSS = """
    Transcript {
        height: 1fr;
        scrollbar-gutter: stable;  /* the scrollbar coming never narrows the text: no rewrap */
        & > .transcript--narration { text-style: italic; color: $text-muted; }
        & > .transcript--name { text-style: bold; }
        & > .transcript--chosen { text-style: bold; }
        & > .transcript--feedback { color: $text; }
        & > .transcript--feedback-bar { color: $secondary; }
        & > .transcript--note { text-style: italic; color: $text-muted; }
        & > .transcript--speaker-0 { color: $text-primary; }
        & > .transcript--speaker-1 { color: $text-accent; }
        & > .transcript--speaker-2 { color: $text-success; }
        & > .transcript--speaker-3 { color: $text-warning; }
    }
    """

    def __init__(self, scene: Scene, **kwargs) -> None:
        super().__init__(**kwargs)
        self.scene = scene
        self.entries: list[Entry] = []
        self._lines: list[Strip] = []  # every entry, wrapped to _width
        self._starts: list[int] = []  # where each entry's lines begin in _lines
        self._width = 0
        self._styles: dict[str, Style] = {}
        self._wrapped: LRUCache[tuple, list[Strip]] = LRUCache(WRAPPED_KEPT)  # at _width
        self._size_pending = False
        self._following = False
        self._frame: tuple[tuple[int, int], int, object] = ((0, 0), 0, None)  # set by render_lines

    # -- what is said (the public API) ---------------------------------------------------------

    def add_line(self, line: Line) -> None:
        if line.speaker is None:
            self.add(Entry("narration", Content(line.text)))
        else:
            self.add_speech(line.speaker, line.text)

    def add_speech(self, role_id: str, text: str, *, chosen: bool = False,
                   marker: str = "", who: str = "") -> None:
        """A line of dialogue. ``marker`` and ``who`` show which person chose it, when two play."""
        role = self.scene.roles.get(role_id)
        name = speaker_label(who or (role.name if role else role_id), marker)
        body = spoken_content(text, chosen, quotes_speech(self.scene))
        self.add(Entry("speech", body, name, speaker_class(self.scene, role_id), chosen))

    def add_feedback(self, feedback: ChoiceFeedback, to: str = "") -> None:
        """Feedback for the person who chose; ``to`` names them when two people play."""
        content = feedback_content(feedback)
        if to:
            content = Content.assemble((f"For {to}:", "bold"), "\n", content)
        self.add(Entry("feedback", content))

    def add_note(self, text: str) -> None:
        self.add(Entry("note", Content(text)))

    def clear(self) -> None:
        self.keep_first(0)

    def keep_first(self, count: int) -> None:
        """Keep the first ``count`` entries and forget the rest (going back to an earlier moment)."""
        if count < len(self.entries):
            if count < len(self._starts):
                del self._lines[self._starts[count]:]
                del self._starts[count:]
            del self.entries[count:]
            self._changed()

    def follow(self) -> None:
        """Scroll to the last line, in the same frame as the lines just added. The new size is set
        now rather than queued, so the next frame can be drawn as soon as the key is handled."""
        self._following = True
        self._size_pending = True
        self._update_size()

    @property
    def text(self) -> str:
        """The whole transcript as plain text, one entry a line."""
        return "\n".join(entry.text for entry in self.entries)

    # -- drawing -------------------------------------------------------------------------------

    @property
    def vertical_scrollbar(self) -> QuickScrollBar:
        """The bar moves at every choice; this one draws the same bar for less (see its module)."""
        if self._vertical_scrollbar is None:  # as Widget.vertical_scrollbar makes its own
            self._vertical_scrollbar = QuickScrollBar(vertical=True, name="vertical",
                                                      thickness=self.scrollbar_size_vertical)
            self._vertical_scrollbar.display = False
            self.app._start_widget(self, self._vertical_scrollbar)
        return self._vertical_scrollbar

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        if self._width:
            self._starts.append(len(self._lines))
            self._lines.extend(self._wrapped_lines(entry, first=len(self.entries) == 1))
            self._changed()

    def _wrapped_lines(self, entry: Entry, first: bool) -> list[Strip]:
        key = (entry, tuple(entry.body.spans), first)  # Content compares its text only
        lines = self._wrapped.get(key)
        if lines is None:
            lines = self._wrapped[key] = self._wrap(entry, first)
        return lines

    def _changed(self) -> None:
        """Many entries added in one go (a rebuild) change the size once, before the next frame."""
        if not self._size_pending:
            self._size_pending = True
            self.call_next(self._update_size)

    def _update_size(self) -> None:
        if not self._size_pending:
            return  # already done, by follow()
        self._size_pending = False
        size = Size(self._width, len(self._lines))
        if size != self.virtual_size:
            # Only what is scrolled grows, never the widget: set the size without asking for a
            # layout of the whole screen (as Widget._size_updated does), and move the scrollbar.
            self.set_reactive(Transcript.virtual_size, size)
            self._scroll_update(size)
        self.refresh()
        if (self._following or self._at_anchor()) and self._lines:  # no width yet: wait for it
            self._following = False
            self.scroll_end(animate=False, immediate=True)

    def _at_anchor(self) -> bool:
        """Anchored and not scrolled away (Textual keeps the release in a private flag)."""
        return self.is_anchored and not self._anchor_released

    def _rewrap(self) -> None:
        self._styles.clear()
        self._wrapped.clear()
        self._lines, self._starts = [], []
        for i, entry in enumerate(self.entries):
            self._starts.append(len(self._lines))
            self._lines += self._wrapped_lines(entry, first=i == 0)
        self._changed()

    def on_mount(self) -> None:
        # Anchored, Textual keeps the last line in view when the screen's layout changes the
        # transcript's height (a notice line appearing, a resize), in that same frame; scrolling
        # up releases the anchor until the reader comes back to the end.
        self.anchor()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        # Widget's own watcher takes the anchor back once the reader scrolls to the end again;
        # ScrollView's, which this one extends, does not.
        self._check_anchor()

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self._width:
            self._rewrap()

    def style(self, name: str) -> Style:
        found = self._styles.get(name)
        if found is None:
            found = self._styles[name] = Style.from_styles(self.get_component_styles(f"transcript--{name}"))
        return found

    def _wrap(self, entry: Entry, first: bool) -> list[Strip]:
        """The entry as lines of cells: a blank line, then the entry wrapped to the width."""
        width = max(self._width, NAME_WIDTH + 8 + 2 * MARGIN) - 2 * MARGIN
        lines: list[Content] = [] if first else [Content("")]
        if entry.kind == "speech":
            lines += _hanging(entry.name, self.style("name") + self.style(entry.speaker), entry.body, width)
        elif entry.kind == "feedback":
            bar = Content.styled(FEEDBACK_BAR, self.style("feedback-bar"))
            body = entry.body.stylize_before(self.style("feedback"))
            lines += [Content(" " * FEEDBACK_INDENT) + bar + line
                      for line in body.wrap(width - FEEDBACK_INDENT - len(FEEDBACK_BAR))]
        else:
            lines += entry.body.stylize_before(self.style(entry.kind)).wrap(width)
        base = self.visual_style
        parse = self._get_style  # as Static does: styles such as "italic $text-muted" use the theme
        # Each line is kept as wide as the transcript, its margins drawn in (rather than left to
        # CSS padding, which Textual sends as separate runs at every frame), and runs of one style
        # joined: the terminal gets fewer colour changes for every line on screen, at every key.
        margin = Segment(" " * MARGIN, base.rich_style)
        return [Strip([margin, *(Segment(text, style.rich_style) for text, style in line.render(base, "", parse))],
                      line.cell_length + MARGIN).extend_cell_length(self._width, base.rich_style).simplify()
                for line in lines]

    def render_lines(self, crop: Region) -> list[Strip]:
        # what every line needs, found once per frame rather than once per line
        self._frame = (self.scroll_offset, self.scrollable_content_region.width, self.visual_style.rich_style)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        (scroll_x, scroll_y), width, base = self._frame
        index = y + scroll_y
        line = self._lines[index] if index < len(self._lines) else Strip.blank(width, base)
        return line.crop_extend(scroll_x, scroll_x + width, base)


def _hanging(name: str, name_style: Style, body: Content, width: int) -> list[Content]:
    """``name`` in its own column, and the words wrapped beside it."""
    label = Content.styled(name[:NAME_WIDTH - 1].ljust(NAME_WIDTH), name_style)
    indent = Content(" " * NAME_WIDTH)
    return [(label if i == 0 else indent) + line for i, line in enumerate(body.wrap(width - NAME_WIDTH))]
