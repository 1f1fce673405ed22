"""Word and phrase pools the property-test strategies draw from (test data only).

Every language has prose templates (``{co}`` company, ``{n}`` a number, ``{pct}``
a percentage), headings, titles, summaries, people, publishers, sources and the
byline / credit / date forms its pages use. Boilerplate pools hold the chrome
finance and exchange pages wrap an article in, per category (``Removed.reason``)
in Chinese and English, written here by hand (independently of the package's
own lexicons, so the tests do not grade the rules with their own data).

Everything in a language's pool encodes in that language's legacy encoding
(``LEGACY``); ``test_pools.py`` checks it.
"""

# ruff: noqa: E501  (sentences of prose are data: one per line reads and diffs best)
from __future__ import annotations

LANGS = ("zh", "en", "zh-Hant", "ja", "ko", "ru", "es", "de")
CORE_LANGS = ("zh", "en")
CJK = frozenset({"zh", "zh-Hant", "ja"})
"""Languages written without spaces between words, paragraphs ending in 。.

Their pools are written with ASCII punctuation as on the seed capture; strategies
turn it fullwidth (,:?!()) for half of the generated articles and boxes."""

LEGACY = {
    "zh": "gbk",
    "zh-Hant": "big5",
    "ja": "shift_jis",
    "ko": "euc-kr",
    "ru": "cp1251",
    "en": "cp1252",
    "es": "cp1252",
    "de": "cp1252",
}
"""The pre-Unicode encoding each language's pages were (and still are) served in."""

