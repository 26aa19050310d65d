"""The records kept on this machine: finished and abandoned attempts, one save per scene, settings.

Nothing here raises because of the disk or the file: a failed query leaves a message in
`Records.notice` (and tells `Records.listener`, so the player hears of it at once) and returns an
empty answer, and a row whose JSON is malformed is skipped. A finished attempt that cannot be
written is never dropped: it stays in memory, is listed with the others, and is written at the
next chance (the next write, or closing).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Iterable,
    Iterator,
    Literal,
    Mapping,
    TypeVar,
)

from game.engine.play.state import State, Step
from game.records import codec
from game.records.db import data_folder, in_memory, open_database, open_read_only
from game.records.rounds import (
    INSERT_ROUND,
    PuppetRound,
    round_from_row,
    round_row,
    round_to_plain,
)

if TYPE_CHECKING:
    from game.engine.scene.model import Scene

EXPORT_FORMAT = "pathways-records"
EXPORT_VERSION = 3
Status = Literal["finished", "abandoned"]
STATUSES = ("finished", "abandoned")
T = TypeVar("T")
UNSAVED_ATTEMPT = ("This attempt could not be written to your records yet; it is kept for this "
                   "session and will be written as soon as the file takes it")


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Attempt:
    scene_id: str
    status: Status
    path: tuple[Step, ...]
    ending: str | None  # ending node id, None if abandoned before an ending
    ending_title: str | None
    scores: Mapping[str, Mapping[str, int]]  # player id -> dimension -> total
    traps: Mapping[str, tuple[str, ...]]  # player id -> traps
    meters: Mapping[str, int]
    players: tuple[str, ...] = ("You",)  # display names, in player order
    finished_at: str = ""  # ISO 8601 UTC; add_attempt fills it in when empty
    id: int | None = None

    @classmethod
    def from_state(cls, scene: Scene, state: State, status: Status,
                   players: tuple[str, ...] = ("You",)) -> Attempt:
        node = scene.nodes.get(state.node)
        ending = node.ending if node is not None else None
        return cls(
            scene_id=scene.id, status=status, path=tuple(state.path),
            ending=state.node if ending is not None else None,
            ending_title=ending.title if ending is not None else None,
            scores=codec.scores_to_plain(state.scores),
            traps={player: tuple(names) for player, names in state.traps.items()},
            meters=dict(state.meters), players=tuple(players),
        )


@dataclass(frozen=True, slots=True)
class Save:
    scene_id: str
    path: tuple[Step, ...]
    players: tuple[str, ...]
    saved_at: str


@dataclass(frozen=True, slots=True)
class SceneStats:
    attempts: int
    endings_found: frozenset[str]  # ending node ids reached in finished attempts
    best_closeness: int | None  # max meters["closeness"] over finished attempts


class Records:
    """The player's records. Open with `Records.open()`; safe to share between threads."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None,
                 notice: str | None = None) -> None:
        connection.row_factory = sqlite3.Row
        self._connection = connection
        self._lock = threading.RLock()
        self.path = path
        self.notice = notice
        self.listener: Callable[[str], None] | None = None  # told of every failure as it happens
        self._unsaved: list[Attempt] = []  # attempts the file would not take yet, oldest first

    @classmethod
    def open(cls, folder: Path | None = None) -> Records:
        opened = open_database(folder or data_folder())
        return cls(opened.connection, opened.path, opened.notice)

    @classmethod
    def read_only(cls, folder: Path | None = None) -> Records:
        """For looking only (`data export`): never creates, moves or changes the file."""
        opened = open_read_only(folder or data_folder())
        return cls(opened.connection, opened.path, opened.notice)

    @classmethod
    def scratch(cls) -> Records:
        """Records that live only in memory, for play that should leave no trace (author tests)."""
        opened = in_memory(Path("."))
        return cls(opened.connection, None, None)

    def __enter__(self) -> Records:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self.write_unsaved()
            self._connection.close()

    @property
    def unsaved(self) -> int:
        """How many attempts are kept only in memory, waiting for the file to take them."""
        return len(self._unsaved)

    # Attempts

    def add_attempt(self, attempt: Attempt) -> int:
        """Store the attempt and return its id (0 if it could not be stored yet; see `notice`)."""
        attempt = replace(attempt, finished_at=attempt.finished_at or now_utc())
        with self._lock:
            self.write_unsaved()
            if self._unsaved:  # keep the order: this one waits behind the others
                self._unsaved.append(attempt)
                self._fail(UNSAVED_ATTEMPT, "the records file still cannot be written")
                return 0
            with self._guard(UNSAVED_ATTEMPT), self._connection:
                return self._connection.execute(_INSERT_ATTEMPT, _attempt_row(attempt)).lastrowid
            self._unsaved.append(attempt)
            return 0

    def write_unsaved(self) -> bool:
        """Try again to write the attempts kept in memory; True when none is left waiting."""
        with self._lock:
            written = 0
            while self._unsaved:
                try:
                    with self._connection:
                        self._connection.execute(_INSERT_ATTEMPT, _attempt_row(self._unsaved[0]))
                except sqlite3.DatabaseError:
                    return False
                self._unsaved.pop(0)
                written += 1
            if written and self.listener is not None:
                self.listener(f"Your records file can be written again: {written} kept "
                              f"attempt{'s were' if written > 1 else ' was'} written to it.")
            return True

    def attempts(self, scene_id: str | None = None) -> list[Attempt]:
        """Oldest first, with any not yet written last."""
        where, args = ("WHERE scene_id = ?", (scene_id,)) if scene_id is not None else ("", ())
        query = f"SELECT * FROM attempts {where} ORDER BY finished_at, id"
        stored = self._read("Your past attempts could not be read", query, args, _attempt_from_row)
        return stored + [a for a in self._unsaved if scene_id is None or a.scene_id == scene_id]

    def scene_stats(self, scene_id: str) -> SceneStats:
        attempts = self.attempts(scene_id)
        finished = [a for a in attempts if a.status == "finished"]
        closeness = [a.meters["closeness"] for a in finished if "closeness" in a.meters]
        return SceneStats(attempts=len(attempts),
                          endings_found=frozenset(a.ending for a in finished if a.ending),
                          best_closeness=max(closeness, default=None))

    # Saves

    def save_progress(self, scene_id: str, path: tuple[Step, ...],
                      players: tuple[str, ...] = ("You",)) -> None:
        """Keep one save per scene; a new save replaces the old one."""
        row = (scene_id, codec.dumps(codec.path_to_list(path)), codec.dumps(list(players)), now_utc())
        with self._guard("Your progress could not be saved"), self._connection:
            self._connection.execute(
                "INSERT OR REPLACE INTO saves (scene_id, path_json, players_json, saved_at) "
                "VALUES (?, ?, ?, ?)", row)

    def load_save(self, scene_id: str) -> Save | None:
        found = self._read("Your saved progress could not be read",
                           "SELECT * FROM saves WHERE scene_id = ?", (scene_id,), _save_from_row)
        return found[0] if found else None

    def saves(self) -> list[Save]:
        """Newest first."""
        return self._read("Your saved progress could not be read",
                          "SELECT * FROM saves ORDER BY saved_at DESC, rowid DESC", (), _save_from_row)

    def delete_save(self, scene_id: str) -> None:
        with self._guard("A save could not be deleted"), self._connection:
            self._connection.execute("DELETE FROM saves WHERE scene_id = ?", (scene_id,))

    # Settings

    def get_setting(self, key: str, default: Any = None) -> Any:
        found = self._read("A setting could not be read",
                           "SELECT * FROM settings WHERE key = ?", (key,), _setting_from_row)
        return found[0][1] if found else default

    def set_setting(self, key: str, value: Any) -> None:
        text = codec.dumps(value)  # a value that is not JSON is the caller's mistake: raise
        with self._guard("A setting could not be saved"), self._connection:
            self._connection.execute(
                "INSERT OR REPLACE INTO settings (key, value_json) VALUES (?, ?)", (key, text))

    # Puppet theatre rounds

    def save_round(self, kept: PuppetRound) -> int:
        """Keep a theatre round the player asked to save; returns its id (0 if it failed)."""
        with self._guard("This round could not be saved"), self._connection:
            return self._connection.execute(INSERT_ROUND, round_row(kept, kept.saved_at or now_utc())).lastrowid
        return 0

    def rounds(self) -> list[PuppetRound]:
        """Oldest first."""
        return self._read("Your saved rounds could not be read",
                          "SELECT * FROM puppet_rounds ORDER BY saved_at, id", (), round_from_row)

    def settings(self) -> dict[str, Any]:
        return dict(self._read("Your settings could not be read",
                               "SELECT * FROM settings ORDER BY key", (), _setting_from_row))

    # Everything

    def export_all(self) -> dict[str, Any]:
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_at": now_utc(),
            "attempts": [_attempt_to_plain(attempt) for attempt in self.attempts()],
            "saves": [_save_to_plain(save) for save in self.saves()],
            "settings": self.settings(),
            "puppet_rounds": [round_to_plain(kept) for kept in self.rounds()],
        }

    def delete_all(self) -> None:
        with self._guard("Your records could not be deleted"):
            with self._connection:
                for table in ("attempts", "saves", "settings", "puppet_rounds"):
                    self._connection.execute(f"DELETE FROM {table}")
            self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # Helpers

    @contextmanager
    def _guard(self, failure: str) -> Iterator[None]:
        """Run one query under the lock; a failure of the file or disk becomes a notice."""
        with self._lock:
            try:
                yield
            except (sqlite3.IntegrityError, sqlite3.ProgrammingError):
                raise  # a mistake in the calling code, not in the file
            except sqlite3.DatabaseError as error:
                self._fail(failure, str(error))

    def _fail(self, failure: str, reason: str) -> None:
        self.notice = f"{failure} ({reason})."
        if self.listener is not None:
            self.listener(self.notice)

    def _read(self, failure: str, query: str, args: tuple,
              decode: Callable[[sqlite3.Row], T]) -> list[T]:
        with self._guard(failure):
            return list(_decoded(self._connection.execute(query, args), decode))
        return []


