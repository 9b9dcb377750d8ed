"""The terms curated from real spam and abuse (scripts/curation/decisions.tsv): block terms are
found, through the usual disguises, at error level under their rule; companion terms only next
to a companion word; review terms as warnings; and the ordinary sentences that made them
companion or review terms raise no error."""

from __future__ import annotations

import pytest

from wxguard import Guard, Severity

FOUND = [
    # an allow phrase reads across punctuation and into the next word: 大麻地 would have
    # hidden 大麻地址 and 吸毒所 吸毒，所以 (both tried in session 12 and dropped)
    ("出售大麻地址私聊", "WX104", "大麻"),
    ("他天天吸毒所以家里穷", "WX104", "吸毒"),
    # gambling (WX103)
    ("线上赌场，充值送彩金", "WX103", "线上赌场"),
    ("网赌平台，输了包赔", "WX103", "网赌"),
    ("網 賭平台，日日返利", "WX103", "网赌"),
    ("真人视讯、电子游艺应有尽有", "WX103", "真人视讯"),
    ("注册送彩金，联系在线客服", "WX103", "注册送彩金"),
    ("申请彩金请找专员", "WX103", "申请彩金"),
    ("一倍流水即可取款", "WX103", "流水即可取款"),
    ("首存送8，只需倍流水", "WX103", "倍流水"),
    ("反水無上限", "WX103", "反水无上限"),
    ("百家乐洗码1.2%", "WX103", "洗码"),
    ("幸运飞艇计划群，稳赚", "WX103", "幸运飞艇"),
    ("六合彩合肖资料免费送", "WX103", "合肖"),
    ("BBIN电子、AG真人一站玩", "WX103", "bbin"),
    ("麻将控牌器，现场测试", "WX103", "控牌器"),
    # fake invoices and documents (WX106)
    ("出售各类发票，验证后付款", "WX106", "出售各类发票"),
    ("本公司长期代开，价格优惠", "WX106", "长期代开"),
    ("我公司有正规发票向外代开", "WX106", "向外代开"),
    ("本公司可优惠向外代开发票", "WX106", "向外代开发票"),
    ("办证刻章，货到付款", "WX106", "办证刻章"),
    ("各类证件刻戳银行流水，加微信", "WX106", "刻戳"),
    ("代打银行流水，个人完税", "WX106", "代打银行流水"),
    # escort (WX102)
    ("莞式一条龙全套服务", "WX102", "莞式"),
    ("会所小妹上门服务，学生妹空姐都有", "WX102", "小妹上门服务"),
    # political propaganda (WX101)
    ("朋友请问您三退了吗", "WX101", "三退"),
    ("三退保平安", "WX101", "三退保平安"),  # jieba reads 三|退保|平安
    ("入了党团队的人等于被绑架", "WX101", "党团队"),
    ("现已有二亿人退出中共", "WX101", "退出中共"),
    ("藏字石即亡共石", "WX101", "亡共石"),
    # abuse (WX107)
    ("你这个傻屌", "WX107", "傻屌"),
    ("一群女权婊", "WX107", "女权婊"),
    ("nmsl", "WX107", "nmsl"),
    # session 5: curses aimed at the reader that a new-user trial wrote
    ("滚你妈的", "WX107", "滚你妈"),
    ("你妈死了", "WX107", "你妈死了"),
    ("你真是个废物", "WX107", "你真是个废物"),
    ("你们这群废物", "WX107", "你们这群废物"),
    ("你个脑残，智障", "WX107", "你个脑残"),
    ("你这个智障", "WX107", "你这个智障"),
    # session 7: a death curse on the reader
    ("你全家都不得好死", "WX107", "你全家{*}不得好死"),
    ("你不得好死", "WX107", "你不得好死"),
    # session 11: the death curse on the reader's family, written out (全家死光 alone is a story)
    ("你们全家死光光", "WX107", "你们全家死光"),
    ("祝你全家死光", "WX107", "你全家死光"),
    # drugs (WX104)
    ("听话水，无色无味", "WX104", "听话水"),
]


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


