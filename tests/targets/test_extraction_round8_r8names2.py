"""Round 8 (r8names2): catalog wordings left after r8names (own phrasings)."""

import pytest

from targets.extraction import extract
from targets.extraction.catalog import load_catalog

REPORT = "某县科技局2023年工作总结"


def _rows(body: str, head: str = REPORT):
    return [
        (r.indicator, r.measure, str(r.value))
        for r in extract(f"{head}\n{body}", "r8names2.txt").records
    ]


# --- catalog wordings (catalog.normal_key, Catalog._share) ------------------

WORDINGS = [
    ("三产业增加值", "服务业增加值"),
    ("三产业", "服务业增加值"),
    ("二产业增加值", "第二产业增加值"),
    ("市级工程技术研究开发中心数", "市级工程技术研究中心数"),
    ("工程技术研发中心", "市级工程技术研究中心数"),
    ("省级工程技术研究开发中心", "省级工程技术研究中心数"),
    ("财政对科技的投入", "地方财政科技投入"),
    ("地方财政对科技支出", "地方财政科技投入"),
    ("财政对科技的投入占区财政支出", "财政科技支出占比"),
    ("财政科技支出占县一般公共预算支出", "财政科技支出占比"),
    ("财政科技支出占本级财政支出的比重", "财政科技支出占比"),
    ("科技型中心企业", "科技型中小企业数"),
    ("技术交易", "技术合同成交额"),
    ("技术市场成交", "技术合同成交额"),
    ("成果登记数", "科技成果登记数"),
    ("登记省市级科技成果数", "科技成果登记数"),
    ("登记市级科技成果", "科技成果登记数"),
    ("技术合同认证登记数", "技术合同登记数"),
    ("认证技术合同", "技术合同登记数"),
]


@pytest.mark.parametrize(("name", "indicator"), WORDINGS)
def test_wording_resolves_to_the_catalog_indicator(name, indicator):
    hit = load_catalog().resolve(name)
    assert hit is not None and hit.name == indicator


NOT_RESOLVED = [
    ("技术交易数", "技术合同成交额"),  # a count of deals is no amount
    ("成果登记证书", "科技成果登记数"),
    ("完成成果转化", "科技成果登记数"),
    ("工程研究中心", "市级工程技术研究中心数"),  # another kind of centre
    ("财政对企业的补助", "地方财政科技投入"),
    ("科技支出占市场份额", "财政科技支出占比"),
]


@pytest.mark.parametrize(("name", "indicator"), NOT_RESOLVED)
def test_wording_that_is_not_that_indicator(name, indicator):
    hit = load_catalog().resolve(name)
    assert hit is None or hit.name != indicator


@pytest.mark.parametrize(
    ("body", "row"),
    [
        (
            "2023年,全县完成成果登记42项。",
            ("科技成果登记数", "level", "42"),
        ),
        (
            "2023年,全县三产业增加值56.1亿元。",
            ("服务业增加值", "level", "56.1"),
        ),
        (
            "2023年,全年实现技术交易3100万元。",
            ("技术合同成交额", "level", "3100"),
        ),
        (
            "2023年,全县认证登记技术合同58项。",
            ("技术合同登记数", "level", "58"),
        ),
        (
            "2023年,全县财政对科技的投入达到3150万元。",
            ("地方财政科技投入", "level", "3150"),
        ),
    ],
)
def test_wordings_in_running_text(body, row):
    assert row in _rows(body)


# --- firms that passed a kind's process (indicators._PASSED_AS_RE) ---------

PASSED = [
    ("2023年,全县165家企业通过科技型中小企业评价。", "科技型中小企业数"),
    ("2023年,全县有42家企业顺利通过高新技术企业认定。", "高新技术企业数"),
    ("2023年,全县12家企業獲得國家高新技術企業認定。", "高新技术企业数"),
    ("2023年,全县42家企业通过科技型中小企业评价入库。", "科技型中小企业数"),
    ("2023年,全县80家企业通过国家科技型中心企业评价。", "科技型中小企业数"),
]


@pytest.mark.parametrize(("body", "indicator"), PASSED)
def test_firms_that_passed_a_kind_s_process_are_that_kind(body, indicator):
    assert indicator in [row[0] for row in _rows(body)]


@pytest.mark.parametrize(
    "body",
    [
        "2023年,组织60家企业参加科技型中小企业评价。",  # took part only
        "2023年,全县20家企业通过高新技术企业培训。",  # a training, no status
        "2023年,全县20家企业获得高新技术企业补助资金。",  # a fund
    ],
)
def test_firms_in_another_relation_to_the_kind_are_not_counted_as_it(body):
    assert "高新技术企业数" not in [row[0] for row in _rows(body)]
    assert "科技型中小企业数" not in [row[0] for row in _rows(body)]
