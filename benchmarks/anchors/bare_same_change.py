"""A reference anchor for the keypress: a bare Textual app that makes the same change to the
screen as a choice does in Pathways. Each key adds three wrapped lines to a scrolling log that
fills most of the screen, follows its end, and replaces a bordered list of four options. It
shows what Textual itself costs for that much change, apart from anything Pathways does."""

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Footer, OptionList, RichLog, Static

WORDS = ("You said the plan had changed and I did not hear it as a question at all, only as a "
         "fact I had to take in and carry home").split()


class BareSameChange(App[None]):
    CSS = """
    #header { height: 1; }
    #log { height: 1fr; padding: 0 1; }
    #options { height: 8; border: round $primary; }
    """
    presses = 0

    def compose(self) -> ComposeResult:
        yield Static("bare app ready", id="header")
        yield RichLog(id="log", wrap=True, markup=False)
        yield OptionList(id="options")
        yield Footer()

    def on_mount(self) -> None:
        log = self.query_one(RichLog)
        for n in range(30):
            log.write(self.line(n))

    def line(self, n: int) -> str:
        return f"Speaker {n % 3}: " + " ".join(WORDS[(n * 7 + i) % len(WORDS)] for i in range(24))

    def on_key(self, event: events.Key) -> None:
        self.presses += 1
        log = self.query_one(RichLog)
        for n in range(3):
            log.write(self.line(self.presses * 3 + n))
        self.query_one(OptionList).set_options(
            [f"{i}. " + " ".join(WORDS[(self.presses + i * 5 + j) % len(WORDS)] for j in range(9))
             for i in range(1, 5)])


if __name__ == "__main__":
    BareSameChange().run()
