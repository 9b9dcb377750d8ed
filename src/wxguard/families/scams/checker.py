"""WX8 scams: a lure joined to a demand, within a clause or a short window.

Banks say 冻结, shops say 退款 and give their number, groups hold lotteries: no word is a
scam. A finding needs a lure (an account in trouble, points to cash, a prize drawn by a TV
show, a cancelled flight with compensation, an accusation by the police) joined to a demand
(a link, a phone number, a chat id, a transfer, a fee paid first, a shared screen), with no
sentence end between them (``phrases.joins``; the rules are the ``[[combine]]`` tables of
``wordlists/scams.toml``). Channels are found by code and masked before the clause view is
built, so a link's dots end no sentence and no phrase matches inside a number.

Cost: a literal trigger over the lures' anchors (lures that join only channels count only
when the message may hold one), then the lure banks themselves; only a message with a lure
pays for channels and joins.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from ...models import Severity
from ...phrases.banks import Bank, BankIndex, Hit
from ...phrases.batch import Batch
from ...phrases.clauses import STRONG, Clauses, compact, compact_sizes
from ...phrases.joins import Disjoint, Join, find_joins, placed
from ..base import CheckContext, Checker, Finding, Frame
from .channels import KINDS, Channel, find_channels, masked, may_have_channel
from .model import STAND_INS, Gate, ScamsModel, scams_model

if TYPE_CHECKING:
    from ...config import GuardConfig
    from ...frames import Notice

# A sender's label in lenticular brackets (【国家反诈】, 【反诈中心】): a warning word there names
# who claims to send the message, not what its body does.
_LABEL = re.compile(r"[【〖][^【】〖〗\n]{1,20}[】〗]")
# A line at most this long (compact characters) that ends in no punctuation is a fragment:
# senders type a scam a few words a line (您的社保卡⏎已被暂停使用⏎请尽快登录⏎www…), and the
# sentence goes on in the next line (new-user trial s15).
FRAGMENT = 16
# A stand-in's join reaches a channel this far after it (compact characters).
STAND_IN_REACH = 24
_LINE_BREAKS = "\n\r\u2028\u2029"
_RUN = re.compile(f"{STRONG}+")
# A line break after a letter or a digit, with more text on the next line.
_RUN_ON = re.compile(r"(?<=\w)[ \t\u3000]*(\n)(?=[ \t\u3000]*\S)")
# A verb of saying, not inside a word (名称, 小说, 一般来说, 说明, 称为), and the sender's own
# finding (经核实称), which tells no one's words: the regexes below count only their group
# ``cue`` (a match of _CHECKED is none).
_SAID = (
    r"(?<![小传学假解演游评虽来如是用])说(?![明服])"
    r"|(?<![名简全昵职对相匀俗统总通堪尊爱别美泛代又亦并合])称(?![号为赞心职呼])"
)
_CHECKED = r"经过?(?:核实|核查|查实|调查|确认|证实|审核|查询|核对|检测|系统检测)称"
# A clause ending in a verb of saying (骗子会说：…, 对方称，…), in the clause view.
_SPEECH = re.compile(
    rf"{_CHECKED}，|(?P<cue>(?:(?:{_SAID})道?|(?<![演宣听主开])讲|(?<![请顾学疑询提访过试慰反])问|表示)，)"
)
# Earlier in the sentence, someone else's words or demand told (骗子会说你涉嫌洗钱，…; 称你涉嫌
# 犯罪，让你马上把钱转到…; 如有人要求您立即将…): the ask after it is the scammer's, described.
# Not a purpose or a need (为了让您的资金安全, 需要您提供): those ask the reader.
_TOLD = re.compile(
    rf"{_CHECKED}|(?P<cue>{_SAID}|(?<!为)(?<!为了)让(?:你|您)(?!的)|要求(?:你|您)"
    r"|(?<![只需主重必想将是])要(?:你|您)|叫(?:你|您))"
)
# Within the ask's own clause, before it, someone's words told (客服说需要您提供…, 有人会说需要您
# 提供…: review s16); not a demand told (我们要求您…), which may be the scammer's own.
_SAYS = re.compile(rf"{_CHECKED}|(?P<cue>{_SAID})")
# Later in the sentence, the ask called a scam (…，这都是诈骗; 大家千万别信; 请立即报警: review s15);
# not the scammer's own threat or his word against everyone else (…，否则将报警处理; …，不要
# 相信其他人: scams5).
_DEBUNKED = re.compile(
    r"(?P<cue>(?:都|就|均|全)是(?:诈骗|骗子|骗局|套路)"
    r"|(?:千万|大家)?(?:别|不要|勿)(?:信|相信|轻信|上当)(?!其他|其它|别的|别人|他人|任何人)"
    r"|(?<![将会])(?<!否则)报警"
    # … or asked about (…，这是不是骗局？ …，这是骗子: review s16)
    r"|(?:是不是|是否是|算不算)(?:诈骗|骗子|骗局|套路)|这(?:就|都)?是(?:诈骗|骗子|骗局|套路))"
)
_QUESTION = "？?"
# A number or an id given for questions about a warning (有疑问联系保卫处139…, 如有疑问拨打…),
# read in the few characters before a channel: after the scam it quotes is called one, the
# notice's own contact, not the scam's (review s16).
_ASK_US = re.compile(
    r"(?:疑问|问题|疑虑|线索)(?:请|可|可以)?(?:联系|拨打|致电|咨询|报告)[^，。]{0,6}，?$"
    r"|(?:举报|报警|咨询|求助)(?:电话|热线)(?:是|为)?，?$"
)
_PHONE = "phone"  # a notice gives a number for questions, not a chat id
_CONTACT_BEFORE = 16  # compact characters read before a channel for _ASK_US
# The frame kind of a scam described in a warning about it, and the frame judge's bank of a
# sender vouching for its own deal against what it warns of (wordlists/frames.toml).
WARNED, CONTRAST = "warned", "contrast"


class ScamsChecker(Checker):
    family = "WX8"

    def __init__(self, config: GuardConfig) -> None:
        super().__init__(config)
        self.model: ScamsModel = scams_model(config.phrases)
        from ...frames import frame_model  # here: import wxguard loads no phrase machinery

        frames = frame_model(config.phrases)
        self.warning: Bank = frames.banks["scam-warning"]
        self.contrast: Bank = frames.banks[CONTRAST]
        self.warned: Severity = frames.kinds[WARNED].severity
        self.judged = config.frames  # Guard(frames=False): no warning lowers a scam
        # The lure banks' anchors, made when a message first passes a trigger.
        self._index: BankIndex | None = None
        self._severe = [c for c in self.model.combines if c.action not in self.model.mild]
        self._mild = [c for c in self.model.combines if c.action in self.model.mild]
        self._alones = [a for a in self.model.alones if a.bank not in self.model.mild]
        self._mild_alones = [a for a in self.model.alones if a.bank in self.model.mild]
        self._mild_banks = [c.action for c in self._mild] + [a.bank for a in self._mild_alones]

    def _notice(self, clauses: Clauses) -> Notice:
        from ...frames import Notice

        return Notice(self.warning, _run_on(clauses), exempt=self.model.banks["secrecy"])

    def screen(self, texts: Sequence[str]) -> set[int]:
        """The messages with a lure (a hit of a lure bank whose trigger matches; a channel's
        lure whether or not the message may hold a channel): ``check`` stops at once on the
        others. Of the review corpus a trigger lets 22 % through, a lure 0.2 %."""
        model = self.model
        found = set()
        for i, plain in enumerate(Batch.of(texts).compacts):
            lures = (*_lured(model.wording, plain), *_lured(model.channel, plain))
            if lures and _broken(texts[i]):
                plain = _fragments(Clauses(texts[i])).text
            if self._lure(plain, lures):
                found.add(i)
        return found

    def _lure(self, text: str, lures: tuple[str, ...] | list[str]) -> bool:
        """Whether one of these lure banks hits ``text``: only those one of whose anchors
        occurs there are asked (``BankIndex``, one pass; asking each bank tried up to 42)."""
        if not lures:
            return False
        index = self._index
        if index is None:
            banks = self.model.banks
            names = {*self.model.wording.lures, *self.model.channel.lures}
            index = self._index = BankIndex((n, banks[n]) for n in sorted(names))
        present, bits, banks = index.scan(text), index.bits, self.model.banks
        return any(
            banks[name].hits(text)
            for name in lures
            if (bit := bits.get(name)) is None or present & bit
        )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        model = self.model
        plain = Clauses.of(ctx.view)
        lures = [*_lured(model.wording, plain.text)]
        channel_lures = _lured(model.channel, plain.text)
        if channel_lures and may_have_channel(ctx.view.folded):
            lures += channel_lures
        original = ctx.view.text
        broken = bool(lures) and _broken(original)
        if broken:
            plain = _fragments(plain)
        if not self._lure(plain.text, lures):
            return
        channels = find_channels(original, ctx.view.folded, model.official)
        clauses, given = plain, {}
        if channels:
            text = masked(original, channels)
            clauses, given = Clauses(text), _given(text, channels)
        if broken and channels:
            clauses = _fragments(clauses, given)
        # A sender setting its own deal against the scam it warns of (千万别信刷单！不过我这个
        # 是正规的，日赚500) reverses the warning: its deal is the scam named before it, and
        # nothing in the message is a notice.
        contrasts = self.contrast.hits(clauses.text)
        if contrasts:
            clauses = clauses.continued([h.start - 1 for h in contrasts if h.start])
        notice = (
            _Notice(
                self._notice(clauses),
                clauses,
                [h for hits in given.values() for h in hits],
                model.banks["reader-ask"],
            )
            if self.judged and not contrasts
            else None
        )
        # A table's `unless` drops its joins before one is kept per place, so that a dropped
        # one (先帮我处理个事 beside a named errand) hides no other scam beside it (…，再给这个
        # 账户转5万).
        kept = _Unless(clauses, model).keeps if model.unless else None
        joins = self._joins(
            clauses, given, _both(kept, notice.accepts if notice is not None else None)
        )
        # A scam described in a warning about it is judged, not dropped: its joins are found
        # apart (so that none hides a scam beside it) and reported lowered, with the warning.
        warned = (
            self._joins(clauses, given, _both(kept, notice.cancels))
            if notice is not None and notice.any()
            else []
        )
        if given:  # (a warning's quoted stand-in stays as quoted)
            joins = _reach_channel(joins, given, clauses)
        lowered: dict[str, bool] = {}
        for join in _one_per_place(joins, warned, clauses, model):
            at = placed(join, clauses, original)
            severity, frame = None, None
            if notice is not None and not notice.accepts(join):
                frame = self._frame(notice.cue(join), clauses, original)
                severity = frame.severity
            # A table's `lower` banks make its joins at most a warning: payment details
            # beside a company's published billing details, the sender's own salary card or a
            # household's card for a shared bill; a child's fee repaid to the classmate who
            # paid it (同学帮我垫付了).
            names = model.lower.get((join.rule, *join.banks), ())
            if (
                names
                and frame is None
                and ctx.config.severity_of(join.rule).rank > Severity.WARNING.rank
                and _any_hit(names, lowered, clauses, model)
            ):
                severity = Severity.WARNING
            yield Finding(
                rule=join.rule,
                start=at.start,
                end=at.end,
                term=original[at.start : at.end],
                confidence=join.confidence,
                fields={"lure": at.action, "demand": at.joined},
                severity=severity,
                frame=frame,
                # the lure's own message: the role a WX802 scam impersonates (a courier, an
                # airline, the police …), so the fix names where to check it
                variant=model.banks[join.banks[0]].options.get("variant"),
            )

    def _joins(
        self, clauses: Clauses, given: dict[str, list[Hit]], accept: Callable[[Join], bool] | None
    ) -> list[Join]:
        """The joins of the tables, those of a milder case (``ScamsModel.mild``) found apart:
        within one call a rule keeps the surest of overlapping joins, and a warning's opener
        (在家就能做，日结) would hide the task scam that reaches back to the same pay
        (…，兼职刷单一单一结), and a code asked back alone (a warning) the carrier's story
        joined to it."""
        model = self.model
        joins = find_joins(
            clauses, model.banks, self._severe, self._alones, given, accept, own_sentence=True
        )
        if self._mild_banks and any(model.banks[b].hits(clauses.text) for b in self._mild_banks):
            joins += find_joins(
                clauses,
                model.banks,
                self._mild,
                self._mild_alones,
                given,
                accept,
                own_sentence=True,
            )
        return joins

    def _frame(self, cue: tuple[int, int], clauses: Clauses, original: str) -> Frame:
        lo, hi = clauses.original(*cue)
        return Frame(WARNED, original[lo:hi], self.warned)


def _reach_channel(joins: list[Join], given: dict[str, list[Hit]], clauses: Clauses) -> list[Join]:
    """Each join to a stand-in (请点击链接重新激活) reaching the first channel given after it in
    its sentence, within ``STAND_IN_REACH`` (…，否则将停止医保报销：http://…): the link or
    number is what the mark names, and the link's own advice (https) is the scam's."""
    channels = sorted(h for hits in given.values() for h in hits)
    out = []
    for join in joins:
        if join.banks[1] in STAND_INS:
            end = join.end
            k = bisect_left(channels, end, key=lambda h: h.start)
            if (
                k < len(channels)
                and channels[k].start - end <= STAND_IN_REACH
                and clauses.sentence_start(channels[k].start) == clauses.sentence_start(end - 1)
            ):
                hit = channels[k]
                join = Join(
                    join.rule,
                    join.action,
                    (join.joined[0], hit.end),
                    join.confidence,
                    banks=(join.banks[0], hit.bank),
                )
        out.append(join)
    return out


def _broken(text: str) -> bool:
    """Whether ``text`` has a line break (``_fragments`` has lines to read on)."""
    return "\n" in text or "\r" in text


def _fragments(clauses: Clauses, given: dict[str, list[Hit]] | None = None) -> Clauses:
    """The clauses with each line break that ends a fragment (a line of at most
    ``FRAGMENT`` characters closed by no punctuation, blank lines after it included) read as
    none: the scam's story and its demand typed a few words a line are one sentence. A line
    that gives a channel (``given``: 客服电话 021-…) is a line of its own."""
    text, original = clauses.text, clauses.original_text
    ends: list[int] = []
    starts = sorted(h.start for hits in (given or {}).values() for h in hits)
    line = 0
    for run in _RUN.finditer(text):
        a, b = run.span()
        k = bisect_left(starts, line)
        if (
            0 < a - line <= FRAGMENT
            and not (k < len(starts) and starts[k] < a)
            and all(original[clauses.original(i, i + 1)[0]] in _LINE_BREAKS for i in range(a, b))
        ):
            ends.extend(range(a, b))
        line = b
    return clauses.run_on(ends) if ends else clauses


def _run_on(clauses: Clauses) -> Clauses:
    """The clauses as a warning reads them: a line break after a letter or a digit, inside a
    paragraph, goes on with the sentence (近期有不法分子冒充物业工作人员⏎…⏎要求业主扫码或提供银行卡号,
    a notice typed a phrase a line); a blank line, or a line ending in punctuation or a
    sender's label (【国家反诈】), still ends it."""
    text = clauses.original_text
    if "\n" not in text:
        return clauses
    breaks = [m.start(1) for m in _RUN_ON.finditer(text)]
    if not breaks:
        return clauses
    sizes, ends, at, pos = compact_sizes(text), [], 0, 0
    for i in breaks:  # each break's compact index, counted in one pass
        at += sum(sizes[pos:i])
        pos = i
        ends.append(at)
    return clauses.continued(ends)


def _lured(gate: Gate, text: str) -> tuple[str, ...]:
    """The gate's lure banks, or none when its quick test rules them all out."""
    return gate.lures if gate.trigger is not None and gate.trigger.search(text) is not None else ()


def _given(text: str, channels: list[Channel]) -> dict[str, list[Hit]]:
    """Each channel as a hit of its bank, in the indices of the clause view of the masked
    ``text`` (a masked character survives compacting, so a channel keeps its length there)."""
    given: dict[str, list[Hit]] = {}
    pos, at = 0, 0
    for c in channels:
        at += len(compact(text[pos : c.start]))
        given.setdefault(c.kind, []).append(Hit(at, at + c.end - c.start, c.kind))
        at += c.end - c.start
        pos = c.end
    return given


class _Notice:
    """Whether a join stands in a sentence that warns about scams (the frame judge's
    ``scam-warning`` bank). A notice describes a scam's wording (转入安全账户, 先交保证金) but
    hands out a scammer's link or number only when it quotes the scam, while a scam may pose
    as a notice (反诈提醒：…请登录 …): a join to a channel is cancelled only inside quotation
    marks, and any other join only when its sentence hands out no channel unquoted
    (兼职刷单，日结300，加微信abc123，小心骗子 is the ad with a disclaimer)."""

    def __init__(self, notice: Notice, clauses: Clauses, channels: list[Hit], ask: Bank) -> None:
        """``notice`` reads its cues in a sentence that runs on over line breaks (``_run_on``);
        what the sentence hands out or asks is read in ``clauses``, the joins' own sentences
        (a channel three lines further down is no part of the notice's sentence)."""
        self.notice = notice
        self.clauses = clauses
        self.channels = sorted(channels)  # compact indices of the clause view, by start
        self.ask = ask
        self._labels: list[tuple[int, int]] | None = None
        self._asks: list[Hit] | None = None
        # Both judgements are of a sentence, whichever of its joins asks: judged once each
        # (a long sentence of comma-separated scams asked every cue and channel of it again
        # for each join, ×18 time for ×4 length).
        self._labelled_in: dict[int, bool] = {}
        self._handed_out_in: dict[int, bool] = {}
        self._asked_in: dict[tuple[int, int], bool] = {}
        # Where speech, a told ask or a debunking stands (start, end), found once a message
        # per regex: a long sentence of joins asked each its prefix and its rest again
        # (quadratic).
        self._cues: dict[re.Pattern[str], list[tuple[int, int]]] = {}

    def any(self) -> bool:
        return self.notice.any()

    def accepts(self, join: Join) -> bool:
        notice = self.notice
        if self._cue(join) is None or self._labelled(join) or self._asked(join):
            return True
        if join.banks[1] not in KINDS:
            return self._handed_out(join)
        if join.banks[1] == _PHONE and notice.quoted(*join.action) and self._ours(*join.joined):
            return False  # the scam's words quoted, the notice's own number after them
        return not notice.quoted(join.start, join.end)

    def _ours(self, start: int, end: int) -> bool:
        """The channel at ``[start, end)`` is given for questions (有疑问联系…) after a
        debunking in its sentence (…的都是骗子，有疑问联系保卫处139…): the notice's own."""
        text = self.clauses.text
        return _ASK_US.search(text, max(0, start - _CONTACT_BEFORE), start) is not None and (
            self._any(_DEBUNKED, self.clauses.sentence_start(start), start)
        )

    def _labelled(self, join: Join) -> bool:
        """The sentence's only warning cues stand in a sender's label (【国家反诈】您的手机号涉嫌
        诈骗…如有疑问按9转人工) and the sentence asks something of the reader outside quotation
        marks: a scam wearing an anti-fraud heading, not a notice (a genuine one warns in its
        body: 【反诈提醒】…都是诈骗)."""
        clauses = self.clauses
        if self._labels is None:  # read once: most messages have none, and stop here
            self._labels = [m.span() for m in _LABEL.finditer(clauses.original_text)]
        if not self._labels:
            return False
        begin = clauses.sentence_start(join.start)
        found = self._labelled_in.get(begin)
        if found is None:
            found = self._labelled_in[begin] = self._labelled_sentence(begin)
        return found

    def _asked(self, join: Join) -> bool:
        """No warning cue stands in the join's clauses, and they ask the reader to do it
        (请将资金转入安全账户, 请提供您的银行卡号) outside quotation marks and not as a description
        (要你提供…的，一律挂断): the warning words elsewhere in its sentence (反诈中心提醒：…,
        为防诈骗，…, …，谨防诈骗) dress the scam up, they do not warn of it."""
        notice, clauses = self.notice, self.clauses
        first, last = clauses.clause_start(join.start), clauses.clause_end(join.end - 1)
        found = self._asked_in.get((first, last))
        if found is None:
            begin, text = clauses.sentence_start(first), clauses.text
            if (
                notice.overlaps(first, last)
                or text[last - 1] == "的"
                or self._any(_SPEECH, begin, first)
                or self._any(_TOLD, begin, first)
                or self._any(_DEBUNKED, last, clauses.sentence_end(last - 1))
            ):
                found = False
            else:
                if self._asks is None:
                    self._asks = sorted(self.ask.hits(clauses.text))
                found = any(
                    not notice.quoted(h.start, h.end) and not self._any(_SAYS, first, h.start)
                    for h in _within(self._asks, first, last)
                )
            self._asked_in[first, last] = found
        return found

    def _any(self, regex: re.Pattern[str], begin: int, end: int) -> bool:
        """A cue (the group ``cue``) of ``regex`` (``_SPEECH``, ``_TOLD``, ``_SAYS``, ``_DEBUNKED``)
        inside ``[begin, end)``."""
        found = self._cues.get(regex)
        if found is None:
            found = self._cues[regex] = [
                m.span("cue") for m in regex.finditer(self.clauses.text) if m.start("cue") >= 0
            ]
        i = bisect_left(found, (begin, -1))
        return i < len(found) and found[i][1] <= end

    def _labelled_sentence(self, begin: int) -> bool:
        notice, clauses, labels = self.notice, self.clauses, self._labels or []
        last = clauses.sentence_end(begin)
        cues = _within(notice.hits(), begin, last)
        for cue in cues:
            lo, hi = clauses.original(cue.start, cue.end)
            k = bisect_right(labels, (lo, len(clauses.original_text))) - 1
            if k < 0 or not (labels[k][0] < lo and hi < labels[k][1]):
                return False
        if self._asks is None:
            self._asks = sorted(self.ask.hits(clauses.text))
        return any(not notice.quoted(h.start, h.end) for h in _within(self._asks, begin, last))

    def _handed_out(self, join: Join) -> bool:
        """A channel in the join's sentence outside quotation marks: a notice quotes the
        scammer's contact, a scam gives it."""
        clauses, notice = self.clauses, self.notice
        sentence = clauses.sentence_start(join.start)
        found = self._handed_out_in.get(sentence)
        if found is None:
            last = clauses.sentence_end(sentence)
            found = self._handed_out_in[sentence] = any(
                not notice.quoted(h.start, h.end)
                and not (h.bank == _PHONE and self._ours(h.start, h.end))
                for h in _within(self.channels, sentence, last)
            )
        return found

    def cancels(self, join: Join) -> bool:
        return not self.accepts(join)

    def cue(self, join: Join) -> tuple[int, int]:
        found = self._cue(join)
        assert found is not None  # only a join in a warning's sentence is cancelled
        return found

    def _cue(self, join: Join) -> tuple[int, int] | None:
        """The warning cue of the join's sentence, or, where the join's clause ends its
        sentence with a question mark, of the sentence that answers it (菲律宾的客服工作只需会
        打字？听着就像骗局，大家小心: review s16); a cue before the question is no answer (哪有
        这么好的事？一个月翻倍…)."""
        notice = self.notice
        found = notice.cue(join.start, join.end)
        if found is not None:
            return found
        clauses = notice.clauses
        end = clauses.sentence_end(join.end - 1)
        text = clauses.text
        if (
            end >= len(text)
            or clauses.clause_end(join.end - 1) != end
            or clauses.original_text[clauses.original(end, end + 1)[0]] not in _QUESTION
        ):
            return None
        after = _within(notice.hits(), end + 1, clauses.sentence_end(end + 1))
        return (after[0].start, after[0].end) if after else None


def _within(hits: list[Hit], begin: int, last: int) -> list[Hit]:
    """The hits (sorted by start) that start at ``begin`` or later and end by ``last``: a
    bisection and the few hits of one sentence, not a pass over a long text's every hit."""
    found = []
    for k in range(bisect_left(hits, begin, key=lambda h: h.start), len(hits)):
        hit = hits[k]
        if hit.start > last:
            break
        if hit.end <= last:
            found.append(hit)
    return found


class _Unless:
    """Whether a join's table's `unless` banks have no hit in the message (a shop's own draw
    gives a chat id for its prize); each bank is read once, when a join first asks."""

    def __init__(self, clauses: Clauses, model: ScamsModel) -> None:
        self.clauses, self.model = clauses, model
        self._hit: dict[str, bool] = {}

    def keeps(self, join: Join) -> bool:
        names = self.model.unless.get((join.rule, *join.banks), ())
        return not names or not _any_hit(names, self._hit, self.clauses, self.model)


def _any_hit(
    names: tuple[str, ...], seen: dict[str, bool], clauses: Clauses, model: ScamsModel
) -> bool:
    """Whether one of these banks hits the message (each read once, into ``seen``)."""
    for name in names:
        if name not in seen:
            seen[name] = bool(model.banks[name].hits(clauses.text))
        if seen[name]:
            return True
    return False


def _both(
    first: Callable[[Join], bool] | None, second: Callable[[Join], bool] | None
) -> Callable[[Join], bool] | None:
    """A join accepted by both judgements (either may be absent)."""
    if first is None or second is None:
        return first or second
    return lambda join: first(join) and second(join)


def _one_per_place(
    joins: list[Join], warned: list[Join], clauses: Clauses, model: ScamsModel
) -> list[Join]:
    """One mark for one scam: a sentence keeps one join, of the rule listed first in the
    tables, preferring one of the rule's own severity to a milder case of it (``mild``), one
    within the sentence to one that reaches into the next (a rule's ``sentences``) and a join
    to a channel (the link or number the reader must not use); a join across sentences holds
    each of them; a join a warning describes (``warned``) only where no other stands."""
    kept: list[Join] = []
    spans = Disjoint()
    seen: set[int] = set()

    def sentences(join: Join) -> tuple[int, int]:
        return clauses.sentence_start(join.start), clauses.sentence_start(join.end - 1)

    def key(join: Join) -> tuple[int, bool, bool, bool, int]:
        first, last = sentences(join)
        mild = join.banks[0] in model.mild
        return model.rank[join.rule], mild, first != last, join.banks[1] not in KINDS, join.start

    for join in [*sorted(joins, key=key), *sorted(warned, key=key)]:
        first, last = sentences(join)
        held = {first, last}
        if not held & seen and not spans.overlaps(join.start, join.end):
            kept.append(join)
            spans.add(join.start, join.end)
            seen |= held
    return sorted(kept, key=lambda j: (j.start, j.rule))
