"""A playthrough as Markdown to keep. Every piece of scene text and every name is escaped, so
that nothing in a scene can become a link, an image, HTML or a heading when the file is opened."""

from __future__ import annotations

import re
from datetime import date

from game.engine.play.playthrough import Playthrough
from game.engine.play.scoring import PlaythroughSummary, harmony_without_closeness
from game.engine.play.seating import Seating
from game.transcript.story import Chosen, Reached, Said, moments
from game.transcript.words import (
    APART_NOTE,
    feedback_sentences,
    meter_sentence,
    score_sentence,
)

# Marks that Markdown or HTML reads as syntax anywhere in a line; CommonMark lets a backslash
# make any of them literal. Other punctuation is left alone, so the file stays easy to read.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~])")
# Marks that only start a block (a heading, list, quote, rule or numbered item) at a line's start.
_LINE_START = re.compile(r"^([#>+=-]|\d+[.)])")


def escape(text: str) -> str:
    """Literal text, one Markdown line per line of ``text``, none of it read as syntax."""
    lines = [_LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1],
                             _ANYWHERE.sub(r"\\\1", line.strip()))
             for line in text.splitlines()]
    return "  \n".join(line for line in lines if line)


def quoted(paragraphs: list[str]) -> str:
    """Paragraphs (already escaped) inside a block quote."""
    return "\n>\n".join("\n".join("> " + line for line in p.split("\n")) for p in paragraphs)


def transcript_markdown(playthrough: Playthrough, seating: Seating, played_on: date | None = None) -> str:
    scene = playthrough.scene
    parts = [f"# {escape(scene.title)}", f"*{escape(_played_by(seating, played_on or date.today()))}*",
             "## What happened"]
    for moment in moments(playthrough, seating):
        if isinstance(moment, Said):
            parts.append(f"**{escape(moment.speaker)}:** {escape(moment.text)}" if moment.speaker
                         else escape(moment.text))
        elif isinstance(moment, Chosen):
            who = f"{moment.who} chose" if moment.who else "You chose"
            parts.append(quoted([f"**{escape(who)}:** {escape(moment.text)}"]
                                + [escape(s) for s in feedback_sentences(moment.feedback)]))
        elif isinstance(moment, Reached):
            parts += [f"## Ending: {escape(moment.ending.title)}", escape(moment.ending.reflection)]
    if not playthrough.is_over:
        parts.append("## Not finished yet\n\nThe scene was saved to this file before its ending.")
    parts += _totals(playthrough, seating)
    parts.append("*Pathways is practice, not therapy.*")
    return "\n\n".join(parts) + "\n"


def _played_by(seating: Seating, played_on: date) -> str:
    if seating.is_together:
        names = " and ".join(seat.name for seat in seating.seats)
        return f"Played together by {names} on {played_on.isoformat()}."
    return f"Played on {played_on.isoformat()}."


def _totals(playthrough: Playthrough, seating: Seating) -> list[str]:
    shared = playthrough.summary()
    parts = ["## Meters", _bullets(meter_sentence(m, v) for m, v in shared.meters)]
    if playthrough.is_over and harmony_without_closeness(shared):
        parts.append(escape(APART_NOTE))
    people = [(seat.name, seat.player) for seat in seating.seats] if seating.is_together else [("", None)]
    for name, player in people:
        summary = playthrough.summary(player)
        suffix = f": {name}" if name else ""
        parts += [f"## Attitudes and skills{escape(suffix) if suffix else ''}", _scores(summary),
                  f"## Traps{escape(suffix) if suffix else ''}", _traps(summary)]
    return parts


def _scores(summary: PlaythroughSummary) -> str:
    return _bullets(score_sentence(entry.name, value) for entry, value in summary.scores)


def _traps(summary: PlaythroughSummary) -> str:
    if not summary.traps:
        return "No traps this time."
    return _bullets(f"{t.trap.name}" + (f" ({t.times} times)" if t.times > 1 else "") + f": {t.trap.gentle}"
                    for t in summary.traps)


def _bullets(sentences) -> str:
    return "\n".join(f"- {escape(sentence)}" for sentence in sentences)
