"""Where the shipped scenes and assets live, in a source checkout or an installed package."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    bundled = _PACKAGE / "_bundled" / name  # inside an installed wheel
    return bundled if bundled.is_dir() else _PACKAGE.parent / name  # a source checkout


def scenes_dir() -> Path:
    return _shipped("scenes")


def assets_dir() -> Path:
    return _shipped("assets")