SENTENCES = {
    "en": (
        "{co} said on Tuesday that quarterly revenue rose {pct}% from a year earlier, beating analyst estimates.",
        "Bitcoin traded near ${n},000 in Asian hours as traders weighed the latest inflation data.",
        "The central bank left its benchmark rate unchanged, but officials signalled that cuts could come later this year.",
        "Analysts at {co} expect capital spending on data centres to keep growing through 2027.",
        "Bond investors have demanded higher yields from technology issuers, pushing spreads wider by {n} basis points.",
        "Pension funds and insurers have become the largest buyers of the new debt.",
        "The company plans to use the proceeds to refinance existing loans and fund new projects.",
        "Trading volumes on major exchanges fell {pct}% in the week, the lowest level since March.",
        "Some market participants warned that leverage in the system is building faster than regulators can track.",
        "Regulators in several countries are drafting rules that would require more disclosure from lenders.",
        "Shares of {co} closed {pct}% lower after the results were published.",
        "The deal is expected to close in the first quarter, subject to regulatory approval.",
        "Demand for the offering was strong, with orders exceeding ${n} billion at their peak.",
        "Executives across the industry have defended the spending as necessary to stay competitive.",
        "Critics argue that the returns on these investments remain uncertain.",
        "Stablecoin supply grew by ${n} million over the past month, according to on-chain data.",
        "The S&P 500 has gained {pct}% since the start of the year.",
        "Several hedge funds reduced their exposure ahead of the announcement.",
        "Private credit funds have raised record amounts to lend to infrastructure projects.",
        "The spread between short- and long-term yields narrowed to its tightest level in months.",
        "“We are still early in this cycle,” one portfolio manager at {co} said.",
        "The firm’s chief economist expects growth to slow to {pct}% next year.",
    ),
    "zh": (
        "{co}周二表示,第三季度营收同比增长{pct}%,高于分析师预期。",
        "比特币在亚洲交易时段徘徊在{n}000美元附近,交易员正在权衡最新的通胀数据。",
        "央行维持基准利率不变,但官员暗示今年晚些时候可能降息。",
        "{co}的分析师预计,数据中心的资本支出将持续增长至2027年。",
        "债券投资者要求科技发行人提供更高的收益率,利差扩大了{n}个基点。",
        "养老基金和保险公司已成为新发债务的最大买家。",
        "该公司计划将募集资金用于偿还现有贷款和投资新项目。",
        "主要交易所本周的交易量下降了{pct}%,为三月以来的最低水平。",
        "部分市场人士警告,金融体系中的杠杆正在以超出监管机构追踪能力的速度累积。",
        "多个国家的监管机构正在起草规则,要求贷款机构披露更多信息。",
        "{co}股价在业绩公布后收跌{pct}%。",
        "这笔交易预计将在第一季度完成,但仍需获得监管部门批准。",
        "此次发行需求强劲,认购峰值超过{n}亿美元。",
        "业内多位高管为这笔支出辩护,认为这是保持竞争力的必要之举。",
        "批评人士认为,这些投资的回报仍存在不确定性。",
        "链上数据显示,稳定币供应量在过去一个月增加了{n}亿美元。",
        "该指数今年以来已上涨{pct}%。",
        "数家对冲基金在公告发布前减持了相关头寸。",
        "私募信贷基金为基础设施项目募集的资金创下纪录。",
        "短期与长期收益率之间的利差收窄至数月来的最低水平。",
        "一位基金经理表示,「我们仍处在这一周期的早期阶段」。",
        "据知情人士透露,{co}正考虑在明年再发行约{n}亿美元的债券。",
    ),
    "zh-Hant": (
        "{co}週二表示,第三季營收年增{pct}%,高於分析師預期。",
        "比特幣在亞洲交易時段徘徊在{n}000美元附近,交易員正在權衡最新的通膨數據。",
        "央行維持基準利率不變,但官員暗示今年稍晚可能降息。",
        "債券投資人要求科技發行人提供更高的殖利率,利差擴大了{n}個基點。",
        "退休基金和保險公司已成為新發債務的最大買家。",
        "該公司計劃將募集資金用於償還現有貸款與投資新專案。",
        "主要交易所本週的交易量下降了{pct}%,為三月以來的最低水準。",
        "部分市場人士警告,金融體系中的槓桿正以超出監管機構追蹤能力的速度累積。",
        "多個國家的監管機構正在起草規則,要求放款機構揭露更多資訊。",
        "{co}股價在財報公布後收跌{pct}%。",
        "這筆交易預計將在第一季完成,但仍須取得監管機關核准。",
        "批評人士認為,這些投資的報酬仍存在不確定性。",
        "該指數今年以來已上漲{pct}%。",
        "私募信貸基金為基礎建設專案募集的資金創下紀錄。",
        "一位基金經理人表示,「我們仍處在這個週期的早期階段」。",
    ),
    "ja": (
        "{co}は火曜日、第3四半期の売上高が前年同期比{pct}%増加したと発表した。",
        "ビットコインはアジア時間に{n}000ドル付近で推移し、トレーダーは最新のインフレ指標を見極めている。",
        "中央銀行は政策金利を据え置いたが、年内の利下げの可能性を示唆した。",
        "債券投資家はテクノロジー企業に対してより高い利回りを求めている。",
        "年金基金や保険会社が新たに発行された債券の最大の買い手となっている。",
        "同社は調達資金を既存の借入金の返済と新規事業に充てる計画だ。",
        "主要取引所の今週の取引高は{pct}%減少し、3月以来の低水準となった。",
        "一部の市場関係者は、金融システム内のレバレッジが急速に積み上がっていると警告している。",
        "複数の国の規制当局が、貸し手により多くの情報開示を求める規則を起草している。",
        "決算発表後、{co}の株価は{pct}%安で取引を終えた。",
        "この取引は規制当局の承認を条件に、第1四半期に完了する見通しだ。",
        "批判的な見方をする人々は、これらの投資の収益性は依然として不透明だと指摘する。",
    ),
    "ko": (
        "{co}는 화요일 3분기 매출이 전년 대비 {pct}% 증가했다고 밝혔다.",
        "비트코인은 아시아 거래 시간대에 {n}000달러 부근에서 거래됐다.",
        "중앙은행은 기준금리를 동결했지만 연내 인하 가능성을 시사했다.",
        "연기금과 보험사가 신규 발행 채권의 최대 매수자로 떠올랐다.",
        "회사는 조달 자금을 기존 대출 상환과 신규 사업에 사용할 계획이다.",
        "주요 거래소의 이번 주 거래량은 {pct}% 감소했다.",
        "일부 시장 참가자들은 금융 시스템 내 레버리지가 빠르게 쌓이고 있다고 경고했다.",
        "여러 나라의 규제 당국이 대출 기관에 더 많은 공시를 요구하는 규칙을 마련하고 있다.",
        "{co} 주가는 실적 발표 후 {pct}% 하락 마감했다.",
    ),
    "ru": (
        "{co} во вторник сообщила, что выручка за квартал выросла на {pct}% в годовом выражении.",
        "Биткоин торговался около {n} тысяч долларов в азиатскую сессию.",
        "Центральный банк сохранил ключевую ставку без изменений, но допустил её снижение позднее в этом году.",
        "Пенсионные фонды и страховые компании стали крупнейшими покупателями новых облигаций.",
        "Компания планирует направить привлечённые средства на погашение долга и новые проекты.",
        "Объём торгов на крупнейших биржах за неделю снизился на {pct}%.",
        "Некоторые участники рынка предупреждают, что долговая нагрузка растёт слишком быстро.",
        "Регуляторы ряда стран готовят правила, которые обяжут кредиторов раскрывать больше информации.",
        "Акции {co} подешевели на {pct}% после публикации отчётности.",
    ),
    "es": (
        "{co} informó el martes que sus ingresos trimestrales aumentaron un {pct}% interanual.",
        "El bitcóin cotizaba cerca de {n}.000 dólares durante la sesión asiática.",
        "El banco central mantuvo sin cambios su tipo de referencia, pero no descartó recortes este año.",
        "Los fondos de pensiones y las aseguradoras se han convertido en los mayores compradores de la nueva deuda.",
        "La compañía prevé destinar los fondos a refinanciar préstamos y a nuevos proyectos.",
        "El volumen de negociación en las principales plataformas cayó un {pct}% en la semana.",
        "Algunos analistas advierten de que el apalancamiento del sistema crece más rápido de lo que los reguladores pueden seguir.",
        "Los reguladores de varios países preparan normas que exigirán más transparencia a los prestamistas.",
        "Las acciones de {co} cerraron con una caída del {pct}% tras la publicación de los resultados.",
        "Según los críticos, la rentabilidad de estas inversiones sigue siendo incierta.",
    ),
    "de": (
        "{co} teilte am Dienstag mit, dass der Quartalsumsatz im Jahresvergleich um {pct} % gestiegen sei.",
        "Bitcoin notierte im asiatischen Handel bei rund {n}.000 Dollar.",
        "Die Zentralbank ließ den Leitzins unverändert, schloss Senkungen im Jahresverlauf aber nicht aus.",
        "Pensionsfonds und Versicherer sind zu den größten Käufern der neuen Anleihen geworden.",
        "Das Unternehmen will die Mittel zur Refinanzierung bestehender Kredite und für neue Projekte verwenden.",
        "Das Handelsvolumen an den großen Börsen fiel in der Woche um {pct} %.",
        "Einige Marktteilnehmer warnen, dass sich die Verschuldung im System schneller aufbaut, als die Aufsicht folgen kann.",
        "Aufsichtsbehörden in mehreren Ländern arbeiten an Regeln, die Kreditgeber zu mehr Offenlegung verpflichten.",
        "Die Aktien von {co} schlossen nach Vorlage der Zahlen {pct} % tiefer.",
        "Kritiker halten die Rendite dieser Investitionen weiterhin für ungewiss.",
    ),
}

