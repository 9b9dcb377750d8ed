"""WX3 inducement: sharing, following or clicking tied to a reward, a gate, a count or a threat.

Ordinary messages say 转发, 分享, 关注 and 邀请 all the time, so no word fires alone: an action
must be joined to what makes it inducement within a clause or a short window (see
``phrases.joins``). Matching runs on the compact clause view, so spaced-out and traditional
spellings are caught and spans still point into the original text.

Anti-fraud and anti-rumour notices quote the very offers they warn about (反诈：下载APP领红包的
都是骗子). The frame judge (``wxguard.frames``, bank ``refuted``) reads a join's sentence and
the next: one that calls it a scam or a rumour, or reports it, makes it info with a frame of
kind ``refuted`` naming the word: judged, not missed, and no block. A "don't believe" (bank
``disbelieve``) counts only before the join: appended to an offer it names nothing. A post of
someone else's that a member or an admin reports (昨天有人在群里发"转发到10个群送红包"，已经被我踢了)
is the object of the judge's ``complaint`` cue right before the join (有人在群里发…): what was
posted, not the sender's offer. No other word of the report can tell it from the coercion
(不转发的会被踢 names the same removal), and quotation marks are optional in chat. A sender who
vouches for the post or hands out its reward (bank ``vouch``: 是真的, 截图找我领) makes it his own.

A plea to spread (bank ``plea``: 帮忙扩散, 请好心人转发) is coercion on its own, except on a
notice of a missing person, pet or thing (bank ``lost-notice``), which is meant to be spread.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from ...phrases.batch import Batch
from ...phrases.clauses import Clauses, undotted
from ...phrases.gate import JoinGate
from ...phrases.joins import Disjoint, Join, Placed, find_joins, placed, uncovered
from ...phrases.mixed import Mixed, Spelt, may_mix, mixed
from ...text.folding import is_cjk
from ...text.sound import syllable_table
from ..base import CheckContext, Checker, Finding, Frame
from .model import InducementModel, inducement_model

if TYPE_CHECKING:
    from ...config import GuardConfig
    from ...frames import Cues, FrameModel

# The frame kind of an inducement quoted in a debunking or a report, and the judge's bank
# and kind of someone else's post reported (wordlists/frames.toml).
REFUTED, COMPLAINT, BEWARE = "refuted", "complaint", "beware"
# The WX305 case of a vote asked of friends with a thank-you and no campaign's terms
# (data/rules.toml, banks vote-thanks and vote-campaign).
THANKS = "thanks"
# Votes bought with a reward otherwise: the WX305 case "vote" (its own wording and fix).
VOTE = "vote"
# Canvassing (a vote asked for with its link or repeated votes): no mark of its own in a
# message that pays for the votes, where the bought vote (WX305) is the problem.
CANVASS = "WX308"
# The bank of pleas to spread, and the notices they are no coercion on (a missing person's).
PLEA, LOST = "plea", "lost-notice"
# The sender's vouching for an offer a report or a debunking names (真的给, 亲测): his own.
VOUCH = "vouch"
# A join read through pinyin (帮我kan一刀) is a little less sure than one as written.
PINYIN_DOUBT = 0.1
# An earlier vote word opens a vote join's action at most this far before the next one.
VOTE_REACH = 12


class InducementChecker(Checker):
    family = "WX3"

    def __init__(self, config: GuardConfig) -> None:
        super().__init__(config)
        self.model: InducementModel = inducement_model(config.phrases)
        from ...frames import frame_model  # here: import wxguard loads no phrase machinery

        self.frames: FrameModel = frame_model(config.phrases)
        self.judged = config.frames  # Guard(frames=False): no debunking lowers a join
        # how far before a join a report of someone else's post may end (the cue's gap)
        self.complaint_gap = next(c.gap or 0 for c in self.frames.cues if c.bank == COMPLAINT)
        self._gate: JoinGate | None = None

    def screen(self, texts: Sequence[str]) -> set[int]:
        """The messages ``check`` reads past its first tests: a join possible as written (the
        trigger, then ``JoinGate.matched``), or pinyin typed among Chinese characters whose
        reading by sound the trigger matches. Of the review corpus the trigger and the
        letters let 9 % through, these tests 0.2 %."""
        batch = Batch.of(texts)
        return {
            i
            for i, text in enumerate(batch.compacts)
            if self._joinable(text)
            or self._dotted(batch[i]) is not None
            or (may_mix(text) and self._spelt(batch[i], batch.foldeds[i]) is not None)
        }

    def _joinable(self, text: str) -> bool:
        """Whether the clause view ``text`` may hold a join: the trigger, then the banks'
        anchors and regexes (``JoinGate``, made when a text first passes the trigger)."""
        model = self.model
        if model.trigger is None or model.trigger.search(text) is None:
            return False
        gate = self._gate
        if gate is None:
            gate = self._gate = JoinGate(model.banks, model.combines, model.alones)
        return gate.matched(text)

    def _dotted(self, original: str) -> Clauses | None:
        """The clauses of the message with its dotted runs' stops read as noise (转.发.到.三
        .个.群 is one clause, not six sentences), where they may hold a join; else None."""
        plain = undotted(original)
        if plain is None:
            return None
        clauses = Clauses(plain)
        return clauses if self._joinable(clauses.text) else None

    def _spelt(self, original: str, folded: str) -> tuple[Mixed, Clauses, Clauses] | None:
        """The message with its pinyin written as characters, its clauses and their reading
        by sound, where the sound trigger matches that reading; else None."""
        model = self.model
        mix = mixed(original, folded)
        if mix is None or model.sound_trigger is None:
            return None
        plain = Clauses(mix.text)
        sound = plain.respelled(syllable_table())
        if model.sound_trigger.search(sound.text) is None:
            return None
        return mix, plain, sound

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        model = self.model
        original = ctx.view.text
        clauses = self._dotted(original) or Clauses.of(ctx.view)
        joins: list[Join] = []
        mixing = may_mix(clauses.text)
        taken: dict[str, Disjoint] = {}  # where joins found as written stand, by rule
        if self._joinable(clauses.text):
            joins = find_joins(
                clauses, model.banks, model.combines, model.alones, accept=self._pleas(clauses)
            )
            if mixing:
                for j in joins:  # a rule's joins never overlap (one per place)
                    taken.setdefault(j.rule, Disjoint()).add(*clauses.original(j.start, j.end))
            yield from self._findings(joins, clauses, original, None)
        if mixing:
            yield from self._mixed(ctx, taken)

    def _mixed(self, ctx: CheckContext, taken: dict[str, Disjoint]) -> Iterator[Finding]:
        """Joins with a part in pinyin (帮我kan一刀, 转fa…领hong包), read by sound in a copy
        with the pinyin written as characters, where no join found as written stands
        (``taken``: their spans in the message, by rule)."""
        model = self.model
        original = ctx.view.text
        found = self._spelt(original, ctx.view.folded)
        if found is None:
            return
        mix, plain, sound = found
        spelt = Spelt(mix)
        pleas = self._pleas(plain)
        joins = [
            j
            for j in find_joins(
                sound,
                model.sound,
                model.combines,
                model.alones,
                accept=lambda j: pleas(j) and self._disguised(j, plain, spelt),
            )
            if j.rule not in taken or not taken[j.rule].overlaps(*plain.original(j.start, j.end))
        ]
        yield from self._findings(joins, plain, original, spelt)

    def _pleas(self, clauses: Clauses) -> Callable[[Join], bool]:
        """Whether a join stands: a plea to spread does not on a missing person's notice
        (寻人启事…请大家帮忙扩散). The notice is looked for once, at the first plea."""
        lost: list[bool] = []

        def accept(join: Join) -> bool:
            if join.banks[0] != PLEA:
                return True
            if not lost:
                lost.append(bool(self.model.banks[LOST].hits(clauses.text)))
            return not lost[0]

        return accept

    def _disguised(self, join: Join, plain: Clauses, spelt: Spelt) -> bool:
        """A part of the join is in pinyin, and its characters outside the pinyin are written
        as the banks write them (砖发 sounds like 转发 but is no disguise), and it does not end
        on a lone syllable (帮我kan一下 is 帮我看一下)."""
        (a, b), (c, d) = join.action, join.joined
        start, end = (min(a, c), max(b, d)) if join.whole is None else join.whole
        ran, lone = spelt.chars, spelt.lone
        # ``Spelt.touches`` and ``open_ended``, asked in place of every join of a long text
        if ran.find(1, start, end) < 0 or (end <= len(lone) and lone[end - 1]):
            return False
        # Whether the two parts are written as the banks write them reads only their
        # characters and which of them the runs wrote: remembered by those (a long text
        # repeats its offers).
        text = plain.text
        key = (join.rule, join.banks[0], text[a:b], ran[a:b], text[c:d], ran[c:d])
        found = spelt.written.get(key)
        if found is None:
            found = spelt.written[key] = self._as_written(join, text, ran)
        return found

    def _as_written(self, join: Join, text: str, ran: bytes) -> bool:
        """Every Chinese character of the join's two parts that no pinyin run wrote is one
        its banks write (砖发 sounds like 转发 but is no disguise)."""
        model = self.model
        joined = model.joined_letters[(join.rule, join.banks[0])]
        size = len(ran)
        for own, (a, b) in ((model.letters[join.banks[0]], join.action), (joined, join.joined)):
            for i in range(a, b):
                char = text[i]
                if char not in own and is_cjk(char) and not (i < size and ran[i]):
                    return False  # written so, not spelt in pinyin
        return True

    def _findings(
        self, joins: list[Join], clauses: Clauses, original: str, spelt: Spelt | None
    ) -> Iterator[Finding]:
        """The findings of ``joins``, which it empties as it goes."""
        if any(j.rule == CANVASS for j in joins):
            joins[:] = self._canvassing(joins, clauses)
        refuted = disbelieved = complained = warned = None
        if joins and self.judged:
            refuted, disbelieved = self._cues(clauses, "refuted"), self._cues(clauses, "disbelieve")
            complained, warned = self._cues(clauses, COMPLAINT), self._cues(clauses, BEWARE)
            if not (refuted.spans or disbelieved.spans or complained.spans or warned.spans):
                refuted = disbelieved = complained = warned = None  # no cue anywhere: none is read
        thanked: bool | None = None
        owned: bool | None = None
        # Findings alike share their fields (a long text repeats its offers), and each join
        # is let go once its finding is made: fewer objects for the collector to walk.
        shared: dict[tuple[str, str], dict[str, Any]] = {}
        techniques, doubt = (("pinyin",), PINYIN_DOUBT) if spelt is not None else ((), 0)
        joins.reverse()
        while joins:
            join = joins.pop()
            variant = None
            if join.rule == "WX305" and join.banks[0] == "vote":
                if thanked is None:
                    thanked = self._thanked(clauses)
                variant = THANKS if thanked else VOTE
                join = self._first_vote(join, clauses)
            # in the copy with pinyin written as characters, a run's stands at its first letter
            start, end, action, joined = (
                placed(join, clauses, original)
                if spelt is None
                else _widened(join, original, spelt)
            )
            fields = shared.get((action, joined))
            if fields is None:
                fields = shared[action, joined] = {"action": action, "reward": joined}
            frame = None
            if (
                refuted is not None
                and disbelieved is not None
                and complained is not None
                and warned is not None
            ):
                # A join's own judgement, made while it matches: a debunking or a report in
                # its sentence or the next; a "don't believe" only before it (别信那种转发领
                # 红包的活动), since appended to an offer (帮我砍一刀，别信) it names nothing.
                begin = clauses.sentence_start(join.start)
                close = clauses.sentence_end(join.end)
                if close < len(clauses.text):
                    close = clauses.sentence_end(close + 1)
                cue = refuted.first_clear(begin, close, (join.action, join.joined))
                cue = cue or disbelieved.first(begin, join.start)
                cue = cue or _warned_of(warned, begin, join.start, clauses)
                frame = self._frame(cue, clauses, original)
                if frame is None and complained.spans:
                    if owned is None:
                        owned = self._owned(clauses.text)  # the post reported is his own
                    posted = None if owned else self._posted(complained, join.start, clauses)
                    frame = self._frame(posted, clauses, original, COMPLAINT)
            yield Finding(
                join.rule,
                start,
                end,
                original[start:end],
                techniques=techniques,
                confidence=join.confidence - doubt,
                fields=fields,
                variant=variant,
                severity=frame.severity if frame is not None else None,
                frame=frame,
            )

    def _first_vote(self, join: Join, clauses: Clauses) -> Join:
        """The join from the vote it pays for: 帮我家宝宝投一票，投完截图给我，发红包 joined
        投完 to the red packet, and the mark left out the vote asked for. Earlier vote words
        of the sentence, each at most ``VOTE_REACH`` characters and one clause break before
        the next, open an action that names no vote itself (投完, 投了: the one asked for
        before); what it is joined to stays."""
        text = clauses.text
        if "票" in text[join.action[0] : join.action[1]]:
            return join
        hits = uncovered(self.model.banks["vote"].hits(text), self.model.banks["exempt"].hits(text))
        start = join.action[0]
        begin = clauses.sentence_start(start)
        first = None
        for hit in reversed(hits):
            if hit.end > start or hit.start < begin:
                continue
            strong, weak = clauses.breaks(hit.end, start)
            if start - hit.end > VOTE_REACH or strong or weak > 1:
                break
            first, start = hit, hit.start
        if first is None:
            return join
        return replace(join, action=(first.start, first.end))

    def _canvassing(self, joins: list[Join], clauses: Clauses) -> list[Join]:
        """``joins`` without the canvassing that is no problem of its own: beside a bought
        vote (the WX305 mark is the problem), or where an exempt phrase overlaps the vote
        asked for (帮忙投票选一下春游地点 asks for a poll's vote, not for an entry)."""
        if any(j.rule == "WX305" and j.banks[0] == "vote" for j in joins):
            return [j for j in joins if j.rule != CANVASS]
        exempt = sorted((e[0], e[1]) for e in self.model.banks["exempt"].hits(clauses.text))
        starts = [a for a, _ in exempt]
        reach = list(accumulate((b for _, b in exempt), max))  # the furthest end so far

        def polled(action: tuple[int, int]) -> bool:
            i = bisect_left(starts, action[1])
            return i > 0 and reach[i - 1] > action[0]

        return [j for j in joins if j.rule != CANVASS or not polled(j.action)]

    def _thanked(self, clauses: Clauses) -> bool:
        """A personal thank-you for a vote (投完私我领个小红包) without a campaign's terms (an
        amount, a rate per vote, a screenshot to claim, a link) anywhere in the message."""
        banks = self.model.banks
        text = clauses.text
        return bool(banks["vote-thanks"].hits(text)) and not banks["vote-campaign"].hits(text)

    def _owned(self, text: str) -> bool:
        """The sender makes the post he reports his own anywhere in the message: vouches for
        it (是真的, 亲测到账), hands out its reward (截图找我领) or sets his deal against it
        (不过我这个是真的)."""
        exempt = self.model.banks["exempt"].hits(text)
        return any(
            uncovered(bank.hits(text), exempt)
            for bank in (self.frames.banks["contrast"], self.model.banks[VOUCH])
        )

    def _cues(self, clauses: Clauses, bank: str) -> Cues:
        from ...frames import Cues

        found = self.frames.banks[bank]
        return Cues(found, clauses.text, self.model.banks["exempt"], overlapping=False)

    def _posted(self, cues: Cues, start: int, clauses: Clauses) -> tuple[int, int] | None:
        """A report of someone else's post (有人在群里发) ending right before ``start`` in its
        clause: the join is what was posted."""
        cue = cues.last_before(start)
        if cue is None or start - cue[1] > self.complaint_gap or any(clauses.breaks(cue[1], start)):
            return None
        return cue

    def _frame(
        self, cue: tuple[int, int] | None, clauses: Clauses, original: str, kind: str = REFUTED
    ) -> Frame | None:
        if cue is None:
            return None
        f0, f1 = clauses.original(*cue)
        return Frame(kind, original[f0:f1], self.frames.kinds[kind].severity)


def _warned_of(cues: Cues, begin: int, start: int, clauses: Clauses) -> tuple[int, int] | None:
    """A "beware of" (警惕, 谨防, 远离) in the join's clause before it: the join is what it
    warns of (警惕“砍一刀”“集赞”类链接: trial s17). Only in its clause: a seller's 谨防假冒，
    转发到三个群领红包 warns of fakes, not of his own offer."""
    cue = cues.last_before(start)
    if cue is None or cue[0] < begin or any(clauses.breaks(cue[1], start)):
        return None
    if cue[0] and clauses.text[cue[0] - 1] == "不":  # 不小心 is "by accident"
        return None
    return cue


def _widened(join: Join, original: str, spelt: Spelt) -> Placed:
    """``placed`` for a join found in the copy with pinyin written as characters: each
    span grown over the pinyin runs it reaches into, so it names kan一刀, not k一刀."""
    a0, a1 = spelt.placed(*join.action)
    if join.label is not None:
        start, end = spelt.placed(join.start, join.end)
        return Placed(start, end, original[a0:a1], join.label)
    j0, j1 = spelt.placed(*join.joined)
    if join.whole is not None:
        start, end = spelt.placed(*join.whole)
    else:
        # The map back and the widening both rise with a span's ends: the two parts' span,
        # widened, is the span of the two parts widened.
        start, end = min(a0, j0), max(a1, j1)
    return Placed(start, end, original[a0:a1], original[j0:j1])
