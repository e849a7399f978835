"""Round 8 (r8names): catalog wordings, head nouns of bare counts, sub-classes
and single projects, spaced decimals and bracketed names (own phrasings)."""

import pytest

from targets.extraction import extract
from targets.extraction.catalog import load_catalog
from targets.extraction.numbers import parse_quantity

REPORT = "某县科技局2022年工作总结"


def _records(body: str, head: str = REPORT):
    return extract(f"{head}\n{body}", "r8names.txt").records


def _rows(body: str, head: str = REPORT):
    return [
        (r.indicator, r.measure, r.comparator, str(r.value))
        for r in _records(body, head)
    ]


# --- catalog wordings (compositional rules, catalog.normal_key) -------------

WORDINGS = [
    ("科技研究与开发经费", "全社会研发经费投入"),
    ("研究和开发经费支出", "全社会研发经费投入"),
    ("科技研发投入", "全社会研发经费投入"),
    ("地方公共预算收入", "一般公共预算收入"),
    ("公共预算收入", "一般公共预算收入"),
    ("地方级一般公共财政预算收入", "一般公共预算收入"),
    ("全社会研发综合投入占比", "研发投入强度"),
    ("研发投入占比", "研发投入强度"),
    ("规上工业企业研发投入占比", "规上工业企业研发投入强度"),
    ("第三产业", "服务业增加值"),
    ("第二产业", "第二产业增加值"),
    ("申请专利", "专利申请量"),
    ("申报发明专利", "发明专利申请量"),
    ("申请专利数", "专利申请量"),
    ("登记技术合同交易", "技术合同登记数"),
    ("技术合同交易", "技术合同登记数"),
]


@pytest.mark.parametrize(("name", "indicator"), WORDINGS)
def test_wording_resolves_to_the_catalog_indicator(name, indicator):
    hit = load_catalog().resolve(name)
    assert hit is not None and hit.name == indicator


NOT_RESOLVED = [
    "公共预算支出",  # no catalog indicator of that name
    "第三产业比重",  # a share with no whole is not the value added
    "科技研发中心",  # a platform, not spending
    "申报项目数",  # applications of projects are no patents
    "技术合同",  # the contracts without count or amount
]


@pytest.mark.parametrize("name", NOT_RESOLVED)
def test_wording_that_names_no_catalog_indicator(name):
    hit = load_catalog().resolve(name)
    assert hit is None or hit.name not in (
        "一般公共预算收入",
        "服务业增加值",
        "全社会研发经费投入",
        "专利申请量",
        "技术合同登记数",
    )


@pytest.mark.parametrize(
    ("body", "rows"),
    [
        (
            "2022年,全省科技创新取得进展,科技研究与开发经费251.9亿元,增长19.3%。",
            [
                ("全社会研发经费投入", "level", "=", "251.9"),
                ("全社会研发经费投入", "growth", "=", "19.3"),
            ],
        ),
        (
            "今年前4个月,全县财政收入完成12.5亿元,其中地方公共预算收入8.4亿元。",
            [
                ("财政总收入", "level", "=", "12.5"),
                ("一般公共预算收入", "level", "=", "8.4"),
            ],
        ),
        (
            "2022年,全县公共预算支出完成8.4亿元,公共预算收入完成5亿元,增长6%。",
            [
                ("一般公共预算收入", "level", "=", "5"),
                ("一般公共预算收入", "growth", "=", "6"),
            ],
        ),
        (
            "2022年全社會研發綜合投入佔比達到2.5%,比上年提高0.2個百分點。",
            [
                ("研发投入强度", "level", "=", "2.5"),
                ("研发投入强度", "change_pp", "=", "0.2"),
            ],
        ),
    ],
)
def test_wordings_in_running_text(body, rows):
    assert _rows(body) == rows


# --- spaced decimal before a rate (numbers.QUANTITY_RE) ---------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3. 9%", "3.9"),
        ("0. 25个百分点", "0.25"),
        ("6. 5 %", "6.5"),
        ("12. 05‰", "12.05"),
    ],
)
def test_a_space_after_the_point_joins_a_rate(text, value):
    q = parse_quantity(text)
    assert q is not None and str(q.value) == value


@pytest.mark.parametrize("text", ["2. 5", "1. 5G", "3. 20家"])
def test_a_space_after_the_point_without_a_rate_stays_split(text):
    # 2. 5G基站, 3. 20家企业: a list number, then a figure or a name.
    q = parse_quantity(text)
    assert q is None or q.value == int(text.split(".")[0])


