"""Numbers, meters and feedback as plain sentences that a screen reader reads well."""

from __future__ import annotations

from game.engine.play.scoring import ChoiceFeedback
from game.engine.scene.catalogue import Meter

NEUTRAL_CHOICE = "This choice neither builds nor costs much. The scene goes on."


def spoken(value: int) -> str:
    """"plus 3", "0" or "minus 2": words a screen reader cannot misread."""
    return f"plus {value}" if value > 0 else ("0" if value == 0 else f"minus {abs(value)}")


def meter_sentence(meter: Meter, value: int) -> str:
    """"Closeness plus 7 out of 10", the meter's range told as its top."""
    return f"{meter.name} {spoken(value)} out of {meter.maximum}"


def score_sentence(name: str, value: int) -> str:
    return f"{name} {spoken(value)}"


def feedback_sentences(feedback: ChoiceFeedback) -> list[str]:
    """What a choice showed, missed and fell into, then the scene's own words about it."""
    sentences: list[str] = []
    if feedback.raised:
        sentences.append("Showed: " + ", ".join(score_sentence(d.name, v) for d, v in feedback.raised) + ".")
    if feedback.lowered:
        sentences.append("Missed: " + ", ".join(score_sentence(d.name, v) for d, v in feedback.lowered) + ".")
    for trap in feedback.traps:
        sentences.append(f"Trap: {trap.name}.")
    if feedback.text:
        sentences.append(feedback.text)
    return sentences or [NEUTRAL_CHOICE]


APART_NOTE = (
    "Things ended calmer than they ended close. Smoothing a problem over can bring the peace "
    "back without bringing anyone nearer; that gap is what this game is about."
)
