"""Checks that look across a whole scene: links between nodes, safety rules, reachability."""

from __future__ import annotations

from game.engine.scene.catalogue import Catalogue
from game.engine.scene.diagnostics import Diagnostic, Level, did_you_mean
from game.engine.scene.graphs import strongly_connected
from game.engine.scene.model import Choice, Node, Scene
from game.engine.scene.position import Position


def check_scene(scene: Scene, catalogue: Catalogue) -> list[Diagnostic]:
    found: list[Diagnostic] = []

    def report(pos: Position, message: str, level: Level = "error") -> None:
        found.append(Diagnostic(scene.file, pos.line, pos.column, level, message))

    for node in scene.nodes.values():
        _check_links(scene, node, report)
        for choice in node.choices:
            _check_safety(node, choice, catalogue, report)
    for node_id in _route_cycle(scene):
        report(scene.nodes[node_id].pos,
               f"route node {node_id!r} can loop through route nodes forever without showing anything")
    if scene.nodes and not scene.endings():
        report(Position(1, 1), "the scene has no ending; give at least one node an 'ending'")
    if scene.start in scene.nodes:
        reachable = reachable_nodes(scene)
        for node in scene.nodes.values():
            if node.id not in reachable:
                what = "the ending" if node.ending else "node"
                report(node.pos, f"{what} {node.id!r} cannot be reached from the start", "warning")
    return found


def reachable_nodes(scene: Scene) -> set[str]:
    """Node ids linked from the start, ignoring conditions."""
    seen: set[str] = set()
    todo = [scene.start]
    while todo:
        node_id = todo.pop()
        if node_id in seen or node_id not in scene.nodes:
            continue
        seen.add(node_id)
        todo.extend(scene.nodes[node_id].targets())
    return seen


def _route_cycle(scene: Scene) -> list[str]:
    """Route nodes that can lead back to themselves through route nodes alone (one per cycle).

    Iterative, so that a chain of thousands of route nodes costs no recursion."""
    routes = {n.id: [b.goto for b in n.route if b.goto in scene.nodes and scene.nodes[b.goto].route]
              for n in scene.nodes.values() if n.route}
    order = {node_id: index for index, node_id in enumerate(routes)}
    found = []
    for component in strongly_connected(routes):
        if len(component) > 1 or component[0] in routes[component[0]]:
            found.append(min(component, key=order.__getitem__))
    return sorted(found)


def _check_links(scene: Scene, node: Node, report) -> None:
    links: list[tuple[str, Position]] = [(c.goto, c.goto_pos) for c in node.choices]
    links += [(b.goto, b.pos) for b in node.route]
    if node.goto is not None:
        links.append((node.goto, node.goto_pos))
    for target, pos in links:
        if target and target not in scene.nodes:
            report(pos, f"goto {target!r}: no node has that id{did_you_mean(target, scene.nodes)}")


def _check_safety(node: Node, choice: Choice, catalogue: Catalogue, report) -> None:
    effect = choice.effect
    unrewardable = catalogue.safety.never_reward_traps.intersection(effect.traps) if effect.traps else None
    if unrewardable:
        rewards = [k for k, v in effect.scores.items() if v > 0]
        rewards += [k for k, v in effect.meters.items() if v > 0]
        if rewards:
            report(choice.pos, f"a choice with the trap {sorted(unrewardable)[0]!r} may not raise "
                               f"{', '.join(sorted(rewards))}: Pathways never rewards self-blame")
    if node.unsafe:
        opening = sorted(k for k in catalogue.safety.unsafe_nodes_may_not_raise
                         if effect.scores.get(k, 0) > 0)
        opening += sorted(k for k in catalogue.safety.unsafe_nodes_may_not_raise_meters
                          if effect.meters.get(k, 0) > 0)
        if opening:
            report(choice.pos, f"node {node.id!r} is marked unsafe, so a choice here may not raise "
                               f"{', '.join(opening)}: opening up to a hostile partner is never rewarded")
