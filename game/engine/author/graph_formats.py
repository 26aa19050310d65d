"""The scene graph as Mermaid or Graphviz DOT text, for `pathways graph`."""

from __future__ import annotations

import re

from game.engine.author.graph import Edge, edges, node_summary, shorten
from game.engine.scene.model import Node, Scene

LABEL_WIDTH = 32


def _node_label(node: Node) -> str:
    if node.ending is not None:
        return f"★ {node.ending.title}"
    if node.puppet is not None:
        return f"puppet: {node.puppet.puppet}"
    if node.route:
        return f"{node.id} (route)"
    return f"{node.id}: {node_summary(node, LABEL_WIDTH)}"


def _edge_label(edge: Edge) -> str:
    return "" if edge.kind == "continue" else shorten(edge.label, LABEL_WIDTH)


# -- Mermaid -------------------------------------------------------------------------------------

def _mermaid_id(node_id: str) -> str:
    """A safe, distinct Mermaid id: '_' and '-' are spelled out, so 'a-b' and 'a_b' differ."""
    spelled = node_id.replace("_", "_u").replace("-", "_d")
    return "n_" + re.sub(r"[^A-Za-z0-9_]", lambda m: f"_x{ord(m.group()):x}_", spelled)


# Written as Mermaid entity codes (#NN;): a quote mark would end the label, '%' could start a
# %%{init}%% directive anywhere in the text, a backtick would make the label Markdown, and '&',
# '<', '>' and '#' would be read as entities or HTML.
_MERMAID_SPECIAL = re.compile(r"""[#"&<>%`|\\]""")


def _mermaid_text(text: str) -> str:
    return '"' + _MERMAID_SPECIAL.sub(lambda m: f"#{ord(m.group())};", text) + '"'


def to_mermaid(scene: Scene) -> str:
    lines = ["flowchart TD", f"  start((start)) --> {_mermaid_id(scene.start)}"]
    for node in scene.nodes.values():
        label = _mermaid_text(_node_label(node))
        shape = f"([{label}])" if node.ending else (f"{{{{{label}}}}}" if node.route else f"[{label}]")
        lines.append(f"  {_mermaid_id(node.id)}{shape}")
    for edge in edges(scene):
        arrow = {"choice": "-->", "continue": "-.->", "route": "-.->"}[edge.kind]
        label = _edge_label(edge)
        middle = f"|{_mermaid_text(label)}|" if label else ""
        lines.append(f"  {_mermaid_id(edge.source)} {arrow}{middle} {_mermaid_id(edge.target)}")
    ending_ids = ",".join(_mermaid_id(n.id) for n in scene.endings())
    if ending_ids:
        lines.append("  classDef ending stroke-width:3px")
        lines.append(f"  class {ending_ids} ending")
    return "\n".join(lines) + "\n"


# -- Graphviz DOT ----------------------------------------------------------------------------

def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(scene: Scene) -> str:
    lines = [
        f"digraph {_dot_text(scene.id)} {{",
        "  rankdir=TB;",
        '  node [shape=box, style=rounded, fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
        '  "__start" [shape=circle, label="start"];',
        f'  "__start" -> {_dot_text(scene.start)};',
    ]
    for node in scene.nodes.values():
        shape = "doubleoctagon" if node.ending else ("diamond" if node.route else "box")
        lines.append(f"  {_dot_text(node.id)} [shape={shape}, label={_dot_text(_node_label(node))}];")
    for edge in edges(scene):
        attributes = [f"label={_dot_text(_edge_label(edge))}"] if _edge_label(edge) else []
        if edge.kind != "choice":
            attributes.append("style=dashed")
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f"  {_dot_text(edge.source)} -> {_dot_text(edge.target)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


FORMATS = {"mermaid": to_mermaid, "dot": to_dot}
