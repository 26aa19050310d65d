"""Every rule used to score typed answers to a puppet, in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from game.engine.puppets.answer_rules import MAX_PER_DIMENSION, Rule, RuleBook
from game.engine.scene.catalogue import Catalogue
from game.ui.screens.opening import while_open


def rule_effect(rule: Rule, catalogue: Catalogue) -> str:
    parts = [f"{catalogue.dimension(k).name} +{v}" for k, v in rule.scores]
    parts += [f"trap: {catalogue.trap(t).name}" for t in rule.traps]
    if rule.cancels_credit:
        parts.append("the answer earns no points")
    return "; ".join(parts) or "no score: only pointed out"


def examples(rule: Rule) -> str:
    return ", ".join(f"“{example}”" for example in rule.examples)


HOW_ANSWERS_ARE_READ = (
    "Your answer is read in plain words: curly and straight apostrophes are the same, and \"im\" "
    "or \"dont\" count as \"I'm\" and \"don't\". First the rules look at how you speak about "
    "yourself. If you are harsh with yourself, or simply agree with the puppet, the game answers "
    "gently and gives no points. Otherwise every rule that notices something adds its points, at "
    f"most +{MAX_PER_DIMENSION} on any one dimension. A rule marked as a trap, or sarcasm, means "
    "the answer earns no points."
)


class RulesScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,r,q", "dismiss", "Close", id="rules.close")]

    def __init__(self, book: RuleBook, catalogue: Catalogue) -> None:
        super().__init__()
        self.book, self.catalogue = book, catalogue

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="rules-scroll"):
            yield Static(Content("How typed answers are read (Escape closes)"), classes="question")
            yield Static(Content(self.book.note), classes="note")
            yield Static(Content(HOW_ANSWERS_ARE_READ))
            for rule in self.book.rules:
                yield Static(Content.assemble(
                    (rule.name, "bold"), f": {rule.about}\n",
                    ("  For example: ", "italic"), examples(rule), "\n",
                    ("  Effect: ", "italic"), rule_effect(rule, self.catalogue),
                ), classes="rule")

    @while_open
    def on_mount(self) -> None:
        self.query_one("#rules-scroll").focus()
