"""Whether a text may hold a join at all, asked before the joins (``joins.find_joins``)
are looked for: by the anchors of the banks a rule joins, then by the banks' own regexes.
A text it turns away holds no join; most texts are turned away."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from .banks import Bank, Found, mask_automaton
from .joins import Alone, Combine

# Sets of banks whose answer a gate keeps (a hostile text could show many).
KNOWN = 4096
# ``near`` reads the hits of a text this long or shorter; a longer one holds some pair near
# almost surely, and its hits would be read twice (here and by the joins).
NEAR_TEXT = 2000


class JoinGate:
    """Whether a text may hold a join: for some rule, an anchor of its action (a trade's
    product) and an anchor of a bank it joins (a bank with patterns, the contact, has none:
    always possible). Every hit of a bank holds one of its anchors, so on the text the joins
    run on the test is exact. The trade offers run it twice: with the anchors in sound
    classes (``table``) on ``TextView.sound``, that view in sound classes with the clause
    marks left out, before any clause view is built (``TradeModel.gate``), and on the clause
    view respelled by syllable, where their joins run (``TradeModel.joinable``). Products
    alone let 44 % of reviews through (one-syllable anchors: 送, 充, 返); the gate 16 %,
    ``joinable`` 7 %. With the threats of session 7b (我 + 把) both let ~37 % through;
    ``matched`` asks the banks' own regexes of those and lets 3.6 % into the joins. WX3
    asks ``matched`` of the 3 % of reviews its trigger lets through: 0.1 % pass."""

    __slots__ = ("_automaton", "_banks", "_known", "_needs", "_open", "_reach", "_rules")

    def __init__(
        self,
        banks: dict[str, Bank],
        combines: list[Combine],
        alones: list[Alone],
        table: Sequence[int | str | None] | None = None,
    ) -> None:
        needs = [(c.action, c.with_) for c in combines] + [(a.bank, ()) for a in alones]
        names = sorted({n for action, joined in needs for n in (action, *joined)})
        bit = {name: 1 << (i + 1) for i, name in enumerate(names)}
        self._open = 1  # a rule with nothing to join (``alone``) needs its product only
        masks: dict[str, int] = {}
        for name in names:
            anchors = banks[name].anchors
            sounds = (
                None if anchors is None else {a.translate(table) if table else a for a in anchors}
            )
            if sounds is None or "" in sounds:
                self._open |= bit[name]
                continue
            for key in sounds:
                masks[key] = masks.get(key, 0) | bit[name]
        self._needs = tuple(
            (bit[action], sum(bit[n] for n in joined) if joined else 1) for action, joined in needs
        )
        # Per rule: its product's bank and bit, and the banks it joins with their bits (an
        # ``alone`` rule joins none: its product's phrase is the whole offer).
        self._banks = banks
        self._rules = tuple(
            (action, bit[action], tuple((n, bit[n]) for n in joined)) for action, joined in needs
        )
        # Per rule (as ``_rules``): how far after and before its product a joined phrase may
        # start or end, and the banks whose nouns a verb of getting before them may stand
        # for (``needs = "acquire"``: their join is placed from the verb, so they may stand
        # farther after). None for ``alone`` rules.
        self._reach: tuple[tuple[int, int, frozenset[str]] | None, ...] = (
            *(
                (
                    c.after,
                    c.before,
                    frozenset(n for n in c.with_ if banks[n].options.get("needs") == "acquire"),
                )
                for c in combines
            ),
            *(None for _ in alones),
        )
        # The answer for each set of banks seen: texts show few, and asking every rule is
        # most of the test's cost.
        self._known: dict[int, bool] = {}
        self._automaton: Any = mask_automaton(masks)

    def possible(self, text: str) -> bool:
        return self._decide(self._present(text))

    def matched(self, text: str) -> bool:
        """``possible``, and for some rule whose anchors are there, its product's regex and
        the regex of a bank it joins (of one, for ``alone``) each match somewhere in
        ``text``: every join is a hit of each of its two banks, so a text that fails holds
        none. A clean review pays a regex search or two, not the joins' per-message setup
        (87 against 25 µs a review that ``possible`` lets through)."""
        present = self._present(text)
        if not self._decide(present):
            return False
        hit = self._searcher(text)

        for action, action_bit, joined in self._rules:
            if not present & action_bit:
                continue
            if joined:
                if any(present & b and hit(n) for n, b in joined) and hit(action):
                    return True
            elif hit(action):
                return True
        return False

    def near(self, text: str) -> bool:
        """``matched``, and for some rule a hit of its product and a hit of a bank it joins
        stand within its reach: starting at most ``after`` characters after the product's
        end, or ending at most ``before`` before its start (only so does ``find_joins``
        place a join; a noun whose verb of getting stands between may start farther after).
        The hits are ``Bank.found``'s, which the joins read (a bank without any has no
        match either), asked of the product first: ``matched`` searched the banks it joins
        first, the contact's regex ~45 µs a review. It lets 3.8 % of reviews through to the
        joins (~150 µs each), three in four with the two far apart. A text longer than
        ``NEAR_TEXT`` is asked ``matched`` only."""
        if len(text) > NEAR_TEXT:
            return self.matched(text)
        present = self._present(text)
        if not self._decide(present):
            return False
        hits: dict[str, list[Found]] = {}

        def found(name: str) -> list[Found]:
            made = hits.get(name)
            if made is None:
                made = hits[name] = self._banks[name].found(text)
            return made

        for (action, action_bit, joined), reach in zip(self._rules, self._reach, strict=True):
            if not present & action_bit:
                continue
            actions = found(action)
            if not actions:
                continue
            if reach is None:
                return True
            after, before, acquire = reach
            if any(
                present & b and _near(actions, found(n), after, before, n in acquire)
                for n, b in joined
            ):
                return True
        return False

    def _searcher(self, text: str) -> Callable[[str], bool]:
        """Whether a bank's regex matches ``text``, each bank searched once: a rule's banks
        recur across the rules that join them."""
        seen: dict[str, bool] = {}

        def hit(name: str) -> bool:
            found = seen.get(name)
            if found is None:
                regex = self._banks[name].regex
                found = seen[name] = regex is not None and regex.search(text) is not None
            return found

        return hit

    def _present(self, text: str) -> int:
        """The bits of the banks one of whose anchors ``text`` holds (and of those open)."""
        present = self._open
        if self._automaton is not None:
            for _, mask in self._automaton.iter(text):  # 1.2 hits a review
                present |= mask
        return present

    def screen(self, text: str, starts: list[int]) -> set[int]:
        """``possible`` of each of the texts joined in ``text`` by a character no anchor
        holds, which start at ``starts``: one pass of the automaton over the whole."""
        present = [self._open] * len(starts)
        if self._automaton is not None:
            for last, mask in self._automaton.iter(text):
                present[bisect_right(starts, last) - 1] |= mask
        return {i for i, bits in enumerate(present) if self._decide(bits)}

    def _decide(self, present: int) -> bool:
        known = self._known.get(present)
        if known is None:
            known = any(present & action and present & joined for action, joined in self._needs)
            if len(self._known) < KNOWN:
                self._known[present] = known
        return known


def _near(
    actions: list[Found], joined: list[Found], after: int, before: int, acquire: bool
) -> bool:
    """Some hit of ``joined`` starts at most ``after`` after the end of a hit of ``actions``
    (at any distance after it for a bank of ``acquire`` nouns), or ends at most ``before``
    before one starts. ``Bank.found``'s hits are in order of their starts."""
    if not actions or not joined:
        return False
    starts = [j[0] for j in joined]
    ends = sorted(j[1] for j in joined) if before else []
    for a in actions:
        first, last = a[0], a[1]
        i = bisect_left(starts, last)
        if i < len(starts) and (acquire or starts[i] - last <= after):
            return True
        if before:
            k = bisect_right(ends, first)
            if k and first - ends[k - 1] <= before:
                return True
    return False
