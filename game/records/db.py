"""Opening the records database: where it lives, who may read it, its schema, and recovery.

Whatever happens to the file, `open_database` returns a working connection: a damaged or too
new file is moved aside and a fresh one started; a folder that cannot be written gives an
in-memory database for this session. The caller learns about it through `notice`.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import stat
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FILE_NAME = "records.sqlite3"
SIDECARS = ("-wal", "-shm")
ASIDE_KINDS = ("damaged", "newer")

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        scene_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('finished', 'abandoned')),
        path_json TEXT NOT NULL,
        ending TEXT,
        ending_title TEXT,
        scores_json TEXT NOT NULL,
        traps_json TEXT NOT NULL,
        meters_json TEXT NOT NULL,
        finished_at TEXT NOT NULL
    );
    CREATE TABLE saves (
        scene_id TEXT PRIMARY KEY,
        path_json TEXT NOT NULL,
        saved_at TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
    );
    ALTER TABLE attempts ADD COLUMN players_json TEXT NOT NULL DEFAULT '["You"]';
    ALTER TABLE saves ADD COLUMN players_json TEXT NOT NULL DEFAULT '["You"]';
    CREATE INDEX attempts_by_scene ON attempts (scene_id, finished_at);
    """,
    """
    CREATE TABLE puppet_rounds (
        id INTEGER PRIMARY KEY,
        puppet_id TEXT NOT NULL,
        line TEXT NOT NULL,
        answer TEXT NOT NULL,
        rules_json TEXT NOT NULL,
        scores_json TEXT NOT NULL,
        traps_json TEXT NOT NULL,
        players_json TEXT NOT NULL,
        saved_at TEXT NOT NULL
    );
    """,
)
CURRENT_VERSION = len(MIGRATIONS)
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)  # seconds between tries of a busy file at start

# Errors that say "not now, not here" rather than "this file is broken": keep the file as it is.
_ENVIRONMENT_ERRORS = frozenset({
    sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_NOMEM, sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_AUTH,
})


class UnusableFile(Exception):
    """The file cannot be used as it is; ``kind`` is one of ASIDE_KINDS."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    connection: sqlite3.Connection
    path: Path | None  # None when in memory
    notice: str | None


def data_folder() -> Path:
    override = os.environ.get("PATHWAYS_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs  # only needed when no folder was given

    return Path(platformdirs.user_data_dir("pathways", appauthor=False))


def database_path(folder: Path | None = None) -> Path:
    return (folder or data_folder()) / FILE_NAME


def open_database(folder: Path) -> OpenedDatabase:
    path = folder / FILE_NAME
    try:
        make_private_folder(folder)
        return OpenedDatabase(connect_file(path), path, None)
    except UnusableFile as problem:
        return start_over(path, problem.kind)
    except sqlite3.DatabaseError as error:
        if is_environmental(error):
            return in_memory(folder, why_not_kept(error, path))
        return start_over(path, "damaged")
    except (OSError, sqlite3.Error) as error:
        return in_memory(folder, why_not_kept(error, path))


def open_read_only(folder: Path) -> OpenedDatabase:
    """The records file for reading only: nothing is created, moved or changed. With no file,
    an empty database; with a file that cannot be read, an empty one and a notice saying so."""
    path = folder / FILE_NAME
    if not path.exists():
        return OpenedDatabase(empty_database(), None, None)
    # With no -wal beside it the file is complete and may be read as immutable, which makes no
    # -wal or -shm; with one (another copy running, or a crash), read through it as it is.
    mode = "mode=ro" if existing_sidecars(path) else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=5,
                                     check_same_thread=False)
        try:
            check_usable(connection)
        except BaseException:
            connection.close()
            raise
        return OpenedDatabase(connection, path, None)
    except UnusableFile as problem:
        reason = "is damaged" if problem.kind == "damaged" else "was written by a newer version of Pathways"
    except (OSError, sqlite3.Error) as error:
        reason = f"could not be read ({error})"
    return OpenedDatabase(empty_database(), None,
                          f"Your records file {path} {reason}; it was left as it is and nothing was read from it.")


def empty_database() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    migrate(connection)
    return connection


def start_over(path: Path, kind: str) -> OpenedDatabase:
    try:
        aside = set_aside(path, kind)
        return OpenedDatabase(connect_file(path), path, aside_notice(kind, aside))
    except (OSError, sqlite3.Error, UnusableFile) as error:
        return in_memory(path.parent, why_not_kept(error, path))


def why_not_kept(error: BaseException, path: Path) -> str:
    """The real reason the records file cannot be used, in words for the notice."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if path.is_dir():
        return f"{path} is a folder, where the records file should be"
    if isinstance(error, sqlite3.Error) and is_busy(error):
        return f"another program kept {path} busy"
    if code == sqlite3.SQLITE_FULL or getattr(error, "errno", None) == errno.ENOSPC:
        return "the disk is full"
    if isinstance(error, UnusableFile):
        return f"{path} could not be set aside"
    return f"{path.parent} could not be written to"


