"""Cleaning untrusted text as it is loaded."""

from __future__ import annotations

import re

MAX_LINE = 160  # a puppet line, typed or written in a file

# C0 controls except tab and newline, DEL, and C1 controls (which include the 8-bit CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


_CONTROL_KEEP_CR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_control(text: str) -> str:
    """Remove characters that a terminal could read as commands, such as ESC."""
    return _CONTROL.sub("", text)


def strip_control_from_source(text: str) -> str:
    """Like strip_control, but keeps carriage returns so line endings still parse."""
    return _CONTROL_KEEP_CR.sub("", text)