COMPANIES = {
    "en": ("Amazon", "Oracle", "Meta", "Nvidia", "Microsoft", "Alphabet", "Coinbase", "BlackRock"),
    "zh": ("亚马逊", "甲骨文", "英伟达", "微软", "谷歌", "贝莱德", "Meta", "Coinbase"),
    "zh-Hant": ("亞馬遜", "甲骨文", "輝達", "微軟", "谷歌", "台積電"),
    "ja": ("アマゾン", "オラクル", "エヌビディア", "マイクロソフト", "ソフトバンク"),
    "ko": ("아마존", "엔비디아", "마이크로소프트", "삼성전자"),
    "ru": ("Amazon", "Oracle", "Nvidia", "Сбербанк"),
    "es": ("Amazon", "Oracle", "Nvidia", "Telefónica", "Iberdrola"),
    "de": ("Amazon", "Oracle", "Nvidia", "Siemens", "Deutsche Börse"),
}

HEADINGS = {
    "en": (
        "Capital spending drives debt",
        "What analysts expect",
        "Risks to the outlook",
        "How the market reacted",
        "A wider contagion",
        "The road ahead",
        "Funding the boom",
        "From tech giants to pensions",
    ),
    "zh": (
        "资本渴求催生债务依赖",
        "市场如何反应",
        "风险如何传导",
        "分析师怎么看",
        "下一步看什么",
        "融资潮背后的逻辑",
        "从科技巨头到退休金",
    ),
    "zh-Hant": ("市場如何反應", "風險如何傳導", "分析師怎麼看", "下一步看什麼", "融資潮背後的邏輯"),
    "ja": ("市場の反応", "アナリストの見方", "今後の焦点", "リスクの広がり"),
    "ko": ("시장의 반응", "전문가 전망", "향후 과제"),
    "ru": ("Реакция рынка", "Мнение аналитиков", "Что дальше"),
    "es": ("La reacción del mercado", "Qué esperan los analistas", "Los riesgos"),
    "de": ("Die Reaktion des Marktes", "Was Analysten erwarten", "Die Risiken"),
}

