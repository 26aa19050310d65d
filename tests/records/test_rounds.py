"""Saved puppet theatre rounds, and the migration that added them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from game.records import PuppetRound, Records
from game.records.db import migrate


def test_a_saved_round_comes_back_and_is_exported_and_deleted(tmp_path: Path) -> None:
    with Records.open(tmp_path) as records:
        kept = PuppetRound("inner-critic", "You always mess up.", "Thanks, Your Honour!",
                           ("thanks", "naming"), {"playfulness": 1}, (), ("Ana",))
        assert records.save_round(kept) > 0
        [back] = records.rounds()
        assert (back.puppet_id, back.answer, back.rules, back.players) == (
            "inner-critic", "Thanks, Your Honour!", ("thanks", "naming"), ("Ana",))
        assert back.saved_at
        assert records.export_all()["puppet_rounds"][0]["line"] == "You always mess up."
        records.delete_all()
        assert records.rounds() == []


def test_migration_from_version_2_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    with sqlite3.connect(path) as raw:
        migrate(raw, target=2)
        raw.execute("INSERT INTO settings VALUES ('show_feedback', 'false')")
    raw.close()
    with Records.open(tmp_path) as records:
        assert records.notice is None
        assert records.get_setting("show_feedback") is False
        assert records.rounds() == []
        records.save_round(PuppetRound("fixer", "Fix it now.", "No thanks, Sergeant."))
        assert len(records.rounds()) == 1
