"""Round 15: kinds of error seen on held-out pages, each as a table of
sentences written for this test."""

from __future__ import annotations

import pytest

from targets.extraction import extract
from targets.extraction.regions import gazetteer
from tests.targets.test_extraction_round13 import _regions


def _by_quote(text: str, *fields: str) -> dict:
    """Each record of `text` by its quote: the one field asked, or a tuple."""
    out = {}
    for r in extract(text, "x.txt").records:
        values = tuple(getattr(r, f) for f in fields)
        out[r.quote] = values[0] if len(values) == 1 else values
    return out


@pytest.mark.parametrize(
    ("text", "region", "parent"),
    [
        # Divisions abolished or renamed since: older pages name them, and a
        # county that has become a district speaks for itself in them.
        (
            "崇明县2016年政府工作报告\n2015年,全县地区生产总值增长7.5%。",
            "崇明县",
            "上海市",
        ),
        (
            "关于莱芜市2017年国民经济和社会发展计划执行情况的报告\n"
            "2017年,全市地区生产总值增长6.8%。",
            "莱芜市",
            "山东省",
        ),
        (
            "2018年广丰县工作总结\n全县财政总收入完成41.2亿元,增长8%。",
            "广丰县",
            "上饶市",
        ),
    ],
)
def test_a_former_division_names_its_own_page(
    text: str, region: str, parent: str
) -> None:
    assert _regions(text) == {region}
    gz = gazetteer()
    assert gz.parent(gz.by_name[region][0]).name == parent


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # A dateline taken for the title names where the story was filed: the
        # county whose congress the story reports speaks for it.
        (
            "某某新闻网晋中讯\n3月20日,备受全县人民关注的和顺县第十七届人民代表大会"
            "第三次会议开幕。2022年全县地区生产总值完成105亿元,增长6%。",
            "和顺县",
        ),
        # A news site's channel for a province (某网贵州频道) is a masthead.
        (
            "某某网贵州频道\n仁怀:经济平稳增长\n记者从仁怀市“两会”上获悉:2022年,"
            "该市地区生产总值达1706亿元。",
            "仁怀市",
        ),
        # 文明城区 is a title, not the district 城区; 魅力藁城 builds 藁城区 by
        # its stem in a district's own report.
        (
            "2019政府工作报告\n过去的一年,以建设“经济强区、魅力藁城”为目标,"
            "全区地区生产总值完成700亿元,增长7%。荣获河北省文明城区、全国科技进步先进区。",
            "藁城区",
        ),
    ],
)
def test_a_dateline_a_channel_and_a_slogan(text: str, region: str) -> None:
    assert _regions(text) == {region}


def test_a_span_of_months_after_a_lead_in_frames_its_paragraph() -> None:
    text = (
        "某县:创新拉动经济发展\n2010-11-20 来源: 某某日报\n"
        "全县获省级科技成果20多个。在工业项目的有力带动下,今年前9月,全县完成生产总值"
        "80.5亿元,增长11.2%。工业增加值完成40.2亿元,增长12.1%。"
    )
    periods = _by_quote(text, "period")
    assert periods["工业增加值完成40.2亿元"] == "2010-01/2010-09"
    assert periods["增长12.1%"] == "2010-01/2010-09"


def test_rates_set_against_last_year_follow_the_levels_just_named() -> None:
    text = (
        "某市经济综述\n2012年,全市完成地方财政收入31.5亿元,其中税收收入24.2亿元,"
        "同比分别增长16.1%、20.4%;城乡居民人均可支配收入和人均纯收入分别增长12%、13%。"
    )
    rates = {
        r.quote: r.indicator
        for r in extract(text, "x.txt").records
        if r.measure == "growth"
    }
    assert rates["同比分别增长16.1%"] == "一般公共预算收入"
    assert rates["20.4%"] == "税收收入"


