"""Scripts the SendLog tests run in threads and in separate processes.

Run as ``python sendlog_worker.py MODE PATH [ARG]``:
- ``script PATH W``: prints "ready", waits for a line on stdin, runs worker W's script
  against the log at PATH and prints its findings as JSON.
- ``durable PATH``: records messages forever, printing each committed record's id.
- ``verify PATH``: prints the ids in the log and SQLite's integrity check, as JSON.
- ``open - W``: prints "ready", then for each path read from stdin opens a SendLog there,
  records one message as sender W and prints "ok" or the error, until stdin ends.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import datetime, timedelta, timezone

from wxguard import Attachment, Guard, Message, SendLog, SendLogError

BASE = datetime(2024, 5, 7, 9, 0, tzinfo=timezone(timedelta(hours=8)))  # a Tuesday, Beijing
STEPS = 40
GUARD = Guard(select=["WX701", "WX702", "WX703", "WX704"], industry="enterprise")


def script(log: SendLog, worker: int) -> list[list[str]]:
    """Worker ``worker`` checks then records ``STEPS`` messages in its own group as its own
    sender, one a minute, in runs of 8 repeats (so WX701, WX702, WX703 and WX704 all fire
    along the way), and records one message per step into the shared group "all"."""
    found: list[list[str]] = []
    for step in range(STEPS):
        message = Message(
            text=f"第{step // 8}期通知：请按时提交周报",
            group=f"g{worker}",
            sender=f"s{worker}",
            send_at=BASE + timedelta(minutes=step),
            attachments=(Attachment(kind="image", size_bytes=1000),) * 2,
        )
        found.append(sorted(v.rule for v in GUARD.check(message, log=log).violations))
        log.record(message)
        log.record(
            Message(text=f"{worker}-{step}", group="all", send_at=BASE + timedelta(minutes=step))
        )
    return found


def main(argv: list[str]) -> None:
    mode, path = argv[0], argv[1]
    if mode == "script":
        with SendLog(path, timeout=30) as log:
            GUARD.check(
                Message(text="预热", send_at=BASE), log=SendLog()
            )  # load tables before the start
            print("ready", flush=True)
            sys.stdin.readline()  # start together with the other writers
            print(json.dumps(script(log, int(argv[2]))))
    elif mode == "durable":
        log = SendLog(path, retention=None)
        n = 0
        while True:
            record = log.record(
                Message(text=f"消息 {n}", group=f"g{n % 3}", send_at=BASE + timedelta(seconds=n))
            )
            print(record.id, flush=True)
            n += 1
    elif mode == "open":
        print("ready", flush=True)
        for line in sys.stdin:
            try:
                with SendLog(line.strip()) as log:
                    log.record(Message(text="开", group="g", sender=f"s{argv[2]}", send_at=BASE))
                print("ok", flush=True)
            except SendLogError as exc:
                print(exc, flush=True)
    elif mode == "verify":
        with SendLog(path, retention=None) as log:
            ids = [r.id for r in log.records()]
        conn = sqlite3.connect(path)
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()
        print(json.dumps({"ids": ids, "integrity": integrity}))


if __name__ == "__main__":
    main(sys.argv[1:])