TITLES = {
    "en": (
        "{co} bets ${n} billion on AI as debt piles up",
        "Bitcoin slips below ${n},000 as traders cut risk",
        "Why bond investors are worried about the AI boom",
        "Debt-fuelled AI spending: the next financial storm?",
        "{co} shares tumble {pct}% after earnings miss",
    ),
    "zh": (
        "AI 狂潮下的债务杠杆——下一场金融风暴导火索?",
        "{co}发行{n}亿美元债券,认购火爆",
        "比特币跌破{n}万美元,市场恐慌情绪加剧",
        "{co}股价大跌{pct}%,投资者担忧什么?",
        "私募信贷涌入 AI 基建,风险几何",
    ),
    "zh-Hant": (
        "AI 狂潮下的債務槓桿——下一場金融風暴導火線?",
        "{co}發行{n}億美元債券,認購火熱",
        "比特幣跌破{n}萬美元,市場恐慌情緒升溫",
    ),
    "ja": (
        "{co}株が{pct}%急落、決算が予想下回る",
        "AIブームの裏で膨らむ債務",
        "ビットコイン、{n}万ドル割れ",
    ),
    "ko": ("{co} 주가 {pct}% 급락", "AI 열풍 뒤에 쌓이는 부채", "비트코인 {n}만 달러 붕괴"),
    "ru": (
        "Акции {co} упали на {pct}%",
        "Долговой бум вокруг ИИ",
        "Биткоин опустился ниже {n} тысяч долларов",
    ),
    "es": (
        "Las acciones de {co} caen un {pct}%",
        "La deuda detrás del auge de la IA",
        "El bitcóin cae por debajo de {n}.000 dólares",
    ),
    "de": (
        "{co}-Aktie bricht um {pct} % ein",
        "Die Schulden hinter dem KI-Boom",
        "Bitcoin fällt unter {n}.000 Dollar",
    ),
}

SUMMARIES = {
    "en": (
        "If the AI outlook wavers, the financial system could face a 2008-style shock.",
        "Investors are piling into debt tied to data centres, and the risk is spreading.",
        "A record bond sale shows how hungry investors are for yield.",
    ),
    "zh": (
        "一旦 AI 前景动摇,金融体系或将面临「2008 危机式」冲击。",
        "投资者正涌入与数据中心挂钩的债务,风险正在扩散。",
        "创纪录的发债规模显示出投资者对收益率的渴望。",
    ),
    "zh-Hant": (
        "一旦 AI 前景動搖,金融體系恐將面臨「2008 危機式」衝擊。",
        "投資人正湧入與資料中心掛鉤的債務。",
    ),
    "ja": ("AIの見通しが揺らげば、金融システムは2008年型の衝撃に直面しかねない。",),
    "ko": ("AI 전망이 흔들리면 금융 시스템이 2008년식 충격을 받을 수 있다.",),
    "ru": (
        "Если перспективы ИИ пошатнутся, финансовая система может получить удар в духе 2008 года.",
    ),
    "es": (
        "Si las perspectivas de la IA flaquean, el sistema financiero podría sufrir un golpe como el de 2008.",
    ),
    "de": ("Wackeln die Aussichten der KI, droht dem Finanzsystem ein Schock wie 2008.",),
}

PEOPLE = {
    "en": ("Alice Chen", "Marcus Reed", "Priya Natarajan", "Tom Walsh", "Olivia Grant"),
    "zh": ("张雅琦", "李明", "王磊", "陈静", "刘洋"),
    "zh-Hant": ("林怡君", "陳建宏", "黃志明"),
    "ja": ("山田太郎", "佐藤花子", "鈴木一郎"),
    "ko": ("김민수", "이지은", "박서준"),
    "ru": ("Иван Петров", "Анна Смирнова"),
    "es": ("María López", "Javier Martín"),
    "de": ("Jürgen Weiß", "Anna Schäfer"),
}

