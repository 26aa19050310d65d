"""A Tree whose string labels are always literal text, never markup."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree


class SafeTree(Tree):
    def process_label(self, label) -> Text:
        text = Text(label) if isinstance(label, str) else label
        return text.split()[0] if text.plain else text