def test_spaced_rate_names_its_indicator():
    assert _rows("2022年全县一般公共预算收入增长3. 9%。") == [
        ("一般公共预算收入", "growth", "=", "3.9")
    ]


# --- a bare count after its subject sentence (indicators._listed_kind) ------

CERTIFIED = [
    (
        "省里公布了2022年高新技术企业认定名单,我县共有10家企业上榜,其中6家企业通过认定。",
        ("高新技术企业数", "increase", "=", "6"),
    ),
    (
        "省科技厅公示了第一批高企名单,全县9家企业顺利通过认定。",
        ("高新技术企业数", "increase", "=", "9"),
    ),
    (
        "據悉,省裏公布了科技型中小企業入庫名單,其中10家企業獲得認定。",
        ("科技型中小企业数", "increase", "=", "10"),
    ),
    (
        "本次公布的专精特新中小企业名单中,我市7家企业被认定。",
        ("专精特新中小企业数", "increase", "=", "7"),
    ),
]


@pytest.mark.parametrize(("body", "row"), CERTIFIED)
def test_certified_firms_take_the_kind_of_the_list_named_before(body, row):
    assert row in _rows(body)


def test_certified_firms_without_a_list_named_keep_their_own_name():
    rows = _rows("2022年,全县12家企业通过认定,新增研发投入3亿元。")
    assert rows[0][0] == "企业通过认定数"


# --- a count granted after applications (indicators._inherit) ---------------

GRANTED = [
    (
        "2022年申报高新技术企业120家,新增80家。",
        ("高新技术企业数", "increase", "=", "80"),
    ),
    (
        "今年申请认定高新技术企业95家,获批62家。",
        ("高新技术企业数", "increase", "=", "62"),
    ),
    (
        "2022年1-7月份全縣共申請專利132項,授權95項。",
        ("专利授权量", "level", "=", "95"),
    ),
    (
        "2022年,全县申请发明专利120件,同比增长12%,获得授权45件。",
        ("发明专利授权量", "level", "=", "45"),
    ),
]


@pytest.mark.parametrize(("body", "row"), GRANTED)
def test_what_was_granted_after_applications_is_the_kind_applied_for(body, row):
    assert row in _rows(body)


def test_a_sub_count_after_applications_is_not_the_stock():
    rows = _rows("2022年申报高新技术企业378家,其中县级企业120家。")
    assert all(r[0] != "高新技术企业数" for r in rows)


def test_a_bare_grant_after_another_kind_is_no_patent_count():
    rows = _rows("2022年,全县新增高企12家,授权45件。")
    assert all(r[0] != "专利授权量" for r in rows)


# --- 超到 as a lower bound (lexicon._PRE_QUAL) ------------------------------


@pytest.mark.parametrize(
    ("body", "row"),
    [
        (
            "2022年新增高企200家,预计全市高企将超到800家。",
            ("高新技术企业数", "level", ">", "800"),
        ),
        (
            "2022年全市技术合同成交额超到50亿元。",
            ("技术合同成交额", "level", ">", "50"),
        ),
        (
            "2022年,全县科技型中小企业总数超到300家。",
            ("科技型中小企业数", "level", ">", "300"),
        ),
    ],
)
def test_chao_dao_is_a_lower_bound_on_the_level(body, row):
    assert row in _rows(body)


# --- sub-classes and single projects (lexicon._MODIFIER_RE, exclusions) -----

SUB_CLASSES = [
    "截至目前,全区共有高新技术企业48家,国家火炬计划高新技术企业2家。",
    "2022年全市有國家火炬計劃高新技術企業5家。",
    "2022年,全县拥有星火计划科技型中小企业12家。",
]


@pytest.mark.parametrize("body", SUB_CLASSES)
def test_a_programme_sub_class_is_not_the_catalog_total(body):
    rows = _rows(body)
    assert not [
        r
        for r in rows
        if r[0] in ("高新技术企业数", "科技型中小企业数") and r[3] in ("2", "5", "12")
    ]


def test_a_time_before_jihua_is_no_programme():
    rows = _rows(
        "2023年全年计划高新技术企业达到50家。", head="某县科技局2023年工作要点"
    )
    assert ("高新技术企业数", "level", "=", "50") in rows


