"""Made-up scenes of a chosen size, for measuring how the cost of loading and exploring grows.

``scene_text(nodes)`` writes a scene shaped like the shipped ones (narration, dialogue, three
scored choices, feedback, a flag and a condition), about 350 bytes a node, so 3,000 nodes
come to about 1 MB. ``explore_scene_text(depth)`` writes a chain of nodes whose meters can
wander, so that the number of distinct states grows with the depth.
"""

from __future__ import annotations

from game.engine.scene.catalogue import Catalogue, default_catalogue

ENDINGS = 2


def _keys(catalogue: Catalogue) -> tuple[list[str], list[str]]:
    dimensions = [d.key for d in catalogue.dimensions]
    traps = [t.key for t in catalogue.traps if t.key not in catalogue.safety.never_reward_traps]
    return dimensions, traps


def scene_text(nodes: int, catalogue: Catalogue | None = None) -> str:
    """A valid scene of ``nodes`` choice nodes plus three endings."""
    dimensions, traps = _keys(catalogue or default_catalogue())
    out = [
        "format: 1", f"id: synthetic-{nodes}", f"title: A made-up scene of {nodes} nodes",
        "summary: Two housemates talk about the washing-up, at length.", "minutes: 10",
        "roles:", "  you: {name: You, playable: true}", "  sam: {name: Sam, about: Your housemate.}",
        "variables:", "  asked: false",
        "start: n0", "nodes:",
    ]
    for i in range(nodes):
        near, far = _target(i + 1, nodes), _target(i + 2, nodes)
        dim, other, trap = dimensions[i % len(dimensions)], dimensions[(i + 3) % len(dimensions)], traps[i % len(traps)]
        out += [
            f"  n{i}:",
            "    lines:",
            f"      - The kettle clicks, time {i + 1}.",
            "      - sam: Again?",
            "    choices:",
            f"      - {{id: ask, text: Ask why., goto: {near}, scores: {{{dim}: 1}}, meters: {{closeness: 1}}, set: {{asked: true}}}}",
            f"      - {{id: joke, text: Pull a face., goto: {far}, scores: {{{other}: 1}}, feedback: A laugh helps.}}",
            f"      - {{id: sigh, text: Sigh., goto: {near}, if: not asked, traps: [{trap}]}}",
        ]
    for e in range(ENDINGS):
        out += [f"  end{e}:", "    ending:", f"      title: Ending {e}",
                "      reflection: The washing-up gets done, and something else too."]
    return "\n".join(out) + "\n"


def _target(index: int, nodes: int) -> str:
    return f"n{index}" if index < nodes else f"end{(index - nodes) % ENDINGS}"


def explore_scene_text(depth: int, catalogue: Catalogue | None = None) -> str:
    """A chain of ``depth`` nodes; each choice moves the meters, so states grow with depth."""
    dimensions, traps = _keys(catalogue or default_catalogue())
    out = [
        "format: 1", f"id: explore-{depth}", "title: A long evening", "roles:",
        "  you: {name: You, playable: true}", "variables:", "  talked: 0", "start: n0", "nodes:",
    ]
    for i in range(depth):
        goto = f"n{i + 1}" if i + 1 < depth else "done"
        out += [
            f"  n{i}:", "    lines: [The evening goes on.]", "    choices:",
            f"      - {{id: warm, text: Lean in., goto: {goto}, scores: {{{dimensions[0]}: 1}}, meters: {{closeness: 1}}, add: {{talked: 1}}}}",
            f"      - {{id: calm, text: Let it rest., goto: {goto}, scores: {{{dimensions[1]}: 1}}, meters: {{harmony: 1}}}}",
            f"      - {{id: cold, text: Turn away., goto: {goto}, traps: [{traps[0]}], meters: {{closeness: -1, harmony: -1}}}}",
        ]
    out += ["  done:", "    ending: {title: The end, reflection: It was a long evening.}"]
    return "\n".join(out) + "\n"