PUBLISHERS = {
    "en": ("CoinDesk", "TheBlock", "Decrypt"),
    "zh": ("ForesightNews", "BlockBeats", "PANews", "Odaily"),
    "zh-Hant": ("動區動趨", "鏈新聞"),
    "ja": ("CoinPost", "あたらしい経済"),
    "ko": ("블록미디어", "코인데스크코리아"),
    "ru": ("ForkLog", "РБК-Крипто"),
    "es": ("Criptonoticias", "Cointelegraph en Español"),
    "de": ("BTC-Echo", "Finanzen.net"),
}

SOURCES = {
    "en": ("Reuters", "Bloomberg", "The Wall Street Journal"),
    "zh": ("华尔街见闻", "36氪", "新浪财经", "金色财经"),
    "zh-Hant": ("經濟日報", "鉅亨網"),
    "ja": ("日本経済新聞", "ロイター"),
    "ko": ("연합뉴스", "한국경제"),
    "ru": ("Интерфакс", "Коммерсантъ"),
    "es": ("Expansión", "El País"),
    "de": ("Handelsblatt", "Reuters"),
}

BYLINES = {
    "en": ("By {a}", "Written by {a}"),
    "zh": ("撰文:{a}", "作者:{a}"),
    "zh-Hant": ("撰文:{a}", "作者:{a}"),
    "ja": ("文:{a}", "記者:{a}"),
    "ko": ("글: {a}", "{a} 기자"),
    "ru": ("Автор: {a}",),
    "es": ("Por {a}",),
    "de": ("Von {a}",),
}
"""Byline forms; ``{a}`` is the author list joined as :data:`AUTHOR_JOINERS` says."""

AUTHOR_JOINERS = {
    "en": " and ",
    "zh": "、",
    "zh-Hant": "、",
    "ja": "、",
    "ko": ", ",
    "ru": ", ",
    "es": " y ",
    "de": " und ",
}

ACCOUNT_LINES = {"zh": ("作者:{p}",), "zh-Hant": ("作者:{p}",)}
"""The platform account line under the date (the seed's ``作者:ForesightNews``): not an author."""

CREDITS = {
    "en": ("Source: {s}",),
    "zh": ("来源:{s}",),
    "zh-Hant": ("來源:{s}",),
    "ja": ("出典:{s}",),
    "ko": ("출처: {s}",),
    "ru": ("Источник: {s}",),
    "es": ("Fuente: {s}",),
    "de": ("Quelle: {s}",),
}

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

SITES = ("Bitget", "CoinDesk", "新浪财经", "Foresight News", "BlockBeats")
TITLE_SUFFIXES = (" - {site}", " | {site}", "_{site}")
"""How ``<title>`` appends the site's name to the headline."""

# --- boilerplate -----------------------------------------------------------------------
# One entry: (category, language, lines); a line is a tuple of pieces (links, spans) that
# a browser shows glued by the separator given with the entry ("" for Chinese menus).

