"""SendLog: recording, querying, pruning, durability, concurrency and bad input."""

from __future__ import annotations

import json
import pickle
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

import pytest

from wxguard import Attachment, Message, SendLog, SendLogError, WxguardError
from wxguard.families.cadence.sendlog import content_digest

from . import sendlog_worker

WORKER = Path(sendlog_worker.__file__)
UTC = UTC
T0 = datetime(2024, 5, 7, 20, 0)  # naive: Beijing time, a Tuesday


def msg(text: str = "今晚八点直播", minutes: float = 0, **kw: object) -> Message:
    return Message(text=text, send_at=T0 + timedelta(minutes=minutes), **kw)  # type: ignore[arg-type]


def run_worker(*args: str, timeout: float = 60) -> str:
    done = subprocess.run(
        [sys.executable, str(WORKER), *args], capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


# -- recording and querying ------------------------------------------------------------
def test_record_returns_what_was_stored_and_queries_filter() -> None:
    log = SendLog()
    first = log.record(
        msg(
            group="g1",
            sender="alice",
            industry="ecommerce",
            attachments=(
                Attachment(kind="image"),
                Attachment(kind="video"),
                Attachment(kind="file"),
            ),
        )
    )
    log.record(msg("别的内容", 5, group="g2", sender="alice"))
    log.record(msg("无群消息", 10))
    assert first.id == 1 and first.group == "g1" and first.sender == "alice" and first.media == 2
    assert first.sent_at == T0.replace(
        tzinfo=first.sent_at.tzinfo
    ) and first.sent_at.utcoffset() == timedelta(hours=8)
    assert len(log) == 3
    assert [r.group for r in log.records()] == ["g1", "g2", None]
    assert [r.group for r in log.records(newest_first=True, limit=2)] == [None, "g2"]
    assert (
        log.count(group="g1") == 1 and log.count(group="") == 1 and log.count(sender="alice") == 2
    )
    assert log.count(since=T0 + timedelta(minutes=5)) == 2  # since and until are inclusive
    assert log.count(until=T0 + timedelta(minutes=5)) == 2
    assert log.count(industries=["ecommerce"]) == 1 and log.count(industries=[None]) == 2
    assert log.count(industries=[]) == 0
    assert log.media_count(sender="alice") == 2 and log.media_count(group="g2") == 0


def test_the_log_stores_a_digest_not_the_text() -> None:
    log = SendLog()
    record = log.record(msg("会员日全场五折"))
    assert "会员" not in record.model_dump_json()
    assert record.digest == content_digest("会员日 全场五折！！🎉")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("会员日全场五折", "会员日 全场五折！🎉", True),
        ("Sale Today", "ＳＡＬＥ　ｔｏｄａｙ", True),
        ("會員日全場五折", "会员日全场五折", True),
        ("会员日全场五折", "会员日全场六折", False),
        ("🎉🎉", "🎉 🎉", True),
        ("🎉🎉", "👍👍", False),
    ],
)
def test_digest_sees_through_trivial_edits(a: str, b: str, same: bool) -> None:
    assert (content_digest(a) == content_digest(b)) is same


def test_naive_times_are_beijing_and_mix_with_aware_ones() -> None:
    log = SendLog()
    log.record(msg())  # naive 20:00 Beijing
    log.record(msg(), sent_at=datetime(2024, 5, 7, 12, 0, 1, tzinfo=UTC))  # 20:00:01 Beijing
    assert (
        log.count(since=datetime(2024, 5, 7, 12, 0, tzinfo=UTC), until=datetime(2024, 5, 7, 20, 0))
        == 1
    )
    assert (
        log.count(
            since=datetime(2024, 5, 7, 20, 0, 1), until=datetime(2024, 5, 7, 12, 0, 1, tzinfo=UTC)
        )
        == 1
    )
    assert [r.sent_at.isoformat() for r in log.records()] == [
        "2024-05-07T20:00:00+08:00",
        "2024-05-07T20:00:01+08:00",
    ]


def test_clock_supplies_now_when_the_message_has_no_send_at() -> None:
    log = SendLog(clock=lambda: datetime(2024, 1, 1, 0, 0, tzinfo=UTC))
    assert log.record("你好").sent_at.isoformat() == "2024-01-01T08:00:00+08:00"
    assert log.now() == datetime(2024, 1, 1, 0, 0, tzinfo=UTC)


def test_retention_prunes_as_records_arrive_and_on_demand() -> None:
    log = SendLog(retention=timedelta(days=7))
    log.record(msg(minutes=0))
    log.record(msg(minutes=60 * 24 * 7))  # exactly 7 days later: the first is kept
    assert len(log) == 2
    log.record(msg(minutes=60 * 24 * 7 + 1))  # now the first is older than 7 days
    assert len(log) == 2
    assert log.prune(before=T0 + timedelta(days=30)) == 2 and len(log) == 0
    keep = SendLog(retention=None, clock=lambda: T0 + timedelta(days=999))
    keep.record(msg())
    keep.record(msg(minutes=60 * 24 * 400))
    assert keep.prune() == 0 and len(keep) == 2
    aged = SendLog(retention=timedelta(hours=1), clock=lambda: T0 + timedelta(hours=2))
    aged.record(msg())
    assert aged.prune() == 1


