"""WX1 trade offers a new-user trial (s17) wrote in plain words, and the clean messages that
use the same words: each offer is an error of its rule over its span, and no near-miss (a
warning, a news line, a question, a refusal, a lawful trade) is blocked."""

from __future__ import annotations

import pytest

from wxguard import Guard, Severity, Verdict

# (text, rule, a span the error must cover): the trial's own lines and rewordings of them.
OFFERS: list[tuple[str, str, str]] = [
    # fake papers
    ("办理假离婚证、假结婚证、假户口本，加急当天取。", "WX106", "假离婚证"),
    ("专业做假毕业证，当天拿证，加微信", "WX106", "假毕业证"),
    ("专业⛔️证🪪，各种证件都能做，跟真的一模一样", "WX106", "各种证件"),
    ("出售各大学录取通知书、学信网可查学历。", "WX106", "录取通知书"),
    ("我这边有二手的警服和警官证，需要的私聊。", "WX106", "警官证"),
    ("出售考试答案，今年高考真题，提前一天发。", "WX106", "考试答案"),
    ("今年中考答案，考前一天发给你", "WX106", "中考答案"),
    ("卖驾照分，12分3000，包消分。", "WX106", "卖驾照分"),
    ("办ㄓㄥ件，各类证书，全国联网可查", "WX106", "ㄓㄥ件"),
    ("有需要的老板可以找我开piao，各种行业都能开", "WX106", "开piao"),
    ("网贷逾期？专业处理，可帮你消除征信不良记录，成功后再付款。", "WX106", "消除征信不良记录"),
    ("高利贷，日息1%，不看征信，押身份证即可放款。", "WX106", "高利贷"),
    # drugs
    ("出售处方药，无需处方，安眠药、曲马多，快递发货。", "WX104", "处方药"),
    ("曲马多现货，无需处方，私聊", "WX104", "曲马多"),
    ("出溜冰工具和冰糖，同城面交", "WX104", "溜冰工具"),
    ("出售迷幻蘑菇，新鲜采摘，保证效果。", "WX104", "迷幻蘑菇"),
    ("有需要“糖果”“邮票”的来，派对必备，懂的私", "WX104", "糖果"),
    ("有需要🍬的吗？happy一下，懂的滴滴", "WX104", "🍬"),
    ("出售ＫＦＥＮ，老客户优先", "WX104", "ＫＦＥＮ"),
    # money and accounts
    ("帮忙洗钱，流水大额可做，手续费低。", "WX110", "帮忙洗钱"),
    ("出售卡料，四件套，u盾手机卡齐全，高价收卡", "WX110", "卡料"),
    ("学生兼职，高价收卡，帮忙转账就能赚佣金，一笔200", "WX110", "帮忙转账"),
    ("高价回收医保卡，当天现金结算，懂的私聊。", "WX110", "回收医保卡"),
    ("出售二手手机，带微信号，已实名，可直接使用。", "WX110", "带微信号"),
    ("卖VPN账号，看外网无限制，年费99。", "WX112", "卖VPN账号"),
    # gambling, porn, escort
    ("弟兄们，今晚九点来我家炸金花，底100，现金结算。", "WX103", "炸金花"),
    ("老铁们，上分下分找我，信誉第一，秒上秒下🎲", "WX103", "上分下分"),
    ("兄弟们，这个网站能看所有付费电影，还能下注赢钱：www.bet-movie88.com", "WX103", "下注赢钱"),
    ("看片加群，资源多多，未成年勿入，V：lsp999", "WX102", "看片"),
    ("约吗？同城寂寞，价格私聊，可以上门", "WX102", "同城寂寞"),
]

