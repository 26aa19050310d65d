"""The scene as a graph of nodes and labelled edges, and as a tree for the branch map."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from game.engine.scene.model import Node, Scene

EdgeKind = Literal["choice", "continue", "route"]


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    kind: EdgeKind
    label: str
    choice_key: str | None = None


def shorten(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def edges(scene: Scene) -> list[Edge]:
    found: list[Edge] = []
    for node in scene.nodes.values():
        found += [Edge(node.id, c.goto, "choice", c.text, c.key) for c in node.choices]
        if node.goto is not None:
            found.append(Edge(node.id, node.goto, "continue", "Continue"))
        for branch in node.route:
            label = f"if {branch.condition.source}" if branch.condition else "otherwise"
            found.append(Edge(node.id, branch.goto, "route", label))
    return found


def node_summary(node: Node, width: int = 48) -> str:
    """A few words that let a player recognise a moment of the scene."""
    if node.route:
        return "(the scene decides by how things are going)"
    if node.lines:
        always = [line for line in node.lines if line.condition is None]
        return shorten((always or list(node.lines))[0].text, width)
    return node.id


# -- the branch map: the graph unfolded into a tree from the start ----------------------------


@dataclass
class MapNode:
    node: Node
    visited: bool
    repeat: bool = False  # already shown higher up; not unfolded again
    branches: list["MapBranch"] = field(default_factory=list)

    @property
    def is_ending(self) -> bool:
        return self.node.ending is not None


@dataclass
class MapBranch:
    edge: Edge
    taken: bool
    child: MapNode


def branch_map(scene: Scene, taken: set[str], visited: set[str]) -> MapNode:
    """Unfold the scene from its start. ``taken`` holds "node/choice" keys ever chosen;
    ``visited`` holds node ids ever shown. Each node is unfolded once; later mentions repeat."""
    outgoing: dict[str, list[Edge]] = {}
    for edge in edges(scene):
        outgoing.setdefault(edge.source, []).append(edge)
    unfolded: set[str] = set()

    def unfold(node_id: str) -> MapNode:
        node = scene.nodes[node_id]
        if node_id in unfolded:
            return MapNode(node, node_id in visited, repeat=True)
        unfolded.add(node_id)
        result = MapNode(node, node_id in visited)
        for edge in outgoing.get(node_id, []):
            if edge.target not in scene.nodes:
                continue
            was_taken = (edge.kind == "choice" and f"{node_id}/{edge.choice_key}" in taken) or (
                edge.kind != "choice" and edge.target in visited and node_id in visited)
            result.branches.append(MapBranch(edge, was_taken, unfold(edge.target)))
        return result

    return unfold(scene.start)


def map_size(root: MapNode) -> int:
    return 1 + sum(map_size(b.child) for b in root.branches)
