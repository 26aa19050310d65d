"""The keypress anchor: a bare Textual app that updates one Static on every key."""

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static


class BareKeys(App[None]):
    presses = 0

    def compose(self) -> ComposeResult:
        yield Static("bare app ready", id="count")

    def on_key(self, event: events.Key) -> None:
        self.presses += 1
        self.query_one("#count", Static).update(f"keys pressed: {self.presses}")


if __name__ == "__main__":
    BareKeys().run()
