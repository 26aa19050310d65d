"""Untrusted text never acts on the terminal: escapes in file names (defect 7), and bidi and
zero-width tricks in scene text, names, typed lines and graph output (defect 14)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.author.graph_formats import FORMATS
from game.engine.library import load_scene_text
from game.engine.play.seating import clean_name
from game.engine.puppets.answer_text import read_answer
from game.engine.scene.text import printable, strip_control
from tests.conftest import MINIMAL_SCENE

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
TRICKS = "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u2060\ufeff\U000e0041"
FAMILY = "👨\u200d👩\u200d👧"  # joined by ZWJ: kept
PERSIAN = "می\u200cخواهم"  # ZWNJ: kept


def pathways(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


@pytest.mark.parametrize("verb", ["validate", "check"])
def test_escape_sequences_in_file_names_never_reach_the_terminal(tmp_path: Path, verb: str) -> None:
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / f"a{OSC_TITLE}.yaml").write_text("id: [broken")
    (folder / f"b{OSC_CLIPBOARD}\u202e.yaml").write_text(MINIMAL_SCENE.replace("id: tiny", "id: other"))
    result = pathways(verb, str(folder), str(tmp_path / f"gone{OSC_TITLE}.yaml"))
    output = result.stdout + result.stderr
    assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
    assert "a\\x1b]0;pwned\\x07.yaml" in output  # still named, as escapes
    assert "gone\\x1b]0;pwned\\x07.yaml" in output


def test_graph_and_new_print_paths_safely(tmp_path: Path) -> None:
    scene = tmp_path / f"s{OSC_TITLE}.yaml"
    scene.write_text(MINIMAL_SCENE)
    result = pathways("graph", str(scene), "-o", str(tmp_path / f"out{OSC_CLIPBOARD}.mmd"))
    assert result.returncode == 0 and "\x1b" not in result.stdout + result.stderr
    result = pathways("new", "fresh", "--dir", str(tmp_path / f"d{OSC_TITLE}"))
    assert result.returncode == 0 and "\x1b" not in result.stdout + result.stderr


def test_printable_escapes_every_control_and_invisible_trick() -> None:
    shown = printable(f"x{OSC_TITLE}{TRICKS}\n\t{FAMILY}")
    assert shown.isprintable() or all(c.isprintable() or c == "\u200d" for c in shown)
    assert "\\x1b" in shown and "\\u202e" in shown and "\\x0a" in shown and FAMILY in shown
    assert printable("a\nb", keep_newlines=True) == "a\nb"
    assert printable(Path("bad\udcff.yaml")) == "bad\\xff.yaml"  # bytes that are not UTF-8


def test_strip_control_drops_bidi_and_zero_width_but_keeps_joiners() -> None:
    assert strip_control(f"a{TRICKS}b") == "ab"
    assert strip_control(FAMILY) == FAMILY
    assert strip_control(PERSIAN) == PERSIAN
    assert strip_control("\ufe0f✔\ufe0e") == "\ufe0f✔\ufe0e"  # variation selectors stay


def test_scene_text_names_and_typed_lines_lose_the_tricks() -> None:
    tricky = MINIMAL_SCENE.replace("title: Tiny", f"title: Ti{TRICKS}ny {FAMILY}")
    tricky = tricky.replace("Ask how Kim is.", f"Ask how Kim{TRICKS} is.")
    scene = load_scene_text(tricky, "tiny.yaml")
    assert scene.title == f"Tiny {FAMILY}"
    assert scene.nodes["first"].choices[0].text == "Ask how Kim is."
    for render in FORMATS.values():
        out = render(scene)
        assert not any(c in out for c in TRICKS)
    assert clean_name(f"An{TRICKS}a", "Player 1") == "Ana"
    assert read_answer(f"I am{TRICKS} enough", 160).typed == "I am enough"
