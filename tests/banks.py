"""Every regex source the phrase banks compile (banks, gates, triggers, prefilters)."""

from __future__ import annotations

from wxguard.families.advertising.model import advertising_model
from wxguard.families.inducement.model import inducement_model


def bank_sources() -> list[str]:
    adv, ind = advertising_model(), inducement_model(())
    scanner = adv.scanner
    patterns = [
        *(lazy.get() for lazy in scanner.regexes if lazy is not None),
        *(gate.get() for _, gate in scanner.gated),
        adv.claims_prefilter,
        ind.trigger,
    ]
    for bank in (*adv.banks.values(), *ind.banks.values()):
        patterns += [bank.regex, bank._quick]
    return sorted({p.pattern for p in patterns if p is not None})


SOURCES = bank_sources()
