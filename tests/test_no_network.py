"""Everything stays on the player's machine: the game and every command-line verb run with
network sockets made to fail, and none tries to open one."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import build_parser
from tests.conftest import MINIMAL_SCENE
from tests.ui.helpers import keys, make_app, scene_folder, start_first_scene

ROOT = Path(__file__).resolve().parent.parent
NO_NETWORK = """
import socket, sys

class NoNetwork(socket.socket):
    def __init__(self, family=-1, *args, **kwargs):
        if family in (socket.AF_INET, socket.AF_INET6, -1):
            print("NETWORK ATTEMPT", file=sys.stderr)
            raise OSError("network use is not allowed in this test")
        super().__init__(family, *args, **kwargs)

def refuse(*args, **kwargs):
    print("NETWORK ATTEMPT", file=sys.stderr)
    raise OSError("network use is not allowed in this test")

socket.socket = NoNetwork
socket.create_connection = socket.getaddrinfo = socket.gethostbyname = refuse
from game.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def verbs_and_arguments(tmp_path: Path) -> dict[str, list[list[str]]]:
    scene = tmp_path / "tiny.yaml"
    scene.write_text(MINIMAL_SCENE)
    return {
        "validate": [["validate"], ["validate", str(scene)]],
        "check": [["check", str(scene)], ["check", "--random", "20", str(scene)]],
        "graph": [["graph", str(scene)], ["graph", "--format", "dot", str(scene)]],
        "schema": [["schema"]],
        "new": [["new", "fresh", "--dir", str(tmp_path / "new")]],
        "data": [["data", "path"], ["data", "export", "-"], ["data", "delete", "--yes"]],
        "play": [["play", str(tmp_path / "missing.yaml")]],  # the game itself: tested below, in-process
        "text": [["text", str(scene), "--transcript", str(tmp_path / "played.md")], ["text"]],
        # `serve` listens on a socket by design (loopback unless --public); only its help here
        "serve": [["serve", "--help"]],
    }


def parser_verbs() -> list[str]:
    actions = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


def run_offline(args: list[str], data: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATHWAYS_DATA_DIR=str(data))
    return subprocess.run([sys.executable, "-c", NO_NETWORK, *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env, input="1\n1\n1\n1\n")


@pytest.mark.parametrize("verb", parser_verbs())
def test_every_verb_runs_without_the_network(tmp_path: Path, verb: str) -> None:
    table = verbs_and_arguments(tmp_path)
    for args in table.get(verb, [[verb, "--help"]]):  # a verb added later: at least its help
        result = run_offline(args, tmp_path / "data")
        assert "NETWORK ATTEMPT" not in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr, (args, result.stderr)


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[tuple] = []
    real_socket = socket.socket

    class NoNetwork(real_socket):
        def __init__(self, family=-1, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6, -1):
                attempts.append((family, args))
                raise OSError("network use is not allowed in this test")
            super().__init__(family, *args, **kwargs)

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use is not allowed in this test")

    monkeypatch.setattr(socket, "socket", NoNetwork)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    return attempts


async def test_the_game_plays_without_the_network(tmp_path: Path, no_network) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "1", "1", "m", "escape", "s", "escape", "u", "enter", "escape",
                   "escape", "g", "escape", "question_mark", "escape", "ctrl+p", "escape")
        assert app.is_running
    assert no_network == []


def test_the_guard_itself_catches_a_connection() -> None:
    guard = NO_NETWORK.split("from game.cli.main")[0]
    probe = guard + "import urllib.request\ntry:\n    urllib.request.urlopen('http://127.0.0.1:9', timeout=1)\nexcept Exception:\n    pass\n"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert "NETWORK ATTEMPT" in result.stderr


def test_the_in_process_guard_catches_a_connection(no_network) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with pytest.raises(OSError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert len(no_network) == 2
