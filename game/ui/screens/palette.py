"""The command palette, guarded against keys that arrive faster than it can open or close.

Both guards work around Textual 8.2 faults found by the monkey test, and can go when Textual
fixes them.
"""

from __future__ import annotations

from textual import work
from textual.command import CommandPalette
from textual.css.query import NoMatches

_gather_commands = CommandPalette._gather_commands.__wrapped__  # the method inside @work


class Palette(CommandPalette):
    def _action_command_list(self, action: str) -> None:
        try:
            super()._action_command_list(action)
        except (KeyError, IndexError):
            # Page up or down pressed before the list has its lines raised KeyError in
            # OptionList._move_page. The key is dropped; the next one works.
            pass

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        try:
            await _gather_commands(self, search_value)
        except NoMatches:
            pass  # the palette was closed while it was still gathering commands
