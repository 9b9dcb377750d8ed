"""Record every report the default Guard gives on a fixed set of inputs, or compare with a
recording: an optimisation must leave all of them byte-identical.

    python benchmarks/compare_reports.py PATH/TO/corpus_zh.txt record reports.jsonl
    ... change the code ...
    python benchmarks/compare_reports.py PATH/TO/corpus_zh.txt compare reports.jsonl

With ``--many`` the reports come from ``check_many`` (batch screens) instead of ``check``.
With ``--wordlist EXTRA.txt`` (repeatable) the Guard also reads those word lists, to show that
a change leaves what big user lists find alone; ``--sample N`` keeps N of the inputs (seeded)
when a big list makes the whole set slow.

The inputs: every corpus line, the lines seven at a time as multi-line messages, 5,000 seeded
joins of sharing actions with rewards, counts and gates among corpus fragments, and 20,000
seeded mixtures of corpus fragments with the characters the rules look for (disguises, links,
numbers, prices, sharing words), so findings of every family are frequent.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from wxguard import Guard

_PIECES = [
    *list("转发分享朋友圈集赞领取红包免费广告原价现价元折最第一国家级毒品赌博 。，！？😀\u200b"),
    "http://",
    "www.",
    "点com",
    ".cn",
    "13812345678",
    "110101199003074578",
    "6222021234567890123",
    "ＡＢｃ",
    "台独",
    "微信",
    "加群",
    "扫码",
    "辦假證",
    "dupin",
    "TMD",
    "【广告】",
    "退订回T",
]
# Inducement is a join of an action with a reward, a count, a gate or a threat: pieces of each.
_ACTIONS = [
    "转发",
    "分享到",
    "转 发",
    "轉發",
    "关注公众号",
    "邀请好友",
    "帮忙砍一刀",
    "集满",
    "点赞",
    "不转不是",
]
_JOINED = [
    "三个群",
    "5个群",
    "朋友圈",
    "就送",
    "即可领取红包",
    "38个赞",
    "后才能查看",
    "中国人",
    "助力",
    "免费领",
]


def inputs(corpus: Path) -> list[str]:
    lines = [line for line in corpus.read_text("utf-8").split("\n") if line]
    out = list(lines)
    out += ["\n".join(lines[i : i + 7]) for i in range(0, len(lines), 7)]
    rnd = random.Random(20261126)
    for _ in range(5_000):
        words = [rnd.choice(_ACTIONS), rnd.choice(_JOINED), rnd.choice(_JOINED)]
        fillers = [
            rnd.choice(lines)[: rnd.randint(0, 12)] if rnd.random() < 0.4 else "" for _ in words
        ]
        out.append(
            "".join(f + w for f, w in zip(fillers, words, strict=True))
            + rnd.choice(["", "。", "！", "，谢谢"])
        )
    for _ in range(20_000):
        parts = []
        for _ in range(rnd.randint(1, 12)):
            if rnd.random() < 0.3:
                line = rnd.choice(lines)
                start = rnd.randrange(len(line))
                parts.append(line[start : start + rnd.randint(1, 30)])
            else:
                parts.append("".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 6))))
        out.append("".join(parts))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("mode", choices=["record", "compare"])
    parser.add_argument("recording", type=Path)
    parser.add_argument("--wordlist", type=Path, action="append", default=[])
    parser.add_argument("--sample", type=int, default=0, help="N of the inputs, seeded (0: all)")
    parser.add_argument(
        "--many", action="store_true", help="the reports of check_many (in this process)"
    )
    args = parser.parse_args()

    texts = inputs(args.corpus)
    if args.sample:
        texts = random.Random(20261206).sample(texts, args.sample)
    guard = Guard(wordlists=args.wordlist)
    made = guard.check_many(texts) if args.many else (guard.check(text) for text in texts)
    reports = [r.model_dump_json() for r in made]
    flagged = sum(1 for text, r in zip(texts, reports, strict=True) if '"violations":[]' not in r)
    if args.mode == "record":
        args.recording.write_text("\n".join(reports) + "\n", encoding="utf-8")
        print(f"recorded {len(reports):,} reports ({flagged:,} with findings) to {args.recording}")
        return
    recorded = args.recording.read_text("utf-8").splitlines()
    if len(recorded) != len(reports):
        sys.exit(
            f"{args.recording} holds {len(recorded):,} reports, this run made {len(reports):,}"
        )
    differ = [i for i, (a, b) in enumerate(zip(recorded, reports, strict=True)) if a != b]
    print(f"compared {len(reports):,} reports ({flagged:,} with findings): {len(differ):,} differ")
    for i in differ[:5]:
        print(
            f"  input {i}: {texts[i][:60]!r}\n    recorded {recorded[i][:300]}\n    now      {reports[i][:300]}"
        )
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
