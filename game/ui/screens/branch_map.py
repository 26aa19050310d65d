"""The branch map: the scene's choices as a foldable tree, marked with what has been played."""

from __future__ import annotations

from typing import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets.tree import TreeNode

from game.engine.author.graph import (
    MapBranch,
    MapNode,
    PlayedEdge,
    branch_map,
    node_summary,
    shorten,
)
from game.engine.scene.model import Scene
from game.ui.screens.opening import while_open
from game.ui.screens.screen_css import screen_css
from game.ui.widgets.notice_line import HasNoticeLine, NoticeLine
from game.ui.widgets.safe_tree import SafeTree

MAX_FORKS = 100  # forks nested inside forks; each costs two levels of the tree
LEGEND = ("» this time   ✓ chosen before   · never chosen   ● visited   ○ not yet   "
          "★ ending found   ? ending not found   ↺ shown elsewhere in the map")


def node_label(item: MapNode, here: str) -> Text:
    node = item.node
    if item.is_ending:
        ending = node.ending
        label = f"★ Ending: {ending.title}" if item.visited and ending else "? An ending you have not found"
    else:
        label = f"{'●' if item.visited else '○'} {node_summary(node)}"
    if item.repeat:
        label += "  ↺"
    if node.id == here:
        return Text.assemble(("⇒ you are here: ", "bold reverse"), label)  # first, so narrow maps show it
    return Text(label)


def branch_label(branch: MapBranch) -> Text:
    if branch.edge.kind == "route":
        return Text(f"⤷ {shorten(branch.edge.label, 60)}", style="italic")
    mark = "»" if branch.on_path else ("✓" if branch.taken else "·")
    return Text(f"{mark} {shorten(branch.edge.label, 60)}", style="bold" if branch.on_path else "")


class BranchMapScreen(HasNoticeLine, Screen[str | None]):
    """Dismisses with the id of a node to jump to, or None."""

    DEFAULT_CSS = screen_css("branch_map.tcss")  # parsed when this screen first opens
    SCOPED_CSS = False  # its rules name their own ids; some begin at Screen.-narrow

    BINDINGS = [
        Binding("j", "jump", "Play from here", id="map.jump",
                tooltip="Go back to the highlighted moment and play on from there"),
        Binding("escape,m", "dismiss(None)", "Back", key_display="esc", id="map.back"),
    ]

    def __init__(self, scene: Scene, visited: set[str], taken: set[str], here: str,
                 played: Sequence[PlayedEdge] = ()) -> None:
        super().__init__()
        self.scene, self.visited, self.taken, self.here = scene, visited, taken, here
        self.played = played
        self.here_node: TreeNode | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="map"):
            yield Static(Content(f"{self.scene.title}: branch map"), classes="screen-title")
            yield Static(Content(LEGEND), id="map-legend")
            yield NoticeLine()
            yield SafeTree(Text("Start"), id="map-tree")
            yield Static(id="map-hint")
        yield Footer()

    @while_open
    def on_mount(self) -> None:
        tree = self.query_one(SafeTree)
        root = branch_map(self.scene, self.taken, self.visited, self.played)
        tree.root.data = root.node.id
        tree.root.set_label(node_label(root, self.here))
        if root.node.id == self.here:
            self.here_node = tree.root
        self.add_branches(tree.root, root)
        tree.root.expand()
        tree.focus()
        if self.here_node is not None:
            tree.call_after_refresh(self.show_here, tree, self.here_node)
        self.update_hint(None)

    @staticmethod
    def show_here(tree: SafeTree, node: TreeNode) -> None:
        tree.center_scroll = True  # the moment stays in view, clear of the scroll bar
        tree.move_cursor(node)
        tree.scroll_to_node(node, animate=False)

    def add_branches(self, holder: TreeNode, item: MapNode) -> None:
        """Add the moments after ``item`` (shown as ``holder``); the path played now starts unfolded.

        A moment with one way on continues in the same list, so a straight run reads as a list
        rather than a staircase; only real forks nest, and never deeper than MAX_FORKS. Built
        with a stack of its own, so a scene of thousands of moments costs no recursion."""
        work = [(holder, holder, item, 0)]
        while work:
            container, shown, item, forks = work.pop()
            while len(item.branches) == 1:
                branch = item.branches[0]
                if branch.edge.kind != "continue":
                    container.add_leaf(branch_label(branch))
                item = branch.child
                shown = self.add_moment(container, branch)
            if not item.branches:
                continue
            if forks >= MAX_FORKS:
                shown.add_leaf(Text("⋯ the map shows no more forks this deep; play on to see them"))
                continue
            for branch in item.branches:
                box = shown.add(branch_label(branch), data=None, expand=branch.on_path)
                work.append((box, self.add_moment(box, branch), branch.child, forks + 1))

    def add_moment(self, container: TreeNode, branch: MapBranch) -> TreeNode:
        item = branch.child
        forks = len(item.branches) > 1
        moment = container.add(node_label(item, self.here), data=item.node.id, allow_expand=forks,
                               expand=forks and branch.on_path and not item.repeat)
        if item.node.id == self.here and not item.repeat:
            self.here_node = moment
        return moment

    def can_jump_to(self, node_id: str | None) -> bool:
        if node_id is None or node_id not in self.visited:
            return False
        node = self.scene.nodes[node_id]
        return node.ending is None and not node.route

    def on_tree_node_highlighted(self, event: SafeTree.NodeHighlighted) -> None:
        self.update_hint(event.node.data)

    def update_hint(self, node_id: str | None) -> None:
        hint = ("Press j to play on from this moment." if self.can_jump_to(node_id)
                else "Enter folds and unfolds. Highlight a visited moment (●) and press j to play from it.")
        self.query_one("#map-hint", Static).update(Content(hint))

    def action_jump(self) -> None:
        node = self.query_one(SafeTree).cursor_node
        node_id = node.data if node else None
        if self.can_jump_to(node_id):
            self.dismiss(node_id)
        else:
            self.notify("You can play on only from a moment you have visited (●).", timeout=3)
