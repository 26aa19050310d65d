"""Every rule used to score typed answers to a puppet, in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from game.engine.puppets.answer_rules import MAX_PER_DIMENSION, RuleBook
from game.engine.scene.catalogue import Catalogue


def rule_effect(rule, catalogue: Catalogue) -> str:
    parts = [f"{catalogue.dimension(k).name} +{v}" for k, v in rule.scores]
    parts += [f"trap: {catalogue.trap(t).name}" for t in rule.traps]
    return "; ".join(parts) or "no score: only pointed out"


def looks_for(rule) -> str:
    """The patterns, roughly readable: regular-expression word boundaries removed."""
    return "  |  ".join(p.pattern.replace("\\b", "") for p in rule.patterns)


class RulesScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,r,q", "dismiss", "Close", id="rules.close")]

    def __init__(self, book: RuleBook, catalogue: Catalogue) -> None:
        super().__init__()
        self.book, self.catalogue = book, catalogue

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="rules-scroll"):
            yield Static(Content("How typed answers are scored (Escape closes)"), classes="question")
            yield Static(Content(self.book.note), classes="note")
            yield Static(Content(
                f"Every rule that matches adds its scores, at most +{MAX_PER_DIMENSION} on any one "
                "dimension. If an answer agrees with the puppet (self-blame), nothing is rewarded."))
            for rule in self.book.rules:
                yield Static(Content.assemble(
                    (rule.name, "bold"), f": {rule.about}\n",
                    ("  Effect: ", "italic"), rule_effect(rule, self.catalogue), "\n",
                    ("  Looks for: ", "italic"), looks_for(rule),
                ), classes="rule")

    def on_mount(self) -> None:
        self.query_one("#rules-scroll").focus()
