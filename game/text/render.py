"""What text mode prints: scene lines, numbered choices, feedback, endings and totals, in words."""

from __future__ import annotations

from game.engine.play.playthrough import Playthrough
from game.engine.play.scoring import PlaythroughSummary, harmony_without_closeness
from game.engine.play.seating import Seating
from game.engine.scene.model import Choice, Ending
from game.text.console import Console
from game.transcript.story import (
    Chosen,
    Reached,
    Said,
    moments,
    puppet_line,
    speaker_name,
)
from game.transcript.words import (
    APART_NOTE,
    feedback_sentences,
    meter_sentence,
    score_sentence,
)


def say_line(console: Console, speaker: str, text: str) -> None:
    console.say(f"{console.strong(speaker)}: {text}" if speaker else text)


def show_node(console: Console, playthrough: Playthrough) -> None:
    """The lines at the current moment, and a puppet's line if one speaks."""
    scene = playthrough.scene
    for line in playthrough.lines():
        say_line(console, speaker_name(scene, line), line.text)
    cue = puppet_line(playthrough, len(playthrough.states) - 1)
    if cue is not None:
        say_line(console, cue.speaker, cue.text)


def show_choices(console: Console, choices: tuple[Choice, ...], turn: str = "") -> None:
    console.say()
    if turn:
        console.say(turn)
    for number, choice in enumerate(choices, start=1):
        console.say(f"{number}. {choice.text}")


def show_feedback(console: Console, sentences: list[str], to: str = "") -> None:
    console.say(f"Feedback for {to}:" if to else "Feedback:")
    for sentence in sentences:
        console.say(f"  {sentence}")


def show_history(console: Console, playthrough: Playthrough, seating: Seating) -> None:
    console.heading("So far")
    for moment in moments(playthrough, seating):
        if isinstance(moment, Said):
            say_line(console, moment.speaker, moment.text)
        elif isinstance(moment, Chosen):
            console.say(f"{moment.who or 'You'} chose: {moment.text}")
    console.say("End of the story so far.")


def show_ending(console: Console, ending: Ending, playthrough: Playthrough, seating: Seating,
                review: bool) -> None:
    console.heading(f"Ending: {ending.title}")
    console.say(ending.reflection)
    shared = playthrough.summary()
    console.heading("Meters")
    for meter, value in shared.meters:
        console.say(meter_sentence(meter, value) + ".")
    if harmony_without_closeness(shared):
        console.say(APART_NOTE)
    people = [(seat.name, seat.player) for seat in seating.seats] if seating.is_together else [("", None)]
    for name, player in people:
        show_totals(console, playthrough.summary(player), name)
    if review:
        show_review(console, playthrough, seating)


def show_totals(console: Console, summary: PlaythroughSummary, name: str) -> None:
    console.heading(f"Attitudes and skills for {name}" if name else "Attitudes and skills")
    for entry, value in summary.scores:
        console.say(score_sentence(entry.name, value) + ".")
    console.heading(f"Traps for {name}" if name else "Traps")
    if not summary.traps:
        console.say("No traps this time.")
    for item in summary.traps:
        times = f", {item.times} times" if item.times > 1 else ""
        console.say(f"{item.trap.name}{times}. {item.trap.gentle}")


def show_review(console: Console, playthrough: Playthrough, seating: Seating) -> None:
    console.heading("Looking back at your choices")
    for moment in moments(playthrough, seating):
        if isinstance(moment, Chosen):
            console.say(f"{moment.who or 'You'} chose: {moment.text}")
            for sentence in feedback_sentences(moment.feedback):
                console.say(f"  {sentence}")
        elif isinstance(moment, Reached):
            break
