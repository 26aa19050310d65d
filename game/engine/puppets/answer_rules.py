"""Scoring typed answers to a puppet with transparent, readable rules (game/data/puppet_rules.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.model import Effect
from game.engine.scene.text import strip_control

MAX_ANSWER = 200
MAX_PER_DIMENSION = 2
TYPED_PREFIX = "typed:"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    about: str
    patterns: tuple[re.Pattern[str], ...]
    scores: tuple[tuple[str, int], ...] = ()
    traps: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleBook:
    note: str
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


@dataclass(frozen=True, slots=True)
class RuleMatch:
    rule: Rule
    words: str  # the words that matched, as typed


@dataclass(frozen=True, slots=True)
class ScoredAnswer:
    matches: tuple[RuleMatch, ...]
    effect: Effect

    @property
    def choice_key(self) -> str:
        """How the answer is kept in a path: the rule ids, never the typed words."""
        return TYPED_PREFIX + "+".join(m.rule.id for m in self.matches)


def parse_rule_book(raw: dict) -> RuleBook:
    rules = tuple(
        Rule(
            id=r["id"], name=r["name"], about=" ".join(r["about"].split()),
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in r["patterns"]),
            scores=tuple((r.get("scores") or {}).items()),
            traps=tuple(r.get("traps") or ()),
        )
        for r in raw["rules"]
    )
    return RuleBook(" ".join(raw["note"].split()), rules)


@lru_cache(maxsize=1)
def default_rule_book() -> RuleBook:
    text = resources.files("game.data").joinpath("puppet_rules.yaml").read_text(encoding="utf-8")
    return parse_rule_book(yaml.safe_load(text))


def clean_answer(text: str) -> str:
    return " ".join(strip_control(text).split())[:MAX_ANSWER]


def score_answer(text: str, book: RuleBook | None = None,
                 catalogue: Catalogue | None = None) -> ScoredAnswer:
    book = book or default_rule_book()
    answer = clean_answer(text)
    matches = []
    for rule in book.rules:
        found = next((m for p in rule.patterns if (m := p.search(answer))), None)
        if found:
            matches.append(RuleMatch(rule, found.group(0)))
    return ScoredAnswer(tuple(matches), effect_of([m.rule for m in matches], catalogue))


def effect_of(rules: list[Rule], catalogue: Catalogue | None = None) -> Effect:
    """Add the rules' scores (capped), and drop every reward when a never-rewarded trap matched."""
    catalogue = catalogue or default_catalogue()
    traps = tuple(t for rule in rules for t in rule.traps)
    scores: dict[str, int] = {}
    for rule in rules:
        for key, delta in rule.scores:
            scores[key] = min(MAX_PER_DIMENSION, scores.get(key, 0) + delta)
    if catalogue.safety.never_reward_traps.intersection(traps):
        scores = {k: v for k, v in scores.items() if v < 0}
    return Effect(scores=scores, traps=traps)


def effect_of_key(choice_key: str, book: RuleBook | None = None) -> Effect | None:
    """The effect recorded by a ``typed:...`` choice key, or None if it names unknown rules."""
    if not choice_key.startswith(TYPED_PREFIX):
        return None
    book = book or default_rule_book()
    ids = [i for i in choice_key[len(TYPED_PREFIX):].split("+") if i]
    known = {r.id for r in book.rules}
    if any(i not in known for i in ids):
        return None
    return effect_of([book.rule(i) for i in ids])
