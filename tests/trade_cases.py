"""Hand-written messages for illegal-trade offers in WX1 (a product joined to an offer or a
contact): (text, rule, a span a finding of the rule must mark; a listed term of the same
rule may mark it first, and then the join adds no second mark). Written fresh in the style of real
offers; the traps use the same products in ordinary messages and must raise no offer
(no join of any trade rule) at all."""

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
    # slot games named by their providers (PT, MG): no lawful offer, so a contact is the offer
    ("本周主推PT高速公路之王，好运等你来拿，详情加微信 by8899", "WX103", "高速公路之王"),
    ("这周精选MG冰球突破，好运等你来拿，热线 13800001111", "WX103", "冰球突破"),
    ("MG电子，百种游戏任你选，网址 www.ab88.com", "WX103", "MG电子"),
    ("XPJ平台新会员请联系专员，QQ 556677", "WX103", "XPJ"),
    # deposit bonuses and cash-out promises in the words casinos use
    ("头次冲拿百分百，好运连连，热线 13800001111", "WX103", "头次冲拿百分百"),
    ("棋牌捕鱼，充多少送多少，天天有活动", "WX103", "充多少送多少"),
    ("平台第一次充值就送，三分钟到账，棋牌捕鱼天天玩", "WX103", "第一次充值"),
    ("虎机每日送18元，欢迎体验", "WX103", "每日送18"),
    ("新会员赠8次免费旋转，登录官网参与", "WX103", "8次免费旋转"),
    ("只要5倍就可提，欢迎加入，官网 www.cd99.com", "WX103", "只要5倍就可提"),
    ("彩票送您88元，已存入您的账户，登录即可领取", "WX103", "送您88元"),
    ("六合开奖直播，免费看图，下载地址 www.lh66.com", "WX103", "六合开奖"),
    ("首存送58，免费试玩，欢迎体验", "WX103", "免费试玩"),
    ("业界最高返水，欢迎新老会员，客服QQ 8899", "WX103", "最高返水"),
    # session 4: a deposit ladder with a casino's terms, a casino's menu of games with a contact,
    # a casino's name beside its sign-up deal, a rebate in deposit words beside its site
    ("新会员100送100，小时出款，随时提现", "WX103", "100送100"),
    ("ooo曾oooo，支持24小时出账", "WX103", "ooo曾oooo"),
    ("提供百家乐、时时彩、电子游艺等百种游戏，网址 www.xx88.com", "WX103", "时时彩"),
    ("阁下威尼斯注册送88元，欢迎光临", "WX103", "威尼斯"),
    ("平台已开通网上投注，真人百家乐天天玩", "WX103", "开通网上投注"),
    ("首次100派38，退水取现10秒到账", "WX103", "首次100派"),
    ("存款勾选优惠，每日抽奖，详情加微信 by8899", "WX103", "存款勾选"),
    ("最先进的仪器，适合三公、斗牛等玩法，电话13800001111", "WX103", "仪器"),
    # WX102 escort: who is offered joined to the service, a menu of kinds, a service with no lawful sense
    ("美女上门服务，学生妹、少妇、模特任选，电话13612345678", "WX102", "上门服务"),
    ("酒店公寓上门，无需定金，满意付款，加V：mm5566", "WX102", "酒店公寓上门"),
    ("新到嫩模、空姐，包夜1500，详询微信 yy1234", "WX102", "空姐"),
    ("男士养生会馆新晋佳丽，打造男人的天堂，详询 0755-88886666", "WX102", "男士养生会馆"),
    ("小姐上门服务，全城最快半小时到", "WX102", "上门服务"),
    ("新到国内美女一批，欢迎新老客户，预约电话13612345678", "WX102", "新到国内美女"),
    ("正规女按摩师上门服务，项目齐全，先服务后收费", "WX102", "女按摩师"),
    ("哥们全套上门，价格好说，微信 hh2233", "WX102", "全套上门"),
    ("星级酒店诚聘男女公关，日结，详情电话13800001111", "WX102", "男女公关"),
    ("某某会所新到国内美女一批，欢迎新老客户过来体验", "WX102", "会所"),
    ("本人在校大学生，兼职上门服务，需要的加微信", "WX102", "在校大学生"),
    ("十八九岁的女孩现已到店，热线13800001111", "WX102", "女孩现已到店"),
    # WX106 invoices and documents: sold for others, surplus, at a rate, pay after checking
    ("有建材、餐饮、住宿等多余发票，点数优惠，先验后付，李会计 13700002222", "WX106", "多余发票"),
    ("本公司各行业普通发票均可开具，税点低，电话 13800001111", "WX106", "各行业普通发票"),
    ("专业办理各类毕业证、驾驶证、结婚证，货到付款，微信同号", "WX106", "专业办理各类毕业证"),
    ("订做车牌、印章，高仿逼真，见货付款，联系：15900003333", "WX106", "订做车牌"),
    ("代 开 各 类 餐 饮 住 宿 發 票，验证后付款", "WX106", "發 票"),
    # a menu of trades is a seller's list of invoices; 国税地税, surplus and shortage are its pitch
    ("现有建材、劳务、广告、餐饮等正规机打发票，联系王会计 13700002222", "WX106", "发票"),
    ("本公司代开建材、商业、劳务、科技、广告等，联系人 13900001111", "WX106", "建材"),
    ("发票不够用？找小李，电话 13800002222", "WX106", "不够用"),
    ("有国税地税进项，需要的联系 13512345678", "WX106", "进项"),
    ("如需制作证件和印章请电 13611112222", "WX106", "制作证件"),
    ("毕业证、学位证全可网上验证，QQ 123456", "WX106", "学位证"),
    # session 4: a new user's 办证 offer; a menu of trades with its check; a seller's rate
    ("专业办证，各类证件，当天可取", "WX106", "各类证件"),
    ("专业协理各项证件，电话13800001111", "WX106", "各项证件"),
    ("如需房照请拨13800001111，见货给钱", "WX106", "房照"),
    ("工程、运输、建材、劳务等行业均可查验，电话13800001111", "WX106", "均可查验"),
    ("票点子低，找13800001111", "WX106", "票点子低"),
    # written down the columns of a grid (竖读), as lines or pasted into one line
    ("请竖着往下看\n办货保\n证到留\n刻付备\n章款用\n电话13800001111", "WX106", "刻付备"),
    ("请竖着往下看办货保证到留刻付备章款用电话13800001111", "WX106", "刻付备"),
    ("澳注一門册倍威送流尼彩水斯金即人可賭提場款，官網见短信", "WX103", "彩水斯金"),
    # WX105 and WX104: what may not be sold at all, joined to a sale
    ("出售各种枪支，货到付款，微信详谈", "WX105", "枪支"),
    ("低价出售仿真枪、钢珠枪，包邮", "WX105", "仿真枪"),
    ("出售溜冰工具，现货", "WX104", "溜冰工具"),
    # session 5 trial: the verb right before 枪支 (售枪 reads as 手枪 by sound)
    ("出售枪支弹药，渠道可靠", "WX105", "出售枪支"),
    ("销售枪支，国外渠道，可快递", "WX105", "销售枪支"),
    ("出售枪械，货到付款", "WX105", "出售枪械"),
    # the weapon as written beside a sound-alike that overlaps the sale (售枪 = 手枪)
    ("销售枪械，货到付款", "WX105", "枪械"),
    ("我们这里出售枪支，价格实惠，现货", "WX105", "枪支"),
    ("出售弹药，量大从优", "WX105", "弹药"),
    # session 5 trial: gun parts with a call to reach the seller; dealers' slang beside a replica
    ("气枪、猎枪配件，需要的联系", "WX105", "猎枪"),
    ("出手狗，精仿", "WX105", "手狗"),
    # ... and 叶子 (marijuana) beside a dealer's words
    ("有没有要叶子的，正宗货", "WX104", "叶子"),
    ("叶子200一克，要的私我", "WX104", "叶子"),
    # session 5: what a new-user trial wrote. Paid sex in plain words, escorts "flown in",
    # 小姐 in pinyin; in-play betting (走地) beside a link
    ("嫖娼服务，包夜", "WX102", "包夜"),
    ("兼职妹妹，可约，全国空降", "WX102", "全国空降"),
    ("找小jie，包夜", "WX102", "小jie"),
    ("提供性服务，加微信 mm5566", "WX102", "性服务"),
    ("走地皇足球平台，网址 www.zd88.com", "WX103", "走地"),
    # WX110 personal data, bank cards, phone cards and accounts bought, sold or rented
    ("出售公民个人信息，精准到户", "WX110", "公民个人信息"),
    ("长期高价收购银行卡、电话卡，一套八百", "WX110", "银行卡"),
    ("出租银行卡，日赚三百，不用出门", "WX110", "出租银行卡"),
    ("高价回收电话卡", "WX110", "电话卡"),
    ("收购微信号，老号价高", "WX110", "微信号"),
    # session 5 trial: a bare 收 before the item, 微信 spelled to pass filters
    ("收微信号，老号高价，秒结", "WX110", "微信号"),
    ("收对公账户，价格好商量", "WX110", "对公账户"),
    ("卖V信号", "WX110", "V信号"),
    # phone cards: an outlet sells them; sold with no registration or by the batch, a dealer does
    ("出售电话卡，批量有货", "WX110", "电话卡"),
    ("出售手机卡，不用实名，量大优惠", "WX110", "手机卡"),
    ("收手机卡，当面交易", "WX110", "手机卡"),
    # WX111 threats of violence
    ("我要炸了这个学校", "WX111", "炸了"),
    ("杀了你全家", "WX111", "你全家"),
    ("明天带刀去学校砍人", "WX111", "砍人"),
    # session 5 trial: killing the reader, announced by the speaker
    ("我要杀了你", "WX111", "杀了你"),
    ("信不信我杀了你", "WX111", "杀了你"),
    ("我要弄死你", "WX111", "弄死你"),
    ("明天我带刀去你公司，砍死你", "WX111", "砍死你"),
    ("老子明天带刀去砍你", "WX111", "砍你"),
    # disguised past the word lists: a digit for a letter, pinyin initials, half pinyin
    ("出售b1ng毒，量大从优", "WX104", "b1ng毒"),
    ("办理ｓｆｚ、jsz", "WX106", "ｓｆｚ"),
    ("代开fa票", "WX106", "fa票"),
    ("澳门du场，注册送", "WX103", "du场"),  # session 5 trial: the offer beside a pinyin word
    ("约pao上门", "WX102", "约pao"),
    ("卖yin嫖娼", "WX102", "卖yin"),
    ("同城约pao，加微信", "WX102", "约pao"),
    # session 5 trial: a fake-ID menu in noise and sound-alikes (身份正, 正件 = 证件), and clean;
    # fakes sold by name
    (
        "我司代办各户·口本：毕.业本，身*份正，驾！行#驶正等一切有效正&件，联系：13800001111",
        "WX106",
        "正&件",
    ),
    (
        "我司代办户口本、毕业本、身份证、驾驶证、行驶证等一切有效证件，联系：13800001111",
        "WX106",
        "证件",
    ),
    ("出售假学历证书，学信网可查", "WX106", "学历证书"),
    # session 7 trial: a gun sold by its verb and model; laundering through one's accounts
    # (跑分); cards sold to pass verification codes; party-drug slang; sound-alikes and
    # initials beside a sale (兵毒 = 冰毒, 嫖昌 = 嫖娼, d开 = 代开); fake IDs; pornography with
    # a way in; threats said to the reader and sextortion
    ("卖枪，五四式，懂的来", "WX105", "卖枪"),
    ("卖枪，64式，需要的私聊", "WX105", "卖枪"),
    ("跑分平台招人，帮忙走流水，一天轻松五百", "WX110", "跑分"),
    ("出售 电 话 卡 ，实名 ，可 过 验 证 码", "WX110", "电 话 卡"),
    ("出售手机卡，可过验证码", "WX110", "手机卡"),
    ("嗨 药 、开 心 水 出售，安全快递", "WX104", "开 心 水"),
    ("出售兵毒，量大从优", "WX104", "兵毒"),
    ("嫖昌一条龙，联系vx123", "WX102", "嫖昌"),
    ("d开fa票，联系13800138000", "WX106", "fa票"),
    ("色情视频，加群看", "WX102", "色情视频"),
    ("出售高仿身份证，联系QQ12345", "WX106", "身份证"),
    ("你给我等着，我知道你家住哪，明天就去砍你", "WX111", "砍你"),
    ("再逼逼打断你的腿", "WX111", "打断你的腿"),
    ("再不还钱就把你裸照发到你们公司群里", "WX111", "裸照"),
    # the price of silence between the video and the threat (new-user trial s11)
    ("你的不雅视频在我这里，不打3000块过来就发给你的同事", "WX111", "你的不雅视频"),
    # session 7b trial: threats that name the reader's home and hound their family; insults
    # aimed at someone; personal data sold by the record; drug slang beside a dealer's wink
    # or a drop; escort packages with the wink; accounts and cards spelled in Latin letters
    # (full-width folds to them); a fence; game cheats; pinyin products beside a sale or a contact
    ("你再敢在群里说我，我知道你家住哪，等着瞧", "WX111", "我知道你家住哪"),
    ("你再敢在群里说我，我知道你家住哪，等着瞧，弄死你", "WX111", "等着瞧"),
    ("我知道你在哪上班，走着瞧", "WX111", "我知道你在哪上班"),
    ("欠钱不还是吧，明天带人去你公司堵你，让你全家不得安宁", "WX111", "堵你"),
    ("再不还钱让你一家鸡犬不宁", "WX111", "让你一家鸡犬不宁"),
    # new-user trial s11: a bare "wait" after telling the reader one knows their home, and a
    # bad death promised with no weapon named
    ("我知道你家住在哪儿，你就等着吧", "WX111", "我知道你家住在哪儿，你就等着吧"),
    ("再敢在群里造谣，老子让你死得很难看", "WX111", "老子让你死得很难看"),
    ("群主是个废物，赶紧滚", "WX107", "废物"),
    ("你们这群人渣", "WX107", "人渣"),
    ("楼下那个老不死的…真该死", "WX107", "老不死的"),
    ("你们这些外地人都给我滚出我们小区", "WX107", "给我滚"),
    ("出售全国各地车主信息、宝妈数据，精准客户，一万条500", "WX110", "车主信息"),
    ("股民名单一万条300，要的私聊", "WX110", "股民名单"),
    ("出售冰糖、叶子，同城闪送，懂的来", "WX104", "叶子"),
    ("🍀草🍀出售，老地方见，懂的私", "WX104", "草"),
    ("有没有需要“叶子”的？飞一下很爽，量大从优", "WX104", "叶子"),
    ("找小jie吗？上门全套，懂的来", "WX102", "上门全套"),
    ("出售 Ｗｅｃｈａｔ 号，ｖｘ老号", "WX110", "Ｗｅｃｈａｔ 号"),
    ("出售 Wechat 号，vx老号", "WX110", "Wechat 号"),
    ("收ｙｉｎ行卡四件套，价高", "WX110", "ｙｉｎ行卡"),
    ("收yin行卡，当天结算", "WX110", "yin行卡"),
    ("回收二手手机，也收黑机、卡贷机，不问来源", "WX106", "不问来源"),
    ("出售游戏外挂，吃鸡透视自瞄，不封号", "WX106", "游戏外挂"),
    ("dubo网站，日入过万，带你上岸", "WX103", "dubo"),
    ("出 冰 du，同城可送", "WX104", "冰 du"),
    ("出售枪zhi，详聊", "WX105", "枪zhi"),
    ("du品现货，同城可送", "WX104", "du品"),
    # a private lottery's betting plan and the bet it calls for (new-user trial s7b): a
    # disclaimer in front excuses nothing
    ("仅供娱乐，不涉及赌博：彩票计划群，跟着下注稳赚", "WX103", "彩票计划群，跟着下注稳赚"),
    ("计划稳定，三姐带你飞，跟着买稳赚", "WX103", "计划稳定"),
    ("时时彩计划，准确率高，倍投必中，私聊进群", "WX103", "时时彩计划"),
    ("彩票计划群，稳赚", "WX103", "彩票计划群，稳赚"),
    # session 9 (a new-user trial's misses): dealers' slang for meth (出冰, 冰货) and their
    # Telegram contact (飞机联系), offshore football betting (外围), baccarat's initials beside
    # a top-up, a batch of 小姐姐 at home or the hotel, documents 'checkable online'
    ("出冰，货好量足，飞机联系", "WX104", "出冰，货好量足"),
    ("有冰，纯度高，懂的来", "WX104", "有冰，纯度高"),
    ("兄弟们出冰了，纯度高，懂的来", "WX104", "出冰了，纯度高"),
    ("冰货到了，纸飞机私聊", "WX104", "冰货到了，纸飞机"),
    ("叶子到了，同城面交", "WX104", "叶子到了，同城面交"),
    ("叶子，货好量足，tg联系", "WX104", "叶子"),
    ("欧冠外围开盘，让球大小球都能下，最低200起", "WX103", "欧冠外围开盘"),
    ("外围足彩接单，100起投，私聊", "WX103", "外围足彩接单"),
    ("bjl新人福利，充值秒到", "WX103", "bjl"),
    ("一批新来的小姐姐，上门宾馆都可，懂的来", "WX102", "上门宾馆都可，懂的来"),
    ("新来的小姐姐颜值高，酒店上门都可以", "WX102", "小姐姐颜值"),
    ("专业做各类证件，网上可查询", "WX106", "各类证件，网上可查询"),
    # session 11 (the session-10 trial): papers sold with a guarantee that the fake passes;
    # circumvention tools joined to a sale, a monthly price, a trial or a contact (WX112)
    ("批发各类证件，毕业证、驾照都有，保真可验", "WX106", "驾照都有，保真可验"),
    ("毕业证包真可查，加微信详谈", "WX106", "毕业证包真可查"),
    ("科学上网梯子，30元一个月，不限速", "WX112", "科学上网梯子，30元一个月"),
    ("海外VPN节点，免费试用，加微信 vpn_go88", "WX112", "海外VPN节点，免费试用"),
    ("翻墙软件低价出售，稳定不掉线", "WX112", "翻墙软件低价"),
    ("机场订阅包年，秒连，需要的私我", "WX112", "机场订阅包年"),
    # session 11, the eval's recurring misses in wordings of our own: a first deposit matched
    # (存 disguised as 拵), 'as much as you top up', free spins with 免 disguised; invoices
    # 'genuine' or input VAT on offer; the trade's 新菜 (new girls) with a visit
    ("新会员首存100送100，详情加微信 hg8866", "WX103", "首存100送100"),
    ("首拵百分之50，登录官网领取", "WX103", "首拵百分之50"),
    ("首冲就送18元，客服QQ 556677", "WX103", "首冲就送18"),
    ("充多少我们就多给您多少，网址 www.ab77.com", "WX103", "充多少我们就多给您多少"),
    ("新人专享8次莬费旋转，登录官网领取", "WX103", "8次莬费旋转"),
    ("我司有专用进项，如需请联系 13800001111", "WX106", "专用进项"),
    ("提供真发票，详谈 13800001111", "WX106", "提供真发票"),
    ("新菜到了，支持上门服务，电话 13800001111", "WX102", "新菜到了，支持上门服务"),
]