def test_a_led_in_term_ahead_opening_a_paragraph_dates_its_levels() -> None:
    text = (
        "某市人大会议开幕\n2017-02-10\n"
        "记者从会上了解到,今后五年全市经济社会发展的主要目标是:加快建设创新型城市,"
        "发展更加强劲。全市生产总值年均增长9%左右,总量突破3000亿元,"
        "全社会研发投入占GDP比重达2.5%。"
    )
    periods = _by_quote(text, "period")
    assert periods["总量突破3000亿元"] == "2021"
    assert periods["全社会研发投入占GDP比重达2.5%"] == "2021"
    assert periods["全市生产总值年均增长9%左右"] == "2017"


def test_an_undated_chronology_tells_its_earlier_years_as_results() -> None:
    text = (
        "某市经济发展回顾\n统计资料显示:1995年人均生产总值1620元,1995年以后全市经济"
        "增长加快。1995至2010年全市人均生产总值年均增长达14.2%。2003年人均生产总值"
        "5480元,突破5000元。2006年人均生产总值8320元。"
    )
    kinds = _by_quote(text, "kind")
    assert kinds["2003年人均生产总值5480元"] == "actual"
    assert kinds["突破5000元"] == "actual"
    assert kinds["2006年人均生产总值8320元"] == "actual"


def test_a_goal_met_is_quoted_back_and_the_year_it_reports_is_results() -> None:
    text = (
        "某县经济发展综述\n某县是国家级贫困县。到1998年,全县主要经济指标仍居全区后列。\n"
        "2007年,全县地区生产总值预计达到65.1亿元,完成年度目标64亿元的101.7%,"
        "同比增长21.3%;财政收入达到5.12亿元,完成年度目标4.9亿元的104.5%,同比增长33%;"
        "城镇居民人均可支配收入达到11200元,较上年纯增1500元。"
    )
    read = _by_quote(text, "kind", "period")
    assert read["完成年度目标64亿元"] == ("target", "2007")
    assert read["完成年度目标4.9亿元"] == ("target", "2007")
    assert read["同比增长21.3%"] == ("actual", "2007")
    assert read["城镇居民人均可支配收入达到11200元"] == ("actual", "2007")


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # 年均递增 is a growth kept up each year; 年均增加1000元 an increase.
        (
            "某县十三五规划建议\n对2016年及“十三五”工作进行布局。依据该规划,"
            "未来五年全县地区生产总值年均递增12%,将达300亿元;农牧民人均纯收入年均增加900元。"
            "\n本文来源: 某某网\n18.11.2015 14:44",
            "农牧民人均纯收入年均增加900元",
            ("农牧民人均纯收入", "increase", "2016"),
        ),
        # A yearly goal up to the end of a five-year term (力争到2015年) runs
        # from the term's first year.
        (
            "某县对口支援规划\n(三)支援目标\n某县提出:力争到2015年,全县生产总值翻两番,"
            "达到120亿元,年均增长30%;固定资产投资累计达到210亿元,年均增长45%。",
            "年均增长45%",
            ("固定资产投资", "growth", "2011"),
        ),
    ],
)
def test_yearly_goals_of_a_term(text: str, quote: str, expected: tuple) -> None:
    read = _by_quote(text, "indicator", "measure", "period")
    assert read[quote] == expected


def test_thousands_set_apart_by_a_space_before_a_unit() -> None:
    text = (
        "某区年鉴\n2016年,城镇常住居民人均可支配收入38 125元,同比增长7%;"
        "全区有12 个乡镇,2016 年新增企业300家。"
    )
    values = _by_quote(text, "value")
    assert values["城镇常住居民人均可支配收入38 125元"] == 38125
    assert values["全区有12 个乡镇"] == 12


