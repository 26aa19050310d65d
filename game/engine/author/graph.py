"""The scene as a graph of nodes and labelled edges, and as a tree for the branch map."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Literal, Sequence

from game.engine.scene.conditions import Condition
from game.engine.scene.describe import condition_in_words
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


def source_condition(condition: Condition | None) -> str:
    return f"if {condition.source}" if condition else "otherwise"


def edges(scene: Scene, route_label: Callable[[Condition | None], str] = source_condition) -> list[Edge]:
    """Every edge; ``route_label`` words a route branch's condition (the raw expression by default)."""
    found: list[Edge] = []
    for node in scene.nodes.values():
        found += [Edge(node.id, c.goto, "choice", c.text, c.key) for c in node.choices]
        if node.goto is not None:
            found.append(Edge(node.id, node.goto, "continue", "Continue"))
        for branch in node.route:
            found.append(Edge(node.id, branch.goto, "route", route_label(branch.condition)))
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
    on_path: bool = False  # part of the path being played now


PlayedEdge = tuple[str, str | None, str]  # source, choice key (None: continue or route), target


def _played_key(edge: Edge) -> PlayedEdge:
    return edge.source, edge.choice_key if edge.kind == "choice" else None, edge.target


def branch_map(scene: Scene, taken: set[str], visited: set[str],
               played: Sequence[PlayedEdge] = ()) -> MapNode:
    """Unfold the scene from its start. ``taken`` holds "node/choice" keys ever chosen;
    ``visited`` holds node ids ever shown; ``played`` is the path being played now, edge by edge.

    Each node is unfolded once; later mentions repeat. A node on the played path is unfolded
    where that path first reached it, so the path reads from top to bottom without a jump.
    Depth first, in the order of the file, with a stack of its own: a scene thousands of
    nodes long costs no recursion."""
    outgoing: dict[str, list[Edge]] = {}
    for edge in edges(scene, condition_in_words):
        outgoing.setdefault(edge.source, []).append(edge)
    on_path = set(played)
    claimed: dict[str, PlayedEdge | None] = {scene.start: None}
    for step in played:
        claimed.setdefault(step[2], step)
    root = MapNode(scene.nodes[scene.start], scene.start in visited)
    unfolded = {scene.start}
    stack = [(root, iter(outgoing.get(scene.start, [])))]
    while stack:
        parent, pending = stack[-1]
        edge = next(pending, None)
        if edge is None:
            stack.pop()
            continue
        if edge.target not in scene.nodes:
            continue
        source, key = parent.node.id, _played_key(edge)
        was_taken = (edge.kind == "choice" and f"{source}/{edge.choice_key}" in taken) or (
            edge.kind != "choice" and edge.target in visited and source in visited)
        repeat = edge.target in unfolded or (edge.target in claimed and claimed[edge.target] != key)
        child = MapNode(scene.nodes[edge.target], edge.target in visited, repeat=repeat)
        parent.branches.append(MapBranch(edge, was_taken, child, key in on_path))
        if not repeat:
            unfolded.add(edge.target)
            stack.append((child, iter(outgoing.get(edge.target, []))))
    return root


def map_size(root: MapNode) -> int:
    size, todo = 0, [root]
    while todo:
        item = todo.pop()
        size += 1
        todo += [branch.child for branch in item.branches]
    return size