def test_file_log_persists_across_opens_and_pickles_as_its_path(tmp_path: Path) -> None:
    path = tmp_path / "sends.db"
    with SendLog(path) as log:
        log.record(msg(group="g1"))
        assert repr(log) == f"SendLog({str(path)!r})"
        clone = pickle.loads(pickle.dumps(log))
        clone.record(msg(minutes=1, group="g1"))
        clone.close()
    with SendLog(str(path)) as log:
        assert log.count(group="g1") == 2
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# -- durability and concurrency -------------------------------------------------------
@pytest.mark.slow
def test_a_killed_writer_loses_nothing_it_committed(tmp_path: Path) -> None:
    path = str(tmp_path / "sends.db")
    child = subprocess.Popen(
        [sys.executable, str(WORKER), "durable", path], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    committed = []
    for line in child.stdout:
        committed.append(int(line))
        if len(committed) == 400:
            break
    child.kill()  # SIGKILL while it keeps writing
    child.wait(timeout=10)
    assert len(committed) == 400, "the writer stopped before it was killed"
    report = json.loads(run_worker("verify", path))
    found = set(report["ids"])
    assert set(committed) <= found
    assert len(found) >= len(committed)
    assert report["integrity"] == "ok"


@pytest.mark.slow
def test_threads_and_processes_sharing_a_log_count_like_a_serial_run(tmp_path: Path) -> None:
    workers = range(10)
    serial_log = SendLog(tmp_path / "serial.db")
    serial = {w: sendlog_worker.script(serial_log, w) for w in workers}
    fired = {code for steps in serial.values() for codes in steps for code in codes}
    assert fired == {"WX701", "WX702", "WX703", "WX704"}

    path = tmp_path / "shared.db"
    shared = SendLog(path, timeout=30)
    procs = {
        w: subprocess.Popen(
            [sys.executable, str(WORKER), "script", str(path), str(w)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for w in (8, 9)
    }
    for proc in procs.values():
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    results: dict[int, list[list[str]]] = {}
    start = threading.Barrier(9)

    def thread_worker(w: int) -> None:
        start.wait()
        results[w] = sendlog_worker.script(shared, w)

    threads = [threading.Thread(target=thread_worker, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for proc in procs.values():
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    start.wait()  # the threads and both processes start writing together
    for t in threads:
        t.join()
    for w, proc in procs.items():
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == 0
        results[w] = json.loads(out)

    assert results == serial
    steps = sendlog_worker.STEPS
    for log in (serial_log, shared):
        assert len(log) == 2 * steps * len(workers)
        assert log.count(group="all") == steps * len(workers)
        assert all(
            log.count(group=f"g{w}") == steps and log.media_count(sender=f"s{w}") == 2 * steps
            for w in workers
        )
    shared.close()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- opening a new file together (issue 16: 3.9 % of such opens failed) ---------------------
@pytest.mark.slow
def test_16_threads_opening_each_of_100_new_files_together_all_succeed(tmp_path: Path) -> None:
    failures: list[str] = []
    for i in range(100):
        path = tmp_path / f"new{i}.db"
        start = threading.Barrier(16)
        logs: list[SendLog] = []

        def opener(
            w: int,
            path: Path = path,
            start: threading.Barrier = start,
            logs: list[SendLog] = logs,
        ) -> None:
            start.wait()
            try:
                log = SendLog(path)
            except SendLogError as exc:
                failures.append(str(exc))
                return
            log.record(msg(sender=f"s{w}"))
            logs.append(log)

        threads = [threading.Thread(target=opener, args=(w,)) for w in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert failures == [], f"{len(failures)} of 16 opens of {path.name} failed: {failures[0]}"
        assert len(logs) == 16 and all(log.count() == 16 for log in logs)
        for log in logs:
            log.close()
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x57584731
        conn.close()


@pytest.mark.slow
def test_8_processes_opening_each_of_40_new_files_together_all_succeed(tmp_path: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), "open", "-", str(w)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for w in range(8)
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        for i in range(40):
            path = tmp_path / f"new{i}.db"
            for proc in procs:
                assert proc.stdin is not None
                proc.stdin.write(f"{path}\n")
                proc.stdin.flush()
            answers = [proc.stdout.readline().strip() for proc in procs if proc.stdout is not None]
            assert answers == ["ok"] * 8, answers
            with SendLog(path) as log:
                assert sorted(r.sender or "" for r in log.records()) == [f"s{w}" for w in range(8)]
    finally:
        for proc in procs:
            proc.communicate(timeout=60)
    assert all(proc.returncode == 0 for proc in procs)


def _rollback_mode_log(path: Path) -> sqlite3.Connection:
    """A SendLog file back in rollback-journal mode, and a connection in the middle of writing
    to it. Switching the file to WAL must wait for that writer; SQLite itself gives up at
    once there (an opener holding a read lock may not wait for a writer: that could deadlock)."""
    SendLog(path).close()
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    assert conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM sends")
    return conn


@pytest.mark.slow
def test_an_open_waits_for_a_busy_file_as_long_as_asked(tmp_path: Path) -> None:
    writer = _rollback_mode_log(tmp_path / "busy.db")
    started = time.monotonic()
    with pytest.raises(
        SendLogError, match=r"busy\.db: cannot open the log: the database is locked .*0\.6 s"
    ):
        SendLog(tmp_path / "busy.db", timeout=0.6)
    assert 0.6 <= time.monotonic() - started < 3
    threading.Timer(0.3, writer.execute, args=("COMMIT",)).start()
    started = time.monotonic()
    with SendLog(tmp_path / "busy.db", timeout=5) as log:  # the writer finishes after 0.3 s
        assert 0.3 <= time.monotonic() - started < 3
        log.record(msg())
    writer.close()


# -- bad input ------------------------------------------------------------------------
def test_a_corrupt_file_is_reported_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "sends.db"
    garbage = b"this is not a database, just bytes " * 200
    path.write_bytes(garbage)
    with pytest.raises(SendLogError, match=r"sends\.db.*not a database.*left as it is"):
        SendLog(path)
    assert path.read_bytes() == garbage


def test_a_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.execute("INSERT INTO customers VALUES ('张三')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SendLogError, match=r"other\.db: not a wxguard SendLog .*tables: customers"):
        SendLog(path)
    assert path.read_bytes() == before
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_damaged_log_reports_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "sends.db"
    with SendLog(path) as log:
        for i in range(300):
            log.record(msg(f"消息{i}", i))
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # wreck every page after the first
    path.write_bytes(bytes(data))
    with (
        pytest.raises(SendLogError, match=r"sends\.db: cannot .*(malformed|not a database)"),
        SendLog(path) as log,
    ):
        log.count()


def test_a_locked_log_is_reported_and_nothing_recorded_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "sends.db"
    log = SendLog(path, timeout=0.2)
    log.record(msg("第一条"))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    with pytest.raises(
        SendLogError, match=r"sends\.db: cannot record a message: the database is locked .*0\.2 s"
    ):
        log.record(msg("第二条", 1))
    assert log.count() == 1  # readers still work in WAL mode
    holder.execute("ROLLBACK")
    holder.close()
    log.record(msg("第二条", 1))
    assert [r.digest for r in log.records()] == [content_digest("第一条"), content_digest("第二条")]


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (lambda: SendLog(retention=timedelta(0)), "retention: expected a positive timedelta"),
        (lambda: SendLog(retention=7), "retention: expected a positive timedelta"),  # type: ignore[arg-type]
        (lambda: SendLog(timeout=-1), "timeout: expected seconds"),
        (lambda: SendLog().record(42), "record\\(\\) takes a Message or a str, not int"),  # type: ignore[arg-type]
        (
            lambda: SendLog().record("x", sent_at="yesterday"),
            "sent_at: expected a datetime, got str",
        ),  # type: ignore[arg-type]
        (
            lambda: SendLog().count(since=datetime(2024, 5, 7).date()),
            "since: expected a datetime with a time of day",
        ),  # type: ignore[arg-type]
        (lambda: SendLog().count(group=3), "group: expected a str"),  # type: ignore[arg-type]
        (lambda: SendLog().records(limit=-1), "limit: expected a whole number"),
        (lambda: SendLog(clock=lambda: "now").record("x"), "clock\\(\\): expected a datetime"),  # type: ignore[arg-type, return-value]
        (lambda: pickle.dumps(SendLog()), "in-memory SendLog cannot be shared"),
    ],
)
def test_bad_calls_name_the_problem(call: object, pattern: str) -> None:
    with pytest.raises(WxguardError, match=pattern):
        call()  # type: ignore[operator]


def test_unusable_paths_and_closed_logs_name_the_problem(tmp_path: Path) -> None:
    with pytest.raises(SendLogError, match=r"is a directory"):
        SendLog(tmp_path)
    with pytest.raises(SendLogError, match=r"missing.*unable to open"):
        SendLog(tmp_path / "missing" / "sends.db")
    log = SendLog(tmp_path / "sends.db")
    log.close()
    with pytest.raises(SendLogError, match=r"closed"):
        log.record("x")


def test_a_timezone_without_an_offset_is_refused() -> None:
    class Broken(tzinfo):
        def utcoffset(self, dt: datetime | None) -> None:
            return None

    with pytest.raises(WxguardError, match=r"sent_at: the time zone .* gives no UTC offset"):
        SendLog().record("x", sent_at=datetime(2024, 5, 7, tzinfo=Broken()))