_INSERT_ATTEMPT = """
    INSERT INTO attempts (scene_id, status, path_json, ending, ending_title, scores_json,
                          traps_json, meters_json, players_json, finished_at)
    VALUES (:scene_id, :status, :path_json, :ending, :ending_title, :scores_json,
            :traps_json, :meters_json, :players_json, :finished_at)
"""


def _decoded(rows: Iterable[sqlite3.Row], decode: Callable[[sqlite3.Row], T]) -> Iterator[T]:
    for row in rows:
        try:
            yield decode(row)
        except (ValueError, TypeError):
            continue  # a malformed row is left out, never passed on


def _attempt_row(attempt: Attempt) -> dict[str, Any]:
    return {
        "scene_id": attempt.scene_id,
        "status": attempt.status,
        "path_json": codec.dumps(codec.path_to_list(attempt.path)),
        "ending": attempt.ending,
        "ending_title": attempt.ending_title,
        "scores_json": codec.dumps(codec.scores_to_plain(attempt.scores)),
        "traps_json": codec.dumps(codec.traps_to_plain(attempt.traps)),
        "meters_json": codec.dumps(dict(attempt.meters)),
        "players_json": codec.dumps(list(attempt.players)),
        "finished_at": attempt.finished_at or now_utc(),
    }


