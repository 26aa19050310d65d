"""The layers import one way only. Every import is read from the source, lazy ones included.

    scene  <-  puppets  <-  play  <-  author          (the engine: never Textual)
       ^          ^           ^
       +-- library (the shelf: scene files with the shipped cast)
    records (storage)  <-  session  <-  ui, cli
    transcript (a playthrough in words)  <-  text (plain-text play), ui, cli
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import game

GAME = Path(game.__file__).parent

# Each layer, and the layers of game it may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "engine.scene": set(),
    "engine.puppets": {"engine.scene", "paths"},
    "engine.play": {"engine.scene", "engine.puppets"},
    "engine.library": {"engine.scene", "engine.puppets"},
    "engine.author": {"engine.scene", "engine.puppets", "engine.play", "engine.library"},
    "records": {"engine.scene", "engine.play"},
    "session": {"records", "engine.scene", "engine.play", "engine.library"},
    "paths": set(),
    "transcript": {"engine.scene", "engine.puppets", "engine.play"},
    "text": {"engine.scene", "engine.puppets", "engine.play", "engine.library", "records", "session",
             "paths", "transcript"},
    "ui": {"engine.scene", "engine.puppets", "engine.play", "engine.library", "engine.author",
           "records", "session", "paths", "transcript"},
    "cli": {"engine.scene", "engine.puppets", "engine.play", "engine.library", "engine.author",
            "records", "session", "paths", "ui", "text", "transcript"},
}
HEADLESS = {layer for layer in ALLOWED if layer not in ("ui", "cli")}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "game" or len(parts) < 2:
        return None
    if parts[1] == "engine" and len(parts) > 2:
        return f"engine.{parts[2]}"
    return parts[1] if parts[1] in {layer.split(".")[0] for layer in ALLOWED} else None


def module_name(path: Path) -> str:
    relative = path.relative_to(GAME.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module an import statement names, wherever it stands in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def sources() -> list[Path]:
    return sorted(p for p in GAME.rglob("*.py") if "_bundled" not in p.parts)


def upward_imports() -> list[str]:
    problems = []
    for path in sources():
        name = module_name(path)
        layer = layer_of(name)
        if layer is None:
            continue
        for imported in imports_of(path):
            target = layer_of(imported)
            if imported.split(".")[0] == "textual" and layer in HEADLESS:
                problems.append(f"{name} imports {imported}")
            if target is not None and target != layer and target not in ALLOWED[layer]:
                problems.append(f"{name} ({layer}) imports {imported} ({target})")
    return problems


def test_every_module_belongs_to_a_layer() -> None:
    strays = [module_name(p) for p in sources()
              if layer_of(module_name(p)) is None and module_name(p) not in ("game", "game.__main__", "game.engine", "game.data")]
    assert strays == []


def test_no_layer_imports_upward() -> None:
    assert upward_imports() == []


@pytest.mark.parametrize("source, imported", [
    ("engine/scene/model.py", "from game.engine.play.state import State"),
    ("engine/scene/loader.py", "import game.engine.author.check"),
    ("engine/puppets/voices.py", "from game.engine.play import runner"),
    ("records/store.py", "from game.ui.app import PathwaysApp"),
    ("engine/play/runner.py", "    import textual.widgets"),
])
def test_an_upward_import_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    source: str, imported: str) -> None:
    """The check itself works: planting one upward import makes it fail."""
    target = GAME / source
    original = target.read_text(encoding="utf-8")
    planted = original + f"\n\ndef _planted() -> None:\n    {imported.strip()}\n"
    monkeypatch.setattr(Path, "read_text",
                        lambda self, *a, **k: planted if self == target else Path.read_bytes(self).decode())
    assert any(module_name(target) in problem for problem in upward_imports())


@pytest.mark.parametrize("package", ["scene", "puppets", "play", "author"])
def test_engine_packages_import_nothing_on_their_own(package: str) -> None:
    tree = ast.parse((GAME / "engine" / package / "__init__.py").read_text(encoding="utf-8"))
    assert all(isinstance(node, ast.Expr) for node in tree.body), "keep __init__.py to a docstring"
