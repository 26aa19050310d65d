"""Noticing that a scene file was saved, by polling its size and modification time."""

from __future__ import annotations

from pathlib import Path


class FileWatcher:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._last = self._stamp()

    def _stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def changed(self) -> bool:
        stamp = self._stamp()
        if stamp is None or stamp == self._last:
            return False
        self._last = stamp
        return True
