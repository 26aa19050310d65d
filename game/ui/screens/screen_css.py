"""A screen's own rules live in a .tcss file beside it, read as the screen's DEFAULT_CSS.

Textual parses a class's DEFAULT_CSS when the first widget of that class is mounted, so only
the title's rules (in pathways.tcss) are parsed at start; the rest wait for their screen. Rules
read this way rank below pathways.tcss, so a rule that must beat one there stays there.
"""

from __future__ import annotations

from pathlib import Path


def screen_css(name: str) -> str:
    return (Path(__file__).with_name(name)).read_text(encoding="utf-8")
