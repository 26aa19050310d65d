"""A line of its own for notices, on screens where a toast would cover what the player reads
or chooses (the play screen's choices, the theatre's lists, the ending, the map)."""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

SYMBOLS = {"information": "ℹ", "warning": "⚠", "error": "✗"}


class NoticeLine(Static):
    DEFAULT_CSS = """
    NoticeLine {
        display: none;
        height: auto;
        padding: 0 1;
        background: $boost;
        &.-shown { display: block; }
        &.notice-warning { color: $text-warning; }
        &.notice-error { color: $text-error; }
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._timer: Timer | None = None

    def on_mount(self) -> None:
        self.screen.add_class("-with-notice-line")  # its toasts are hidden: they would cover it all

    def show(self, message: Content, title: str, severity: str, timeout: float) -> None:
        symbol = SYMBOLS.get(severity, "ℹ")
        text = Content.assemble((f"{symbol} {title}: " if title else f"{symbol} ", "bold"), message)
        wanted = f"-shown notice-{severity}"
        if not (self.has_class("-shown", f"notice-{severity}") and str(self.visual) == text.plain):
            self.update(text)  # the same notice again (rewinding twice) only stays longer: no layout
            self.set_classes(wanted)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(timeout, self.hide)

    def hide(self) -> None:
        self.set_classes("")

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")


def notice_content(message: str, markup: bool) -> Content:
    return Content.from_markup(message) if markup else Content(message)


class HasNoticeLine:
    """For a screen with a NoticeLine: its notices, and the app's, go there instead of to a toast."""

    def show_notice(self, message: Content, title: str, severity: str, timeout: float) -> None:
        self.query_one(NoticeLine).show(message, title, severity, timeout)  # type: ignore[attr-defined]

    def notify(self, message: str, *, title: str = "", severity: str = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """The screen's own notices go straight to the notice line, in the same frame as what
        they are about (a toast would be hidden here, and would still cost a layout)."""
        if timeout is None:
            timeout = self.app.NOTIFICATION_TIMEOUT  # type: ignore[attr-defined]
        self.show_notice(notice_content(message, markup), title, severity, timeout)
