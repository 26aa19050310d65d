"""Records faults: a full disk and missing tables each give a notice, and lose no finished attempt."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from game.engine.play.state import Step
from game.records import Records, db
from game.records.db import FILE_NAME
from tests.records.test_store import attempt

LONG_PATH = tuple(Step(f"node{i}", "1", "p1") for i in range(300))  # a few KB per attempt


def fill_the_disk(records: Records) -> None:
    """From now on the file may not grow: like a full disk (SQLITE_FULL)."""
    pages = records._connection.execute("PRAGMA page_count").fetchone()[0]
    records._connection.execute(f"PRAGMA max_page_count = {pages}")


def free_the_disk(records: Records) -> None:
    records._connection.execute("PRAGMA max_page_count = 1000000")


def test_a_full_disk_tells_the_player_and_keeps_the_attempts(tmp_path: Path) -> None:
    told: list[str] = []
    with Records.open(tmp_path) as records:
        records.listener = told.append
        records.add_attempt(attempt(finished_at="2024-01-01T09:00:00+00:00"))
        fill_the_disk(records)
        lost = [replace(attempt(finished_at=f"2024-01-01T10:00:0{i}+00:00"), path=LONG_PATH)
                for i in range(5)]
        ids = [records.add_attempt(a) for a in lost]
        assert 0 in ids, "the disk should have filled up"
        assert told and "kept for this session" in told[0]
        assert len(records.attempts("tiny")) == 6  # still listed while waiting
        free_the_disk(records)
        records.add_attempt(attempt(finished_at="2024-01-01T11:00:00+00:00"))
        assert records.unsaved == 0
        assert "can be written again" in told[-1]
    with Records.open(tmp_path) as reopened:
        kept = reopened.attempts("tiny")
        assert len(kept) == 7 and all(a.id for a in kept)
        assert [a.finished_at for a in kept] == sorted(a.finished_at for a in kept)


def test_a_full_disk_when_saving_progress_is_told(tmp_path: Path) -> None:
    told: list[str] = []
    with Records.open(tmp_path) as records:
        records.listener = told.append
        fill_the_disk(records)
        records.save_progress("tiny", LONG_PATH)
        assert told and told[-1].startswith("Your progress could not be saved")


def test_missing_tables_are_damage_set_aside(tmp_path: Path) -> None:
    with Records.open(tmp_path) as records:
        records.add_attempt(attempt())
        records.set_setting("kept", 1)
    with sqlite3.connect(tmp_path / FILE_NAME) as raw:
        raw.execute("DROP TABLE saves")  # user_version still says the table exists
    raw.close()
    with Records.open(tmp_path) as records:
        assert records.notice is not None and "damaged" in records.notice
        aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
        assert len(aside) == 1 and str(aside[0]) in records.notice
        records.save_progress("tiny", LONG_PATH)  # the fresh file works
        assert records.load_save("tiny") is not None
    with sqlite3.connect(aside[0]) as old:  # nothing was destroyed: the attempt is in the set-aside file
        assert old.execute("SELECT count(*) FROM attempts").fetchone()[0] == 1
    old.close()


def test_a_table_lost_during_play_is_told_and_the_attempt_kept(tmp_path: Path) -> None:
    told: list[str] = []
    with Records.open(tmp_path) as records:
        records.listener = told.append
        records._connection.execute("DROP TABLE attempts")
        assert records.add_attempt(attempt()) == 0
        assert told and "kept for this session" in told[0]
        assert len(records.attempts()) == 1


RACE = """
import sys, time
from pathlib import Path
from game.records import Records
from tests.records.test_store import attempt
folder, start = Path(sys.argv[1]), float(sys.argv[2])
while time.time() < start:
    time.sleep(0.001)
with Records.open(folder) as records:
    print(records.path is not None, records.add_attempt(attempt()) > 0, records.notice)
"""


def test_a_concurrent_first_start_keeps_every_attempt(tmp_path: Path) -> None:
    """Defect 11: instances starting together on a fresh folder all use the file; none is lost."""
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parents[2]
    for trial in range(2):
        folder = tmp_path / f"fresh{trial}" / "data"
        start = time.time() + 1.0
        runs = [subprocess.Popen([sys.executable, "-c", RACE, str(folder), str(start)], cwd=root,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                for _ in range(4)]
        outputs = [run.communicate(timeout=60)[0].strip() for run in runs]
        assert outputs == ["True True None"] * 4, outputs
        with Records.open(folder) as records:
            assert len(records.attempts()) == 4
        assert not [p for p in folder.iterdir() if ".damaged-" in p.name]


def test_a_migration_by_another_instance_during_the_check_is_not_damage(tmp_path: Path, monkeypatch) -> None:
    """Defect 11, found under load: the check read the tables, another instance committed its
    migrations, then the check read the new version, and took the missing tables for damage."""
    path = tmp_path / FILE_NAME
    with sqlite3.connect(path) as first:
        first.execute("PRAGMA journal_mode = WAL")
    checking = sqlite3.connect(path)
    real_user_version, calls = db.user_version, []

    def another_instance_migrates_meanwhile(connection: sqlite3.Connection) -> int:
        if connection is checking:
            calls.append(1)
            if len(calls) == 2:  # after the check has read the tables, before it reads the version
                with sqlite3.connect(path) as other:
                    db.migrate(other)
        return real_user_version(connection)

    monkeypatch.setattr(db, "user_version", another_instance_migrates_meanwhile)
    db.check_usable(checking)  # no UnusableFile("damaged")
    assert len(calls) == 2
    checking.close()
    assert real_user_version(sqlite3.connect(path)) == db.CURRENT_VERSION


def test_a_folder_where_the_file_should_be_is_named_as_such(tmp_path: Path) -> None:
    """Defect 16: the notice blamed the folder's permissions."""
    (tmp_path / FILE_NAME).mkdir()
    with Records.open(tmp_path) as records:
        assert records.path is None
        assert records.notice is not None and "is a folder, where the records file should be" in records.notice
