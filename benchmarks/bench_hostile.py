"""Seconds per MB of hostile input, family by family: the linear-time budget (≤ 2 s/MB).

    python benchmarks/bench_hostile.py [--mb 1] [--repeat 3] [--only NAME ...] [--corpus PATH]
                                       [--families WX1 ...]

Each input is one message of about ``--mb`` MB (UTF-8) built to make a checker work hard:
the patterns an adversarial audit found quadratic (issue 16), runs of one character that
regexes may try as a start at every position, dense runs of the words each family looks
for, and a realistic spam line repeated. Every family is timed alone (``Guard(select=[…])``)
and all together, as CPU seconds of this process (the median of ``--repeat`` runs, after a
warm-up on a small input). Each input is first timed at 1/64, 1/16 and 1/4 of the size; one
that would take more than a minute at the next size is not run further: its figure is the
quadratic extrapolation, marked ``~``.
``--corpus`` adds the reviews of a corpus file joined into one message. Exits 1 when a figure
is over the budget (the families' figures: "all" is their sum, shown for information).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from wxguard import Guard

BUDGET = 2.0  # seconds per MB
FAMILIES = ("WX1", "WX2", "WX3", "WX4", "WX5", "WX6", "WX8")
CAP = 60.0  # seconds: a run expected to take longer is extrapolated instead

SPAM = (
    "关注公众号领红包，转发到3个群即可免费领取！加微信 wx_abc123 咨询，点击 http://a.cn/x?id=1 注册送88元，"
    "代开发票，出售冰毒，量大从优。请登录 www.bank-icbc.com.cn 输入银行卡号和验证码。客服电话 13800138000，"
    "限时特价全场5折，扫码进群抽iPhone，集赞满30个送面膜。b a n 假 证 一条龙，微 信：abc_123。"
)

# Each makes a message of about n characters.
INPUTS: dict[str, Callable[[int], str]] = {
    "分享到3个群，× n (audit: WX3)": lambda n: "分享到3个群，" * (n // 7),
    "é run then x. (audit: WX2)": lambda n: "é" * n + "x.",
    "λ run then x. (audit: WX2)": lambda n: "λ" * n + "x.",
    "ж run, x. on each (audit: WX2)": lambda n: ("ж" * 60 + "x.") * (n // 62),
    "éa run then x.": lambda n: "éa" * (n // 2) + "x.",
    "digit run in a count": lambda n: "分享到" + "3" * n + "个群",
    "digit run, no match": lambda n: "分享到" + "3" * n + "个",
    "Chinese numeral run": lambda n: "分享到" + "三" * n + "个群",
    "decimal run": lambda n: "领" + "8." * (n // 2) + "元红包",
    "realistic spam line": lambda n: SPAM * (n // len(SPAM)),
    "dots a.": lambda n: "a." * (n // 2),
    "spaced letters": lambda n: "w w w . " * (n // 8),
    "zero-width between letters": lambda n: "a\u200b" * (n // 2),
    "点 between letters": lambda n: "a点" * (n // 2),
    "scheme run": lambda n: "http://" * (n // 7),
    # spoofed links: each one's place in the clauses was found by compacting the text
    # before it (1 MB: ~400 s)
    "spoofed links": lambda n: "https://www.icbc.com.cn.evil.top/ " * (n // 34),
    "phone numbers": lambda n: "13800138000 " * (n // 12),
    "one digit run": lambda n: "1" * n,
    "emoji run": lambda n: "😀" * n,
    "exclamation run": lambda n: "！" * n,
    "full stops": lambda n: "。" * n,
    "open quotes then a scam": lambda n: (
        "“" * (n // 2) + "请登录 http://x.cn 输入银行卡号" * (n // 40)
    ),
    "brackets": lambda n: "【" * (n // 2) + "】" * (n // 2),
    "at signs": lambda n: "@" * n,
    "hash tags": lambda n: "#话题" * (n // 3),
    "disguised words": lambda n: "冰\u200b毒 辦假證 b a n 假 证 " * (n // 20),
    "scam demands": lambda n: (
        "反诈提醒：请登录 http://x.cn 输入银行卡号，转入安全账户，" * (n // 40)
    ),
    "frozen accounts with channels": lambda n: (
        "您的银行卡已冻结，请点击 http://a.cn/x 解冻，客服 13800138000，微信 abc_123，" * (n // 50)
    ),
    "quoted scams in a warning": lambda n: (
        "提醒：谨防诈骗，骗子常说“您的账户已冻结，请联系 13800138000 处理”，不要理会。" * (n // 45)
    ),
    # the frame judge: cues, contacts and titles in one long sentence
    "warnings in one sentence": lambda n: "谨防有人出售冰毒 " * (n // 9),
    "warnings clause by clause": lambda n: "谨防有人出售冰毒，" * (n // 9),
    "prohibitions with contacts": lambda n: "严禁出售冰毒，加微信abc_123 " * (n // 18),
    "book titles": lambda n: "《出售冰毒》 " * (n // 7),
    "ads and prices": lambda n: "全场5折，限时特价99元，加微信领优惠券，" * (n // 20),
    "inducement words": lambda n: "转发领红包，关注即可抽奖，邀请3位好友助力，" * (n // 20),
    # pinyin among characters: each join read by sound, its characters asked of the runs
    # (quadratic before session 8: 0.35 MB took 115 s)
    "pinyin-spelt offers": lambda n: "转fa到wu个群，jie图找我领hong包。" * (n // 24),
    "pinyin bargains": lambda n: "帮我kan一刀，" * (n // 8),
}


def _cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def _sized(make: Callable[[int], str], mb: float) -> str:
    """``make``'s message grown until it holds about ``mb`` MB of UTF-8."""
    target = int(mb * 1_000_000)
    n = max(64, target // 3)
    text = make(n)
    size = len(text.encode("utf-8"))
    return make(max(1, int(n * target / max(size, 1))))


def measure(guard: Guard, make: Callable[[int], str], mb: float, repeat: int) -> tuple[float, bool]:
    """(seconds per MB, extrapolated?) of ``guard.check`` on this input. Sizes grow four
    times a step from ``mb``/64, so a quadratic path is seen before it takes an hour."""
    size = mb / 64
    guard.check(_sized(make, size)[:200])
    while size < mb:
        text = _sized(make, size)
        took = _cpu(partial(guard.check, text))
        # Up to quadratic: four times the text takes at most sixteen times as long.
        if took * 16 > CAP:
            measured = len(text.encode("utf-8")) / 1e6
            return took * (mb / measured) ** 2 / mb, True
        size *= 4
    text = _sized(make, mb)
    times = [_cpu(lambda: guard.check(text)) for _ in range(repeat)]
    return statistics.median(times) / (len(text.encode("utf-8")) / 1e6), False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--mb", type=float, default=1.0, help="size of each input in MB (default 1)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per figure (the median is shown)"
    )
    parser.add_argument("--only", nargs="*", help="inputs whose name contains one of these")
    parser.add_argument(
        "--corpus", type=Path, help="a corpus file whose lines join into one more input"
    )
    parser.add_argument(
        "--families", nargs="*", help=f"time only these of {', '.join(FAMILIES)} (and no 'all')"
    )
    args = parser.parse_args(argv)
    inputs = dict(INPUTS)
    if args.corpus is not None:
        lines = [
            line.strip()
            for line in args.corpus.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        joined = "。".join(lines)
        inputs["corpus joined"] = lambda n: (joined * (1 + n // max(len(joined), 1)))[:n]
    if args.only:
        inputs = {k: v for k, v in inputs.items() if any(o in k for o in args.only)}
    if args.families:
        unknown = sorted(set(args.families) - set(FAMILIES))
        if unknown:
            parser.error(f"--families: unknown {', '.join(unknown)} (known: {', '.join(FAMILIES)})")
        guards = {family: Guard(select=[family]) for family in args.families}
    else:
        guards = {family: Guard(select=[family]) for family in FAMILIES} | {"all": Guard()}
    names = list(guards)
    print(
        f"seconds per MB of hostile input (budget {BUDGET:g} s/MB; ~ extrapolated from a smaller size)\n"
    )
    print("| input | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    worst = dict.fromkeys(names, 0.0)
    for label, make in inputs.items():
        cells = []
        for name in names:
            rate, guessed = measure(guards[name], make, args.mb, args.repeat)
            worst[name] = max(worst[name], rate)
            cells.append(f"{'~' if guessed else ''}{rate:.2f}")
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    print("| **worst** | " + " | ".join(f"**{worst[n]:.2f}**" for n in names) + " |")
    over = [
        n for n in FAMILIES if worst.get(n, 0.0) > BUDGET
    ]  # "all" is their sum, for information
    if over:
        print(f"\nover budget: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
