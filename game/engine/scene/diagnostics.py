"""Compiler-style messages about scene files: ``file:line:col: level: message``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable, Literal

from game.engine.scene.text import printable

Level = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    file: str
    line: int
    column: int
    level: Level
    message: str

    def __str__(self) -> str:
        """One line, safe to print: the file name comes from the disk and may hold anything."""
        return printable(f"{self.file}:{self.line}:{self.column}: {self.level}: {self.message}")

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "level": self.level,
            "message": self.message,
        }


class SceneError(Exception):
    """A scene file could not be loaded. Carries every problem found, not just the first."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level == "error"]


INTERNAL_ERROR = "Pathways could not read this file because of a fault in Pathways itself"


def internal_error(file: str, exc: BaseException) -> Diagnostic:
    """A last resort, so that one file that trips a fault never takes the whole game down.

    The fuzz tests fail on any diagnostic made here: each one is a bug to fix at its source."""
    return Diagnostic(file, 1, 1, "error", f"{INTERNAL_ERROR} ({type(exc).__name__}); please report it")


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """A short hint naming the closest known name, or nothing when none is close."""
    names = sorted(str(o) for o in options)
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    if not close:
        close = [n for n in names if word and (n.startswith(word) or word.startswith(n))][:1]
    return f" (did you mean {close[0]!r}?)" if close else ""
