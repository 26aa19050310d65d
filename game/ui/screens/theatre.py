"""The puppet theatre: say the harsh line, watch the puppet perform it, answer it playfully.

Standalone it loops round after round (encore). As a scene's interlude it plays one round with
the scene's line and dismisses with the key of the answer, which the scene then takes.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from game.engine.play.scoring import feedback_for
from game.engine.play.seating import Seat
from game.engine.puppets.answer_rules import (
    GENTLE_RESPONSE,
    MAX_ANSWER,
    ScoredAnswer,
    default_rule_book,
    score_answer,
)
from game.engine.puppets.cast import Puppet
from game.engine.scene.model import Choice, Effect
from game.engine.scene.text import MAX_LINE
from game.records import PuppetRound
from game.ui.screens.opening import while_open
from game.ui.screens.screen_css import screen_css
from game.ui.widgets.notice_line import HasNoticeLine, NoticeLine
from game.ui.widgets.puppet_stage import PuppetStage
from game.ui.widgets.transcript import feedback_content

NO_MATCH = ("No rule matched your words. That does not make your answer wrong: the rules only "
            "look for a few kinds of wording.")


@dataclass(frozen=True, slots=True)
class Cast:
    """Who voices the puppet and who answers it; both None when playing alone."""

    voice: Seat | None = None
    answer: Seat | None = None

    def swapped(self) -> "Cast":
        return Cast(self.answer, self.voice)


@dataclass(frozen=True, slots=True)
class Answer:
    key: str  # the choice key a scene takes: the answer's key, or "typed:<rule ids>"
    text: str
    effect: Effect
    scored: ScoredAnswer | None = None  # set for typed answers

    @property
    def self_critical(self) -> bool:
        """Harsh with yourself: answered gently, never with a score."""
        if self.scored is not None:
            return self.scored.self_critical
        return "self_blame" in self.effect.traps


class TheatreScreen(HasNoticeLine, Screen[str | None]):
    DEFAULT_CSS = screen_css("theatre.tcss")  # parsed when this screen first opens
    SCOPED_CSS = False  # its rules name their own ids; some begin at Screen.-narrow
    BINDINGS = [
        Binding("escape", "leave", "Back", id="theatre.back"),
        Binding("enter", "back_to_scene", "Back to the scene", id="theatre.done"),
        Binding("r", "rules", "Rules", id="theatre.rules", tooltip="How typed answers are scored"),
        Binding("e", "encore", "Encore", id="theatre.encore", tooltip="Another round with this puppet"),
        Binding("t", "answer_again", "Answer again", id="theatre.again",
                tooltip="Try another answer to the same line"),
        Binding("s", "save_round", "Save round", id="theatre.save",
                tooltip="Keep this round in your records (nothing typed is kept otherwise)"),
        Binding("a", "toggle_motion", "Motion", id="theatre.motion",
                tooltip="Turn the puppet's animation on or off"),
    ]

    def __init__(self, puppet: Puppet, line: str | None = None, cast: Cast = Cast()) -> None:
        super().__init__()
        self.puppet, self.given_line, self.cast = puppet, line, cast
        self.line = ""
        self.answer: Answer | None = None
        self.rounds = 0

    @property
    def interlude(self) -> bool:
        return self.given_line is not None

    def compose(self) -> ComposeResult:
        with Vertical(id="theatre"):
            yield PuppetStage(self.puppet, animate=not self.app.reduced_motion, id="stage")
            yield NoticeLine()
            with VerticalScroll(id="steps"):
                with Vertical(id="line-step"):
                    yield Static(id="line-prompt", classes="step-prompt")
                    yield Input(placeholder="Type the harsh thought, then Enter", max_length=MAX_LINE,
                                id="harsh-line")
                    yield Static(Content("…or pick one:"), classes="note")
                    yield OptionList(*[Option(Content(line), id=str(i)) for i, line in
                                       enumerate(self.puppet.stock_lines)], id="stock-lines")
                with Vertical(id="answer-step"):
                    yield Static(id="answer-prompt", classes="step-prompt")
                    yield OptionList(id="answers")
                    yield Input(placeholder="…or type your own answer, then Enter", max_length=MAX_ANSWER,
                                id="own-answer")
                with Vertical(id="result-step"):
                    yield Static(id="result")
                    yield Static(id="reflection", classes="note")
                    yield Static(id="next-hint", classes="note")
        yield Footer()

    @while_open
    def on_mount(self) -> None:
        self.fit(self.app.size.width, self.app.size.height)
        self.start_round()

    @while_open
    def on_resize(self, event: events.Resize) -> None:
        self.fit(event.size.width, event.size.height)

    def fit(self, width: int, height: int) -> None:
        """On a small terminal the puppet's drawing gives way to its words and your answer."""
        self.set_class(height < 20, "-short")
        self.set_class(width < 60, "-narrow")

    # -- the round, step by step ------------------------------------------------------------

    def start_round(self) -> None:
        self.answer = None
        self.rounds += 1
        self.refresh_bindings()
        if self.interlude:
            self.perform(self.given_line or "")
            return
        voice = self.cast.voice
        prompt = (f"{voice.label}: voice the harsh thought that {self.cast.answer.label} hears inside."
                  if voice and self.cast.answer else "What does this voice say to you? Type it, or pick one.")
        self.query_one("#line-prompt", Static).update(Content(prompt))
        self.query_one("#harsh-line", Input).value = ""
        self.show_step("line-step")
        self.query_one("#harsh-line", Input).focus()

    def perform(self, line: str) -> None:
        self.line = line
        directions = self.puppet.stage_directions
        direction = directions[(self.rounds - 1) % len(directions)] if directions else ""
        self.query_one(PuppetStage).perform(self.puppet.voice.perform(line), direction)
        answerer = self.cast.answer
        prompt = f"{answerer.label}: answer your puppet." if answerer else "Answer it, from a playful, kind place."
        if self.interlude and self.cast.voice:
            prompt = f"{self.cast.voice.label}: read the puppet's line aloud, in its voice. Then {prompt}"
        self.query_one("#answer-prompt", Static).update(Content(prompt))
        answers = self.query_one("#answers", OptionList)
        answers.clear_options()
        answers.add_options([Option(Content(a.text), id=a.key) for a in self.puppet.answers])
        answers.highlighted = 0
        self.query_one("#own-answer", Input).value = ""
        self.show_step("answer-step")
        answers.focus()

    def conclude(self, answer: Answer) -> None:
        self.answer = answer
        effect = answer.effect
        bows = any(v > 0 for v in effect.scores.values()) and not effect.traps
        stage = self.query_one(PuppetStage)
        if bows:
            stage.finish("bowing" if "bowing" in self.puppet.frames else "deflated", "takes a deep bow and shuffles off")
        elif effect.traps:
            stage.finish("exaggerated", "looks very pleased with itself. Press t to answer it again")
        else:
            stage.finish("deflated", "deflates a little, unsure what to do now")
        self.query_one("#result", Static).update(self.result_content(answer))
        self.query_one("#reflection", Static).update(Content(self.puppet.reflection))
        hint = ("Enter: back to the scene · t: answer again · r: read the rules" if self.interlude
                else "e: encore · t: answer again · s: save this round · r: read the rules · "
                     "Escape: choose another puppet")
        self.query_one("#next-hint", Static).update(Content(hint))
        self.show_step("result-step")
        steps = self.query_one("#steps")
        steps.scroll_home(animate=False)
        steps.focus()
        self.refresh_bindings()

    def result_content(self, answer: Answer) -> Content:
        who = f"{self.cast.answer.label} answered" if self.cast.answer else "You answered"
        lines = [Content.assemble((f"{who}: ", "bold"), f"“{answer.text}”")]
        if answer.self_critical:
            lines.append(Content.assemble(("♡ ", "bold"), GENTLE_RESPONSE))
            if answer.scored is None and self.feedback_text(answer.key):
                lines.append(Content(self.feedback_text(answer.key)))
            lines.append(Content("No points for this one: Pathways never scores being hard on yourself. "
                                 "Press t to answer again."))
        elif answer.scored is None:
            choice = Choice(answer.key, answer.text, "", answer.effect, self.feedback_text(answer.key))
            lines.append(feedback_content(feedback_for(choice, self.app.catalogue)))
        else:
            lines += self.rule_lines(answer.scored)
        return Content("\n").join(lines)

    def rule_lines(self, scored: ScoredAnswer) -> list[Content]:
        lines = [Content.assemble(("What the rules noticed in your words:", "bold"))]
        for match in scored.matches:
            mark = "△" if match.rule.cancels_credit else ("✓" if match.rule.scores else "·")
            noticed = ", ".join(f"“{words}”" for words in match.words)
            lines.append(Content.assemble(f"{mark} ", (match.rule.name, "bold"), f": {noticed}. ",
                                          match.rule.about))
        if not scored.matches:
            lines.append(Content(NO_MATCH))
        feedback = feedback_for(Choice("typed", "", "", scored.effect), self.app.catalogue)
        if feedback.raised or feedback.traps:
            lines.append(feedback_content(feedback))
        if any(m.rule.cancels_credit for m in scored.matches):
            lines.append(Content("Because of the rule marked △, this answer earns no points."))
        lines.append(Content(default_rule_book().note + " Press r to read every rule."))
        return lines

    def feedback_text(self, key: str) -> str:
        return next((a.feedback for a in self.puppet.answers if a.key == key), "")

    def show_step(self, step: str) -> None:
        for name in ("line-step", "answer-step", "result-step"):
            self.query_one(f"#{name}").display = name == step

    # -- input ------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.notify("Type something first, or pick from the list.", timeout=3)
            return
        if event.input.id == "harsh-line":
            self.perform(text)
        elif event.input.id == "own-answer":
            scored = score_answer(text, catalogue=self.app.catalogue)
            self.conclude(Answer(scored.choice_key, text, scored.effect, scored))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "stock-lines":
            self.perform(self.puppet.stock_lines[int(event.option.id or 0)])
        elif event.option_list.id == "answers":
            choice = next(a for a in self.puppet.answers if a.key == event.option.id)
            self.conclude(Answer(choice.key, choice.text, choice.effect))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        finished = self.answer is not None
        if action == "back_to_scene":
            return self.interlude and finished
        if action == "encore":
            return not self.interlude and finished
        if action in ("save_round", "answer_again"):
            return finished
        return True

    # -- actions ----------------------------------------------------------------------------

    def action_back_to_scene(self) -> None:
        if self.interlude and self.answer is not None:
            self.dismiss(self.answer.key)

    def action_leave(self) -> None:
        self.query_one(PuppetStage).stop()
        if self.interlude:
            self.dismiss(self.answer.key if self.answer else None)
        else:
            self.dismiss(None)

    def action_rules(self) -> None:
        from game.ui.screens.rules import RulesScreen

        self.app.push_screen(RulesScreen(default_rule_book(), self.app.catalogue))

    def action_encore(self) -> None:
        if self.interlude or self.answer is None:
            return
        self.cast = self.cast.swapped()
        self.start_round()

    def action_answer_again(self) -> None:
        if self.answer is not None:
            self.answer = None
            self.perform(self.line)
            self.refresh_bindings()

    def action_save_round(self) -> None:
        if self.answer is None:
            self.notify("Finish the round first; then s keeps it.", timeout=3)
            return
        players = (self.cast.answer.name,) if self.cast.answer else ("You",)
        rules = tuple(m.rule.id for m in self.answer.scored.matches) if self.answer.scored else ()
        kept = PuppetRound(self.puppet.id, self.line, self.answer.text, rules,
                           dict(self.answer.effect.scores), self.answer.effect.traps, players)
        if self.app.records.save_round(kept):
            self.notify("Round saved in your records on this computer.", timeout=3)

    def action_toggle_motion(self) -> None:
        self.app.reduced_motion = not self.app.reduced_motion
        stage = self.query_one(PuppetStage)
        stage.animate = not self.app.reduced_motion
        if not stage.animate:
            stage.stop()
        self.notify(f"Animation {'off' if self.app.reduced_motion else 'on'}.", timeout=2)
