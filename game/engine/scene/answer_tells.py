"""Tells that give the right answer away without the player learning anything.

Three are measured: the best-scored option of a choice node is also its longest (or, the
over-correction, its shortest), and feeling words ("hurt", "lonely", "I feel") appear in
rewarded options but not in trapped ones. A player who always picks the longest, the shortest
or the most feelings-rich line should not win by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from game.engine.scene.diagnostics import Diagnostic
from game.engine.scene.model import Choice, Node, Scene

LONGEST_WINS_WARN_ABOVE = 0.5  # a scene's share of choice nodes where the longest option is best
SHORTEST_WINS_WARN_ABOVE = 0.5  # the same for the shortest option
FEELING_GAP_WARN_ABOVE = 0.5  # rewarded share minus trapped share of options with feeling words
MIN_RANKED_NODES = 4  # fewer choice nodes than this say nothing about a habit (one node is 100%)
MIN_OPTIONS = 4  # rewarded and trapped options needed before feeling words are compared

FEELINGS = (
    "feel", "feels", "feeling", "feelings", "felt", "hurt", "hurts", "sad", "lonely", "scared", "afraid",
    "frightened", "fear", "angry", "anger", "jealous", "jealousy", "resent", "resentful", "resentment",
    "miss", "missed", "disappointed", "gutted", "ashamed", "embarrassed", "anxious", "worried", "upset",
    "guilty", "stung", "tender", "vulnerable", "frustrated", "annoyed", "relieved", "proud", "lonelier",
    "left out", "left behind")
# The look-ahead at the words' first letters lets the regex engine skip to a likely word; without
# it, every one of the words is tried at every word boundary of every option.
_FEELINGS_PATTERN = r"\b(?=[" + "".join(sorted({word[0] for word in FEELINGS})) + "])(" + "|".join(FEELINGS) + r")\b"
FEELING_WORDS = re.compile(_FEELINGS_PATTERN, re.IGNORECASE)
# In ASCII text, ignoring case is the same as matching the lower-cased text, which is faster.
_FEELING_WORDS_IN_LOWER_CASE = re.compile(_FEELINGS_PATTERN)


def merit(choice: Choice) -> int:
    """How well a choice scores: its score changes, less one for each trap it falls into."""
    return sum(choice.effect.scores.values()) - len(choice.effect.traps)


def spoken_length(choice: Choice) -> int:
    return len(choice.text.strip().strip("\"'“”‘’"))


def has_feeling_words(text: str) -> bool:
    if text.isascii():
        return _FEELING_WORDS_IN_LOWER_CASE.search(text.lower()) is not None
    return FEELING_WORDS.search(text) is not None


def is_rewarded(choice: Choice) -> bool:
    return not choice.effect.traps and any(v > 0 for v in choice.effect.scores.values())


def extremes_are_best(node: Node) -> tuple[bool, bool] | None:
    """Whether the longest, and whether the shortest, option is among the best-scored; None if
    the node has nothing to rank."""
    if len(node.choices) < 2:
        return None
    merits = [merit(c) for c in node.choices]
    best = max(merits)
    if min(merits) == best:
        return None
    lengths = [spoken_length(c) for c in node.choices]
    longest, shortest = max(lengths), min(lengths)
    return (any(m == best for m, length in zip(merits, lengths) if length == longest),
            any(m == best for m, length in zip(merits, lengths) if length == shortest))


@dataclass(frozen=True, slots=True)
class AnswerTells:
    ranked_nodes: int = 0  # choice nodes whose options score differently
    longest_wins: tuple[str, ...] = ()  # ids of those where the longest option is best-scored
    rewarded: int = 0  # options with a raised score and no trap
    rewarded_feeling: int = 0
    trapped: int = 0
    trapped_feeling: int = 0
    shortest_wins: tuple[str, ...] = ()  # ids of choice nodes where the shortest option is best-scored

    @property
    def longest_share(self) -> float:
        return len(self.longest_wins) / self.ranked_nodes if self.ranked_nodes else 0.0

    @property
    def shortest_share(self) -> float:
        return len(self.shortest_wins) / self.ranked_nodes if self.ranked_nodes else 0.0

    @property
    def rewarded_feeling_share(self) -> float:
        return self.rewarded_feeling / self.rewarded if self.rewarded else 0.0

    @property
    def trapped_feeling_share(self) -> float:
        return self.trapped_feeling / self.trapped if self.trapped else 0.0

    def __add__(self, other: "AnswerTells") -> "AnswerTells":
        return AnswerTells(self.ranked_nodes + other.ranked_nodes, self.longest_wins + other.longest_wins,
                           self.rewarded + other.rewarded, self.rewarded_feeling + other.rewarded_feeling,
                           self.trapped + other.trapped, self.trapped_feeling + other.trapped_feeling,
                           self.shortest_wins + other.shortest_wins)


def answer_tells(scene: Scene) -> AnswerTells:
    ranked, wins, short_wins = 0, [], []
    rewarded = rewarded_feeling = trapped = trapped_feeling = 0
    for node in scene.nodes.values():
        verdict = extremes_are_best(node)
        if verdict is not None:
            ranked += 1
            if verdict[0]:
                wins.append(node.id)
            if verdict[1]:
                short_wins.append(node.id)
        for choice in node.choices:
            feeling = has_feeling_words(choice.text)
            if choice.effect.traps:
                trapped += 1
                trapped_feeling += feeling
            elif is_rewarded(choice):
                rewarded += 1
                rewarded_feeling += feeling
    return AnswerTells(ranked, tuple(wins), rewarded, rewarded_feeling, trapped, trapped_feeling,
                       tuple(short_wins))


def library_tells(scenes: Iterable[Scene]) -> AnswerTells:
    return sum((answer_tells(s) for s in scenes), AnswerTells())


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def lint_answer_tells(scene: Scene) -> list[Diagnostic]:
    tells = answer_tells(scene)
    found: list[Diagnostic] = []
    enough = tells.ranked_nodes >= MIN_RANKED_NODES
    if enough and tells.longest_share > LONGEST_WINS_WARN_ABOVE:
        first = scene.nodes[tells.longest_wins[0]].pos
        found.append(Diagnostic(
            scene.file, first.line, first.column, "warning",
            f"the longest option is also the best-scored in {len(tells.longest_wins)} of "
            f"{tells.ranked_nodes} choice nodes ({percent(tells.longest_share)}; at most "
            f"{percent(LONGEST_WINS_WARN_ABOVE)}): {', '.join(tells.longest_wins)}. Players learn to pick "
            "the longest line; make right answers plain and short, and let some traps be long and articulate"))
    if enough and tells.shortest_share > SHORTEST_WINS_WARN_ABOVE:
        first = scene.nodes[tells.shortest_wins[0]].pos
        found.append(Diagnostic(
            scene.file, first.line, first.column, "warning",
            f"the shortest option is also the best-scored in {len(tells.shortest_wins)} of "
            f"{tells.ranked_nodes} choice nodes ({percent(tells.shortest_share)}; at most "
            f"{percent(SHORTEST_WINS_WARN_ABOVE)}): {', '.join(tells.shortest_wins)}. Players learn to pick "
            "the shortest line; let some right answers take their time, and some traps be curt"))
    gap = tells.rewarded_feeling_share - tells.trapped_feeling_share
    if tells.rewarded >= MIN_OPTIONS and tells.trapped >= MIN_OPTIONS and gap > FEELING_GAP_WARN_ABOVE:
        first = next(c.pos for n in scene.nodes.values() for c in n.choices
                     if is_rewarded(c) and has_feeling_words(c.text))
        found.append(Diagnostic(
            scene.file, first.line, first.column, "warning",
            f"feeling words mark the answer: they are in {percent(tells.rewarded_feeling_share)} of "
            f"rewarded options and {percent(tells.trapped_feeling_share)} of trapped ones. Let some traps "
            "talk about feelings too (a blaming \"I feel\", a therapy-voice speech)"))
    return found
