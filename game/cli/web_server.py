"""textual-serve's server, made quiet and correct for any address the browser used."""

from __future__ import annotations

from typing import Any

from aiohttp import web
from textual_serve.server import Server


class PathwaysServer(Server):
    def __init__(self, command: str, host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title="Pathways")

    async def handle_index(self, request: web.Request) -> Any:
        # The page tells the browser where the websocket is: use the address it came to.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def on_startup(self, app: web.Application) -> None:
        """Our own message is printed before the server starts; no logo."""

    def initialize_logging(self) -> None:
        import logging

        logging.basicConfig(level=logging.WARNING, format="%(message)s")
