"""What was sent, so cadence rules can count: in memory, or in one SQLite file shared by
threads and processes.

A sender checks a message, sends it, then calls ``log.record(message)``. The log keeps, per
send, the time, group, sender, platform, industry, the number of images and videos, and a
digest of the message's skeleton (the folded text without spaces, punctuation or emoji), so
"the same content" survives trivial edits and the log never stores the text itself.

``SendLog("sends.db")`` uses SQLite in WAL mode: every ``record`` is one committed
transaction before it returns, so a process killed at any point loses nothing it recorded;
readers never block writers; several processes may write at once (each waits up to
``timeout`` seconds for the write lock), and may open a new file at the same moment (one
creates it; the others wait for it, up to ``timeout`` too). ``synchronous=NORMAL`` makes commits survive a
crashed process, not a power cut (the usual WAL trade-off). Records older than ``retention``
are pruned as new ones arrive.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from ...clock import aware, from_micros, to_micros, utc_now
from ...errors import WxguardError
from ...models import Message
from ...text.folding import fold, fold_one_to_one

# "WXG1" in the SQLite header: a file without it is not ours, and is never modified.
APPLICATION_ID = 0x57584731
SCHEMA_VERSION = 1
MEDIA_KINDS = frozenset({"image", "video"})

_SCHEMA = (
    """CREATE TABLE sends (
        id INTEGER PRIMARY KEY,
        sent_us INTEGER NOT NULL,
        grp TEXT NOT NULL,
        sender TEXT,
        platform TEXT,
        industry TEXT,
        digest TEXT NOT NULL,
        media INTEGER NOT NULL CHECK (media >= 0)
    )""",
    "CREATE INDEX sends_by_group ON sends (grp, sent_us)",
    "CREATE INDEX sends_by_sender ON sends (sender, sent_us)",
    "CREATE INDEX sends_by_time ON sends (sent_us)",
    f"PRAGMA application_id = {APPLICATION_ID}",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)
_COLUMNS = "id, sent_us, grp, sender, platform, industry, digest, media"


class SendLogError(WxguardError):
    """The log's file cannot be used (damaged, foreign, locked) or a call was malformed."""


