"""Finding the moment in a playthrough where another answer would most have changed closeness."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.play import runner
from game.engine.play.explore import explore_from
from game.engine.play.state import State
from game.engine.scene.model import Choice, Scene

STATE_LIMIT_PER_BRANCH = 20_000


@dataclass(frozen=True, slots=True)
class TurningPoint:
    index: int  # the state the choice was made from
    taken: Choice
    instead: Choice
    closeness_instead: int  # the most closeness any ending reaches after ``instead``
    closeness_taken: int  # the most closeness still reachable after what was chosen

    @property
    def gain(self) -> int:
        return self.closeness_instead - self.closeness_taken


def best_closeness_after(scene: Scene, state: State) -> int | None:
    result = explore_from(scene, state, STATE_LIMIT_PER_BRANCH)
    closeness = [m["closeness"] for metres in result.ending_meters.values() for m in metres]
    return max(closeness) if closeness else None


def find_turning_point(scene: Scene, states: list[State]) -> TurningPoint | None:
    """The choice that put the most closeness out of reach, and the option that would have kept it.

    For each choice taken, compare the best closeness still reachable after it with the best
    reachable after each other option. The biggest difference wins; on a tie, the later choice,
    since that is nearer to where things turned.
    """
    best: TurningPoint | None = None
    for index, state in enumerate(states[:-1]):
        step = states[index + 1].path[-1]
        options = runner.available_choices(scene, state)
        taken = next((c for c in options if c.key == step.choice), None)
        if taken is None or taken.key == runner.CONTINUE_KEY:
            continue
        after_taken = best_closeness_after(scene, states[index + 1])
        if after_taken is None:
            continue
        for other in options:
            if other.key == taken.key:
                continue
            after_other = best_closeness_after(scene, runner.choose(scene, state, other.key, step.player))
            if after_other is None or after_other <= after_taken:
                continue
            candidate = TurningPoint(index, taken, other, after_other, after_taken)
            if best is None or (candidate.gain, candidate.index) > (best.gain, best.index):
                best = candidate
    return best