ONE_THING = [
    "14项民生实事完成,投资6.5亿元“县第一中学”建成投用。",
    "2022年,总投资12亿元的新材料产业园项目开工建设。",
    "2022年,投資8億元《城市書房》項目落地。",
]


@pytest.mark.parametrize("body", ONE_THING)
def test_the_investment_of_one_named_thing_is_no_fixed_asset_investment(body):
    assert all(r[0] != "固定资产投资" for r in _rows(body))


@pytest.mark.parametrize(
    "body",
    ["2022年,全县完成投资120亿元,增长10%。", "2022年全县固定资产投资完成157.5亿元。"],
)
def test_the_region_s_investment_still_counts(body):
    assert any(r[0] == "固定资产投资" for r in _rows(body))


URBAN_PARTS = [
    "2022年末全市常住人口149万人。按城乡分,城镇常住人口61万人,乡村常住人口88万人。",
    "2022年末,其中城鎮常住人口24.52萬人。",
    "2022年末城区常住人口61.55万人。",
]


@pytest.mark.parametrize("body", URBAN_PARTS)
def test_the_towns_population_is_not_the_whole_population(body):
    rows = _rows(body)
    assert [r for r in rows if r[0] == "常住人口"] == [
        r for r in rows if r[0] == "常住人口" and r[3] == "1490000"
    ]


# --- a bracketed name before its figure (exclusions._bracket_names_share) ---


@pytest.mark.parametrize(
    ("body", "row"),
    [
        (
            "2022年末城镇常住人口61万人,占全市常住人口的比重(常住人口城镇化率)为40.97%。",
            ("常住人口城镇化率", "level", "=", "40.97"),
        ),
        (
            "2022年全市研发经费投入占地区生产总值的比重(即研发投入强度)达到2.35%。",
            ("研发投入强度", "level", "=", "2.35"),
        ),
        (
            "2022年年末城鎮人口佔總人口的比重(城鎮化率)為58.3%。",
            ("常住人口城镇化率", "level", "=", "58.3"),
        ),
    ],
)
def test_a_share_named_in_brackets_before_its_figure_is_read(body, row):
    assert row in _rows(body)


def test_a_bracket_that_names_no_indicator_keeps_the_share_excluded():
    assert _rows("2022年,全市规上工业增加值占全省的比重(约三成)为31%。") == []


# --- contracts counted by 份, a place's 市 is no level ----------------------


@pytest.mark.parametrize(
    "body",
    [
        "2022年1月至3月,海东市登记技术合同交易30份,成交额突破3亿元。",
        "2022年,全县登记技術合同30份。",
        "2022年,全县技术合同交易30项,交易额3亿元。",
    ],
)
def test_contracts_counted_by_fen_or_traded_are_the_register_count(body):
    assert ("技术合同登记数", "level", "=", "30") in _rows(body)


def test_a_copy_handed_out_is_no_catalog_count():
    rows = _rows("2022年全县交出了一份满意的答卷,发放宣传资料5000余份。")
    assert all(r[0] != "技术合同登记数" for r in rows)


# --- a population sizing a market (exclusions._SIZE_OF_AFTER_RE) ------------


@pytest.mark.parametrize(
    "body",
    [
        "我们面对东西两个13亿人口的市场,区位优势明显。",
        "我市辐射周边5000万人的消费市场。",
        "拥有14亿人口的超大规模市场是我国的优势。",
    ],
)
def test_a_population_sizing_a_market_is_no_figure(body):
    assert _rows(body) == []


def test_a_jobs_target_before_de_mubiao_stays():
    rows = _rows("2023年完成城镇新增就业1.5万人的目标任务。", head="某县2023年工作要点")
    assert ("城镇新增就业", "level", "=", "15000") in rows


# --- a growth after a fund named by whose it is (indicators._inherit) -------


@pytest.mark.parametrize(
    "body",
    [
        "2022年,195家企业获省级高企财政补助1960万元,同比增长25.6%。",
        "2022年,全县发放科技型中小企业奖补资金500万元,增长20%。",
        "2022年,全市高企獲得研發獎勵資金800萬元,增長12%。",
    ],
)
def test_a_growth_after_a_fund_is_not_the_count_s(body):
    assert all(r[1] != "growth" for r in _rows(body) if r[0].endswith("企业数"))


def test_a_growth_right_after_the_count_is_still_the_count_s():
    rows = _rows("2022年,全市高新技术企业300家,同比增长20%,获得补助资金3000万元。")
    assert ("高新技术企业数", "growth", "=", "20") in rows
