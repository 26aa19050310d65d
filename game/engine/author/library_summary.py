"""What a whole library of scenes covers: a pure summary that the CLI prints and tests guard.

Authors adding scenes can call ``summarise_library`` to see which attitudes, skills and traps
are thin on the ground, which puppets appear, and whether the longest answer gives the game away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from game.engine.scene.answer_tells import AnswerTells, answer_tells, percent
from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.model import Scene

LIBRARY_LONGEST_SHARE_TARGET = 0.40


@dataclass(frozen=True, slots=True)
class LibrarySummary:
    scenes: tuple[str, ...]  # scene ids
    dimensions: Mapping[str, int]  # dimension key -> scenes with a choice that raises it
    traps: Mapping[str, int]  # trap key -> scenes with a choice that falls into it
    puppets: Mapping[str, tuple[str, ...]]  # puppet id -> scenes whose interludes bring it on
    two_role_scenes: tuple[str, ...]  # scenes with two playable roles
    tags: Mapping[str, int]  # relationship tag -> scenes
    tells: AnswerTells  # over every scene together
    tells_by_scene: Mapping[str, AnswerTells]


def summarise_library(scenes: Iterable[Scene], catalogue: Catalogue | None = None) -> LibrarySummary:
    catalogue = catalogue or default_catalogue()
    scenes = list(scenes)
    dimensions = {d.key: 0 for d in catalogue.dimensions}
    traps = {t.key: 0 for t in catalogue.traps}
    puppets: dict[str, list[str]] = {}
    tags: dict[str, int] = {}
    for scene in scenes:
        choices = [c for n in scene.nodes.values() for c in n.choices]
        for key in {k for c in choices for k, v in c.effect.scores.items() if v > 0}:
            dimensions[key] = dimensions.get(key, 0) + 1
        for key in {t for c in choices for t in c.effect.traps}:
            traps[key] = traps.get(key, 0) + 1
        for puppet in dict.fromkeys(n.puppet.puppet for n in scene.nodes.values() if n.puppet):
            puppets.setdefault(puppet, []).append(scene.id)
        for tag in scene.tags:
            tags[tag] = tags.get(tag, 0) + 1
    by_scene = {s.id: answer_tells(s) for s in scenes}
    return LibrarySummary(
        scenes=tuple(s.id for s in scenes),
        dimensions=dimensions,
        traps=traps,
        puppets={p: tuple(ids) for p, ids in sorted(puppets.items())},
        two_role_scenes=tuple(s.id for s in scenes if len(s.playable_roles) >= 2),
        tags=dict(sorted(tags.items())),
        tells=sum(by_scene.values(), AnswerTells()),
        tells_by_scene=by_scene,
    )


def summary_text(summary: LibrarySummary, catalogue: Catalogue | None = None) -> str:
    catalogue = catalogue or default_catalogue()
    total = len(summary.scenes)
    lines = [f"library: {total} scene{'' if total == 1 else 's'}", "  scenes that raise each attitude and skill:"]
    lines += [f"    {d.name:<44}{summary.dimensions.get(d.key, 0):>3}" for d in catalogue.dimensions]
    lines.append("  scenes that offer each trap:")
    lines += [f"    {t.name:<44}{summary.traps.get(t.key, 0):>3}" for t in catalogue.traps]
    lines.append("  puppets in scene interludes:")
    lines += [f"    {p:<24}{', '.join(ids)}" for p, ids in summary.puppets.items()] or ["    none"]
    lines.append(f"  scenes with two playable roles: {len(summary.two_role_scenes)} of {total}"
                 + (f" ({', '.join(summary.two_role_scenes)})" if summary.two_role_scenes else ""))
    lines.append("  relationship tags: " + (", ".join(f"{t} {n}" for t, n in summary.tags.items()) or "none"))
    lines.append(f"  the best-scored option is also the {'longest':>20}{'shortest':>12}")
    for scene_id, tells in summary.tells_by_scene.items():
        lines.append(f"    {scene_id:<28}{_share(tells.longest_wins, tells):>14}"
                     f"{_share(tells.shortest_wins, tells):>14}")
    t = summary.tells
    lines.append(f"    {'whole library':<28}{_share(t.longest_wins, t):>14}{_share(t.shortest_wins, t):>14}"
                 f"  (target: at most {percent(LIBRARY_LONGEST_SHARE_TARGET)})")
    lines.append(f"  feeling words in options that are {'rewarded':>15}{'trapped':>14}")
    for scene_id, tells in summary.tells_by_scene.items():
        lines.append(f"    {scene_id:<28}{_part(tells.rewarded_feeling, tells.rewarded):>14}"
                     f"{_part(tells.trapped_feeling, tells.trapped):>14}")
    lines.append(f"    {'whole library':<28}{_part(t.rewarded_feeling, t.rewarded):>14}"
                 f"{_part(t.trapped_feeling, t.trapped):>14}")
    return "\n".join(lines)


def _share(wins: tuple[str, ...], tells: AnswerTells) -> str:
    share = len(wins) / tells.ranked_nodes if tells.ranked_nodes else 0.0
    return f"{len(wins)} of {tells.ranked_nodes} {percent(share):>4}"


def _part(count: int, total: int) -> str:
    return f"{count} of {total} {percent(count / total if total else 0.0):>4}"


def library_ok(summary: LibrarySummary) -> bool:
    return (summary.tells.longest_share <= LIBRARY_LONGEST_SHARE_TARGET
            and summary.tells.shortest_share <= LIBRARY_LONGEST_SHARE_TARGET)
