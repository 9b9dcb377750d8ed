"""Where a message's time goes in ``Guard().check``, stage by stage and family by family.

    python benchmarks/stage_costs.py PATH/TO/corpus_zh.txt [--limit 5000] [--repeat 3]

Times each stage where it runs, inside ``check`` of every message in turn (a stage timed on
its own over all messages runs faster: its tables stay in the CPU's caches), with the
wall clock around each (a read costs ~60 ns; the thread's CPU clock is a system call that
slowed what ran after it, 16 µs a message in all): building the ``Message``; the context (``CheckContext.of``,
with the ``TextView``); the shared views (folded, sound, collapsed, clauses), built as the
context is made; each family's ``check``, and within WX1 its terms and its trade offers
(the gate, the grid, the joins); and the rest (the report: frames, violations, merge), the
whole less the stages. µs a message, of the pass (of ``--repeat``, after an untimed one)
that took the least CPU time; each stage's wall time is scaled by that pass's CPU time
over its wall time (on a loaded machine a process waits its turn in every stage alike, so
the wall clock's shares hold). The whole is also timed without the clocks. Compare runs of
two versions taken in turns.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import wxguard.families.content.checker as content
import wxguard.families.content.trade as trade
import wxguard.guard as engine
from wxguard import Guard
from wxguard.families import CheckContext
from wxguard.models import Message
from wxguard.phrases.clauses import Clauses

clock = time.perf_counter_ns
spent: dict[str, int] = defaultdict(int)
calls: dict[str, int] = defaultdict(int)


def _read_cost() -> float:
    """ns a read of ``clock`` adds to the interval it closes (the least of many pairs)."""
    best = float("inf")
    for _ in range(20):
        t0 = clock()
        for _ in range(1000):
            clock()
        best = min(best, (clock() - t0) / 1001)
    return best


def _timed(name: str, fn: Callable[..., Any], listed: bool = False) -> Callable[..., Any]:
    """``fn`` adding its time to ``spent[name]`` (a generator's, consumed, with ``listed``)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = clock()
        out = fn(*args, **kwargs)
        if listed:
            out = list(out)
        spent[name] += clock() - t0
        calls[name] += 1
        return iter(out) if listed else out

    return wrapper


VIEWS: tuple[tuple[str, Callable[[CheckContext], object]], ...] = (
    ("view folded", lambda c: c.view.folded),
    ("view sound", lambda c: c.view.sound),
    ("view collapsed", lambda c: c.view.collapsed),
    ("view clauses", lambda c: Clauses.of(c.view)),
)


class _Message:
    plain = staticmethod(_timed("Message.plain", Message.plain))


class _Context:
    @staticmethod
    def of(*args: Any) -> CheckContext:
        t0 = clock()
        ctx = CheckContext.of(*args)
        t1 = clock()
        spent["CheckContext.of"] += t1 - t0
        calls["CheckContext.of"] += 1
        for name, build in VIEWS:
            build(ctx)
            t0, t1 = t1, clock()
            spent[name] += t1 - t0
            calls[name] += 1
        return ctx


def _instrument(guard: Guard) -> None:
    engine.Message = _Message  # type: ignore[assignment,misc]
    engine.CheckContext = _Context  # type: ignore[assignment,misc]
    for checker, _ in guard._checkers:
        checker.check = _timed(f"{checker.family} check", checker.check, listed=True)  # type: ignore[method-assign]
        if checker.family == "WX1":
            checker._words = _timed("  WX1 terms", checker._words, listed=True)  # type: ignore[attr-defined]
    content.trade_findings = _timed("  WX1 trade", content.trade_findings, listed=True)
    trade._grid = _timed("    trade grid", trade._grid)
    trade._joins = _timed("    trade joins", trade._joins)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lines = [line for line in args.corpus.read_text("utf-8").split("\n") if line]
    lines = lines[: args.limit] if args.limit else lines
    n = len(lines)
    guard = Guard()

    def run() -> None:
        for text in lines:
            guard.check(text)

    run()
    cpu = float("inf")
    for _ in range(args.repeat):
        t0 = time.process_time()
        run()
        cpu = min(cpu, time.process_time() - t0)

    _instrument(guard)
    run()
    read = _read_cost()
    passes: list[tuple[float, float, dict[str, float]]] = []
    for _ in range(args.repeat):
        spent.clear()
        calls.clear()
        c0, t0 = time.process_time(), clock()
        run()
        wall, used = clock() - t0, time.process_time() - c0
        scale = used * 1e9 / wall  # CPU seconds a wall second, in this pass
        stages = {name: (ns - calls[name] * read) * scale / n / 1000 for name, ns in spent.items()}
        passes.append((used / n * 1e6, wall / n / 1000, stages))
    used, wall, stages = min(passes, key=lambda p: p[0])
    print(f"{n:,} messages, CPU µs a message (least of {args.repeat} passes)")
    print(f"{'whole check, no clocks':34} {cpu / n * 1e6:8.1f}")
    print(f"{'whole check, with the clocks':34} {used:8.1f}   (wall {wall:.1f})")
    for name, value in stages.items():
        print(f"{name:34} {value:8.1f}")
    rest = used - sum(v for k, v in stages.items() if not k.startswith(" "))
    print(f"{'rest (report)':34} {rest:8.1f}")


if __name__ == "__main__":
    main()
