"""Who is at the keyboard: one person alone, or two people taking turns.

With two people, a scene with two playable roles gives each person a role; a scene with one
playable role passes each choice to the next person. Swapping exchanges who plays what.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from game.engine.play import runner
from game.engine.play.state import SOLO, State
from game.engine.scene.model import Scene
from game.engine.scene.text import strip_control

MARKERS = ("◆", "●")
MAX_NAME = 20


@dataclass(frozen=True, slots=True)
class Seat:
    player: str  # the player id used in State.scores and State.traps: "p1", "p2"
    name: str
    marker: str

    @property
    def label(self) -> str:
        return f"{self.marker} {self.name}"


@dataclass(frozen=True, slots=True)
class Seating:
    seats: tuple[Seat, ...]
    roles: Mapping[str, str] = field(default_factory=dict)  # role id -> player id
    first: int = 0  # with one playable role: which seat makes the first choice

    @classmethod
    def alone(cls, name: str = "You") -> "Seating":
        return cls((Seat(SOLO, name, ""),))

    @staticmethod
    def together_seats(names: tuple[str, str]) -> tuple[Seat, ...]:
        return tuple(Seat(f"p{i + 1}", clean_name(n, f"Player {i + 1}"), MARKERS[i])
                     for i, n in enumerate(names))

    @classmethod
    def together(cls, scene: Scene, names: tuple[str, str]) -> "Seating":
        seats = cls.together_seats(names)
        playable = [r.id for r in scene.playable_roles]
        roles = {playable[0]: "p1", playable[1]: "p2"} if len(playable) >= 2 else {}
        return cls(seats, roles)

    @property
    def is_together(self) -> bool:
        return len(self.seats) > 1

    @property
    def players(self) -> tuple[str, ...]:
        return tuple(seat.player for seat in self.seats)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(seat.name for seat in self.seats)

    def seat(self, player: str) -> Seat:
        return next(s for s in self.seats if s.player == player)

    def player_for(self, scene: Scene, state: State) -> str:
        """The player whose turn it is at ``state``."""
        if not self.is_together:
            return self.seats[0].player
        role = scene.chooser(runner.current_node(scene, state))
        if role in self.roles:
            return self.roles[role]
        made = sum(1 for step in state.path if step.choice != runner.CONTINUE_KEY)
        return self.seats[(self.first + made) % len(self.seats)].player

    def role_of(self, player: str) -> str | None:
        return next((role for role, p in self.roles.items() if p == player), None)

    def swapped(self) -> "Seating":
        if not self.is_together:
            return self
        if self.roles:
            flip = {"p1": "p2", "p2": "p1"}
            return Seating(self.seats, {role: flip[p] for role, p in self.roles.items()}, self.first)
        return Seating(self.seats, {}, (self.first + 1) % len(self.seats))


def clean_name(name: str, fallback: str) -> str:
    """A typed name, made safe and short; untrusted like scene text."""
    name = " ".join(strip_control(name).split())[:MAX_NAME]
    return name or fallback
