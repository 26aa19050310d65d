"""Opening the records file: location, permissions, pragmas, migrations and recovery."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from game.records import Records
from game.records.db import (
    CURRENT_VERSION,
    FILE_NAME,
    database_path,
    migrate,
    set_aside,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as raw:
        return raw.execute("PRAGMA user_version").fetchone()[0]


def aside_files(folder: Path, kind: str) -> list[Path]:
    return sorted(folder.glob(f"{FILE_NAME}.{kind}-*"))


def test_the_folder_comes_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATHWAYS_DATA_DIR", str(tmp_path / "mine"))
    assert database_path() == tmp_path / "mine" / FILE_NAME
    with Records.open() as records:
        assert records.path == tmp_path / "mine" / FILE_NAME and records.notice is None


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_folder_and_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with Records.open(folder) as records:
        records.set_setting("x", 1)
        assert mode(folder) == 0o700
        assert mode(folder / FILE_NAME) == 0o600
        sidecars = [folder / (FILE_NAME + s) for s in ("-wal", "-shm")]
        assert all(mode(p) == 0o600 for p in sidecars if p.exists())


def test_pragmas_and_version(tmp_path: Path) -> None:
    with Records.open(tmp_path) as records:
        connection = records._connection
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION == 3


def test_a_version_1_database_is_upgraded_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    with sqlite3.connect(path) as raw:
        migrate(raw, target=1)
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
        raw.execute(
            "INSERT INTO attempts (scene_id, status, path_json, ending, ending_title, scores_json,"
            " traps_json, meters_json, finished_at) VALUES ('tiny', 'finished',"
            " '[[\"first\", \"1\", \"p1\"]]', 'close', 'Close', '{\"p1\": {\"listening\": 1}}',"
            " '{\"p1\": []}', '{\"closeness\": 2}', '2024-01-01T10:00:00+00:00')")
        raw.execute("INSERT INTO saves VALUES ('tiny', '[]', '2024-01-01T10:00:00+00:00')")
    raw.close()
    with Records.open(tmp_path) as records:
        [attempt] = records.attempts()
        assert records.notice is None
        assert attempt.players == ("You",) and attempt.scores == {"p1": {"listening": 1}}
        assert attempt.ending == "close" and attempt.traps == {"p1": ()}
        assert records.load_save("tiny").players == ("You",)
        records.set_setting("new", True)  # the settings table exists now
    assert user_version(path) == 3


def test_a_damaged_file_is_set_aside_and_a_fresh_one_works(tmp_path: Path) -> None:
    damaged = os.urandom(8192)
    (tmp_path / FILE_NAME).write_bytes(damaged)
    with Records.open(tmp_path) as records:
        [aside] = aside_files(tmp_path, "damaged")
        assert aside.read_bytes() == damaged
        assert records.notice is not None and str(aside) in records.notice
        assert records.path == tmp_path / FILE_NAME
        records.set_setting("fresh", 1)
        assert records.get_setting("fresh") == 1


def test_a_file_failing_quick_check_is_set_aside(tmp_path: Path) -> None:
    with Records.open(tmp_path) as records:
        for number in range(200):
            records.set_setting(f"key{number}", "x" * 200)
    path = tmp_path / FILE_NAME
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // 4096):
        data[4096 * page + 1:4096 * page + 3] = b"\xff\xf0"  # a free-block offset past the page
    path.write_bytes(bytes(data))
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    raw.close()
    with Records.open(tmp_path) as records:
        assert len(aside_files(tmp_path, "damaged")) == 1
        assert records.notice and "damaged" in records.notice
        assert records.settings() == {}


def test_a_newer_database_is_set_aside_untouched(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE future (x)")
        raw.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    raw.close()
    with Records.open(tmp_path) as records:
        [aside] = aside_files(tmp_path, "newer")
        assert records.notice is not None and "newer version" in records.notice
        assert str(aside) in records.notice
        assert user_version(aside) == CURRENT_VERSION + 1
        assert records.attempts() == []
    assert user_version(path) == CURRENT_VERSION


def test_two_set_asides_in_the_same_second_do_not_collide(tmp_path: Path) -> None:
    for _ in range(2):
        (tmp_path / FILE_NAME).write_bytes(os.urandom(4096))
        Records.open(tmp_path).close()
    assert len(aside_files(tmp_path, "damaged")) == 2


def test_an_unwritable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root ignores permissions: use a folder that can never exist
        (tmp_path / "file.txt").write_text("not a folder")
        folder = tmp_path / "file.txt" / "sub"
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        folder = locked / "sub"
    with Records.open(folder) as records:
        assert records.path is None
        assert records.notice is not None and "won't be kept this session" in records.notice
        records.set_setting("works", "in memory")
        assert records.get_setting("works") == "in memory"


def test_setting_aside_moves_the_wal_and_shm_too(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    for suffix, content in (("", b"main"), ("-wal", b"wal"), ("-shm", b"shm")):
        path.with_name(FILE_NAME + suffix).write_bytes(content)
    aside = set_aside(path, "damaged")
    assert aside.name.startswith(f"{FILE_NAME}.damaged-2") and aside.read_bytes() == b"main"
    assert aside.with_name(aside.name + "-wal").read_bytes() == b"wal"
    assert aside.with_name(aside.name + "-shm").read_bytes() == b"shm"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(FILE_NAME + "-")) == []
    assert not path.exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_existing_shared_folder_keeps_its_mode(tmp_path: Path) -> None:
    """Defect 9: PATHWAYS_DATA_DIR=/tmp used to chmod /tmp itself to 0700."""
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    with Records.open(shared) as records:
        assert records.path == shared / FILE_NAME
    assert mode(shared) == 0o1777
    assert mode(shared / FILE_NAME) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_loose_records_file_is_tightened(tmp_path: Path) -> None:
    with Records.open(tmp_path) as records:
        records.set_setting("x", 1)
    os.chmod(tmp_path / FILE_NAME, 0o666)
    with Records.open(tmp_path) as records:
        assert records.get_setting("x") == 1
    assert mode(tmp_path / FILE_NAME) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_parents_made_under_umask_000_are_private(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        with Records.open(tmp_path / "a" / "b" / "c"):
            pass
    finally:
        os.umask(old)
    for made in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert mode(made) == 0o700, made
    assert mode(tmp_path / "a" / "b" / "c" / FILE_NAME) == 0o600
