"""Starting `pathways serve` on a free loopback port for a test, and always stopping it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

START_SECONDS = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served(str):
    """The server's address; after the block, ``output`` holds what the server printed."""

    output: str = ""


@contextmanager
def serving(scenes: Path, *extra: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """Run the server until the block ends; yields its address. Never outlives the test."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "game", "--scenes", str(scenes), "serve", "--port", str(port), *extra],
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none", **(env or {})},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    served = Served(f"http://127.0.0.1:{port}/")
    try:
        wait_until_up(served, server)
        yield served
    finally:
        served.output = stop(server)


def wait_until_up(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped: {server.stdout.read() if server.stdout else ''}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing answered at {url} within {START_SECONDS} seconds")


def stop(server: subprocess.Popen) -> str:
    """SIGTERM the server's whole process group (its games too); kill what is left after 10 s.
    Returns what the server printed."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=5)
    if server.stdout is None:
        return ""
    with server.stdout:
        return server.stdout.read()
