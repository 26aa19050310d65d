"""One scene played line by line: numbers choose, a few words do the rest."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.engine.play import runner
from game.engine.play.seating import Seating
from game.session import Session
from game.text.console import Console
from game.text.render import (
    show_choices,
    show_ending,
    show_feedback,
    show_history,
    show_node,
)
from game.transcript.files import write_transcript
from game.transcript.markdown import transcript_markdown
from game.transcript.words import feedback_sentences

WORDS = ("back", "history", "help", "feedback", "quit")
HELP = (
    "Type the number of a choice and press Enter. Other words:",
    "  back      go back one choice",
    "  history   everything said and chosen so far",
    "  feedback  switch feedback between after each choice and at the end",
    "  help      this list",
    "  quit      stop here; your place is kept",
)


@dataclass
class TextPlay:
    console: Console
    session: Session
    show_feedback: bool = True
    transcript: Path | None = None
    resume_hint: str = ""  # the command that goes on from a kept place

    @property
    def playthrough(self):
        return self.session.playthrough

    @property
    def seating(self) -> Seating:
        return self.session.seating

    def run(self) -> int:
        self.show_here()
        while not self.playthrough.is_over:
            answer = self.console.ask()
            if answer is None:
                self.console.say(f"End of input. Your place is kept. {self.resume_hint}".strip())
                return 0
            if self.handle(answer.lower()) == "quit":
                self.console.say(f"Your place is kept. {self.resume_hint}".strip())
                return 0
        return self.finish()

    def handle(self, answer: str) -> str | None:
        choices = self.playthrough.choices()
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            self.choose(choices[int(answer) - 1].key)
        elif answer == "" and len(choices) == 1 and choices[0].key == runner.CONTINUE_KEY:
            self.choose(runner.CONTINUE_KEY)
        elif answer in ("quit", "q", "exit"):
            return "quit"
        elif answer in ("back", "b"):
            self.back()
        elif answer in ("history", "h"):
            show_history(self.console, self.playthrough, self.seating)
            self.show_choices()
        elif answer in ("help", "?"):
            for line in HELP:
                self.console.say(line)
        elif answer in ("feedback", "f"):
            self.toggle_feedback()
        else:
            self.console.say(self.hint(len(choices)))
        return None

    @staticmethod
    def hint(count: int) -> str:
        numbers = "1" if count == 1 else f"a number from 1 to {count}"
        return f"Type {numbers}, or one of: {', '.join(WORDS)}."

    def choose(self, key: str) -> None:
        player = self.session.player_now()
        choice = self.playthrough.choose(key, player)
        if key != runner.CONTINUE_KEY:
            self.console.say(f"{self.name_of(player) or 'You'} chose: {choice.text}")
            if self.show_feedback:
                show_feedback(self.console, feedback_sentences(self.playthrough.feedback(choice)),
                              self.name_of(player))
        self.session.after_step()
        self.console.say()
        self.show_here()

    def back(self) -> None:
        if not self.playthrough.rewind_one_choice():
            self.console.say("There is no earlier choice to go back to.")
            return
        self.session.save()
        self.console.say("Back to before the last choice.")
        self.console.say()
        self.show_here()

    def toggle_feedback(self) -> None:
        self.show_feedback = not self.show_feedback
        self.session.records.set_setting("show_feedback", self.show_feedback)
        self.console.say("Feedback now comes after each choice." if self.show_feedback
                         else "Feedback now waits until the end.")

    def name_of(self, player: str) -> str:
        return self.seating.seat(player).name if self.seating.is_together else ""

    def show_here(self) -> None:
        show_node(self.console, self.playthrough)
        if not self.playthrough.is_over:
            self.show_choices()

    def show_choices(self) -> None:
        turn = ""
        if self.seating.is_together:
            player = self.session.player_now()
            role = self.seating.role_of(player)
            playing = f", playing {self.playthrough.scene.roles[role].name}" if role else ""
            turn = f"{self.name_of(player)}'s turn{playing}."
        show_choices(self.console, self.playthrough.choices(), turn)

    def finish(self) -> int:
        ending = self.playthrough.node.ending
        assert ending is not None
        show_ending(self.console, ending, self.playthrough, self.seating, review=not self.show_feedback)
        if self.transcript is not None:
            return self.save_transcript(self.transcript)
        return 0

    def save_transcript(self, path: Path) -> int:
        try:
            written = write_transcript(path, transcript_markdown(self.playthrough, self.seating))
        except OSError as error:
            self.console.say(f"The transcript was not saved: {error}")
            return 1
        self.console.say()
        self.console.say(f"Transcript saved to {written}.")
        return 0