@pytest.mark.parametrize(("text", "rule", "term"), FOUND)
def test_curated_term_is_found(guard: Guard, text: str, rule: str, term: str) -> None:
    errors = [
        (v.rule, v.term.casefold())
        for mark in guard.check(text).violations
        for v in (mark, *mark.also)  # the terms of one offer are one mark
        if v.severity is Severity.ERROR and v.rule.startswith("WX1")
    ]
    assert (rule, term) in errors


# (text, rule, listed term, the companion word the message names)
WITH_COMPANION = [
    ("注册就送彩金，存款翻倍", "WX103", "彩金", "存款"),  # the nearest companion is named
    ("首存100送100，一倍流水", "WX103", "存{*}送", "流水"),
    ("天天返水，真人视讯", "WX103", "返水", "真人"),
    ("澳门威尼斯人注册送88元", "WX103", "澳门威尼斯人", "注册"),
    ("彩票充值即送", "WX103", "彩票", "充值"),
    ("本公司代开增值税专用发票，联系电话", "WX106", "代开{*}发票", "联系"),
    ("长期办理各类证件刻章，货到付款", "WX106", "办{*}证件", "刻章"),
    ("刻章，毕业证，驾驶证，微信同号", "WX106", "刻章", "毕业证"),
    ("酒店公寓上门服务，学生妹少妇空姐", "WX102", "上门服务", "学生妹"),
    ("学生妹少妇空姐都有", "WX102", "学生妹", "少妇"),
    ("退党保平安，请看大纪元", "WX101", "退党保平安", None),
    ("诚念真善忍好", "WX101", "诚念", "真善忍"),
]


@pytest.mark.parametrize(("text", "rule", "term", "companion"), WITH_COMPANION)
def test_companion_term_is_an_error_next_to_its_word(
    guard: Guard, text: str, rule: str, term: str, companion: str | None
) -> None:
    found = [
        v
        for mark in guard.check(text).violations
        for v in (mark, *mark.also)
        if v.rule == rule and v.term == term
    ]
    assert found and found[0].severity is Severity.ERROR
    if companion:
        assert f"与「{companion}」同句出现" in found[0].message


REVIEW = [
    ("有荷官在线发牌", "WX103", "荷官"),
    ("代开增值税发票", "WX106", "代开{*}发票"),  # the tax office does this lawfully
    ("货到验后付款，可开发票", "WX106", "验后付款 + 发票|代开|证件|文凭|刻章|毕业证"),
    ("推油按摩", "WX102", "推油"),
    ("真他妈好看", "WX107", "真他妈"),
    ("特么的又堵车", "WX107", "特么"),
    ("傻X，又下雨了", "WX107", "傻{逼}"),  # aimed at no one: 你个傻X is an error (test_trade)
    ("卧槽，这也太牛了吧", "WX107", "卧槽"),  # an exclamation (new-user trial s11)
    ("我TM服了", "WX107", "tm"),
    # the death curse on a third party's family: a scammer cursed by his victim (trial s16); a
    # villain quoted and a trafficker cursed by readers are info (review s16: test_frames)
    ("某某就是个骗子，大家别跟他做生意，他全家都不得好死。", "WX107", "他全家{*}不得好死"),
    ("她们全家不得好死", "WX107", "她们全家{*}不得好死"),
]


@pytest.mark.parametrize(("text", "rule", "term"), REVIEW)
def test_review_term_is_a_warning(guard: Guard, text: str, rule: str, term: str) -> None:
    found = {
        (v.rule, v.term, v.severity)
        for v in guard.check(text).violations
        if v.rule.startswith("WX1")
    }
    assert (rule, term.split(" + ")[0], Severity.WARNING) in found
    assert not any(sev is Severity.ERROR for _, _, sev in found)


