"""Hand-written messages for illegal-trade offers in WX1 (a product joined to an offer or a
contact): (text, rule, a span a finding of the rule must mark; a listed term of the same
rule may mark it first, and then the join adds no second mark). Written fresh in the style of real
offers; the traps use the same products in ordinary messages and must raise no WX102,
WX103 or WX106 at all."""

from __future__ import annotations

OFFERS: list[tuple[str, str, str]] = [
    # WX103 gambling: a game joined to a casino's deal, a bonus to its terms, a named product to a contact
    ("彩票平台新人首充100送100，三倍水就能提款，详情加微信 cp8866", "WX103", "倍水就能提款"),
    ("体育赛事投注，开户就送58元，每日返点1.2%，客服QQ 3344556", "WX103", "投注"),
    ("存100送38，流水达标秒出款，老玩家都在这", "WX103", "存100送"),
    ("会员账号已开通，登录密码123456，取款密码请联系专员设置", "WX103", "会员账号"),
    ("机麻遥控器，不用安装，起手拿好牌，欢迎现场试用 13912345678", "WX103", "机麻遥控器"),
    ("婇票、棋牌、捕鱼，铳植100餸50，網止见短信", "WX103", "铳植100餸50"),
    ("恭喜您获得88元彩金，请登录官网联系在线客服申请", "WX103", "彩金"),
    ("六肖中特，期期精准，需要的加我微信 lh2024", "WX103", "六肖"),
    # WX102 escort: who is offered joined to the service, a menu of kinds, a service with no lawful sense
    ("美女上门服务，学生妹、少妇、模特任选，电话13612345678", "WX102", "上门服务"),
    ("酒店公寓上门，无需定金，满意付款，加V：mm5566", "WX102", "酒店公寓上门"),
    ("新到嫩模、空姐，包夜1500，详询微信 yy1234", "WX102", "空姐"),
    ("男士养生会馆新晋佳丽，打造男人的天堂，详询 0755-88886666", "WX102", "男士养生会馆"),
    ("小姐上门服务，全城最快半小时到", "WX102", "上门服务"),
    # WX106 invoices and documents: sold for others, surplus, at a rate, pay after checking
    ("有建材、餐饮、住宿等多余发票，点数优惠，先验后付，李会计 13700002222", "WX106", "多余发票"),
    ("本公司各行业普通发票均可开具，税点低，电话 13800001111", "WX106", "各行业普通发票"),
    ("专业办理各类毕业证、驾驶证、结婚证，货到付款，微信同号", "WX106", "专业办理各类毕业证"),
    ("订做车牌、印章，高仿逼真，见货付款，联系：15900003333", "WX106", "订做车牌"),
    ("代 开 各 类 餐 饮 住 宿 發 票，验证后付款", "WX106", "發 票"),
]

# Offers the join misses today (strict xfail): a casino's slot game named by its brand only,
# with nothing of the deal in words.
KNOWN_MISSES: list[tuple[str, str, str]] = [
    ("这周精选MG冰球突破，好运等你来拿，热线 13800001111", "WX103", "冰球突破"),
]

TRAPS: list[str] = [
    # 发票 where a shop or an office issues, asks for or mails its own invoice
    "请开具发票，抬头写公司全称，税号发群里",
    "发票已寄出，顺丰单号SF1234567890，请注意查收",
    "发票丢了怎么办？可以找商家重新开一张",
    "本店可开发票，欢迎来电订餐 0571-88889999",
    "报销需提供正规发票原件，交到财务室",
    "电子发票已发送至您的邮箱，请查收",
    "增值税专用发票可以抵扣进项税，具体问会计",
    "个体户可向税务局申请代开增值税发票，咨询电话12366",
    "代开增值税发票需要带哪些材料？",
    # 上门服务 of a plumber, a cleaner, a tutor; 小姐 at a hotel's front desk
    "家政保洁上门服务，专业阿姨，预约请加微信",
    "空调清洗、维修上门服务，师傅电话13812345678",
    "大学生家教上门辅导，数学英语，联系王老师",
    "前台小姐很热情，房间干净，下次还来",
    "美女你好，我们提供婚礼一条龙服务，化妆师可以上门服务",
    "婚庆一条龙服务，主持、摄像、化妆，电话13500001111",
    "快餐店招聘服务员，月薪四千，包吃住，详询店长",
    "护士上门打针换药，社区卫生服务中心电话 12345678",
    # 开户 at a bank, 真人秀, 体育课, lottery shops, jewellery
    "开户行：中国银行杭州分行，账号6217000011112222",
    "银行开户需本人携带身份证到柜台办理",
    "真人秀节目今晚八点播出，欢迎收看",
    "体育课改到周三，家长请提醒孩子带运动服",
    "今晚双色球开奖，祝大家好运，彩票站电话 12345678",
    "18K彩金项链今日特价，到店咨询",
    "流水线工人招聘，包吃住，电话13900001111",
    "请提供近半年银行流水，用于房贷审批",
    # documents at the office that issues them; a section chief is not a seal
    "办理身份证请携带户口本到派出所户籍窗口",
    "请联系王科长，电话13812345678，下午开会",
    "证件照拍摄，立等可取，欢迎咨询",
    "政务大厅可以办理各类证件，咨询电话12345",
    # a homophone that is ordinary text
    "今儿午觉被吵醒，微信响个不停，觉被睡得稀碎",
    "更多精彩尽在官网，欢迎访问",
    # warnings against the trade (issue 14 judges frames in general; these the join itself skips)
    "警方提醒：凡是自称能代开各类发票、验证后付款的，都是诈骗",
    "谨防上门服务类诈骗：美女、包夜等信息都是骗局，切勿添加微信",
]
