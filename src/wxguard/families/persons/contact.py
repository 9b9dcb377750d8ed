"""WX501's two readings of a number given for the reader to call.

A mobile number right after a contact label or a request to call (联系电话, 有线索请联系,
联系人：刘先生, 我的手机号是) is offered by the sender: masking it, the rule's usual fix, would
break the message, and whether it may be published is the sender's to know (their own number,
or one whose owner agreed). Such a number gets advice that fits (``contact``), and in a notice
meant to be spread (寻人, 走失, 失物招领) none at all: the number is what the notice is for. A
number someone else is named for (张三的电话, 他的联系方式) keeps the rule's own advice.
"""

from __future__ import annotations

import re

# Characters read before a number for its label (联系人：刘先生 13912345678 is 11).
_BEFORE = 16
# The label right before the number: a contact word that no one else's 的 owns (张三的联系方式
# names a third party's), a request to call, or the sender's own number named; then at most a
# colon and a name (联系人：刘先生, 请联系班主任王老师) before the number.
_OFFERED = re.compile(
    r"(?:(?<!的)联系(?:电话|方式|手机|号码|人)?|电联|致电|拨打|来电|打我(?:电话|手机)|"
    r"我的?(?:电话|手机号?码?|号码)|本人(?:电话|手机号?码?))"
    r"(?:是|为)?[：:\s]{0,3}(?:[\u4e00-\u9fff]{1,6}[：:，,\s]{0,3})?$"
)
# A notice asking for help in finding someone or something, or its owner.
NOTICE = re.compile(r"寻人|走失|走丢|失踪|被拐|找孩子|寻狗|寻猫|寻宠|寻物|失物招领|丢失|捡到|拾到")


def offered(folded: str, start: int) -> bool:
    """The number at ``start`` of ``folded`` (the message's folded view) is given for the
    reader to call."""
    return _OFFERED.search(folded, max(0, start - _BEFORE), start) is not None
