"""What a choice or a whole playthrough meant, in the catalogue's terms."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from game.engine.play.state import State
from game.engine.scene.catalogue import Catalogue, Entry, Meter
from game.engine.scene.model import Choice


@dataclass(frozen=True, slots=True)
class ChoiceFeedback:
    raised: tuple[tuple[Entry, int], ...]
    lowered: tuple[tuple[Entry, int], ...]
    traps: tuple[Entry, ...]
    text: str


@dataclass(frozen=True, slots=True)
class TrapSummary:
    trap: Entry
    times: int


@dataclass(frozen=True, slots=True)
class PlaythroughSummary:
    scores: tuple[tuple[Entry, int], ...]  # every dimension, in catalogue order
    traps: tuple[TrapSummary, ...]  # in the order first fallen into
    meters: tuple[tuple[Meter, int], ...]


def feedback_for(choice: Choice, catalogue: Catalogue) -> ChoiceFeedback:
    scores = choice.effect.scores
    ordered = [(d, scores[d.key]) for d in catalogue.dimensions if d.key in scores]
    return ChoiceFeedback(
        raised=tuple((d, v) for d, v in ordered if v > 0),
        lowered=tuple((d, v) for d, v in ordered if v < 0),
        traps=tuple(catalogue.trap(t) for t in choice.effect.traps),
        text=choice.feedback,
    )


def summarise(state: State, catalogue: Catalogue, player: str | None = None) -> PlaythroughSummary:
    """Totals for one player, or for everyone when ``player`` is None."""
    counts = Counter(state.traps_of(player))
    return PlaythroughSummary(
        scores=tuple((d, state.score(d.key, player)) for d in catalogue.dimensions),
        traps=tuple(TrapSummary(catalogue.trap(key), n) for key, n in counts.items()),
        meters=tuple((m, state.meters.get(m.key, 0)) for m in catalogue.meters),
    )


def harmony_without_closeness(summary: PlaythroughSummary, gap: int = 3) -> bool:
    """True when things ended calm on the surface but noticeably less close than calm."""
    meters = {meter.key: value for meter, value in summary.meters}
    return meters.get("harmony", 0) - meters.get("closeness", 0) >= gap
