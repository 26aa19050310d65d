"""A grammar-based check of the Mermaid that `pathways graph` writes, for when no real Mermaid
parser (Node and the mermaid package) is at hand. It accepts only the statements we write, and
every label only as a quoted string whose special characters are entity codes."""

from __future__ import annotations

import re

ID = r"n_[A-Za-z0-9_]+"
# Inside a label: no quote mark, no '%' (directives), no backtick (Markdown), no raw '&', '<',
# '>', '|' or backslash, and every '#' starts an entity code.
LABEL = r'"(?:[^"#%`&<>|\\\\]|#\d+;)*"'
STATEMENTS = [
    re.compile(r"flowchart TD"),
    re.compile(rf"  start\(\(start\)\) --> {ID}"),
    re.compile(rf"  {ID}(?:\[{LABEL}\]|\(\[{LABEL}\]\)|\{{\{{{LABEL}\}}\}})"),
    re.compile(rf"  {ID} (?:-->|-\.->)(?:\|{LABEL}\|)? {ID}"),
    re.compile(r"  classDef ending stroke-width:3px"),
    re.compile(rf"  class {ID}(?:,{ID})* ending"),
]


def mermaid_problems(text: str) -> list[str]:
    """Every line that is not one of our statements; empty when the text is well formed."""
    if not text.endswith("\n") or "%%" in text:
        return ["no final newline, or a %% comment or directive"]
    return [line for line in text[:-1].split("\n")
            if not any(statement.fullmatch(line) for statement in STATEMENTS)]


def labels(text: str) -> list[str]:
    """Every label, with its entity codes decoded: what Mermaid would show."""
    return [re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), found)
            for found in re.findall(r'"((?:[^"])*)"', text)]
