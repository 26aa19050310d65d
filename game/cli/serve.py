"""`pathways serve`: the game in a web browser, through textual-serve.

Each browser tab runs its own copy of the game in a separate process. On this computer's own
address it keeps the player's records as usual; with --public each visitor gets temporary
records, deleted when they leave, and no file export.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path

from game.cli.output import say

LOOPBACK = "127.0.0.1"
PUBLIC_WARNING = ("Warning: anyone who can reach this address can play. Each visitor's records are "
                  "temporary and deleted when they leave.")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def game_command(scenes: Path | None, public: bool) -> str:
    """The shell command textual-serve runs for every browser session."""
    command = [sys.executable, "-m", "game"]
    if scenes is not None:
        command += ["--scenes", str(scenes.resolve())]
    command += ["play"] + (["--ephemeral-records"] if public else [])
    return shlex.join(command)


def address_message(host: str, port: int) -> str:
    if host in ("0.0.0.0", "::"):
        where = (f"Pathways is listening on every address of this computer, port {port}. Here, open "
                 f"http://127.0.0.1:{port}/ in a web browser; elsewhere, use this computer's address.")
    else:
        shown = f"[{host}]" if ":" in host else host
        where = f"Pathways is at http://{shown}:{port}/ : open it in a web browser."
    return where + " Ctrl+C stops the server."


def serve(scenes: Path | None, host: str | None, port: int, public: bool) -> int:
    host = host or ("0.0.0.0" if public else LOOPBACK)
    if not public and not is_loopback(host):
        say(f"pathways serve: error: {host} is reachable from other computers; add --public to "
              "allow that (each visitor then gets temporary records)", file=sys.stderr)
        return 2
    if not 0 < port < 65536:
        say(f"pathways serve: error: {port} is not a port number", file=sys.stderr)
        return 2
    from game.cli.web_server import (
        PathwaysServer,  # imported late: only `serve` needs aiohttp
    )

    say(address_message(host, port), flush=True)
    if public:
        say(PUBLIC_WARNING, flush=True)
    try:
        PathwaysServer(game_command(scenes, public), host=host, port=port).serve()
    except OSError as error:
        say(f"pathways serve: error: cannot listen on {host}:{port}: {error.strerror or error}",
              file=sys.stderr)
        return 1
    return 0