def _attempt_from_row(row: sqlite3.Row) -> Attempt:
    if row["status"] not in STATUSES:
        raise ValueError(f"unknown status {row['status']!r}")
    return Attempt(
        scene_id=row["scene_id"], status=row["status"],
        path=codec.path_from_json(row["path_json"]),
        ending=row["ending"], ending_title=row["ending_title"],
        scores=codec.scores_from_json(row["scores_json"]),
        traps=codec.traps_from_json(row["traps_json"]),
        meters=codec.meters_from_json(row["meters_json"]),
        players=codec.players_from_json(row["players_json"]),
        finished_at=row["finished_at"], id=row["id"],
    )


def _save_from_row(row: sqlite3.Row) -> Save:
    return Save(scene_id=row["scene_id"], path=codec.path_from_json(row["path_json"]),
                players=codec.players_from_json(row["players_json"]), saved_at=row["saved_at"])


def _setting_from_row(row: sqlite3.Row) -> tuple[str, Any]:
    return row["key"], json.loads(row["value_json"])


def _attempt_to_plain(attempt: Attempt) -> dict[str, Any]:
    return {
        "id": attempt.id,
        "scene_id": attempt.scene_id,
        "status": attempt.status,
        "players": list(attempt.players),
        "path": codec.path_to_list(attempt.path),
        "ending": attempt.ending,
        "ending_title": attempt.ending_title,
        "scores": codec.scores_to_plain(attempt.scores),
        "traps": codec.traps_to_plain(attempt.traps),
        "meters": dict(attempt.meters),
        "finished_at": attempt.finished_at,
    }


def _save_to_plain(save: Save) -> dict[str, Any]:
    return {"scene_id": save.scene_id, "players": list(save.players),
            "path": codec.path_to_list(save.path), "saved_at": save.saved_at}
