"""`pathways serve --public`: each visitor's records live in a folder of their own, gone when
they leave. Driven over the server's websocket, as the browser page does, without a browser."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from game.records import Records
from tests.conftest import MINIMAL_SCENE
from tests.web.serving import serving

WAIT_SECONDS = 20
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07")


class Visitor:
    """One browser session's websocket: keys go in, the screen's bytes come out."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.shown = ""

    async def sees(self, text: str) -> None:
        async def read_until_shown() -> None:
            while text not in ESCAPES.sub("", self.shown):
                message = await self.socket.receive()
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.shown += message.data.decode("utf-8", "replace")
                elif message.type != aiohttp.WSMsgType.TEXT:
                    raise AssertionError(f"the session ended before {text!r} was shown")

        await asyncio.wait_for(read_until_shown(), WAIT_SECONDS)

    async def press(self, key: str) -> None:
        await asyncio.sleep(0.3)  # a screen can be drawn a moment before its keys are bound
        self.shown = ""
        await self.socket.send_str(json.dumps(["stdin", key]))


async def until(condition, what: str) -> None:
    for _ in range(WAIT_SECONDS * 10):
        if condition():
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"waited {WAIT_SECONDS} s for {what}")


def visitor_folders(temp: Path) -> list[Path]:
    return sorted(temp.glob("pathways-visitor-*"), key=lambda p: p.stat().st_mtime_ns)


def kept(folder: Path) -> tuple[list, list]:
    with Records.open(folder) as records:
        return records.saves(), records.attempts()


async def test_two_public_visitors_have_separate_records_and_leave_nothing(tmp_path: Path) -> None:
    scenes, temp, home = tmp_path / "scenes", tmp_path / "temp", tmp_path / "home"
    for folder in (scenes, temp, home):
        folder.mkdir()
    (scenes / "tiny.yaml").write_text(MINIMAL_SCENE)
    env = {"TMPDIR": str(temp), "PATHWAYS_DATA_DIR": str(home)}
    with serving(scenes, "--public", "--host", "127.0.0.1", env=env) as url:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as client:
            socket_url = url.replace("http", "ws") + "ws?width=80&height=24"
            async with client.ws_connect(socket_url) as first:
                await until(lambda: len(visitor_folders(temp)) == 1, "the first visitor's folder")
                async with client.ws_connect(socket_url) as second:
                    await until(lambda: len(visitor_folders(temp)) == 2, "the second visitor's folder")
                    first_folder, second_folder = visitor_folders(temp)
                    one = Visitor(first)
                    await one.sees("1 scene ready")
                    await Visitor(second).sees("1 scene ready")
                    for key, then in (("p", "Tiny"), ("\r", "Ask how Kim is."),
                                      ("1", "Asking instead of guessing.")):
                        await one.press(key)
                        await one.sees(then)
                    await until(lambda: kept(first_folder)[0], "the first visitor's save")
                    assert kept(second_folder) == ([], [])
                    assert [save.scene_id for save in kept(first_folder)[0]] == ["tiny"]
            await until(lambda: not visitor_folders(temp), "both visitors' folders to be deleted")
    assert "anyone who can reach this address can play" in url.output
    assert not any(home.iterdir()), "public visitors never touch the server's own records"


async def test_stopping_the_server_mid_game_still_deletes_the_visitors_folder(tmp_path: Path) -> None:
    scenes, temp = tmp_path / "scenes", tmp_path / "temp"
    scenes.mkdir()
    temp.mkdir()
    (scenes / "tiny.yaml").write_text(MINIMAL_SCENE)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as client:
        with serving(scenes, "--public", "--host", "127.0.0.1", env={"TMPDIR": str(temp)}) as url:
            socket = await client.ws_connect(url.replace("http", "ws") + "ws?width=80&height=24")
            await Visitor(socket).sees("1 scene ready")
            assert len(visitor_folders(temp)) == 1
        await socket.close()
    await until(lambda: not visitor_folders(temp), "the folder to be deleted")


def test_an_address_other_computers_can_reach_needs_public() -> None:
    done = subprocess.run([sys.executable, "-m", "game", "serve", "--host", "0.0.0.0", "--port", "9"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "--public" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("0.0.0.0", False), ("192.168.1.4", False),
                                            ("example.com", False)])
def test_only_loopback_addresses_count_as_this_computer(host: str, loopback: bool) -> None:
    from game.cli.serve import is_loopback

    assert is_loopback(host) is loopback
