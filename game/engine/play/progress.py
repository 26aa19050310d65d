"""How each dimension and meter has moved across a player's finished attempts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Protocol

from game.engine.scene.catalogue import Catalogue


class AttemptLike(Protocol):
    status: str
    finished_at: str
    scores: Mapping[str, Mapping[str, int]]
    meters: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Series:
    key: str
    name: str
    values: tuple[int, ...]  # oldest first, one per finished attempt

    @property
    def change(self) -> int:
        return self.values[-1] - self.values[0] if self.values else 0


def progress_series(attempts: Iterable[AttemptLike], catalogue: Catalogue) -> list[Series]:
    finished = sorted((a for a in attempts if a.status == "finished"), key=lambda a: a.finished_at)
    series = [Series(m.key, m.name, tuple(a.meters.get(m.key, 0) for a in finished))
              for m in catalogue.meters]
    series += [Series(d.key, d.name,
                      tuple(sum(s.get(d.key, 0) for s in a.scores.values()) for a in finished))
               for d in catalogue.dimensions]
    return series