def test_a_breadcrumb_that_ends_on_the_headline_gives_the_title() -> None:
    text = (
        "首页 > 新闻 > 经济 > 跨越赶超 逐梦前行 --敦化市2023年经济社会发展回眸\n"
        "目之所及,皆是奋斗激情;\n"
        "2023年,敦化市坚决贯彻落实总书记视察吉林重要讲话精神,紧紧围绕我省“一主六双”"
        "高质量发展战略,全市地区生产总值完成172亿元。"
    )
    assert _regions(text) == {"敦化市"}


def test_a_county_named_once_by_its_short_name_as_the_whole_place() -> None:
    text = (
        "2017年,在上级党委和政府的关怀下,县委、政府团结带领全县各族人民,坚决贯彻落实"
        "自治区党委和地委的决策部署,促进了经济平稳较快发展,为伊吾的改革开放和经济社会发展"
        "打下了基础。全县实现地区生产总值42.5亿元,增长7.1%,全县一般公共预算收入3.2亿元。"
    )
    assert _regions(text) == {"伊吾县"}


def test_a_slogan_names_the_place_before_what_is_built_there() -> None:
    text = (
        "2025年主要农副产品产量情况\n全市粮食总产量达到58.2万吨,比上年增长1.3%。"
        "全市上下奋力推进“强富美高”新高邮现代化建设,全市生猪出栏21万头。"
    )
    assert _regions(text) == {"高邮市"}


def test_projects_listed_this_year_are_an_addition() -> None:
    text = "某市科技局2013年工作总结\n2013年,全市有4个项目被列入国家重大科技专项。"
    (r,) = extract(text, "x.txt").records
    assert r.measure == "increase"


def test_a_channel_label_city_dot_county_points_at_the_county() -> None:
    text = (
        "某某网|扬州·仪征\n仪征是长江下游北岸的县级城市,东连扬州。近年来,全市上下"
        "奋力推进高质量发展,全市地区生产总值达到760亿元,增长6.3%。"
    )
    assert _regions(text) == {"仪征市"}


def test_the_headline_before_a_dateline_is_the_title() -> None:
    text = (
        "您当前的位置 : 某某网湖北 > 荆楚各地\n2023年宜城市经济社会高质量发展精彩回眸\n"
        "某某网湖北\n2023年12月26日 16:49\n"
        "  某某网湖北新闻12月26日电 (记者某某)求真务实绘蓝图,踔厉奋发正当时!\n"
        "2023年,宜城坚持以高质量发展为主线,全市地区生产总值完成420亿元,增长6.5%,"
        "增速居湖北省前列。"
    )
    assert _regions(text) == {"宜城市"}


def test_a_text_that_opens_on_the_district_it_introduces() -> None:
    text = (
        "璧山位于重庆西部,2014年撤县设区。全区幅员面积915平方公里,辖6个街道9个镇。"
        "2024年,全区地区生产总值完成1000亿元,增长6.1%。"
    )
    assert _regions(text) == {"璧山区"}


def test_a_slogan_that_counts_out_its_place() -> None:
    text = (
        "全力开启高水平“三个诸暨”建设新征程\n某某主持 某某作政府工作报告\n"
        "昨日上午,市第十七届人民代表大会第二次会议隆重开幕。过去一年,全市地区生产总值"
        "增长7.5%,一般公共预算收入增长12%。"
    )
    assert _regions(text) == {"诸暨市"}


def test_the_offices_above_whose_lead_a_text_follows_are_not_its_voice() -> None:
    text = (
        "阿右旗上半年经济运行稳中有进阿拉善盟\n上半年,阿右旗克服不利影响,全旗重点建设项目"
        "40个,完成投资3.1亿元。上半年,阿右旗地区生产总值完成12.5亿元,增长4.6%。"
        "按照盟委行署把阿拉善打造成旅游目的地的部署,接待游客30万人次。"
    )
    assert _regions(text) == {"阿拉善右旗"}