# Clean messages with the same words: none is blocked.
NEAR_MISSES: list[str] = [
    # fake papers: news, a question, a debunk, a photo studio, a school's letters, a lost card
    "他用假结婚证骗取银行贷款，已被警方刑事拘留。",
    "假结婚证能办理贷款吗？",
    "小区通知：收到假结婚证照片的请联系物业",
    "教你辨别真假证件，详情咨询客服",
    "网上说能办理假离婚证的都是骗子，千万别信。",
    "电视剧里他拿着假结婚证去办理房贷，太离谱了",
    "这个蛋糕做得跟真的一模一样，太厉害了",
    "市民中心可以办理各种证件，周六也上班。",
    "本店专业办理各类证件照，加急当天取",
    "证件照拍摄，各种证件都能拍，跟真人一样自然，欢迎到店",
    "我们学校的录取通知书今天开始寄出，请注意查收。",
    "有人在网上出售录取通知书，这是骗局，大家小心。",
    "民警出示警官证后对车辆进行了检查。",
    "警官证丢了怎么补办？",
    "儿童警服表演服出售，幼儿园六一演出用，私聊",
    "捡到一本警官证，请失主联系我 13812345678",
    "二手警服哪里能买到？",
    # exam papers: published after the exam, past papers sold, a rumour debunked
    "今年高考真题及参考答案已公布，供同学们对照。",
    "学校公布了期末考试答案，家长可以帮孩子对照",
    "新华书店出售历年高考真题汇编，欢迎选购",
    "有人说能提前拿到高考答案，这是骗局，别信。",
    "期末考试试卷提前一天发给各班主任，请注意保密。",
    "高考结束后，各大网站提前一天发布了答案解析？不可能吧",
    # papers in bopomofo told of, asked about, lost
    "ㄓㄥ件是注音符号写的证件",
    "ㄓㄥ件丢了，怎么办理补办？",
    "台湾小朋友用注音写ㄓㄥ件，好可爱",
    "ㄓㄥ件这两个注音怎么念？",
    "我的ㄓㄥ件照拍好了，下午去办理",
    # licence points
    "驾照分被扣完了怎么办？",
    "我的驾照分只剩3分了，得小心开车",
    "交警提醒：买卖驾照分属违法行为，要承担法律责任。",
    # prescription drugs: a pharmacy, a doctor, a warning
    "本药房处方药凭医生处方销售，非处方药无需处方即可购买。",
    "安眠药必须凭处方购买，无需处方就能买到的都是违法的。",
    "医生开了安眠药，说吃一周就好",
    "曲马多是管制药品，网上说无需处方就能买的都是骗子",
    # ice, mushrooms, sweets and stamps
    "溜冰工具是吸毒用具，发现请举报。",
    "买了一套溜冰工具，护膝头盔都有，孩子很喜欢",
    "冰糖雪梨，润肺止咳，同城可送",
    "冰糖批发，老冰糖、黄冰糖都有，同城配送",
    "云南吃菌中毒，误食致幻蘑菇出现小人幻觉。",
    "警惕：野生致幻蘑菇不要采食",
    "出售野生菌，新鲜采摘，保证新鲜",
    "误食致幻蘑菇出现幻觉，请立即拨打120",
    "进口糖果，懂的来尝尝，真的好吃",
    "集邮爱好者，出售纪念邮票，需要的私聊",
    "喜糖🍬，有需要的私聊",
    "六一派对必备糖果🍬，幼儿园团购价",
    "禁毒知识：“邮票”“糖果”是新型毒品的伪装，家长要警惕",
    # laundering, mules, cards
    "他因帮人洗钱被判刑三年。",
    "发现帮人洗钱的线索，请联系警方",
    "帮忙洗钱是犯罪，千万别信高佣金。",
    "机器卡料了，师傅快来看看",
    "我妈让我帮忙转账给舅舅，一笔两千",
    "我帮忙转账给你吧，不收佣金",
    "有人让你帮忙转账赚佣金，这是洗钱，别信。",
    "兼职帮忙转账赚佣金靠谱吗？",
    "他专门帮人转账走账，被判帮信罪，佣金也被没收",
    "高价回收购物卡、加油卡，当天结算",
    # credit repair and usury
    "征信不良记录能消除吗？",
    "如需消除征信不良记录中的错误信息，请咨询当地人民银行",
    "央行提醒：所谓征信修复、消除不良记录都是骗局。",
    "按时还款，5年后征信不良记录会自动消除。",
    "借了高利贷，现在被催收，怎么办",
    "高利贷电影推荐，不看征信也能借的都是坑",
    # insurance cards, phones, accounts, VPN
    "高价回收医保卡是诈骗，大家不要上当。",
    "社保局回收旧社保卡，换发新卡。",
    "有人高价收购医保卡，这合法吗？",
    "出售二手手机，已恢复出厂设置，不带任何账号。",
    "出售二手iPhone，附带原装充电器，可以直接使用",
    "公司VPN账号请找IT申请",
    "这款VPN账号是公司内网用的，不能看外网",
    "有人卖VPN账号看外网吗？这违法吧",
    # card games, ranked games, bets, films, lonely neighbours
    "周末和家人玩炸金花，不赌钱，就图个乐",
    "斗地主比赛，底分100",
    "一晚上上分下分的，心态崩了",
    "他上分下分太快了，秒上秒下的，段位不稳",
    "世界杯下注赢钱了吗？",
    "别去网上下注赢钱的网站，都是骗局",
    "这部电影讲的是下注赢钱的赌徒故事",
    "看片儿加群讨论，电影资源多多，欢迎影迷",
    "未成年勿入，本网吧凭身份证上网",
    "同城寂寞的老人需要关心，社区志愿者可以上门陪伴",
    "同城寂寞的朋友，周末约吗？去爬山",
    # invoices: a customer's reminder and question
    "记得开piao哦",
    "找我开piao报销吗？财务说要抬头",
    # a law cited and a refusal reported (trial s17 #380, #130)
    "《反电信网络诈骗法》已经施行，买卖银行卡、电话卡要负法律责任。",
    "有人私聊问我卖不卖微信号，我直接拒绝并举报了。",
]


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


@pytest.mark.parametrize(("text", "rule", "span"), OFFERS)
def test_a_plain_offer_is_an_error_of_its_rule(
    guard: Guard, text: str, rule: str, span: str
) -> None:
    start = text.index(span)
    report = guard.check(text)
    assert report.verdict is Verdict.BLOCK, report.violations
    assert any(
        v.rule == rule
        and v.severity is Severity.ERROR
        and v.start < start + len(span)
        and start < v.end
        for mark in report.violations
        for v in (mark, *mark.also)
    ), report.violations


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_the_same_words_in_a_clean_message_are_not_blocked(guard: Guard, text: str) -> None:
    report = guard.check(text)
    assert report.verdict is not Verdict.BLOCK, report.violations


def test_a_law_citation_names_the_trade_only_as_information(guard: Guard) -> None:
    (mark,) = guard.check(
        "《反电信网络诈骗法》已经施行，买卖银行卡、电话卡要负法律责任。"
    ).violations
    assert mark.rule == "WX110" and mark.severity is Severity.INFO
