"""Reading typed answers to a puppet with transparent rules (game/data/puppet_rules.yaml).

Self-criticism is looked for first: an answer that is harsh about the player earns no positive
credit whatever else it contains, and the game answers it gently instead of with a score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from game.engine.puppets.answer_text import AnswerText, read_answer
from game.engine.puppets.self_talk import Noticed, notice
from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.model import Effect

MAX_ANSWER = 200
MAX_PER_DIMENSION = 2
TYPED_PREFIX = "typed:"
SELF_TALK = "self_talk"

GENTLE_RESPONSE = (
    "That sounds like the puppet talking, not the truth about you. How would you answer a friend "
    "who said that about themselves? You could try answering the puppet that way."
)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    about: str
    examples: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    found_by: str = ""
    scores: tuple[tuple[str, int], ...] = ()
    traps: tuple[str, ...] = ()
    blocks_credit: bool = False

    @property
    def cancels_credit(self) -> bool:
        return bool(self.traps) or self.blocks_credit


@dataclass(frozen=True, slots=True)
class RuleBook:
    note: str
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)

    def knows(self, rule_id: str) -> bool:
        return any(r.id == rule_id for r in self.rules)


@dataclass(frozen=True, slots=True)
class RuleMatch:
    rule: Rule
    words: tuple[str, ...]  # every stretch of the answer the rule noticed, as typed


@dataclass(frozen=True, slots=True)
class ScoredAnswer:
    matches: tuple[RuleMatch, ...]
    effect: Effect

    @property
    def choice_key(self) -> str:
        """How the answer is kept in a path: the rule ids, never the typed words."""
        return TYPED_PREFIX + "+".join(m.rule.id for m in self.matches)

    @property
    def self_critical(self) -> bool:
        """Harsh with yourself or agreeing with the critic: answered gently, never scored."""
        return is_self_critical(m.rule for m in self.matches)

    @property
    def credited(self) -> bool:
        return any(v > 0 for v in self.effect.scores.values())


def is_self_critical(rules) -> bool:
    return any("self_blame" in rule.traps for rule in rules)


def parse_rule_book(raw: dict) -> RuleBook:
    rules = tuple(
        Rule(
            id=r["id"], name=r["name"], about=" ".join(r["about"].split()),
            examples=tuple(r.get("examples") or ()),
            patterns=tuple(re.compile(p) for p in r.get("patterns") or ()),
            found_by=r.get("found_by", ""),
            scores=tuple((r.get("scores") or {}).items()),
            traps=tuple(r.get("traps") or ()),
            blocks_credit=bool(r.get("blocks_credit", False)),
        )
        for r in raw["rules"]
    )
    return RuleBook(" ".join(raw["note"].split()), rules)


@lru_cache(maxsize=1)
def default_rule_book() -> RuleBook:
    text = resources.files("game.data").joinpath("puppet_rules.yaml").read_text(encoding="utf-8")
    return parse_rule_book(yaml.safe_load(text))


def score_answer(text: str, book: RuleBook | None = None,
                 catalogue: Catalogue | None = None) -> ScoredAnswer:
    book = book or default_rule_book()
    answer = read_answer(text, MAX_ANSWER)
    spans = _self_talk_spans(answer) | _pattern_spans(answer, book)
    agreement = spans.pop("_agreement")
    if agreement:
        kind = spans.get("self_compassion") or spans.get("talking_back")
        spans["small_truth" if kind and "self_criticism" not in spans else "agreement"] = agreement
    matches = tuple(
        RuleMatch(rule, _typed_words(answer, spans[rule.id]))
        for rule in book.rules if spans.get(rule.id)
    )
    return ScoredAnswer(matches, effect_of([m.rule for m in matches], catalogue))


def _self_talk_spans(answer: AnswerText) -> dict[str, list[tuple[int, int]]]:
    noticed = notice(answer)
    spans: dict[str, list[tuple[int, int]]] = {}

    def add(rule_id: str, items: list[Noticed]) -> None:
        if items:
            spans[rule_id] = [(n.start, n.end) for n in items]

    harsh = [n for n in noticed if n.kind == "harsh"]
    agreement = [n for n in noticed if n.kind == "agreement"]
    add("self_criticism", harsh)
    add("sarcasm", [n for n in noticed if n.kind == "sarcasm"])
    if not harsh:
        add("talking_back", [n for n in noticed if n.kind == "talking_back"])
    spans["_agreement"] = [(n.start, n.end) for n in agreement]
    return spans


def _pattern_spans(answer: AnswerText, book: RuleBook) -> dict[str, list[tuple[int, int]]]:
    read = answer.read
    spans: dict[str, list[tuple[int, int]]] = {}
    for rule in book.rules:
        found = [m.span() for p in rule.patterns for m in p.finditer(read) if m.end() > m.start()]
        if found:
            spans[rule.id] = found
    return spans


def _typed_words(answer: AnswerText, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    words: list[str] = []
    for start, end in merged:
        typed = answer.typed_between(start, end).strip()
        if typed and typed not in words:
            words.append(typed)
    return tuple(words)


def effect_of(rules: list[Rule], catalogue: Catalogue | None = None) -> Effect:
    """Add the rules' scores (capped). A trap, or sarcasm, cancels every positive score."""
    catalogue = catalogue or default_catalogue()
    traps = tuple(t for rule in rules for t in rule.traps)
    scores: dict[str, int] = {}
    for rule in rules:
        for key, delta in rule.scores:
            scores[key] = min(MAX_PER_DIMENSION, scores.get(key, 0) + delta)
    if any(rule.cancels_credit for rule in rules) or catalogue.safety.never_reward_traps.intersection(traps):
        scores = {k: v for k, v in scores.items() if v < 0}
    return Effect(scores=scores, traps=traps)


def effect_of_key(choice_key: str, book: RuleBook | None = None) -> Effect | None:
    """The effect recorded by a ``typed:...`` choice key, or None if it names unknown rules."""
    rules = rules_of_key(choice_key, book)
    return None if rules is None else effect_of(list(rules))


def rules_of_key(choice_key: str, book: RuleBook | None = None) -> tuple[Rule, ...] | None:
    """The rules a ``typed:...`` key names (old keys too: rule ids are never reused), or None."""
    if not choice_key.startswith(TYPED_PREFIX):
        return None
    book = book or default_rule_book()
    ids = [i for i in choice_key[len(TYPED_PREFIX):].split("+") if i]
    if not all(book.knows(i) for i in ids):
        return None
    return tuple(book.rule(i) for i in ids)