def test_a_paragraph_looking_ahead_to_a_plan_term_dates_its_goals_to_its_end() -> None:
    text = (
        "某市获评高质量发展十佳\n2021-07-26\n展望“十四五”,奋斗开新局。某市将按照省委的"
        "规划定位,力争经济总量翻一番,达到500亿元以上;财政收入达到50亿元以上。"
    )
    periods = _by_quote(text, "period")
    assert periods["达到500亿元以上"] == "2025"
    assert periods["财政收入达到50亿元以上"] == "2025"


def test_an_average_after_a_change_from_a_base_year_runs_from_the_year_after() -> None:
    text = (
        "2021年某县人民政府工作报告\n一、“十三五”时期和2020年工作回顾\n"
        "——综合实力大幅跃升。2020年完成地区生产总值760亿元,是2015年的1.4倍,年均增长6.1%;"
        "人均GDP由2015年51000元提高到70100元,年均增长6.8%;"
        "实现全口径财政总收入120.3亿元,年均增长7.2%。"
    )
    periods = _by_quote(text, "period")
    assert periods["年均增长6.8%"] == "2016-01/2020-12"
    assert periods["年均增长7.2%"] == "2016-01/2020-12"


def test_a_five_year_outline_reviews_its_base_in_its_first_chapter() -> None:
    text = (
        "(江苏省)某市国民经济和社会发展十四五规划(2022年更新)\n"
        "某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
        "第一章 发展基础与面临形势\n第一节 发展基础\n"
        "“ 十三五 ” 时期,全市经济社会总体实现平稳健康发展。\n"
        "综合实力迈上新台阶。实现 GDP 760 亿元。完成一般公共预算收入 45 亿元。"
        "“ 十三五 ” 期间累计完成全社会固定资产投资 1800 亿元,年均增长 9% 以上。\n"
    )
    read = _by_quote(text, "kind", "period")
    assert read["完成一般公共预算收入 45 亿元"] == ("actual", "2020")
    assert read["年均增长 9% 以上"] == ("actual", "2016-01/2020-12")


def test_the_figures_a_text_sets_for_the_year_after_its_list_head() -> None:
    text = (
        "某县政府工作报告\n根据这一思路,今年各项指标预定为(yù):生产总值98.7亿元,增长10%;"
        "固定资产投资63.5亿元,增长22%。"
    )
    kinds = _by_quote(text, "kind")
    assert kinds["生产总值98.7亿元"] == "target"
    assert kinds["固定资产投资63.5亿元"] == "target"


def test_a_goal_in_brackets_after_a_rank_is_quoted_back() -> None:
    text = (
        "某县2022年国民经济和社会发展计划执行情况\n全年实现地区生产总值增长6.1%,"
        "排名全市第2位(预期目标为8%以上);规模工业增加值增长9.5%。"
    )
    read = _by_quote(text, "kind", "value")
    assert ("target", 8) in read.values()


def test_news_late_in_a_year_that_opens_the_next_years_work() -> None:
    text = (
        "11月8日,某市科技局召开2021年度全市高新技术企业培育工作会,正式启动2021年度"
        "高企培育工作,力争明年净增800家高新技术企业。今年,全市共组织1900家企业申报"
        "高新技术企业认定,专家评审通过1600家。"
    )
    periods = _by_quote(text, "period")
    assert periods["力争明年净增800家高新技术企业"] == "2021"
    assert periods["专家评审通过1600家"] == "2020"


def test_an_execution_line_states_the_goal_then_the_years_estimate() -> None:
    text = (
        "一、2024年国民经济和社会发展计划执行情况\n"
        "——全年地区生产总值预期目标增长6%:预计全年实现增长5.5%左右。\n"
        "——全年地方一般公共预算收入预期目标增长4%:预计全年地方一般公共预算收入完成120亿元,"
        "同比增长1.2%。\n"
    )
    read = _by_quote(text, "kind", "estimate")
    assert read["预计全年地方一般公共预算收入完成120亿元"] == ("actual", True)
    assert ("target", False) in read.values()  # the goals before the colons
