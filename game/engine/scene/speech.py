"""Telling speech from stage directions in a choice's text.

Scenes write what a person says in double quotes and what they do outside them:
``"Oh, whatever you've planned. It'll be lovely." Fold your own wish away for now.``
In a scene that quotes its speech, a choice with no quotes at all is an action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from game.engine.scene.model import Scene

PartKind = Literal["speech", "direction"]

_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')


@dataclass(frozen=True, slots=True)
class Part:
    kind: PartKind
    text: str


def quotes_speech(scene: Scene) -> bool:
    """True when some choice of ``scene`` puts its words in quotes."""
    return any(_QUOTED.search(choice.text) for node in scene.nodes.values() for choice in node.choices)


def split_speech(text: str, quoted_scene: bool = True) -> tuple[Part, ...]:
    """The spoken and acted parts of ``text``, in order. Quotes stay on the spoken parts."""
    if not _QUOTED.search(text):
        kind: PartKind = "direction" if quoted_scene else "speech"
        return (Part(kind, text.strip()),)
    parts: list[Part] = []
    position = 0
    for match in _QUOTED.finditer(text):
        _add_direction(parts, text[position:match.start()])
        parts.append(Part("speech", match.group()))
        position = match.end()
    _add_direction(parts, text[position:])
    return tuple(parts)


def _add_direction(parts: list[Part], text: str) -> None:
    text = text.strip()
    if text:
        parts.append(Part("direction", text))
