"""The shared debrief after playing together: highlights per person and conversation prompts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from game.engine.play import runner
from game.engine.play.state import State
from game.engine.scene.model import Choice, Scene

SCENE_PROMPTS, PROMPTS_SHOWN = 3, 4


@dataclass(frozen=True, slots=True)
class Highlight:
    player: str
    choice: Choice
    closeness: int  # how much this choice moved closeness


@dataclass(frozen=True, slots=True)
class PromptBook:
    prompts: tuple[str, ...]
    safety_note: str


@lru_cache(maxsize=1)
def prompt_book() -> PromptBook:
    text = resources.files("game.data").joinpath("prompts.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    return PromptBook(tuple(raw["prompts"]), " ".join(raw["safety_note"].split()))


def closeness_highlights(scene: Scene, states: list[State], players: tuple[str, ...]) -> dict[str, Highlight | None]:
    """For each player, the choice that raised closeness the most (None if none did)."""
    best: dict[str, Highlight | None] = {player: None for player in players}
    for node, choice, player in runner.taken_choices(scene, states[-1]):
        gain = choice.effect.meters.get("closeness", 0)
        current = best.get(player)
        if gain > 0 and (current is None or gain > current.closeness):
            best[player] = Highlight(player, choice, gain)
    return best


def debrief_prompts(scene: Scene, book: PromptBook | None = None) -> list[str]:
    """Up to three of the scene's own prompts, then general ones, four in all."""
    book = book or prompt_book()
    chosen = list(scene.prompts[:SCENE_PROMPTS])
    chosen += list(book.prompts[: PROMPTS_SHOWN - len(chosen)])
    return chosen
