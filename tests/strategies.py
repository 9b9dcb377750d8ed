"""Hypothesis strategies shared by the property and differential tests."""

from __future__ import annotations

from hypothesis import strategies as st

from .words import WORDS

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=80)
# Text biased towards what matters here: CJK, lexicon characters, Latin, digits and noise.
LEXICON_CHARS = "".join(sorted({c for terms in WORDS.values() for t in terms for c in t}))
MIXED = st.text(
    st.one_of(
        st.sampled_from(LEXICON_CHARS),
        st.sampled_from("路口交通消毒品牌的了是在大麻烦 ，。！？\u200b\u200d\ufe0f🎉①壹ＡａΑ"),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)