class SentRecord(BaseModel):
    """One recorded send. ``group`` is None for messages without a group."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int
    sent_at: datetime
    group: str | None
    sender: str | None
    platform: str | None
    industry: str | None
    digest: str
    media: int


def content_digest(text: str, skeleton: str | None = None) -> str:
    """Equal for texts that differ only in spacing, punctuation, emoji, width, case or
    script (traditional/simplified); a message of nothing but emoji keys on its emoji.
    ``skeleton`` is the text's skeleton view when the caller already has it."""
    if skeleton is None:
        skeleton = fold(text)
    basis = skeleton or "".join(fold_one_to_one(text).split())
    return hashlib.blake2b(basis.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def media_count(message: Message) -> int:
    return sum(1 for a in message.attachments if a.kind in MEDIA_KINDS)


class SendLog:
    """History of sent messages. ``SendLog()`` lives in memory (one process);
    ``SendLog(path)`` persists in SQLite and may be opened by many threads and processes.

    ``clock`` is what "now" means when a message has no ``send_at`` (tests pass a fixed one);
    naive datetimes anywhere mean Asia/Shanghai.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        retention: timedelta | None = timedelta(days=30),
        timeout: float = 5.0,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        if retention is not None and (
            not isinstance(retention, timedelta) or retention <= timedelta(0)
        ):
            raise SendLogError(
                f"retention: expected a positive timedelta or None, got {retention!r}"
            )
        if (
            isinstance(timeout, bool)
            or not isinstance(timeout, (int, float))
            or not 0 <= timeout <= _MAX_WAIT
        ):
            raise SendLogError(
                f"timeout: expected seconds (a number from 0 to {_MAX_WAIT:g}), got {timeout!r}"
            )
        if path is not None and "\0" in os.fspath(path):
            raise SendLogError(f"path: contains a NUL character: {os.fspath(path)!r}")
        self.path = Path(path) if path is not None else None
        self.retention = retention
        self.timeout = float(timeout)
        self._clock = clock or utc_now
        self._lock = threading.RLock()
        self._conn = self._open()

    # -- opening -------------------------------------------------------------------------
    @property
    def _where(self) -> str:
        return str(self.path) if self.path is not None else "in-memory SendLog"

    def _open(self) -> sqlite3.Connection:
        if self.path is not None and self.path.is_dir():
            raise SendLogError(f"{self.path}: is a directory, not a SendLog file")
        target = ":memory:" if self.path is None else str(self.path)
        deadline = time.monotonic() + self.timeout
        with self._errors("open the log"):
            conn = sqlite3.connect(
                target, timeout=self.timeout, isolation_level=None, check_same_thread=False
            )
        try:
            with self._errors("open the log"):
                self._patiently(conn, deadline, self._adopt)
                if self.path is not None:
                    self._patiently(conn, deadline, self._use_wal)
                conn.execute(f"PRAGMA busy_timeout = {_millis(self.timeout)}")
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _patiently(
        conn: sqlite3.Connection, deadline: float, step: Callable[[sqlite3.Connection], None]
    ) -> None:
        """Run ``step`` until it gets through, retrying while the file is busy until
        ``deadline``. SQLite's own wait covers most statements, but some (switching to WAL,
        reading while another connection does) fail at once when busy: the wait a caller
        asked for then comes from here. Each try may wait only what is left."""
        pause = 0.001
        while True:
            conn.execute(f"PRAGMA busy_timeout = {_millis(deadline - time.monotonic())}")
            try:
                step(conn)
                return
            except sqlite3.OperationalError as exc:
                left = deadline - time.monotonic()
                if (
                    exc.sqlite_errorcode & 0xFF not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
                    or left <= 0
                ):
                    raise
                time.sleep(min(left, pause * random.uniform(0.5, 1.5)))
                pause = min(pause * 2, 0.05)

    def _adopt(self, conn: sqlite3.Connection) -> None:
        """Adopt the file only if it is empty or already a SendLog. The check reads in one
        transaction (three separate reads could see another opener's schema half-way: its
        table before its application id); creating the schema re-checks under the write lock,
        in the same transaction that creates it, so of openers racing one creates it."""
        with _atomic(conn, "BEGIN"):
            ours = self._is_ours(conn)
        if not ours:
            with _atomic(conn, "BEGIN IMMEDIATE"):
                if not self._is_ours(conn):  # another opener may have won the race
                    for statement in _SCHEMA:
                        conn.execute(statement)

    def _use_wal(self, conn: sqlite3.Connection) -> None:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise SendLogError(
                f"{self.path}: SQLite cannot use WAL mode here (journal mode stays {mode!r})"
            )
        conn.execute("PRAGMA synchronous = NORMAL")

    def _is_ours(self, conn: sqlite3.Connection) -> bool:
        """True for a SendLog of this schema, False for an empty database; raises otherwise."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        if app_id == APPLICATION_ID:
            if version != SCHEMA_VERSION:
                raise SendLogError(
                    f"{self._where}: SendLog schema {version} is not the supported {SCHEMA_VERSION}"
                )
            return True
        if app_id == 0 and not tables:
            return False
        raise SendLogError(
            f"{self._where}: not a wxguard SendLog (application id {app_id:#x}, tables: "
            f"{', '.join(tables) or 'none'}); it was left as it is"
        )

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """SQLite errors as one-line messages naming the file and what failed."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            text = str(exc)
            if "locked" in text or "busy" in text:
                raise SendLogError(
                    f"{self._where}: cannot {action}: the database is locked by another connection "
                    f"(waited {self.timeout:g} s); nothing was changed"
                ) from None
            raise SendLogError(f"{self._where}: cannot {action}: {text}") from None
        except sqlite3.ProgrammingError as exc:
            raise SendLogError(f"{self._where}: cannot {action}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise SendLogError(
                f"{self._where}: cannot {action}: {exc} (the file is damaged or not a SendLog; "
                "it was left as it is)"
            ) from None

    # -- writing -------------------------------------------------------------------------
    def now(self) -> datetime:
        """The log's clock, as an aware datetime."""
        return aware(self._clock(), "clock()")

    def record(self, message: Message | str, *, sent_at: datetime | None = None) -> SentRecord:
        """Remember that ``message`` was sent, at ``sent_at``, else its ``send_at``, else now.
        Returns once the record is committed."""
        if isinstance(message, str):
            message = Message(text=message)
        elif not isinstance(message, Message):
            raise SendLogError(f"record() takes a Message or a str, not {type(message).__name__}")
        if sent_at is not None:
            when = aware(sent_at, "sent_at")
        elif message.send_at is not None:
            when = aware(message.send_at, "message.send_at")
        else:
            when = self.now()
        micros = to_micros(when)
        row = (
            micros,
            message.group or "",
            message.sender,
            message.platform,
            message.industry,
            content_digest(message.text),
            media_count(message),
        )
        with self._transaction("record a message") as conn:
            cursor = conn.execute(
                "INSERT INTO sends (sent_us, grp, sender, platform, industry, digest, media) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            if self.retention is not None:
                conn.execute(
                    "DELETE FROM sends WHERE sent_us < ?", (_cutoff(micros, self.retention),)
                )
        assert cursor.lastrowid is not None
        return _record((cursor.lastrowid, *row))

    def prune(self, before: datetime | None = None) -> int:
        """Delete records older than ``before`` (default: now minus ``retention``); returns
        how many went. Without a retention and without ``before`` nothing is deleted."""
        if before is None:
            if self.retention is None:
                return 0
            cutoff = _cutoff(to_micros(self.now()), self.retention)
        else:
            cutoff = to_micros(aware(before, "before"))
        with self._transaction("prune the log") as conn:
            cursor = conn.execute("DELETE FROM sends WHERE sent_us < ?", (cutoff,))
        return cursor.rowcount

    @contextmanager
    def _transaction(self, action: str) -> Iterator[sqlite3.Connection]:
        """One write transaction; the write lock is taken up front so two writers never
        deadlock upgrading a read lock."""
        with self._lock, self._errors(action), _atomic(self._conn, "BEGIN IMMEDIATE"):
            yield self._conn

    # -- reading -------------------------------------------------------------------------
    def records(
        self,
        *,
        group: str | None = None,
        sender: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        industries: Iterable[str | None] | None = None,
        newest_first: bool = False,
        limit: int | None = None,
    ) -> list[SentRecord]:
        """Records matching every filter given, oldest first unless ``newest_first``.
        ``group=""`` selects messages without a group; ``since``/``until`` are inclusive;
        ``industries`` may contain None for records without an industry."""
        where, params = self._filters(group, sender, since, until, industries)
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT {_COLUMNS} FROM sends{where} ORDER BY sent_us {order}, id {order}"
        if limit is not None:
            if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
                raise SendLogError(f"limit: expected a whole number >= 0, got {limit!r}")
            sql += f" LIMIT {min(limit, _SQL_MAX)}"  # more than SQLite counts is all of them
        with self._lock, self._errors("read the log"):
            rows = self._conn.execute(sql, params).fetchall()
        return [self._stored(row) for row in rows]

    def _stored(self, row: tuple[Any, ...]) -> SentRecord:
        """A row read back; one that no wxguard could have written names the file as damaged
        (another program changed it) instead of raising a TypeError or OverflowError."""
        try:
            return _record(row)
        except (TypeError, ValueError, OverflowError) as exc:
            raise SendLogError(
                f"{self._where}: record {row[0]!r} is damaged ({exc}); the file was changed "
                "outside wxguard"
            ) from None

    def repeats(self, digest: str, *, group: str, until: datetime, limit: int = 100) -> int:
        """How many of ``group``'s latest records up to ``until`` (newest first, at most
        ``limit``) carry ``digest`` before one does not: the run WX701 extends."""
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise SendLogError(f"limit: expected a whole number >= 0, got {limit!r}")
        sql = "SELECT digest FROM sends WHERE grp = ? AND sent_us <= ? ORDER BY sent_us DESC, id DESC LIMIT ?"
        with self._lock, self._errors("read the log"):
            rows = self._conn.execute(
                sql, (group, to_micros(aware(until, "until")), min(limit, _SQL_MAX))
            ).fetchall()
        run = 0
        for (found,) in rows:
            if found != digest:
                break
            run += 1
        return run

    def count(
        self,
        *,
        group: str | None = None,
        sender: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        industries: Iterable[str | None] | None = None,
    ) -> int:
        """How many records match (same filters as ``records``)."""
        return self._aggregate("COUNT(*)", group, sender, since, until, industries)

    def media_count(
        self,
        *,
        group: str | None = None,
        sender: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> int:
        """How many images and videos the matching records carried."""
        return self._aggregate("COALESCE(SUM(media), 0)", group, sender, since, until, None)

    def _aggregate(
        self,
        expression: str,
        group: str | None,
        sender: str | None,
        since: datetime | None,
        until: datetime | None,
        industries: Iterable[str | None] | None,
    ) -> int:
        where, params = self._filters(group, sender, since, until, industries)
        with self._lock, self._errors("read the log"):
            return int(
                self._conn.execute(f"SELECT {expression} FROM sends{where}", params).fetchone()[0]
            )

    @staticmethod
    def _filters(
        group: str | None,
        sender: str | None,
        since: datetime | None,
        until: datetime | None,
        industries: Iterable[str | None] | None,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, value, what in (("grp", group, "group"), ("sender", sender, "sender")):
            if value is not None:
                if not isinstance(value, str):
                    raise SendLogError(f"{what}: expected a str, got {type(value).__name__}")
                clauses.append(f"{column} = ?")
                params.append(value)
        if since is not None:
            clauses.append("sent_us >= ?")
            params.append(to_micros(aware(since, "since")))
        if until is not None:
            clauses.append("sent_us <= ?")
            params.append(to_micros(aware(until, "until")))
        if industries is not None:
            wanted = set(industries)
            named = sorted(i for i in wanted if i is not None)
            options = []
            if named:
                options.append(f"industry IN ({', '.join('?' * len(named))})")
                params.extend(named)
            if None in wanted:
                options.append("industry IS NULL")
            clauses.append(f"({' OR '.join(options) or '0'})")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def __len__(self) -> int:
        return self.count()

    # -- lifetime ------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SendLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __reduce__(self) -> tuple[Any, ...]:
        """A file-backed log travels to another process as its path and settings."""
        if self.path is None:
            raise SendLogError(
                "an in-memory SendLog cannot be shared with another process; use SendLog(path)"
            )
        return (_reopen, (str(self.path), self.retention, self.timeout, self._clock))

    def __repr__(self) -> str:
        return f"SendLog({str(self.path)!r})" if self.path is not None else "SendLog()"


@contextmanager
def _atomic(conn: sqlite3.Connection, begin: str) -> Iterator[None]:
    """A transaction that commits if the block ends normally and is rolled back otherwise."""
    conn.execute(begin)
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _millis(seconds: float) -> int:
    """SQLite's busy timeout in whole milliseconds, at least 0."""
    return int(min(2**31 - 1, max(0.0, seconds * 1000)))


def _micros(delta: timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


_SQL_MAX = 2**63 - 1  # SQLite's largest integer
_MAX_WAIT = 86_400.0  # seconds: a longer lock wait is a mistake, not a plan


def _cutoff(micros: int, retention: timedelta) -> int:
    """Where records older than ``retention`` before ``micros`` end; a retention longer than
    the calendar keeps everything (the subtraction is done in integers: a datetime would
    overflow, and SQLite takes 64 bits)."""
    return max(micros - _micros(retention), -_SQL_MAX)


def _record(row: tuple[Any, ...]) -> SentRecord:
    rid, micros, group, sender, platform, industry, digest, media = row
    return SentRecord(
        id=rid,
        sent_at=from_micros(micros),
        group=group or None,
        sender=sender,
        platform=platform,
        industry=industry,
        digest=digest,
        media=media,
    )


def _reopen(
    path: str, retention: timedelta | None, timeout: float, clock: Callable[[], datetime]
) -> SendLog:
    return SendLog(path, retention=retention, timeout=timeout, clock=clock)
