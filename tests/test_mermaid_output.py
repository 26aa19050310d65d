"""Mermaid output is fully escaped (defect 8): checked against a grammar always, and with the real
Mermaid parser when Node and the mermaid package are found (see MERMAID_NODE_MODULES below)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.author.graph import shorten
from game.engine.author.graph_formats import LABEL_WIDTH, to_mermaid
from game.engine.library import load_scene_text
from game.engine.scene.text import strip_control
from tests.conftest import TWO_ENDINGS_SCENE, shipped_scene_paths
from tests.hardening import SCALE
from tests.mermaid_grammar import labels, mermaid_problems

ATTACKS = ['%%{init: {"theme": "forest", "securityLevel": "loose"}}%%', "`**bold** markdown`",
           "Tom & Jerry &amp; &#35;", '"]; click n_first call alert() ["', "a|b", "<b>x</b>",
           "#quot; #35; ##", "back\\slash", "end", "%% comment", "[x] (y) {z}"]


def scene_with(title: str, choice: str) -> str:
    data = yaml.safe_load(TWO_ENDINGS_SCENE)
    data["nodes"]["close"]["ending"]["title"] = title
    data["nodes"]["first"]["choices"][0]["text"] = choice
    return yaml.safe_dump(data, allow_unicode=True)


def mermaid_of(title: str, choice: str) -> str:
    return to_mermaid(load_scene_text(scene_with(title, choice), "tiny.yaml"))


@pytest.mark.parametrize("attack", ATTACKS)
def test_each_attack_is_inert_text(attack: str) -> None:
    text = mermaid_of(attack, attack)
    assert mermaid_problems(text) == []
    shown = labels(text)
    assert f"★ {attack}" in shown and shorten(attack, LABEL_WIDTH) in shown


def test_node_ids_that_differ_stay_distinct() -> None:
    text = TWO_ENDINGS_SCENE.replace("asked:\n    goto: decide", "asked:\n    goto: a-b\n  a-b:\n    goto: a_b\n"
                                                                  "  a_b:\n    goto: decide")
    mermaid = to_mermaid(load_scene_text(text, "ids.yaml"))
    assert mermaid_problems(mermaid) == []
    assert "n_a_db -.-> n_a_ub" in mermaid


printable_text = st.text(st.characters(exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), min_size=1,
                         max_size=40).filter(lambda t: t.strip() and strip_control(t) == t)


@settings(max_examples=100 * SCALE, deadline=None)
@given(printable_text, printable_text)
def test_any_title_or_choice_text_gives_well_formed_mermaid(title: str, choice: str) -> None:
    text = mermaid_of(title, choice)
    assert mermaid_problems(text) == []
    shown = labels(text)
    assert f"★ {title.strip()}" in shown and shorten(choice.strip(), LABEL_WIDTH) in shown


MERMAID_NODE_MODULES = Path(os.environ.get("PATHWAYS_MERMAID_NODE_MODULES", "/nonexistent"))
PARSE = """
const { JSDOM } = require("jsdom");
const dom = new JSDOM("<!doctype html><html><body></body></html>");
global.window = dom.window; global.document = dom.window.document;
global.DOMPurify = require("dompurify")(dom.window);
(async () => {
  const mermaid = (await import("mermaid")).default;
  mermaid.initialize({ startOnLoad: false });
  const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const out = [];
  for (const text of texts) {
    try {
      const parsed = await mermaid.parse(text);  // also gives any config a directive would set
      out.push(Object.keys(parsed.config || {}).length ? "configured: " + JSON.stringify(parsed.config) : null);
    } catch (e) { out.push(String(e.message || e)); }
  }
  console.log(JSON.stringify(out));
})();
"""


@pytest.mark.skipif(shutil.which("node") is None or not (MERMAID_NODE_MODULES / "mermaid").is_dir(),
                    reason="set PATHWAYS_MERMAID_NODE_MODULES to a node_modules with mermaid and jsdom")
def test_the_real_mermaid_parser_accepts_every_graph() -> None:
    texts = [mermaid_of(attack, attack) for attack in ATTACKS]
    texts += [to_mermaid(load_scene_text(p.read_text(encoding="utf-8"), str(p))) for p in shipped_scene_paths()]
    result = subprocess.run(["node", "-e", PARSE], input=json.dumps(texts), capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, NODE_PATH=str(MERMAID_NODE_MODULES)),
                            cwd=MERMAID_NODE_MODULES.parent)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [None] * len(texts)
