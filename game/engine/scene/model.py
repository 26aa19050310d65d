"""The scene model: immutable values built by the loader, with source positions for messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping, Union

from game.engine.scene.conditions import Condition
from game.engine.scene.position import Position

VariableValue = Union[bool, int, str]
NodeKind = Literal["choice", "continue", "route", "ending", "puppet"]

NOWHERE = Position(0, 0)


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    name: str
    playable: bool = False
    about: str = ""


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    speaker: str | None = None  # a role id; None is narration
    condition: Condition | None = None
    pos: Position = NOWHERE


@dataclass(frozen=True, slots=True)
class Effect:
    scores: Mapping[str, int] = field(default_factory=dict)
    traps: tuple[str, ...] = ()
    meters: Mapping[str, int] = field(default_factory=dict)
    set: Mapping[str, VariableValue] = field(default_factory=dict)
    add: Mapping[str, int] = field(default_factory=dict)

    @property
    def is_scored(self) -> bool:
        return bool(self.scores or self.traps)


@dataclass(frozen=True, slots=True)
class Choice:
    key: str  # the author's id, or the choice's position in its node
    text: str
    goto: str
    effect: Effect = Effect()
    feedback: str = ""
    condition: Condition | None = None
    once: bool = False
    pos: Position = NOWHERE
    goto_pos: Position = NOWHERE


@dataclass(frozen=True, slots=True)
class RouteBranch:
    goto: str
    condition: Condition | None = None  # None: the fallback branch
    pos: Position = NOWHERE


@dataclass(frozen=True, slots=True)
class PuppetCue:
    """A puppet interlude: the theatre opens with this puppet and line, then the scene goes on."""

    puppet: str
    line: str
    answers: tuple[Choice, ...]  # the puppet's answers, leading to the node's goto


@dataclass(frozen=True, slots=True)
class Ending:
    title: str
    reflection: str


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    lines: tuple[Line, ...] = ()
    choices: tuple[Choice, ...] = ()
    goto: str | None = None
    route: tuple[RouteBranch, ...] = ()
    ending: Ending | None = None
    turn: str | None = None  # the playable role who chooses here
    unsafe: bool = False  # the other person is hostile here: opening up is not rewarded
    puppet: PuppetCue | None = None
    pos: Position = NOWHERE
    goto_pos: Position = NOWHERE

    @property
    def kind(self) -> NodeKind:
        if self.puppet is not None:
            return "puppet"
        if self.ending is not None:
            return "ending"
        if self.route:
            return "route"
        if self.goto is not None:
            return "continue"
        return "choice"

    def targets(self) -> list[str]:
        """Every node this node can lead to."""
        if self.goto is not None:
            return [self.goto]
        return [c.goto for c in self.choices] + [b.goto for b in self.route]


@dataclass(frozen=True, slots=True)
class Scene:
    id: str
    title: str
    summary: str
    minutes: int
    content_notes: tuple[str, ...]
    roles: Mapping[str, Role]
    variables: Mapping[str, VariableValue]
    meters: Mapping[str, int]
    start: str
    nodes: Mapping[str, Node]
    file: str = "<memory>"
    prompts: tuple[str, ...] = ()  # conversation prompts for the shared debrief
    tags: tuple[str, ...] = ()  # kinds of relationship: partners, friends, family, housemates...

    @property
    def playable_roles(self) -> tuple[Role, ...]:
        return tuple(r for r in self.roles.values() if r.playable)

    def chooser(self, node: Node) -> str:
        """The role that chooses at ``node``."""
        return node.turn or self.playable_roles[0].id

    def practised(self) -> tuple[str, ...]:
        """Dimension keys that some choice rewards, the most rewarded first."""
        weight: dict[str, int] = {}
        for node in self.nodes.values():
            for choice in node.choices + (node.puppet.answers if node.puppet else ()):
                for key, delta in choice.effect.scores.items():
                    if delta > 0:
                        weight[key] = weight.get(key, 0) + delta
        return tuple(sorted(weight, key=lambda key: -weight[key]))

    def endings(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes.values() if n.ending is not None)