def aside_notice(kind: str, aside: Path) -> str:
    reason = ("was damaged" if kind == "damaged"
              else "was written by a newer version of Pathways")
    return f"Your records file {reason}, so it was moved to {aside} and a new one was started."


def in_memory(folder: Path, reason: str | None = None) -> OpenedDatabase:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    configure(connection)
    migrate(connection)
    notice = (f"Your records won't be kept this session, "
              f"because {reason or f'{folder} could not be written to'}.")
    return OpenedDatabase(connection, None, notice)


def make_private_folder(folder: Path) -> None:
    """Make the folder and any missing parents, each private (0700 whatever the umask).

    A folder that already exists is left as it is: it may be shared, such as /tmp."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        try:
            os.mkdir(made, 0o700)
        except FileExistsError:
            continue  # made by another instance at the same moment: theirs is private too
        os.chmod(made, 0o700)


def create_private_file(path: Path) -> None:
    """Create the records file readable by this user only; tighten one that is looser."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode) and os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def connect_file(path: Path) -> sqlite3.Connection:
    """Open (creating if need be) and migrate the file. Several instances may start at the same
    moment on a fresh folder: a busy or locked file is tried again, and each migration checks
    inside its own write lock that no other instance has applied it already."""
    create_private_file(path)
    for delay in (*RETRY_DELAYS, None):
        connection = sqlite3.connect(path, timeout=5, check_same_thread=False)
        try:
            check_usable(connection)
            configure(connection)
            migrate(connection)
            break
        except sqlite3.OperationalError as error:
            connection.close()
            if delay is None or not is_busy(error):
                raise
            time.sleep(delay)
        except BaseException:
            connection.close()
            raise
    for sidecar in existing_sidecars(path):
        os.chmod(sidecar, 0o600)
    return connection


def is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return "locked" in str(error) or "busy" in str(error)
    return (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def check_usable(connection: sqlite3.Connection) -> None:
    """Raise UnusableFile unless this code understands the file and it passes a quick check.

    It reads one snapshot: another instance starting at the same moment may commit a migration
    between two reads, and tables read before it with a version read after it looked like
    damage, so a good file was set aside."""
    connection.execute("BEGIN")
    try:
        if user_version(connection) > CURRENT_VERSION:
            raise UnusableFile("newer")
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise UnusableFile("damaged")
        if missing_tables(connection):
            raise UnusableFile("damaged")
    finally:
        if connection.in_transaction:
            connection.execute("COMMIT")


def missing_tables(connection: sqlite3.Connection) -> set[str]:
    """Tables that the file's user_version says it has, but that are not there: damage."""
    present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    expected = {name for script in MIGRATIONS[:user_version(connection)]
                for name in re.findall(r"CREATE TABLE (\w+)", script)}
    return expected - present


def configure(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    # Private notes: overwrite deleted rows instead of leaving them in free pages.
    connection.execute("PRAGMA secure_delete = ON")


def user_version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlite3.Connection, target: int = CURRENT_VERSION) -> None:
    for version in range(user_version(connection) + 1, target + 1):
        apply_migration(connection, version)


def apply_migration(connection: sqlite3.Connection, version: int) -> None:
    """Apply one migration in a write transaction, unless another instance just did."""
    statements = [s.strip() for s in MIGRATIONS[version - 1].split(";") if s.strip()]
    previous, connection.isolation_level = connection.isolation_level, None  # our own BEGIN
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            if user_version(connection) < version:
                for statement in statements:
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {version}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    finally:
        connection.isolation_level = previous


def is_environmental(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is None or (code & 0xFF) in _ENVIRONMENT_ERRORS


def existing_sidecars(path: Path) -> list[Path]:
    candidates = (path.with_name(path.name + suffix) for suffix in SIDECARS)
    return [candidate for candidate in candidates if candidate.exists()]


def set_aside(path: Path, kind: str) -> Path:
    """Move the file and its -wal/-shm to ``<name>.<kind>-<timestamp>``; return the new name."""
    aside = free_name(path, f"{kind}-{datetime.now():%Y%m%d-%H%M%S}")
    for sidecar in existing_sidecars(path):
        os.replace(sidecar, aside.with_name(aside.name + sidecar.name[len(path.name):]))
    os.replace(path, aside)
    return aside


def free_name(path: Path, label: str) -> Path:
    aside = path.with_name(f"{path.name}.{label}")
    counter = 2
    while aside.exists():
        aside = path.with_name(f"{path.name}.{label}-{counter}")
        counter += 1
    return aside


def record_files(path: Path) -> list[Path]:
    """The database, its -wal/-shm, and any copies that were set aside: everything to delete."""
    if not path.parent.is_dir():
        return []
    main = [path] if path.exists() else []
    aside = sorted(p for kind in ASIDE_KINDS for p in path.parent.glob(f"{path.name}.{kind}-*"))
    return main + existing_sidecars(path) + aside