TRAPS = [
    "卫生间地漏返水了，找师傅来修，天天返水",  # 返水 (plumbing)
    "他在这件事上反水了",  # 反水 (to defect)
    "买了一条彩金手链送女朋友",  # 彩金 (coloured gold)
    "金店周年庆，买钻戒送彩金吊坠",  # 送彩金 (jewellers)
    "双色球500万元彩金领取须知",  # 彩金 (a lawful lottery prize)
    "这期彩票中了五块钱",  # 彩票 (the lawful lottery)
    "体彩投注站今天开门吗",  # 投注
    "澳门威尼斯人酒店的购物中心很好逛",  # a lawful resort
    "新葡京酒店的外观很特别",
    "澳门威尼斯人真人秀表演",  # 真人 is no companion of the resorts
    "18K彩金手链，真人实拍",  # nor of 彩金
    "游戏首充送礼包，划算",  # 首充送 (mobile games)
    "银行首存送好礼活动，存5万送油",  # 首存送, 存{*}送
    "注册送50元优惠券",  # 注册送 (apps)
    "残奥会硬地滚球比赛",  # 滚球 (boccia)
    "听说你妈妈死了，节哀顺变",  # 你妈妈死了 is no curse (the matcher collapses 妈妈)
    "固体废物和危险废物分开存放",  # 废物 (waste)
    "这些都是废物，回收站会来拉走",
    "拉斯维加斯赌城的夜景",  # 赌城 (travel)
    "电器坏了，售后提供上门服务，满意付款",  # 上门服务 (满意付款 is no companion)
    "酒店上门服务，送餐到房间",  # 上门服务 with no escort word
    "美女你好，我们为您提供婚礼一条龙服务和上门服务",  # shops address women as 美女
    "婚庆一条龙服务，省心",  # 一条龙服务
    "网吧包夜十块钱，学生包夜送快餐",  # 包夜 (学生 and 快餐 are no companions)
    "向税务局申请代开增值税发票",  # 代开增值税发票 (lawful)
    "请开增值税专用发票，谢谢",
    "去学校办毕业证",  # 办毕业证
    "政务大厅可以办理各类证件，请带身份证件",  # 办{*}证件 (证件 is no companion)
    "向税务局申请代开增值税专用发票，咨询电话12366",  # allow.txt: 申请代开增值税专用发票
    "这家刻章店有公安备案",  # 刻章 (licensed seal makers)
    "网上可查的正规发票",  # 正规发票
    "旅行社说我可以退团",  # 退团
    "他因为工作调动退队了",  # 退队
    "诚念佛号，善恶有报",  # Buddhist sayings
    "平塘藏字石景区门票",  # a tourist sight
    "他妈妈是老师",  # 他妈妈
    "他从小就听他妈的话",  # allow.txt: 听他妈的话
    "他被他妈逼着去相亲",  # allow.txt: 妈逼着
    "家里买了几把椅子",  # 几把
    "TM商标注册",  # tm
    "养了几头杂种猪",  # 杂种 (breeding)
    "冰场溜冰真开心",  # 溜冰
    "智障人士就业帮扶",  # 智障, 脑残 alone
    "脑残粉太多了",
    "舔狗不得好死，这话太狠了",  # a curse on no one here (COLD)
    "坏人不得好死，你说对不对",
    "坏人不得好死吗？",  # a question in a discussion
    "这个病让他们全家死光了，太惨了",  # a family's death told (new-user trial s10)
    "那场洪水过后，村里好几户全家死光了",
]


@pytest.mark.parametrize("text", TRAPS)
def test_trap_is_not_an_error(guard: Guard, text: str) -> None:
    errors = [
        (v.rule, v.text)
        for v in guard.check(text).violations
        if v.severity is Severity.ERROR and v.rule.startswith("WX1")
    ]
    assert errors == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("尼玛县位于西藏那曲", False),  # a county (new-user trial s10: a WX107 warning)
        ("尼玛次仁是我们班长", False),  # a Tibetan name
        ("你尼玛的，又迟到", True),
        ("尼玛，又堵车", True),
    ],
)
def test_nima_is_a_curse_but_not_a_place_or_a_name(guard: Guard, text: str, flagged: bool) -> None:
    assert any(v.rule == "WX107" for v in guard.check(text).violations) is flagged


@pytest.mark.parametrize(
    "text",
    [
        "请问在哪里可以申请税务局代开增值税发票？",  # new-user trial s12: a warning
        "个体户可以去税务局代开发票，带上身份证和合同就行。",
    ],
)
def test_the_tax_offices_invoices_are_no_finding(guard: Guard, text: str) -> None:
    """The tax office issues invoices for taxpayers lawfully: asking where, or telling how,
    is no trade to review."""
    assert guard.check(text).violations == ()