Line = tuple[str, ...]
CHROME: tuple[tuple[str, str, str, tuple[Line, ...]], ...] = (
    (
        "navigation",
        "en",
        " ",
        (("Buy crypto", "Markets", "Trade", "Futures", "Earn", "Square", "More"),),
    ),
    (
        "navigation",
        "en",
        " ",
        (("Home", "News", "Markets", "Research", "Learn"), ("Log in", "Sign up")),
    ),
    ("navigation", "en", " ", (("Bitget App",), ("Trade smarter",))),
    ("navigation", "zh", "", (("快捷买币", "行情", "交易", "合约", "理财", "广场", "更多"),)),
    ("navigation", "zh", "", (("Bitget App",), ("交易“智”变",))),
    ("navigation", "zh", " ", (("首页", "快讯", "行情", "研究", "学院"), ("登录", "注册"))),
    (
        "promo",
        "en",
        " ",
        (("PoolX: Locked for new tokens.",), ("APR up to 10%+.",), ("Join now!",)),
    ),
    ("promo", "en", " ", (("Launchpool: Stake BGB to earn new tokens",), ("Join now",))),
    (
        "promo",
        "en",
        " ",
        (("Sign up and get up to 6,200 USDT in welcome bonuses",), ("Sign up now",)),
    ),
    ("promo", "en", " ", (("Download the app",), ("Scan to download",))),
    (
        "promo",
        "zh",
        "",
        (("PoolX:锁仓获得新代币空投",), ("不要错过热门新币,且APR 高达 10%+",), ("立即参与!",)),
    ),
    ("promo", "zh", "", (("新用户注册即送 6200 USDT 福利",), ("立即注册",))),
    ("promo", "zh", "", (("Launchpool:质押 BGB 赚取新币",), ("立即参与",))),
    ("promo", "zh", "", (("下载 App",), ("扫码下载",))),
    (
        "disclaimer",
        "en",
        " ",
        (
            (
                "Disclaimer: The content of this article solely reflects the author's opinion and does not"
                " represent the platform in any capacity. This article is not intended to serve as a"
                " reference for making investment decisions.",
            ),
        ),
    ),
    (
        "disclaimer",
        "en",
        " ",
        (
            (
                "Risk warning: Cryptocurrency trading is subject to high market risk. Please trade with caution.",
            ),
        ),
    ),
    (
        "disclaimer",
        "zh",
        "",
        (
            (
                "免责声明:文章中的所有内容仅代表作者的观点,与本平台无关。用户不应以本文作为投资决策的参考。",
            ),
        ),
    ),
    (
        "disclaimer",
        "zh",
        "",
        (("风险提示:本文内容不构成任何投资建议,数字资产投资风险较高,请谨慎决策。",),),
    ),
    ("share", "en", " ", (("Share:", "X", "Telegram", "Facebook"),)),
    ("share", "en", " ", (("Share this article",), ("Copy link", "X", "LinkedIn"))),
    ("share", "zh", " ", (("分享至:", "X", "Telegram", "Facebook", "微信"),)),
    ("share", "zh", " ", (("分享",), ("复制链接",))),
    ("widget", "en", " ", (("0",),)),
    ("widget", "en", " ", (("12",),)),
    ("widget", "en", " ", (("Like", "128"),)),
    ("widget", "zh", " ", (("0",),)),
    ("widget", "zh", " ", (("点赞", "36"),)),
    (
        "cookie",
        "en",
        " ",
        (
            (
                "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.",
            ),
            ("Accept all", "Reject"),
        ),
    ),
    (
        "cookie",
        "zh",
        " ",
        (
            ("我们使用 Cookie 来改善您的浏览体验。继续浏览即表示您同意我们使用 Cookie。",),
            ("接受", "拒绝"),
        ),
    ),
    (
        "newsletter",
        "en",
        " ",
        (
            ("Subscribe to our newsletter",),
            ("Get the latest crypto news delivered to your inbox every morning.",),
            ("Subscribe",),
        ),
    ),
    (
        "newsletter",
        "zh",
        "",
        (("订阅我们的每日简报",), ("每天早上把最新的加密货币新闻发送到您的邮箱。",), ("订阅",)),
    ),
    (
        "footer",
        "en",
        " ",
        (
            ("© 2025 Bitget. All rights reserved.",),
            ("Terms of Use", "Privacy Policy", "Contact us"),
        ),
    ),
    ("footer", "zh", " ", (("© 2025 Bitget 版权所有",), ("用户协议", "隐私政策", "联系我们"))),
)

RELATED_HEADERS = {
    "en": ("You may also like", "Related articles", "Read more"),
    "zh": ("你也可能喜欢", "相关阅读", "推荐阅读"),
}
RELATED_TITLES = {
    "en": (
        "Bitget VIP weekly research insights",
        "How much did the Trump family lose in the crypto crash?",
        "Strategy faces a quadruple squeeze",
        "How to plan a perfect TGE launch",
    ),
    "zh": (
        "Bitget VIP 投研洞察周报",
        "加密货币崩盘中,特朗普家族财富蒸发了多少?",
        "或遭指数除名?Strategy深陷「四重绞杀」危机",
        "如何策划一次完美的 TGE 启动?",
    ),
}
RELATED_SUMMARIES = {
    "en": (
        "The Trump family's fortune shrank by $1 billion, and ordinary investors were the biggest losers.",
        "Most TGEs fail not because the product is bad but because the basics were never ready for public scrutiny.",
    ),
    "zh": (
        "特朗普家族财富缩水 10 亿美元,普通投资者成最大输家。",
        "大多数 TGE 失败并非因为产品糟糕或团队经验不足,而是因为其基础从未准备好接受公众审视。",
    ),
}
RELATED_SOURCES = {
    "en": ("Bitget VIP", "ForesightNews Express", "BlockBeats"),
    "zh": ("Bitget VIP", "ForesightNews 速递", "BlockBeats"),
}
SUMMARY_LABELS = {"zh": "摘要:{s}", "zh-Hant": "摘要:{s}", "en": "Summary: {s}"}
"""Standfirsts some pages label; unlabelled ones show twice (lede and repeat, as on the seed)."""