# Offers the join misses today (strict xfail): an invoice seller that names nothing but the
# invoice and a number looks like a shop that issues its own.
KNOWN_MISSES: list[tuple[str, str, str]] = [
    ("本公司提供正规发票，请联系张经理 13800001111", "WX106", "发票"),
]

TRAPS: list[str] = [
    "你等着，我马上到",  # wait for me: no threat without the home named
    "我知道你家住哪，改天去拜访",
    "这部电影让你死得很难看的反派最后怎样了",
    "这把游戏我让你死得很惨哈哈哈",  # a gamer's banter (review s11)
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
    # lists of trades and invoices in an office's own paperwork; 新到 goods; games and football
    "差旅报销：住宿、餐饮、交通、会议发票请贴好交给财务，有问题找李会计 13800001111",
    "酒店住宿、餐饮、会务的发票，抬头写公司全称，税号见群公告，联系电话13900002222",
    "本公司承接建筑工程、广告设计、装修，可开发票，电话13812345678",
    "新到一批女孩连衣裙和模特同款外套，欢迎进店，电话13800001111",
    "周六足球比赛，欢迎报名，联系电话13800001111",
    "体育馆游泳卡充500送100，咨询前台 0571-88889999",
    "移动充值100送100话费，详询10086",
    "健身房PT私教课程优惠，详询 13800001111",
    "今晚看冰球比赛，突破重围的那一幕太精彩了",
    "真人视频教学，信誉保证，学不会全额退款",
    "我妹妹新到一家公司上班，美女同事很多",
    "女按摩师招聘，包吃住，月薪六千，电话13800001111",
    "货到验后付款，可开发票，电话13800001111",
    "招聘服务员，日结，包吃住，电话13800001111",
    "公司招聘公关经理，思想开放，有创新精神",
    "南京六合区今天开通地铁，详情见官网",
    # session 4: the same products and deals in ordinary messages
    "办证大厅可办理各类证件，当天可取，咨询电话12345",
    "充气枪出售，汽修店专用，电话13800001111",
    "子弹杯出售，酒吧用品批发",
    "流量爆表，给手机备好弹药吧，元即可订购",
    "黄金每克优惠，钻石彩金折上折，银饰买一送一",
    "溜冰鞋出售，九成新，包邮",
    "威尼斯小桥流水，注册会员享折扣",
    "足球、篮球、排球用品批发，电话13800001111",
    "中国体育彩票今晚开奖，详见官网",
    "移动充100送100话费，详询10086",
    "钻石彩金折上折，黄金买100送100，电话13800001111",
    # poems and long plain sentences read down their columns
    "床前明月光\n疑是地上霜\n举头望明月\n低头思故乡",
    "各位家长晚上好明天上午八点在学校操场举行运动会请大家准时到达并带好水杯和帽子谢谢配合",
    "本店新到一批春装欢迎各位美女前来选购地址在人民路八十八号电话13800001111",
    # session 5: the same words in bargaining, cooking, software, games and privacy notices
    "这家店砍价很厉害，杀价杀到五折",
    "周末去吃炸鸡，顺便给电脑杀毒",
    "我气炸了，这个学校的食堂太差",
    "我气炸了这个学校太差",
    "孩子发烧了学校让接回去",
    "秒杀你全家都用得上的好物",
    "周末去学校玩杀人游戏",
    "本店出售电话卡、流量卡，欢迎咨询",  # an outlet sells SIM cards lawfully
    "我们不会出售、出租您的个人信息",
    "银行卡丢了，去银行挂失补办",
    "请把你的微信号发我，我拉你进群",
    "出租车司机捡到银行卡，请失主联系",
    "农家走地鸡出售，电话13800001111",
    "去哪里办理sfz？要带户口本吗",
    "因嫖娼被拘留，家属电话联系不上",
    "新来的美女经理是空降的",
    "电脑中了bing毒怎么办",
    # session 5: 收 that receives or keeps, leaves, fakes talked about, 你 further on
    "请查收银行卡，注意保管",
    "请提供收款银行卡号，财务付款用",
    "收银台旁边有电话卡出售",
    "营业厅办理手机卡需本人实名",
    "手机卡丢了怎么补办",
    "我收藏了你的微信号",
    "叶子发黄了怎么办，有没有懂的",
    "多肉叶子现货，需要的私聊",
    "茶叶子是正宗货",
    "他是假学历，大家都知道",
    "报名需携带身份证、户口本、毕业证书原件，咨询电话13800001111",
    "请携带驾驶证、行驶证等一切有效证件到车管所办理",
    "如果这女人杀了你朋友，你怎么办",
    "他沉迷du博，家里欠了很多钱",
    "约pao被骗了，大家小心",
    "灭了你的威风",
    "笑死你了，我要打你屁股",
    # session 7: benchmarks (跑分), verification codes, fruit shops, viruses, ID cards at the
    # counter, history, warnings against porn, waiting, interrupting, photos
    "新手机跑分破百万，安兔兔跑分平台公布了榜单",
    "手机卡收不到验证码怎么办",
    "开心水果店新到一批进口水果，现货出售",
    "出售杀毒软件，专杀电脑病毒",
    "办理身份证请到派出所，加急当天可取",
    "二手车过户，带好身份证，见面付款",
    "延安方面对于来卖枪卖药品的贩子一向很公道",
    "坚决抵制色情视频，发现请举报",
    "你给我等着，我马上下楼",
    "打断你的话不好意思，我补充一句",
    "毕业照发到班级群里了，大家自己下载",
    "小孩子嗨起来了，药已经吃过了",
    "CF卖枪号，全英雄武器，联系QQ 123456",
    "出售护照夹、身份证卡套，包邮",
    "我有手机卡，能收验证码吗",
    "把你的裸照发给我看看",  # harassment (a request), no exposure threat
    "不懂来问我，电话13800001111",
    "中医上门按摩推拿，老人行动不便可预约，电话13800001111",
    "上门按摩师傅手法很好，下次还约",
    # a homophone that is ordinary text
    "今儿午觉被吵醒，微信响个不停，觉被睡得稀碎",
    "更多精彩尽在官网，欢迎访问",
    # session 7b: the same words in friendly errands, self-mockery, recycling, lawns, leaves,
    # school and estate forms, victims of a data leak, game complaints
    "我知道你家住哪，明天给你送过去",
    "我知道你家住哪里，路上小心点",
    "你等着，我马上下楼",
    "有人把他的车砸了，赶紧报警吧",
    "老板说让你全家都来吃饭",
    "我真是个废物，又忘带钥匙",
    "这些都是废物利用做的手工",
    "你们这个垃圾分类做得真好",
    "他是智障人士的志愿者",
    "球滚出去了，快去捡",
    "请给我滚动播放这条通知",
    "秋天到了，叶子飞一下就落了",
    "草坪出售，懂的来",
    "粽叶子批发，量大从优",
    "班主任：明天收学生信息表",
    "物业统一收业主信息，请配合",
    "我的车主信息被卖了，天天接到骚扰电话",
    "回收二手手机，价格公道，当面验机",
    "这款游戏外挂很多，体验很差",
    "吃鸡有人开透视自瞄，举报了",
    "个人出售自住房，业主信息真实",
    "出售学生校服，家长信息请填表",
    "出售精准客户管理系统软件",
    "草，又堵车了，懂的来帮我挪个车",
    "收购二手手机，不收来路不明的机器",
    "学习du品危害知识，联系社区",
    "大ma哈鱼现货，联系13800001111",
    "草籽出售，包邮",
    # plans and wins of everyday life; a lottery outlet
    "加入健身计划群，坚持下去必赢",
    "每天制定学习计划，稳中求进",
    "中国移动积分计划全新升级，星级客户可享倍积分",
    "跟着计划走，下周一开会",
    # session 9: ice machines and ice, football on the state lottery, the edge of a site,
    # 小姐姐 as everyday address, a question whether a diploma checks out online
    "商用制冰机，每小时出冰50斤，现货包邮",
    "这台制冰机不出冰了，联系售后",
    "店里有冰块，需要的来拿",
    "今晚世界杯决赛，你们买足彩了吗？我买了体彩",
    "我们公司外围的绿化带正在施工，请绕行",
    "小姐姐你好，请问酒店怎么走？",
    "新到一批小姐姐喜欢的发夹，欢迎进店选购",
    "这个小姐姐上门做保洁很仔细，推荐",
    "毕业证丢了怎么补办？能网上查吗？",
    "学历可在学信网查询，请同学们自行核对",
    "落叶子扫一下，同城快递明天到",
    "我们公司叫BJL科技，充值卡请联系前台",
    "NBA外围球员大卫今天首发，大小球我看好小",
    "世界杯外围赛抽签，国足开盘即落后",
    "学历可以在学信网上查询",
    "走出冰城哈尔滨，去南方过冬，现货羽绒服包邮",
    # a hotel's pick-up (酒店上门 beside a contact was an escort offer on main)
    "酒店上门接送，宾馆均可，联系司机",
    # session 11: a company's own VPN, a burglar over a wall, a genuine product's guarantee,
    # ladders for sale, a question about a diploma
    "公司VPN账号请找IT部门申请，出差可免费试用三天",
    "出差要用公司vpn，在哪里下载",
    "小偷翻墙进入小区，出售赃物被抓",
    "正品保真，可查防伪码，欢迎购买",
    "铝合金梯子出售，家用折叠，联系 13812345678",
    "学历真实可查吗？",
    "政务大厅可以办理各类证件，请带身份证件",
    "进项税额可以抵扣，有问题联系财务",
    "这个月进项发票不够抵扣，怎么办",
    "本店提供正规发票，联系电话 0571-88886666",
    "饭店新菜到了，欢迎来电订座 0571-88886666",
    "游戏首充送礼包，客服微信 game_kf",
]

