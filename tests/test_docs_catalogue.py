"""README, help and the authoring tutorial say what the game really does."""

from __future__ import annotations

import re
from pathlib import Path

from game.cli.main import main
from game.engine.scene.catalogue import default_catalogue
from game.ui.screens.help import help_markdown
from tests.conftest import ROOT

TUTORIAL = ROOT / "docs" / "authoring.md"


def test_readme_and_help_name_every_dimension_and_trap() -> None:
    catalogue = default_catalogue()
    readme = " ".join((ROOT / "README.md").read_text().split())
    help_text = help_markdown(catalogue)
    for entry in catalogue.dimensions + catalogue.traps:
        assert entry.name in readme, entry.name
        assert f"**{entry.name}**" in help_text, entry.name
    assert "Keeping the peace" in help_text and "Joking to change the subject" in help_text


def _tutorial_scene() -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", TUTORIAL.read_text(), re.S)
    return next(b for b in blocks if "variables:" in b and "decide:" in b)


def test_the_tutorial_scene_passes_strict_and_its_last_beat_step_is_real(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "my-scenes"
    folder.mkdir()
    scene = folder / "park-bench.yaml"
    scene.write_text(_tutorial_scene())
    assert main(["validate", "--strict", str(scene)]) == 0
    changed = _tutorial_scene().replace(
        "        meters: {closeness: 2}\n        feedback: You stayed with her worry",
        "        meters: {closeness: 3}\n        feedback: You stayed with her worry",
    ).replace("      - if: closeness >= 3\n", "      - if: closeness >= 5\n")
    scene.write_text(changed)
    capsys.readouterr()
    assert main(["validate", str(scene)]) == 0
    printed = capsys.readouterr().out.replace(str(tmp_path) + "/", "")
    for line in printed.splitlines():
        assert line in TUTORIAL.read_text(), line
    scene.write_text(changed.replace("closeness >= 5\n", "closeness >= 5 or recent.closeness >= 3\n"))
    assert main(["validate", "--strict", str(scene)]) == 0
