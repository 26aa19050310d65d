"""Lines in, lines out: the only place text mode touches its streams."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

BOLD, RESET = "\x1b[1m", "\x1b[0m"


@dataclass
class Console:
    """Output is only ever appended, so a screen reader reads each new line once."""

    output: TextIO
    input: TextIO
    colour: bool = False  # ANSI bold for headings and names, only when asked for
    interactive: bool = False  # a person at a terminal: show a prompt before reading

    def say(self, text: str = "") -> None:
        self.output.write(text + "\n")
        self.output.flush()

    def strong(self, text: str) -> str:
        return f"{BOLD}{text}{RESET}" if self.colour else text

    def heading(self, text: str) -> None:
        self.say()
        self.say(self.strong(text))

    def ask(self) -> str | None:
        """The next line typed, stripped; None at the end of input."""
        if self.interactive:
            self.output.write("> ")
            self.output.flush()
        line = self.input.readline()
        if not line:
            return None
        return line.strip()