# Warnings against the trade: the offer they name is found, and the frame judge lowers it.
WARNINGS = [
    "警惕裸聊敲诈：骗子会威胁把你的裸照发到亲友群",
    "警方提醒：凡是自称能代开各类发票、验证后付款的，都是诈骗",
    "谨防上门服务类诈骗：美女、包夜等信息都是骗局，切勿添加微信",
    "反诈提醒：所谓彩票计划群、跟着下注稳赚，都是赌博诈骗",
    "警方提醒：“出冰，货好量足”这类广告就是贩毒，发现请举报",
    "有人在群里发足彩外围开盘的广告，群主管管",
    "警方提醒：出售翻墙软件属违法行为",
    "翻墙软件违法，千万别买，有人私聊卖给你一律举报",
]

# One offer, one mark that covers its product and the offer it joins: (text, rule, parts).
WHOLE_MARKS: list[tuple[str, str, tuple[str, ...]]] = [
    ("枪支弹药，货到付款", "WX105", ("枪支", "弹药", "货到付款")),
    ("棋牌室日结，上下分微信转账", "WX103", ("上下分", "微信")),
    ("卖枪，五四式，懂的来", "WX105", ("卖枪", "五四式")),
    ("仅供娱乐，不涉及赌博：彩票计划群，跟着下注稳赚", "WX103", ("彩票计划群", "下注稳赚")),
]
