"""Measures taken in a real terminal: tmux, on a socket of its own (``tmux -L i14-bench-PID``).

Start-up is the time from asking tmux to start a program to the moment a given text is on the
pane (polled with capture-pane). A keypress is timed from sending the key through a tmux
control-mode client to the first output of the pane after it, which is the first screen change,
and to the last output before the pane stays still, which is the whole response.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field

FRAME = 1 / 60  # Textual's frame interval (TEXTUAL_FPS, 60 by default)
SOCKET = f"i14-bench-{os.getpid()}"  # one server per run: runs side by side never meet
POLL = 0.003


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


@dataclass
class Tmux:
    socket: str = SOCKET
    base: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.base = ["tmux", "-L", self.socket, "-f", "/dev/null"]

    def run(self, *args: str) -> str:
        return subprocess.run([*self.base, *args], capture_output=True, text=True).stdout

    def start_server(self) -> None:
        self.run("kill-server")
        self.run("new-session", "-d", "-s", "hold", "-x", "100", "-y", "30", "cat")

    def stop_server(self) -> None:
        self.run("kill-server")

    def start(self, name: str, command: str, size: tuple[int, int]) -> None:
        self.run("new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), command)
        self.run("set-option", "-t", name, "window-size", "manual")  # a control client keeps the size

    def capture(self, name: str) -> str:
        return self.run("capture-pane", "-p", "-t", name)

    def kill(self, name: str) -> None:
        self.run("kill-session", "-t", name)

    def wait_for(self, name: str, text: str, timeout: float) -> float | None:
        """Seconds until ``text`` is on the pane, or None if it never came."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if text in self.capture(name):
                return time.perf_counter() - started
            time.sleep(POLL)
        return None


def shell_command(argv: list[str], env: dict[str, str]) -> str:
    settings = " ".join(f"{k}={v}" for k, v in env.items())
    return f"env {settings} " + " ".join(argv)


def launch_seconds(tmux: Tmux, argv: list[str], ready: str, env: dict[str, str],
                   size: tuple[int, int] = (100, 30), timeout: float = 30.0) -> float:
    """From starting the program in a fresh tmux session to ``ready`` showing on its pane."""
    name = f"launch{os.getpid()}"
    started = time.perf_counter()
    tmux.start(name, shell_command(argv, env), size)
    waited = tmux.wait_for(name, ready, timeout)
    elapsed = time.perf_counter() - started
    tmux.kill(name)
    if waited is None:
        raise RuntimeError(f"{' '.join(argv)} never showed {ready!r}")
    return elapsed


class _Control:
    """A tmux control-mode client: sends keys and notes when the pane writes output."""

    def __init__(self, tmux: Tmux, name: str) -> None:
        self.process = subprocess.Popen([*tmux.base, "-C", "attach", "-t", name], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, bufsize=0)
        self.outputs: list[float] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith(b"%output"):
                self.outputs.append(time.perf_counter())

    def send(self, name: str, key: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"send-keys -t {name} {key}\n".encode())
        self.process.stdin.flush()

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=5)


@dataclass
class KeyTimes:
    """Per key, seconds from sending it to the pane's first output (the first screen change) and
    to its last output before the screen stays still (the whole response, settled)."""

    first: list[float] = field(default_factory=list)
    settled: list[float] = field(default_factory=list)


def key_latencies(tmux: Tmux, argv: list[str], ready: str, keys: list[str], env: dict[str, str],
                  size: tuple[int, int] = (100, 30), settle: float = 0.15,
                  first: tuple[str, ...] = (), shown: str | None = None) -> KeyTimes:
    """Times of each key. Each key waits for the screen to stay still for ``settle`` seconds after
    the one before. ``first`` keys are not timed; then, if given, ``shown`` must be on the pane
    before the timed keys start (so that none lands on a screen still opening)."""
    name = f"keys{os.getpid()}"
    tmux.start(name, shell_command(argv, env), size)
    try:
        if tmux.wait_for(name, ready, 30.0) is None:
            raise RuntimeError(f"{' '.join(argv)} never showed {ready!r}")
        control = _Control(tmux, name)
        try:
            _quiet(control, settle)
            for key in first:
                control.send(name, key)
                _quiet(control, settle)
            if shown is not None:
                if tmux.wait_for(name, shown, 30.0) is None:
                    raise RuntimeError(f"{' '.join(argv)} never showed {shown!r}")
                _quiet(control, settle)
            times = KeyTimes()
            jitter = random.Random(len(keys))
            for key in keys:
                # Textual draws at most one frame each 1/60 s; a change within a frame of the last
                # one waits for the next tick. These keys come long after the last frame and are
                # drawn at once, but a random part of a frame before each still spreads them over
                # the phase of anything periodic (the app's, tmux's, the machine's), the same way
                # for every app measured.
                time.sleep(jitter.uniform(0.0, FRAME))
                mark = len(control.outputs)
                sent = time.perf_counter()
                control.send(name, key)
                while len(control.outputs) == mark and time.perf_counter() - sent < 5.0:
                    time.sleep(0.0002)
                if len(control.outputs) > mark:
                    times.first.append(control.outputs[mark] - sent)
                _quiet(control, settle)
                if len(control.outputs) > mark:
                    times.settled.append(control.outputs[-1] - sent)
            return times
        finally:
            control.close()
    finally:
        tmux.kill(name)


def _quiet(control: _Control, settle: float, longest: float = 5.0) -> None:
    started = time.perf_counter()
    while time.perf_counter() - started < longest:
        last = control.outputs[-1] if control.outputs else 0.0
        if time.perf_counter() - last >= settle:
            return
        time.sleep(settle / 4)
