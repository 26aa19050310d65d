"""Cleaning untrusted text: on load, and again before anything is printed.

Two kinds of character are taken out of every scene text, puppet line, player name and typed line:

- controls: C0 (except tab and newline), DEL and C1, which a terminal could read as commands
  (ESC starts the sequences that retitle a window or write to the clipboard);
- invisible formatting that can make text read differently from what it is: the bidi
  embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), the marks U+200E, U+200F
  and U+061C, the zero-width space U+200B, word joiner U+2060, invisible operators U+2061-U+2064,
  the byte order mark U+FEFF, the Mongolian vowel separator U+180E, line and paragraph
  separators U+2028 and U+2029, the interlinear annotations U+FFF9-U+FFFB, and the tag
  characters U+E0000-U+E007F (they can hide a message inside a line).

Kept, because real writing needs them: the zero-width joiner U+200D (emoji such as a family or
a rainbow flag are joined by it), the zero-width non-joiner U+200C (Persian and Indic spelling),
and the variation selectors U+FE00-U+FE0F (text or emoji presentation). Right-to-left scripts
display correctly without the override characters, by the terminal's own bidi rules.

`strip_control` drops these characters from text that is loaded; `printable` shows them as
escapes (\\x1b, \\u202e) in text that must still say what it was, such as a file name in a message.
Both the command line and the screens use `printable` for paths and messages from the system.
"""

from __future__ import annotations

import re

MAX_LINE = 160  # a puppet line, typed or written in a file

_INVISIBLE = ("\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069"
              "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f")
# C0 controls except tab and newline, DEL, C1 controls (which include the 8-bit CSI), and the
# invisible formatting above.
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_INVISIBLE}]")
_CONTROL_KEEP_CR = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{_INVISIBLE}]")
_UNPRINTABLE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_INVISIBLE}]")
_UNPRINTABLE_KEEP_NEWLINE = re.compile(f"[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f{_INVISIBLE}]")


def strip_control(text: str) -> str:
    """Remove characters that a terminal could read as commands, and invisible bidi tricks."""
    return _CONTROL.sub("", text)


def strip_control_from_source(text: str) -> str:
    """Like strip_control, but keeps carriage returns so line endings still parse."""
    return _CONTROL_KEEP_CR.sub("", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` made safe to print on a terminal: every control or invisible character is
    shown as an escape, so a file name keeps its identity without acting on the terminal.
    Invalid bytes decoded with surrogateescape (from the file system) are escaped too."""
    text = _without_surrogates(str(text))
    pattern = _UNPRINTABLE_KEEP_NEWLINE if keep_newlines else _UNPRINTABLE
    return pattern.sub(_escape, text)


def _without_surrogates(text: str) -> str:
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:  # a file name with bytes that are not UTF-8: show those bytes
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
