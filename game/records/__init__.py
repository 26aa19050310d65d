"""The player's records (attempts, saves, settings) in a private SQLite file on this machine.

Importing this package never imports Textual.
"""

from game.records.rounds import PuppetRound
from game.records.store import Attempt, Records, Save, SceneStats

__all__ = ["Attempt", "PuppetRound", "Records", "Save", "SceneStats"]
