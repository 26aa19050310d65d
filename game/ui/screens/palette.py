"""The command palette, guarded against keys that arrive before its list is laid out."""

from __future__ import annotations

from textual.command import CommandPalette


class Palette(CommandPalette):
    def _action_command_list(self, action: str) -> None:
        try:
            super()._action_command_list(action)
        except (KeyError, IndexError):
            # Textual 8.2: page up or down pressed before the list has its lines raises
            # KeyError in OptionList._move_page. The key is dropped; the next one works.
            pass
