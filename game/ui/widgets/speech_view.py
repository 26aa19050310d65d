"""How a speaker's label and a chosen line look in the transcript: pure functions, no widgets."""

from __future__ import annotations

from textual.content import Content

from game.engine.scene.speech import split_speech

SPEAKER_WIDTH = 12  # the speaker column in pathways.tcss, including the space before the line
NAME_ROOM = SPEAKER_WIDTH - 1


def speaker_label(name: str, marker: str = "") -> str:
    """``name`` (after ``marker``) cut with … to fit the speaker column, always leaving a space."""
    label = f"{marker} {name}" if marker else name
    label = " ".join(label.split())
    return label if len(label) <= NAME_ROOM else label[: NAME_ROOM - 1].rstrip() + "…"


def spoken_content(text: str, chosen: bool, quoted_scene: bool) -> Content:
    """A line as shown: a chosen line's stage directions in italics, apart from its words."""
    if not chosen:
        return Content(text)
    pieces = []
    for part in split_speech(text, quoted_scene):
        if part.kind == "speech":
            pieces.append(Content.styled(part.text, "bold"))
        else:
            pieces.append(Content.styled(f"({part.text})", "italic $text-muted"))
    return Content("\n").join(pieces)
