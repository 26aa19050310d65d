"""Narration written like a spoken line: a slip of quoting that shows the player a role's id.

A spoken line is written ``- will: "You're home!"``. Quote the whole line instead
(``- 'will: You''re home!'``) and it loads as narration, shown as a stage direction that begins
"will:". It validates, so it is easy to miss; this warns about it. Narration that quotes what a
role wrote (``- 'Rafa: "Can I call?"'``, a text message on a phone) is meant, and passes.
"""

from __future__ import annotations

from game.engine.scene.diagnostics import Diagnostic
from game.engine.scene.model import Scene

QUOTES = "\"'“‘«"


def lint_narration_slips(scene: Scene) -> list[Diagnostic]:
    speakers = {key.lower(): role_id for role_id, role in scene.roles.items() for key in (role_id, role.name)}
    found: list[Diagnostic] = []
    for node in scene.nodes.values():
        for line in node.lines:
            head, colon, said = line.text.partition(":")
            said = said.strip()
            role_id = speakers.get(head.strip().lower()) if colon and said and said[0] not in QUOTES else None
            if line.speaker is None and role_id is not None:
                found.append(Diagnostic(
                    scene.file, line.pos.line, line.pos.column, "warning",
                    f"this narration begins {head.strip()!r} and a colon, like a line that "
                    f"{scene.roles[role_id].name} says; to have them say it, write "
                    f"{role_id}: \"...\" with only the words in quotes"))
    return found
