"""What a document is as a whole: title, kind (plan/report/both), years, region."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .catalog import finditer_from
from .lexicon import _MEASURED_AGAINST, FIVE_YEAR_PLAN_FIRST, YEAR_RE
from .numbers import cn_to_int
from .regions import FURNITURE_RE, TIMESTAMP_RE, detect_region
from .simplify import GLOSSES

TITLE_CUE_RE = re.compile(
    r"工作总结|工作计划|工作要点|工作思路|工作安排|完成情况|工作打算|工作报告|目标任务|"
    r"实施方案|行动方案|规划|要点|总结|计划|情况|通报|报告|成效|新闻|发布|"
    # 某某市2006年国民经济和社会发展统计公报: a bulletin names its year.
    r"(?:统计公报|統計公報)(?=[\s\d()（）全文]*$)"
)
# A page that gives the whole text of the document it names (印发了《…》,全文如下).
_FULL_TEXT_OF_RE = re.compile(
    r"《([^》]{2,60})》[^《》。\n]{0,8}?(?:全文如下|原文如下)"
)
PLAN_CUE_RE = re.compile(r"要点|计划|打算|思路|安排|目标|规划|方案|举措|任务")
REPORT_CUE_RE = re.compile(r"总结|完成情况|情况|通报|成效|回顾|报告|进展|综述")
DATE_RE = re.compile(
    r"(?<!\d)(20\d{2})[-/.](0?[1-9]|1[0-2])[-/.]\d{1,2}"
    r"|(?<!\d)(20\d{2})年(0?[1-9]|1[0-2])月\d{1,2}日(?=\s*\d{1,2}:\d{2})"
)
_DATE_LINE_RE = re.compile(
    r"^[ \t\u3000]*[(（—-]*[ \t]*((?:19|20)\d{2})年(?:0?[1-9]|1[0-2])月\d{1,2}日"
    r"(?:[在于][^\n]{0,40})?[)）]?[ \t\u3000]*$",
    re.M,
)
# A labelled publication date, or a date line followed by its source.
PUB_DATE_RE = re.compile(
    r"(?:发布|发稿|更新|刊发)(?:时间|日期)\s*[:：]?\s*(20\d{2})\s*[-/.年]"
    r"|(?<!\d)(20\d{2})(?:[-/.]|年)(?:0?[1-9]|1[0-2])(?:[-/.]|月)\d{1,2}日?"
    r"(?=[^\n]{0,30}来源)"
)
# A full date as pages write it: 2023-01-30, 2023/1/30, 2023.01.30, 2023年1月30日;
# not 2022年1-8月, a span of months.
_FULL_DATE = (
    r"(?<!\d)(20\d{2})\s*(?:[-/.]|年(?=\s*\d{1,2}\s*月))\s*(0?[1-9]|1[0-2])\s*(?:[-/.]|月)\s*"
    r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
)
_FULL_DATE_RE = re.compile(_FULL_DATE)
# A date written as eight digits in brackets after a title (…工作报告(20221229)).
_COMPACT_DATE_RE = re.compile(
    r"[(（](20\d{2})(0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[)）]"
)
# A date labelled as the page's own (发布时间, 成文日期, 日期：…).
_LABELLED = (
    r"(?:时间|日期)\s*[:：]?\s*(20\d{2})(?:\s*(?:[-/.]|年)\s*(0?[1-9]|1[0-2])(?!\d))?"
)
# The day it went online first (发布时间), then other dates of the page (成文日期).
_LABELLED_DATE_RE = re.compile(r"(?:发布|发稿|更新|刊发|发表)" + _LABELLED)
_OTHER_LABELLED_DATE_RE = re.compile(
    r"(?:成文|发文|印发|公开|上传|录入|生成)" + _LABELLED
)
# The day a document was written or issued (成文日期, 印发日期), not posted.
_WRITTEN_DATE_RE = re.compile(r"(?:成文|发文|印发|签发)" + _LABELLED)
_BARE_LABEL_DATE_RE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:时间|日期)\s*[:：]\s*" + _FULL_DATE
)
# ——2024年1月18日在市第九届人民代表大会第四次会议上: the day a report was given.
_GIVEN_ON_RE = re.compile(
    r"[—-]{1,2}\s*(20\d{2})年(0?[1-9]|1[0-2])月\d{1,2}日\s*在[^\n。]{0,30}会"
)
# A dateline with its year (2023年2月14日电, 2023年2月14日讯).
_DATELINE_YEAR_RE = re.compile(_FULL_DATE + r"日?\s*(?:电|讯)")
BOILERPLATE_RE = re.compile(
    r">|首页|当前位置|所在位置|发布时间|发布机构|信息来源|来源[:：]|索引号|文号|主题词|"
    r"发布日期|发文日期|"
    r"点击数|访问量|阅读次数|字体|分享|打印|扫码|责任编辑|内容概览|时效|信息分类|信息名称|"
    r"查看原文|阅读原文"
)


@dataclass(frozen=True, slots=True)
class DocContext:
    """Document-level facts the engine needs beyond DocumentInfo."""

    title: str
    title_line: int  # index of the title line, -1 if none
    kind: str  # plan | report | both
    report_year: int | None
    plan_year: int | None
    region: str | None
    # The year the document speaks from (今年), when it can be told apart from
    # the years it reports on and plans for (a 政府工作报告 of 2024 reviews 2023).
    doc_year: int | None = None
    # A month span in the title (1-10月, 上半年): the frame of a progress report.
    span: tuple[int, int] | None = None
    # The month of the page's own date, when it gives one (发布时间:2023-01-30).
    pub_month: int | None = None


# What each date pattern's match can start with: a search tries only those
# places (a pattern opening with a look-behind is otherwise tried at every one).
_PUB_DATE_FIRST_RE = re.compile(r"[发更刊2]")
_BARE_LABEL_FIRST_RE = re.compile(r"[时日]")
_YEAR_FIRST_RE = re.compile(r"2")
# The first character of the year scans that open with a look-behind (see
# _search): a try at every 1 and 2 of the head, not at every character.
_CENTURY_FIRST_RE = re.compile(r"[12]")


def _search(pattern: re.Pattern[str], first: re.Pattern[str], text: str) -> Any:
    """pattern.search(text), trying only where `first` matches."""
    return next(finditer_from(pattern, first, text), None)


def _line_at(text: str, pos: int) -> str:
    return text[
        text.rfind("\n", 0, pos) + 1 : (text.find("\n", pos) + 1 or len(text) + 1) - 1
    ]


def publication_date(text: str) -> tuple[int, int | None] | None:
    """The year (and month) a page dates itself by, from its header or its
    signature: a labelled date (发布时间:2022-10-27, 成文日期, 日期:), a date
    before its source (2024-03-15 来源:, 来源:某某日报2023-01-30), a report's
    `——2024年1月18日在…会议上`, a dated dateline (2023年2月14日电), a date on a
    short line of the header (2023年01月30日 08:45 新华网, 【字体】2023年1月30日
    浏览次数), a date with its time anywhere near the top, a date line under the
    title, or the date under the signature at the end (某某市科技局 2023年1月5日).
    None when the page gives none: a year deep in the text is a deadline or a
    base, not the page's date."""
    head = text[:1500]
    m = _LABELLED_DATE_RE.search(head)
    w = _WRITTEN_DATE_RE.search(head) if m is not None else None
    if m is not None and w is not None and _written_year_told(text, m, w):
        # 成文日期: 2018-02-09 … 发布时间: 2022-06-21 over 2018年目标任务: a
        # document posted (or reposted) years after it was written, on the
        # year it was written, dates by its writing.
        m = w
    if m is None:
        pub = _search(PUB_DATE_RE, _PUB_DATE_FIRST_RE, head)  # 2024-03-15 来源:
        if pub is not None:
            at = pub.start(1) if pub.group(1) else pub.start(2)
            d = _FULL_DATE_RE.match(head, at)
            return (int(pub.group(1) or pub.group(2)), int(d.group(2)) if d else None)
        m = _OTHER_LABELLED_DATE_RE.search(head) or _search(
            _BARE_LABEL_DATE_RE, _BARE_LABEL_FIRST_RE, head[:400]
        )
    if m is None:
        m = _GIVEN_ON_RE.search(head[:600]) or _search(
            _DATELINE_YEAR_RE, _YEAR_FIRST_RE, head[:600]
        )
    if m is None:
        for d in _FULL_DATE_RE.finditer(head[:500]):
            line = _line_at(head, d.start()).strip()
            if "。" not in line and len(line) <= 80:
                m = d  # a header line: the date, its time, the source, counters
                break
    if m is None:
        for d in _COMPACT_DATE_RE.finditer(head[:500]):
            if len(_line_at(head, d.start()).strip()) <= 80:
                m = d  # 2023年某市政府工作报告(20221229): the day it was given
                break
    if m is None:
        d = _search(DATE_RE, _YEAR_FIRST_RE, head)
        if d is not None:
            return (int(d.group(1) or d.group(3)), int(d.group(2) or d.group(4)))
        line = _DATE_LINE_RE.search(head[:600])
        if line is not None:
            d = _FULL_DATE_RE.search(line.group())
            return (int(line.group(1)), int(d.group(2)) if d else None)
    if m is None:
        m = _signature_date(text)
    if m is None:
        return None
    month = m.group(2)
    return (int(m.group(1)), int(month) if month else None)


def _written_year_told(
    text: str, posted: re.Match[str], written: re.Match[str]
) -> bool:
    """Whether a page written before the year it was posted names the year it
    was written (2018年目标任务) and not, outside its stamp, the year posted."""
    year, late = int(written.group(1)), int(posted.group(1))
    if year >= late:
        return False
    rest = text[: posted.start()] + text[posted.end() : 3000]
    return f"{year}年" in rest and f"{late}年" not in rest


def _signature_date(text: str) -> re.Match[str] | None:
    """A date on one of the last short lines (某某市科技局 2023年1月5日)."""
    tail_start = max(0, len(text) - 300)
    found = None
    for d in _FULL_DATE_RE.finditer(text, tail_start):
        line = _line_at(text, d.start()).strip()
        if "。" in line or len(line) > 40 or "年" not in d.group():
            continue
        if text.count("\n", d.end()) > 4:
            continue  # not among the last lines
        found = d
    return found


def find_title(lines: list[str]) -> tuple[str, int]:
    """The first line that reads like a document title, with its index."""
    first = ("", -1)
    seen = 0
    body = False
    prev = -1  # the last line read that is not the site's furniture
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > 25:
            break
        if "日期" in line or "时间" in line:
            # 关于…推进情况的报告 发布日期:2021-11-10: a title the page's date
            # was run onto is still the title.
            line = _TRAILING_PUB_DATE_RE.sub("", line)
        if ("(" in line or "（" in line) and _STAMP_RE.search(line):
            # 统计公报(jīng)(fā)(2025年更新): a repost's stamp, and the glosses
            # around it, are not part of the title.
            line = _STAMP_RE.sub("", _PINYIN_RE.sub("", line)).strip()
        field = _TITLE_FIELD_RE.match(line)
        if field:
            # | 标题: | 2024年度…进展情况通报 | ||: a portal's information table
            # names the document in its own field.
            return _PINYIN_RE.sub("", field.group(1)).strip(), i
        if line.count(">") >= 2 and _BREADCRUMB_END_RE.search(line) and first[1] < 0:
            # 首页 > 新闻 > 经济 > 跨越赶超 逐梦前行 ——某市2023年经济社会发展回眸:
            # the trail ends on the page's own headline.
            crumb = _PINYIN_RE.sub("", line[line.rfind(">") + 1 :]).strip()
            if len(crumb) >= 12 and not BOILERPLATE_RE.search(crumb):
                return crumb[:80], i
        if _furniture_line(line) or _navigation_line(line):
            continue  # 某某厅 版权所有, 长江云 2024-03-09 21:10: the site, not the text
        if (
            line.startswith(("——", "--", "—"))
            and first[1] >= 0
            and prev == first[1]
            and len(line) <= 60
            and "。" not in line
        ):
            # 激发…活力 推动…发展 ⏎ ——2022年…工作和2023年重点工作解读: a
            # subtitle under the headline is part of the title.
            return first[0] + line, first[1]
        before, prev = prev, i
        if line.endswith("。") and len(line) >= 30 and first[1] < 0:
            body = True  # the body has begun: a short line after it is a heading
        if (
            first[1] < 0
            and not body
            and not BOILERPLATE_RE.search(line)
            and "。" not in line
            and len(line) <= 50
            # 其他, 视频: a page's tag, not its headline.
            and not _TAG_LINE_RE.match(line)
        ):
            first = (line[:80], i)
        if (
            8 <= len(line) <= 70
            and TITLE_CUE_RE.search(line)
            and not BOILERPLATE_RE.search(line)
        ):
            if "。" in line[:-1]:
                continue
            if first[1] >= 0 and _DATELINE_LEAD_RE.match(line):
                # 某某网湖北新闻12月28日电 (记者…)…: the story's dateline opens
                # the body; the headline is the line before.
                return first
            if line.endswith("。") and first[1] >= 0:
                return first  # a lead sentence after a headline is not the title
            if (
                first[1] >= 0
                and before == first[1]
                and first[0].startswith("关于")
                and not TITLE_CUE_RE.search(first[0])
                and len(first[0]) + len(line) <= 90
            ):
                # 关于某县2024年预算执行 ⏎ 情况和2025年预算草案的报告: a title
                # wrapped over two lines.
                return first[0] + line, first[1]
            return line, i
        if seen == 1 and len(line) > 70:
            # A page scraped into one line: its title is the leading segment.
            head = _LEAD_SEGMENT_RE.match(line)
            if head and TITLE_CUE_RE.search(head.group(1)):
                return head.group(1), -1  # the line itself is text to read
    return first


def _furniture_line(line: str) -> bool:
    """Whether a short line is the site's furniture (某某厅 版权所有, 主办单位:…)
    or a masthead's stamp (长江云新闻 2024-03-09 21:10:19), not a headline."""
    if len(line) <= 60 and FURNITURE_RE.search(line):
        return True
    if _PAGE_LABEL_RE.match(line) and len(line) <= 24:
        return True  # 第007版:特别报道, 第A3版 要闻: a newspaper's page label
    if _ISSUE_DATE_RE.fullmatch(line) or _DATE_TAG_RE.fullmatch(line):
        # 2023年12月26日 星期二, 2024-02-02新闻: the issue's date (with the
        # channel's tag), not a headline.
        return True
    if _SIGNED_DATE_RE.fullmatch(_PINYIN_RE.sub("", line)):
        # 莆田市统计局 2006-3-13: the agency's signature and date, not a title.
        return True
    if _MASTHEAD_RE.fullmatch(line):
        return True  # 科技时报 全球最新科技资讯专业发布平台: the site's masthead
    stamp = TIMESTAMP_RE.search(line)
    return stamp is not None and stamp.start() <= 12


# A medium's name and its slogan about itself (某某时报 全球最新…发布平台, 某某网
# | 权威政务信息门户, 某某新闻网——综合新闻门户网站).
_MASTHEAD_RE = re.compile(
    r"[\u4e00-\u9fff]{2,10}(?:报|報|网|網|在线|在線|客户端|客戶端|新闻|新聞)"
    r"(?:\s*[|｜·—\-]+\s*|\s+)[\u4e00-\u9fff]{2,24}"
    r"(?:平台|平臺|门户|門戶|门户网站|網站|网站|窗口|媒体|媒體)"
)
_PAGE_LABEL_RE = re.compile(r"第\s*[0-9A-Z]{1,4}\s*版")
_SIGNED_DATE_RE = re.compile(
    r"[\u4e00-\u9fff]{2,20}[局委办厅院署府所站辦廳]\s*" + _FULL_DATE + r"\s*日?"
)
_DATE_TAG_RE = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[\u4e00-\u9fff]{0,4}"
)
_ISSUE_DATE_RE = re.compile(
    r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周|週)[一二三四五六日天]"
)


# A page's navigation: a channel name alone (湖南, 本地, 时政), or a bar of short
# items parted by spaces or bars (首页 资讯 民生 科技, 旗下栏目: 北京 上海 广东,
# 3 上一篇 下一篇 4 放大 缩小).
_NAV_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{1,4}|\d{1,3}")
_NAV_SPLIT_RE = re.compile(r"[\s|/>»·]+")
# 县发改局, 市科委, 区政府: an agency's name is the page's author, not a channel.
_AGENCY_END_RE = re.compile(r"[局委办厅院署府所站]$")


def _navigation_line(line: str) -> bool:
    """Whether a line is the page's navigation rather than a headline."""
    if (
        len(line) <= 4
        and _NAV_ITEM_RE.fullmatch(line)
        and not line.isdigit()
        and not TITLE_CUE_RE.search(line)
        and not _AGENCY_END_RE.search(line)
    ):
        return True
    if line.count(">") >= 2 and len(line) <= 60 and not _BREADCRUMB_END_RE.search(line):
        return True  # 某某网 > 吉林 > 专稿: a breadcrumb trail
    items = [w for w in _NAV_SPLIT_RE.split(line.split(":", 1)[-1]) if w]
    return len(items) >= 6 and all(_NAV_ITEM_RE.fullmatch(w) for w in items)


# A news story's dateline at the head of its first paragraph (某某网湖北新闻12月28日
# 电, 本报讯, 新华社北京3月5日电).
_DATELINE_LEAD_RE = re.compile(r"\s*[^,。:]{0,20}?(?:\d{1,2}月\d{1,2}日\s*电|讯)")
# A breadcrumb that ends on the page's own headline is still the title's line.
_BREADCRUMB_END_RE = re.compile(r">\s*[^>]{16,}$")


_TRAILING_PUB_DATE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff)）])\s+(?:发布|发稿|更新|刊发)(?:时间|日期)\s*[:：]\s*"
    r"20\d{2}\s*[-/.年]\s*\d{1,2}\s*(?:[-/.月]\s*\d{1,2}\s*日?)?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
_TAG_LINE_RE = re.compile(r"(?:其他|其它|视频|图片|原创|转载|推荐|热点|头条|要闻)$")
_TITLE_FIELD_RE = re.compile(
    r"\|?\s*(?:标题|文件名称|名称)(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))*\s*[::]"
    r"\s*\|?\s*([^|]{6,})"
)
_PINYIN_RE = re.compile(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")
_LEAD_SEGMENT_RE = re.compile(r"([^\s。,:]{8,50}?)(?:\s|——|\(|$)")


# 目标任务完成情况, 目标任务三季度进展情况: a report on the targets.
_TARGETS_DONE_RE = re.compile(
    r"(?:年度)?(?:目标任务|目标|任务)"
    # 重点任务前三季度推进情况: how the tasks went, not the tasks.
    r"(?=(?:[一二三四]季度|前三季度|上半年|全年)?(?:完成情况|完成|进展|推进情况|落实情况))"
)

# A result set against a goal in a headline (增长5.8%,高于全年目标0.3个百分点,
# 超额完成年度目标任务): the goal is the measure of what was done, no plan cue.
_GOAL_MEASURED_RE = re.compile(
    r"(?:" + _MEASURED_AGAINST + r"|超额完成|超)(?:全年|年度|年初|预期|计划|省定|市定)*"
    r"(?:目标|任务)(?:任务)?"
)

# A programme projects are listed in (20个项目列入2019年省科技项目
# 计划, 入选…人才计划): news of the listing, not a plan.
_LISTED_IN_RE = re.compile(r"(?:列入|纳入|入选|入围)[^,，。;:：\s]{0,24}?(?:计划|规划)")


def document_context(text: str, hint: dict[str, Any] | None = None) -> DocContext:
    """Read the title, kind, years and region of `text` (hint values win)."""
    hint = hint or {}
    lines = text[:6000].split("\n")
    title, title_line = find_title(lines)
    # 目标任务完成情况 reports on targets; the targets do not make it a plan; a
    # document named in 《》 (省《政府工作报告》分工方案) says nothing of its kind.
    bare_title = _TARGETS_DONE_RE.sub("", title)
    full_text = _FULL_TEXT_OF_RE.search(bare_title)
    bare_title = re.sub(r"《[^》]*》", "", bare_title)
    if full_text is not None:
        # 印发了《某某实施方案》,全文如下: the page is the document it names.
        bare_title += " " + full_text.group(1)
    bare_title = _GOAL_MEASURED_RE.sub("", bare_title)
    bare_title = _LISTED_IN_RE.sub("", bare_title)
    plan = bool(PLAN_CUE_RE.search(bare_title))
    report = bool(REPORT_CUE_RE.search(bare_title))
    # 2024年…统计公报(2025年更新): the repost's stamp is not the year reported.
    years = [int(y) for y in _TITLE_YEAR_RE.findall(_STAMP_RE.sub("", title))]
    if (plan and report) or (plan and len(set(years)) >= 2):
        # 2023年多项指标…, 2024年将GDP目标定为8%: a review and a plan.
        kind = "both"
    elif plan:
        kind = "plan"
    elif report:
        kind = "report"
    else:
        # News releases and untitled texts mostly report what happened.
        kind = "report"
    title_years = bool(years)
    published = publication_date(text)
    pub_year = None
    reviewed = False
    ahead = False
    speaks_from = None
    next_plans = False
    if not years and _search(_REDACTED_YEAR_RE, _REDACTED_YEAR_FIRST_RE, text[:1000]):
        # 时间:2021-08-31 over XX年,我县科技创新工作…: a template's year is
        # blanked out; the day it was posted is not the year it reports on.
        published = None
    elif not years:
        # A publication date, or a year written at the very top; a year deep in
        # the text is more likely a deadline (到2025年) than the document's year.
        now = now_year(text[:3000])
        if published is not None:
            years = [published[0]]
            pub_year = years[0]
        elif now is not None:
            # 今(2024)年: the text writes out the year it speaks from.
            years = [now]
            pub_year = now
        else:
            # 某某规划(2022年更新): the repost's stamp is not the text's year.
            body_year = _body_year(_STAMP_RE.sub("", text[:3000]))
            if body_year is not None and _late_in_year(text[:300]):
                # 12月28日,…通报了2023年…情况。…2024年,全市将…: news late in a
                # year that names the next one only for its plans is the
                # year's own.
                planned = _planned_only_year(text[:3000])
                if (
                    planned == body_year
                    and (
                        _named_year(text[:3000], body_year - 1)
                        # …启动2020年度…工作,力争明年净增1000家: 明年 is that year.
                        or "明年" in text[:3000]
                    )
                ):
                    # Its plans are the next year's (plan_year below).
                    body_year -= 1
                    next_plans = True
            elif body_year is not None and _plans_after_review(text[:3000], body_year):
                # 2024年,我市…取得了哪些成绩?2025年,又将推动…: the latest year
                # named only for plans, after the year before it: the text
                # reviews that one (一年来 is 2024) and speaks from the latest.
                ahead = True
            if body_year is None and _WHOLE_YEAR_RE.search(text[:3000]):
                # A yearbook's page (全年地区生产总值…, 2017年6月,…获评…) names
                # its year only on an event dated in it.
                body_year = _dated_event_year(text[:3000])
            if body_year is None:
                # 根据烟政发〔2017〕3号文件部署,…对1-6月份…进展情况进行了督查:
                # a progress report names its year only in the number of the
                # document it follows up.
                body_year = _doc_number_year(text[:600])
            years = [body_year] if body_year else []
            if next_plans:
                years = [body_year, body_year + 1]
            elif ahead:
                years = [body_year - 1, body_year]
            elif body_year is not None and _speaks_after(text[:3000], body_year):
                # 预计2020年…实现…3201亿元, 今年,江门将…: a year told as over in
                # a text that plans 今年 (or a congress early in the year) is
                # the year reviewed; the text speaks from, and plans, the next.
                years = [body_year, body_year + 1]
                ahead = True
            plan_term = _plan_term_year(text[:3000])
            if plan_term is not None:
                # 今年是“十四五”规划收官之年: the text speaks from 2025.
                years = [plan_term]
                reviewed = True
            last = _last_year_by_number(text[:3000])
            if last is not None:
                # 对比2020年全年…,已超过去年全年的8118.5亿元: 去年 is 2020, so the
                # text speaks from 2021.
                years = [last + 1]
            proposal = _proposal_year(text[:3000])
            if not years and proposal is not None and not _late_in_year(text[:300]):
                # 审议通过了《…第十四个五年规划…的建议》…今年…主要预期目标: a
                # text that names no year, adopts the proposal for a five-year
                # plan and sets this year's targets speaks from the plan's first
                # year.
                years = [proposal]
            later = _year_after_named(text[:3000])
            if later is not None and later[0] > (years[0] if years else 0):
                # 继2014年…之后,我市去年继续…: 去年 comes after the year named,
                # so the text reports on the year after it and speaks from the
                # next (or from that year, when it says 今年).
                years = [later[0]]
                speaks_from = later[1]
            review = _review_year(text[:1500])
            if review is None and not years:
                # “十二五”末,全区生产总值达到…: a text that names no year but
                # opens a clause on a five-year plan's end reviews that year.
                review = _plan_end_year(text[:3000])
            cast = _cast_year(text[:3000])
            if review is None and cast is not None and cast[1]:
                # 2023年是…开局之年。一年来,…: the year cast is the one reviewed.
                review = cast[0]
            elif (
                review is None
                and cast is not None
                and not cast[1]
                and years == [cast[0]]
                and cast[0] - 1 in _body_years(text[: cast[2]])
                and cast[0] not in _body_years(text[: cast[2]])
            ):
                # 2022年,…新认定…37家。… 2023年是…关键之年。: a year first named
                # where it is cast, after the figures of the one before, and not
                # looked back on, is the year ahead; the figures are the year
                # before's.
                years = [cast[0] - 1, cast[0]]
            if review is not None and _opens_the_year(title, text, True):
                # 刚刚过去的2007年 / 回顾2019年 in a congress report: the
                # year named is the one reviewed; the meeting is the next.
                years = [review + 1]
                reviewed = True
            elif review is not None:
                # 2023年云南科技工作总结和2024年…部署会议: the summary's year.
                years = [review]
                reviewed = True
        followed = _plenum_year(text[:3000])
        if followed is not None and years and max(years) < followed - 1:
            # 5月14日,…会议全面贯彻了党的十七届六中全会…精神,…对获得2010年度…
            # 奖…表彰: a text that follows a party congress or plenum (held in
            # October 2011) and names only older years speaks from after it
            # (2012). (A text naming no year is left to its file name.)
            years = [followed]
            speaks_from = followed
            if _LAST_YEAR_TIME_RE.search(text[:3000]):
                # …总结了去年…。去年,我县…: it reports on the year before.
                years = [followed - 1, followed]
                ahead = True
        named = name_year(hint.get("name", ""))
        if not years and named and not hint.get("published") and not hint.get("year"):
            # A text that names no year at all (an excerpt cut from its report):
            # the year its file is named by (2023年政府工作报告.docx) dates it.
            years = [named]
            pub_year = named
    pub_month = (published[0], published[1]) if published and published[1] else None
    report_year = years[0] if years else None
    spring = False
    if (
        not title_years
        and pub_month
        and report_year == pub_month[0]
        and pub_month[1] <= 4
        and "全年" in text[:5000]
        and not _review_year(text[:1500])
        # 一季度/1-3月 out in April is this year's first quarter, not last year's.
        and not _title_span(title)
        and not _QUARTER_HEAD_RE.search(text[:600])
    ):
        # Whole-year results published in the spring (全年共申报…, out in March)
        # are last year's; its plans are for the year it is dated.
        report_year -= 1
        spring = True
    lead = _lead_year(lines, title_line)
    if (
        not title_years
        and not spring
        and pub_year is not None
        and report_year == pub_year
        and lead is not None
        and pub_year - 5 <= lead < pub_year
        # 今年1-3季度,…汇报如下 above it: the page reports on this year.
        and not _THIS_SPAN_RE.search(text[:300])
    ):
        # A page dated 2024 whose opening sentence speaks of 2023 (2023年末…,
        # 记者从会上了解到,2023年全省…) reports on 2023; its 今年 is still 2024.
        # A repost dated years later (发布日期 2025, 2023年前三季度,…) as well.
        report_year = lead
        spring = True
    if (
        not title_years
        and not spring
        and pub_month
        and pub_month[1] <= 3
        and report_year == pub_month[0]
        and lead is None
        and _LOOKS_BACK_RE.search(_lead_line(lines, title_line)[:120])
    ):
        # A page of 2024-02-01 whose opening sentence looks back on 过去一年
        # reports on 2023 throughout; its 今年 is still 2024.
        report_year -= 1
        spring = True
    review = _review_year(text[:600]) if title_years else None
    if (
        review is not None
        and len(set(years)) == 1
        and review == years[0] - 1
        and kind != "plan"
    ):
        # 为2025年“划重点” over 报告回顾了2024年工作,并就2025年…部署: the page
        # reviews the year before the one its title names, and plans that one.
        kind = "both"
        report_year = review
        spring = True
    if review is None and not title_years and kind != "plan":
        # 召开…会议,总结2021年经济工作,…研究部署2022年经济工作 opening an
        # untitled story: it reports on the year summed up and plans the next.
        lead_line = _lead_line(lines, title_line)[:200].split("。", 1)[0]
        summed = _review_year(lead_line)
        deployed = _DEPLOYED_YEAR_RE.search(lead_line)
        if summed and deployed and int(deployed.group(1)) == summed + 1:
            kind = "both"
            report_year = summed
            spring = True
    ahead_of_title = bool(
        title_years
        and pub_month
        and pub_month[1] >= 10
        and set(years) == {pub_month[0] + 1}
    )
    if ahead_of_title and kind != "plan":
        # 2023年某市政府工作报告(20221229): a report for the year ahead given
        # late in the year before reviews that year (今年以来) and plans the next.
        kind = "both"
        report_year = pub_month[0]
        spring = True
    plan_year = years[-1] if years else None
    if kind == "both" and len(years) == 1 and report_year is not None and not spring:
        plan_year = report_year
    if hint.get("year"):
        year = int(hint["year"])
        # A year the title already names (the report half of 2021年总结和2022年计划)
        # confirms the title's years; any other year overrides them.
        if year not in years:
            report_year = plan_year = year
    elif not years and hint.get("published"):
        m = re.match(r"(\d{4})", str(hint["published"]))
        if m:
            report_year = plan_year = int(m.group(1))
    doc_year = None
    if (
        title_years
        and pub_month
        and pub_month[1] <= 3
        and set(years) == {pub_month[0] - 1}
    ):
        # 2023年…突破2000家 on a page of 2024-02-01 about 过去一年: it reports on
        # 2023 and its 今年 is 2024.
        doc_year = pub_month[0]
    if ahead_of_title:
        doc_year = pub_month[0]  # its 今年 is the year it was written in
    if not title_years and years:
        doc_year = years[-1] if ahead else pub_year or speaks_from or years[0]
        contrasted = _contrasted_year(text[:3000])
        if pub_year is None and not reviewed and contrasted == years[0]:
            # 2023年…达到12453家,今年上半年,…: an undated text that sets 今年
            # against the year it names speaks from the year after.
            doc_year = years[0] + 1
        elif (
            pub_year is None
            and not reviewed
            and _early_in_year(text[:300])
            and _report_named_year(text[:3000]) != years[0]
            and _LAST_YEAR_LEAD_RE.search(text[:3000])
            and max((int(y) for y in YEAR_RE.findall(text[:3000])), default=0)
            == years[0]
        ):
            # 2月8日,…获悉。去年,该市…;…2022年新认定…: news early in a year
            # that calls last year 去年 names that year by its number too; it
            # speaks from the year after.
            doc_year = years[0] + 1
            if _MEETING_RE.search(text[:300]) and plan_year == years[0]:
                # 1月11日,…人大…会议开幕。…2024年,…交出了…答卷: a congress
                # early in the year plans that year, not the one it reviews.
                plan_year = doc_year
        elif (
            pub_year is None
            and _early_in_year(text[:300])
            and _MEETING_RE.search(text[:300])
            and (reviewed_year := _congress_reviewed_year(text[:3000])) is not None
        ):
            # 2月9日上午,某县…人民代表大会…开幕。…2022年,…全年实现地区生产总值
            # 87.3亿元…;2023年…: a congress early in the year reviews the year
            # before and plans its own.
            doc_year = plan_year = reviewed_year + 1
            report_year = reviewed_year
            kind = "both" if kind != "plan" else kind
        elif (
            pub_year is None
            and not reviewed
            and len(set(years)) == 1
            and _LAST_YEAR_OPENS_RE.search(text[:3000])
            and _THIS_YEAR_OPENS_RE.search(text[:3000])
            and _YEAR_DONE_RE.search(text[:3000])
        ):
            # 在2022年突破2000亿元 … 去年面对疫情冲击,… 今年以来,上半年…: an
            # undated text that calls one year 去年 and another 今年 and names
            # only one by its number names the past one: it speaks from the
            # year after, and its undated spans (上半年) are that year's.
            doc_year = report_year = plan_year = years[0] + 1
        elif (
            pub_year is None
            and not reviewed
            and _headline_says_last_year(title, lines)
            and max((int(y) for y in YEAR_RE.findall(text[:3000])), default=0)
            == years[0]
        ):
            # 去年全社会研发投入达… over 2023年,…研发投入达到…: a headline that
            # calls the latest year it names 去年 speaks from the year after.
            doc_year = years[0] + 1
        elif (
            pub_year is None
            and not reviewed
            and _THIS_SPAN_RE.search(text[:3000])
            and _year_with_result(text[:3000]) == years[0]
        ):
            # 今年1至3月,… then 2022年度…同比增长13%: a year whose growth is
            # already known is over, so the part of 今年 reported on is the
            # next year's, and so is the report.
            doc_year = report_year = plan_year = years[0] + 1
    if doc_year is None and pub_month:
        # No rule above dated the text, but the page carries its date
        # (2013-12-26 15:25 over 报告提出明年的奋斗目标): 今年, 去年 and 明年
        # count from that date, not from the plan year the text names.
        doc_year = pub_month[0]
    # A year the text dates itself by: a title year that is also the
    # publication date's, a publication date, a reviewed year; an undated
    # excerpt counts when it states the new year's targets (主要预期目标).
    dated_year = None
    if title_years and pub_month and set(years) == {pub_month[0]}:
        dated_year = pub_month[0]
    elif not title_years and (pub_year is not None or reviewed):
        dated_year = years[0] if years else None
    elif not title_years and years and _TARGETS_NAMED_RE.search(text[:3000]):
        dated_year = years[0]
    dated = dated_year is not None
    if (
        not ahead_of_title
        and _opens_the_year(title, text, dated)
        and len(set(years)) == 1
        and plan_year
    ):
        # A government work report, a people's congress or a work meeting held
        # early in year Y reviews Y-1 and plans Y.
        kind = "both" if kind != "plan" else kind
        if (
            title_years
            and pub_month
            and pub_month[1] <= 3
            and set(years) == {pub_month[0] - 1}
            and review == years[0]
        ):
            # 政府工作报告解读丨2023年…指标 on a page of 2024-01, its lead telling
            # that the report 总结了2023年…: the title
            # names the year reviewed; the report plans the year it is out in.
            plan_year = pub_month[0]
        doc_year = plan_year
        report_year = plan_year - 1
    if doc_year is None and not years and (first := _titled_plan_year(title)):
        # 某市国民经济和社会发展十四五规划 (its repost's stamp aside): the
        # outline itself speaks from its term's first year and reviews the
        # years up to it.
        doc_year = plan_year = first
        report_year = first - 1
    if doc_year is None and not years and (first := _outline_year(text[:3000])):
        # 会议印发了《某市国民经济和社会发展第十四个五年规划…纲要(草案)》 in a
        # text that names no year: the outline is adopted in its term's first
        # year, which the text speaks from.
        doc_year = plan_year = first
        report_year = first - 1
    term = _NEW_TERM_AIM_RE.search(text[:3000])
    if (
        term is not None
        and pub_year is None
        and years
        and max(years) == FIVE_YEAR_PLAN_FIRST[term.group(1)] - 1
        and _YEAR_DONE_RE.search(text[:3000])
    ):
        # “十三五”期间,GDP预期年均增长12% … 2015年达到520亿元: goals for a term
        # that opens after the last year the text tells the result of; the text
        # speaks from the term's first year and reviews the year before it.
        doc_year = plan_year = FIVE_YEAR_PLAN_FIRST[term.group(1)]
        report_year = plan_year - 1
        kind = "both" if kind != "plan" else kind
    if (
        kind == "report"
        and not title_years
        and _MEETING_RE.search(text[:200])
        and _ANNOUNCES_RE.search(text[:400])
    ):
        # News of a work meeting that opens with this year's plans (…工作会在昆明
        # 召开。今年,全省将…): what follows is the plan; past years stay actuals.
        kind = "plan"
    if kind == "report" and not report and _task_list(text[:6000]):
        # 1.推进创新工程,…培育科技型“小巨人”企业40户。2.…推荐申报高新技术企业5家:
        # a page that is only numbered tasks, with no result told, is what is to
        # be done.
        kind = "plan"
    elif (
        kind == "report"
        and not _HEADLINE_WORDS_RE.search(_PAGE_FURNITURE_RE.sub("", title))
        and _agenda_page(text[:6000])
    ):
        # 推进绿色低碳发展。…确保航道工程通过验收,…吞吐量突破6000万吨: a page
        # cut from a plan's part, its clauses led by what is to be done and no
        # result told anywhere, sets goals even with no heading and no year (a
        # story under a headline is told by its writer: its sentences decide).
        kind = "plan"
    if hint.get("kind") in ("plan", "report", "both"):
        kind = hint["kind"]
    span = _title_span(title) if kind != "plan" else None
    if span is None and kind == "report" and not title_years:
        span = _lead_span(text[:3000], _lead_line(lines, title_line))
    late = False
    if span and pub_month:
        late = report_year == pub_month[0] and pub_month[1] > span[1] + 2
    if span and late:
        # Published months after the span closed (上半年…, out in October): the
        # figures run to the publication date, the span frames only its own.
        span = None
    region = hint.get("region") or detect_region(text, title)
    return DocContext(
        title,
        title_line,
        kind,
        report_year,
        plan_year,
        region,
        doc_year,
        span,
        pub_month[1] if pub_month else None,
    )


# A repost's or revision's stamp on a title: (2025年更新), （2023年修订版）.
_STAMP_RE = re.compile(
    r"[(（]\s*(?:19|20)\d{2}\s*年?(?:\s*\d{1,2}\s*月)?(?:\d{1,2}\s*日)?\s*"
    r"(?:更新|修订|修正|再版|转载|重发|补发)版?\s*[)）]"
)
# A year in a title; not a count (突破2000家, 2000余人).
_TITLE_YEAR_RE = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?![\d.]|\s*(?:[家个项名人户件亿万元吨%‰]|多|余))"
)
# A year blanked out in a template (XX年, ××年, 20XX年).
_REDACTED_YEAR_RE = re.compile(r"(?:(?<![A-Za-z])(?:20)?(?:XX|xx|××|ＸＸ)|\*\*)\s*年")
_REDACTED_YEAR_FIRST_RE = re.compile(r"[2Xx×Ｘ*]")  # see _search
_NOW_YEAR_RE = re.compile(
    r"今\s*[(（]\s*((?:19|20)\d{2})\s*[)）]\s*年"
    # 今年(2024年): the year written out in brackets after 今年.
    r"|今年\s*[(（]\s*((?:19|20)\d{2})\s*年?\s*[)）]"
)


def now_year(head: str) -> int | None:
    """The year a text writes out as its own (今(2024)年), if it names one."""
    years = {int(a or b) for a, b in _NOW_YEAR_RE.findall(head)}
    return years.pop() if len(years) == 1 else None


_NAME_YEAR_RE = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9]{2})(?![0-9])")


def name_year(name: str) -> int | None:
    """The one year a document's file name gives (`2023年工作要点.docx`), if any."""
    stem = re.split(r"[\\/]", name or "")[-1]
    years = set(_NAME_YEAR_RE.findall(stem))
    return int(years.pop()) if len(years) == 1 else None


_QUARTER_HEAD_RE = re.compile(r"(?:第一|一)季度|(?<!\d)1\s*[-—~至到]\s*[2-4]月")
_ANNOUNCES_RE = re.compile(r"(?:^|[。,])今年[^。]{0,30}?(?:将|要|力争|计划|确保)")
# A numbered task: 1.推进…, (二)组建…, 3、完成…
_TASK_ITEM_RE = re.compile(
    r"\s*(?:\d{1,2}\s*[.、]|[(]\s*[一二三四五六七八九十\d]{1,3}\s*[)]|[一二三四五六七八九十]{1,3}、)"
    r"(?!\d)"
)
# What tells a result already had: a comparison with a past period, a growth
# reached, 已 done, 累计 to date, a year reviewed.
_RESULT_TOLD_RE = re.compile(
    r"同比|比上年|较上年|上年同期|比去年|较去年|去年|上年|增长了?\s*\d|增速|已[经完达实建有]|累计|"
    r"实现了|完成了|取得|达到了|回顾|过去|以来|(?:19|20)\d{2}\s*年(?:全年|末|底)"
)


def _task_list(text: str) -> bool:
    """Whether the text is a bare list of numbered tasks that tells no result
    (a 工作要点 or 分工 page cut to its items): what it counts is to be done."""
    lines = [ln.strip() for ln in text.split("\n") if len(ln.strip()) >= 10]
    items = [ln for ln in lines if _TASK_ITEM_RE.match(ln)]
    if len(items) < 3 or len(items) * 4 < len(lines) * 3:
        return False
    return not _RESULT_TOLD_RE.search("\n".join(lines))


# A clause led by what is to be done (推进…, 确保…, ——加快…, 我们要持续…).
_AGENDA_CLAUSE_RE = re.compile(
    r"[。;；,，:：\n]\s*(?:——\s*)?(?:我们要|要|将)?"
    r"(?:继续|进一步|持续|全力|大力|积极|着力|深入|全面|切实|坚决|努力|加快|加大|加强|"
    r"推进|推动|深化|实施|开展|落实|强化|确保|力争|做好|抓好|做优|做强|做实|做大|坚持|"
    r"支持|打造|培育|完善|提升|扩大|谋划|启动|统筹|争取|健全|优化|畅通|构建|建立|筑牢|"
    r"促进|引导|鼓励|繼續|進一步|積極|著力|深入|全面|加快|加強|推進|推動|實施|開展|落實|"
    r"強化|確保|力爭|做好|抓好|堅持|打造|培育|完善|提升|擴大|統籌|爭取|優化|構建|建立|促進)"
)
_CLAUSE_END_RE = re.compile(r"[。;；\n]")
# What tells a result had (stricter than a task list's: 增长12%以上 is a goal's
# wording here): a comparison with a past period, done, a year or quarter told,
# a rank or a record had.
_AGENDA_RESULT_RE = re.compile(
    r"同比|比上年|较上年|上年同期|比去年|较去年|去年|上年|增长了|提高了|下降了|"
    r"(?<!而)已(?!知)|累计|实现了|完成了|取得了?[^。]{0,6}(?:成效|成绩|进展|突破)|回顾|"
    r"过去[一五]年|以来|(?:19|20)\d{2}\s*年(?:全年|末|底|以来)|[一二三上下]季度|"
    r"\d{1,2}\s*[-—至]\s*\d{1,2}\s*月|較上年|累計|實現了|回顧|以來"
    # A rank or a record had is a result (荣获, 跃居第6位, 创历年之最).
    r"|荣获|榮獲|跃居|躍居|创历|創歷"
    # A rank held, a goal met early, a first, the years just past looked back
    # on, the work done told (开展了以下工作): a review, not an agenda.
    r"|位居|位列|提前[^。;]{0,8}完成|首次突破|近年来|近年來|开展了|開展了"
)


# A page's furniture in place of a headline (版次:03 作者:2025年02月07日).
_PAGE_FURNITURE_RE = re.compile(
    r"版次|版面|作者|来源|來源|编辑|責編|责编|日期|时间|第\s*\d+\s*版|[\d年月日:：\s/.-]"
)
_HEADLINE_WORDS_RE = re.compile(r"[\u4e00-\u9fff]{4}")


def _agenda_page(text: str) -> bool:
    """Whether the text is an agenda with no heading: most of its clauses are
    led by a verb of what is to be done and no result is told anywhere."""
    if _AGENDA_RESULT_RE.search(text):
        return False  # most pages tell a result early: the cheap test first
    led = len(_AGENDA_CLAUSE_RE.findall("\n" + text))
    return led >= 8 and led * 3 >= len(_CLAUSE_END_RE.findall(text)) + 1


_TARGETS_NAMED_RE = re.compile(r"主要预期目标|预期目标是|主要目标是|目标任务是")
_MEETING_RE = re.compile(
    r"政府工作报告|人民代表大会|人代会|两会|人大[^,。]{0,6}次会议|(?<!经济)工作会议?(?:在|召开|举行)|"
    r"(?<!经济)工作会议|向大会报告工作"
)
# A day of the month, spaced as text taken from a PDF writes it (1 月 30 日).
_YEAR_MEETING_RE = re.compile(
    r"(?:召开|举行|召開|舉行|开幕|開幕)了?\s*((?:19|20)\d{2})\s*年度?"
    r"[^,。;:!?\n\d]{0,20}?工作(?:会议|會議|会|會)"
)
_MONTH_DAY_RE = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*\d{1,2}\s*日")
_REVIEW_TITLE_RE = re.compile(
    r"回望|回顾|总结|成绩单|年报|统计公报|上半年|前三季度|\d月(?!\d{1,2}日)"
    # 2023年政府工作报告重点任务一季度推进情况: how that year's tasks go.
    r"|季度|(?:推进|进展|落实|完成)情况"
)


def _opens_the_year(title: str, text: str, dated: bool) -> bool:
    """Whether the document is given at the start of its year about the last one:
    a 政府工作报告, a people's congress, a work meeting, an execution report; not
    one dated late in the year (12月30日…经济工作会议) or titled as a review."""
    head = text[:800]
    title = re.sub(r"《[^》]*》", "", title)
    # A news item names the meeting in its title, or, when its title names no
    # year of its own, in its opening lines.
    named = bool(_MEETING_RE.search(title))
    if not named and dated:
        named = bool(_MEETING_RE.search(text[:300]))
    if not named and (own := _YEAR_MEETING_RE.search(text[:300])):
        # 2月28日,…召开2023年全省科技工作会议: an undated page whose meeting
        # names its year, the latest year the opening names, dates itself by it.
        named = max(int(y) for y in YEAR_RE.findall(head)) == int(own.group(1))
    if not named:
        return False
    if _REVIEW_TITLE_RE.search(title):
        return False
    m = _MONTH_DAY_RE.search(head[:300])
    return not (m and int(m.group(1)) >= 7)


# A year in running text that is a deadline or a base, not the document's own.
# 2022年“十大技术攻关项目” names a programme; 2015年以来同期最好 ranks a figure.
_BODY_YEAR_RE = re.compile(
    r"(?<![\d到至比较])((?:19|20)\d{2})年"
    # not 2020年前 (before it), but 2020年前三季度, 2020年前7个月 (a part of it)
    r"(?![底末\d]|前(?!三季度|(?:1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])个?月)"
    r"|度?[“\"「《]|以来(?:同期)?最)"
)


_REVIEW_YEAR_RE = re.compile(
    r"(?:刚刚过去的|过去的|回顾了?|回望|总结了?)"
    + GLOSSES
    + r"\s*((?:19|20)\d{2})\s*年"
    r"|((?:19|20)\d{2})年[\u4e00-\u9fff]{0,12}?(?:工作)?总结"
)
_REVIEW_YEAR_FIRST_RE = re.compile(r"[刚过回总12]")  # see _search
# 研究部署2022年经济工作, 安排部署2022年工作: the year a meeting plans.
_DEPLOYED_YEAR_RE = re.compile(r"部署" + GLOSSES + r"\s*((?:19|20)\d{2})\s*年")


# A year as the subject of an opening sentence (2023年末, 2023年,全省…); not a
# deadline (到2025年), a base (比2022年), a span's start (2017年以来) or a date.
_LEAD_YEAR_RE = re.compile(
    r"(?<![\d到至比较于])((?:19|20)\d{2})\s*年"
    # not 2020年前 (before it) nor 2023年以来, but 2023年前三季度, 2023年前7个月
    r"(?![后\d]|前(?!三季度|(?:1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])个?月)"
    r"|以来|\s*\d{1,2}\s*月|度?[“\"「《])"
)


_LOOKS_BACK_RE = re.compile(r"过去一年|过去的一年|一年来")


def _lead_line(lines: list[str], title_line: int) -> str:
    """The first line after the title that reads as running text (it ends a
    sentence with 。), in whatever characters the page used."""
    for raw in lines[title_line + 1 : title_line + 30]:
        line = raw.strip()
        if len(line) < 30 or "。" not in line or BOILERPLATE_RE.search(line[:40]):
            continue
        return line
    return ""


def _lead_year(lines: list[str], title_line: int) -> int | None:
    """The one year the opening sentences of the body name, if they name only
    one."""
    lead = _lead_line(lines, title_line)[:300]
    years = {
        int(m.group(1))
        for m in _LEAD_YEAR_RE.finditer(lead)
        # 比疫情前的2019年增长: a base year a few words on from 比/较.
        if not _LEAD_BASE_BEFORE_RE.search(lead, max(0, m.start() - 10), m.start())
        # 这是继2018年…之后, 早在2015年: an earlier event the news follows on.
        and not _LEAD_EARLIER_BEFORE_RE.search(lead, max(0, m.start() - 3), m.start())
    }
    return years.pop() if len(years) == 1 else None


_LEAD_BASE_BEFORE_RE = re.compile(r"(?:比|较|與|与|相比|同)[^,;。\d]{0,8}$")
_LEAD_EARLIER_BEFORE_RE = re.compile(r"(?:继|早在|曾于|曾在)\s*$")


_YEAR_AS_WHAT_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(全年|同期|底|末)")
_LAST_YEAR_AS_RE = re.compile(r"(?<![比较与同于])去年(全年|同期|底|末)")


def _last_year_by_number(head: str) -> int | None:
    """The year an undated text names as last year: the same thing said of a
    year by its number and of 去年/上年 (2020年全年 … 去年全年), when no later
    year is named."""
    found = {
        (int(m.group(1)), m.group(2))
        for m in finditer_from(_YEAR_AS_WHAT_RE, _CENTURY_FIRST_RE, head)
    }
    # 比上年末增加 compares; 去年全年的8118.5亿元 names that year's figure.
    said = {m.group(1) for m in _LAST_YEAR_AS_RE.finditer(head)}
    years = {y for y, what in found if what in said}
    if len(years) != 1:
        return None
    year = years.pop()
    named = [int(y) for y in YEAR_RE.findall(head)]
    return year if max(named, default=year) == year else None


# A clause framed by a year with a figure in it, then one framed by 今年 in the
# same sentence or the next (2023年…达到12453家,今年上半年,…; …家。⏎今年以来,…).
_CONTRAST_RE = re.compile(
    r"(?<![\d到至比较])((?:19|20)\d{2})年(?![是为底末前后\d])[^。\n]*?\d[^。\n]*?[,;。]\s*今年"
)
# A year that only names the report the text draws on (2025年某市政府工作报告,
# 2024年《政府工作报告》): the report is delivered in that year, so its 去年 and
# 今年 are told from it; the year is not one the text's figures are of.
_REPORT_NAMED_RE = re.compile(
    r"(?<![\d到至比较])((?:19|20)\d{2})\s*年(?:度)?[^。;,，、\n\d]{0,12}?"
    r"《?(?:政府|人民政府|政府工作)?工作报告"
)
_LAST_YEAR_WORD_RE = re.compile(r"去年|上年|过去一年")


# 今年1至3月, 今年前7个月, 今年上半年: the part of this year a text reports on.
_THIS_SPAN_RE = re.compile(
    r"今年(?:1|一)(?:月份?)?\s*[-~—–至到]\s*(?:1[0-2]|[2-9])月"
    r"|今年(?:前(?:1[0-2]|[2-9]|[二三四五六七八九十])个?月|上半年|前三季度|(?:第)?一季度"
    r"|1\s*[-~—–至到]\s*[2-4]季度)"
)
# A named year with its year-on-year growth (2022年度…申报额同比增长13%).
_YEAR_RESULT_RE = re.compile(
    r"(?<![\d到至比较])((?:19|20)\d{2})年度?(?![底末前后\d])"
    r"([^。;\n]{0,40}?)(?:同比|比上年)(?:增长|下降|提高)\d"
)
_GOAL_WORD_RE = re.compile(r"力争|确保|目标|预计|计划|将|要")


def _year_with_result(head: str) -> int | None:
    """The one year an undated text gives a year-on-year result of."""
    years = {
        int(m.group(1))
        for m in _YEAR_RESULT_RE.finditer(head)
        if not _GOAL_WORD_RE.search(m.group(2))
    }
    return years.pop() if len(years) == 1 else None


def _contrasted_year(head: str) -> int | None:
    m = _search(_CONTRAST_RE, _CENTURY_FIRST_RE, head)
    if m is None:
        return None
    if _REPORT_NAMED_RE.match(head, m.start()) and _LAST_YEAR_WORD_RE.search(
        m.group(0)
    ):
        # 从2025年某市政府工作报告获悉,去年…增长3.5%。今年,…: the year names the
        # report, whose 去年 holds the figure; 今年 is the report's year.
        return None
    return int(m.group(1))


def _report_named_year(head: str) -> int | None:
    """The year of the report a text quotes (记者从2025年…政府工作报告获悉), when
    it is the latest year the text names."""
    m = _REPORT_NAMED_RE.search(head)
    if m is None:
        return None
    year = int(m.group(1))
    named = [int(y) for y in YEAR_RE.findall(head)]
    return year if max(named, default=year) == year else None


# A paragraph opening on a year told the way a report looks back on it
# (2019年,在市委的坚强领导下,…; 2022年,面对…; 2021年,我们…; 2020年,全县上下…),
# with a result got (了, 完成, 取得) before anything still to do (将, 要, 力争).
_YEAR_LOOKED_BACK_RE = re.compile(
    r"(?:^|\n)\s*((?:19|20)\d{2})\s*年\s*[,:]\s*"
    r"(?:在[^。;!?\n]{1,30}?(?:领导|支持|监督|关心|指导)下|面对|面临|我们|"
    r"全(?:市|县|区|州|省|旗|盟)(?:上下|人民)|(?:县|市|区|州|旗|盟)(?:委|政府))"
)
_LOOKED_BACK_DONE_RE = re.compile(r"了|完成|取得|实现|交出")
_LOOKED_BACK_AHEAD_RE = re.compile(r"将(?!近)|(?<![主重需])要|力争|确保|必须|计划")
_LOOKED_BACK_REACH = 120


def _review_year(head: str) -> int | None:
    m = _search(_REVIEW_YEAR_RE, _REVIEW_YEAR_FIRST_RE, head)
    if m:
        return int(m.group(1) or m.group(2))
    for m in _YEAR_LOOKED_BACK_RE.finditer(head):
        after = head[m.end() : m.end() + _LOOKED_BACK_REACH].split("。", 1)[0]
        done = _LOOKED_BACK_DONE_RE.search(after)
        if done and not _LOOKED_BACK_AHEAD_RE.search(after, 0, done.start()):
            return int(m.group(1))
    return None


# 2023年是…开局之年, 2020年是…极不平凡的一年: a year cast by what it is. What
# follows tells whether the text looks back on it (一年来,…; 面对…,我们坚持…;
# 这一年,…) or plans it (做好…工作,要…; 必须…; 现提出如下要点).
_CAST_YEAR_RE = re.compile(
    r"(?<![\d到至比较])((?:19|20)\d{2})年是[^。;\n]{2,80}?(?:之年|一年|关键年)"
)
_CAST_REVIEW_RE = re.compile(
    r"一年来|一年以来|这一年|过去的?一年|年初以来|面对|面临|全(?:市|县|区|州|省|旗)上下|"
    r"在[^,。;\n]{1,24}(?:领导|支持|监督)下|我们(?!要|将|必须)|(?:本届|县|市|区|州|旗)政府(?:坚持|始终)|"
    # a figure told as reached (GDP增加5.2%, 总量达到1.2万亿元)
    r"(?:增长|增加|达到|实现|完成|突破)\d[\d.]*(?:%|亿|万)"
)
_CAST_PLAN_RE = re.compile(
    r"做好|意义重大|必须|(?<![重需主])要(?:以|坚持|着眼|着力|全面|深入|坚定|聚焦|突出)|"
    r"现(?:提出|制定|结合)|特制定|为(?:推动|推进|贯彻|扎实|确保|全面)|今年|将在|强调要|"
    r"(?:全年|今年)[^,。;\n]{0,12}(?:预期)?目标"
)
_CAST_REACH = 150


def _cast_year(head: str) -> tuple[int, bool | None, int] | None:
    """The first year the text casts (2023年是…之年), where, and whether it
    looks back on it (True) or plans it (False): the cue met first after it
    decides; None when none follows."""
    m = _CAST_YEAR_RE.search(head)
    if m is None:
        return None
    after = head[m.end() : m.end() + _CAST_REACH]
    r = _CAST_REVIEW_RE.search(after)
    p = _CAST_PLAN_RE.search(after)
    if r is None and p is None:
        looks_back = None
    else:
        looks_back = p is None or (r is not None and r.start() < p.start())
    return int(m.group(1)), looks_back, m.start()


_PLAN_TERM_RE = re.compile(
    r"(?:今年|本年|明年)?是?“?十([二三四五])五”?(?:规划)?(?:的)?(收官|开局|起步|最后一|第一)"
)
_PLAN_TERM_FIRST_RE = re.compile(r"[今本明是“十]")  # see _search


# A five-year plan's term told as a whole, then the next plan's ahead in the
# same sentence (通报“十四五”时期…总体情况,以及“十五五”时期的思路举措).
_TERM_THEN_NEXT_RE = re.compile(
    r"“?十([二三四])五”?(?:规划)?(?:时期|期间|以来)[^。\n]{0,60}?“?十([三四五])五”?"
    r"(?:规划)?(?:时期|期间)?的?(?:思路|谋划|目标|举措|打算|规划|开局)"
)


# The proposal for a five-year plan (《…第十四个五年规划和…远景目标的建议》,
# “十四五”规划建议), and this year's targets set beside it.
_PROPOSAL_RE = re.compile(
    r"(?:第十([二三四五])个五年规划|“?十([二三四五])五”?规划)[^。;》\n]{0,120}?建议"
)
_THIS_YEAR_TARGETS_RE = re.compile(
    r"今年[^。;\n]{0,24}?(?:主要预期目标|预期目标|主要目标|目标任务)"
)


def _proposal_year(head: str) -> int | None:
    """The first year of the five-year plan whose proposal a text adopts, when
    it also sets 今年's targets (the proposal is adopted on the eve of the term,
    and the year's targets are the term's first)."""
    m = _PROPOSAL_RE.search(head)
    if m is None or not _THIS_YEAR_TARGETS_RE.search(head):
        return None
    return FIVE_YEAR_PLAN_FIRST[m.group(1) or m.group(2)]


# The outline of a five-year plan laid before a congress (印发了《…第十四个五年
# 规划和二〇三五年远景目标纲要(草案)》): adopted in the term's first year.
_OUTLINE_RE = re.compile(
    r"(?:印发|审议|通过|提交|讨论|表决)了?《[^》\n]{0,40}?"
    r"(?:第十([二三四五])个五年规划|“?十([二三四五])五”?规划)[^。;》\n]{0,30}?纲要"
)


_TITLED_PLAN_RE = re.compile(
    r"(?:第十([二三四五])个五年规划|“?十([二三四五])五”?(?:规划|发展规划))(?:纲要|和|$)"
)


def _titled_plan_year(title: str) -> int | None:
    """The first year of the five-year plan a title names as the document."""
    m = _TITLED_PLAN_RE.search(title)
    return FIVE_YEAR_PLAN_FIRST[m.group(1) or m.group(2)] if m else None


def _outline_year(head: str) -> int | None:
    m = _OUTLINE_RE.search(head)
    return FIVE_YEAR_PLAN_FIRST[m.group(1) or m.group(2)] if m else None


_PLAN_END_RE = re.compile(r"(?:^|[。;\n])\s*“?十([二三四五])五”?(?:期)?末[,:]")


def _plan_end_year(head: str) -> int | None:
    """The last year of the one five-year plan whose end opens a clause."""
    ends = {FIVE_YEAR_PLAN_FIRST[m.group(1)] + 4 for m in _PLAN_END_RE.finditer(head)}
    return ends.pop() if len(ends) == 1 else None


def _plan_term_year(head: str) -> int | None:
    """The year a text names as the first or last of a five-year plan, or
    speaks from as the last of a term it reviews before the next one's plans."""
    m = _search(_PLAN_TERM_RE, _PLAN_TERM_FIRST_RE, head)
    if m is None:
        t = _TERM_THEN_NEXT_RE.search(head)
        if t is None:
            return None
        first = FIVE_YEAR_PLAN_FIRST[t.group(1)]
        return first + 4 if FIVE_YEAR_PLAN_FIRST[t.group(2)] == first + 5 else None
    first = FIVE_YEAR_PLAN_FIRST[m.group(1)]
    return first if m.group(2) in ("开局", "起步", "第一") else first + 4


# A year of the place's history in a yearbook's 概况 (洪武三十一年(1398年),
# 1987年,地级威海市成立): when it was founded or renamed, not the year covered.
_HISTORY_AFTER_RE = re.compile(
    r"[^。;\n]{0,24}?(?:成立|设立|设置|建市|建县|设县|设市|撤县|撤地|建制|始建|建置|"
    r"更名|改名|改称|划归|升格|置县)"
)


def _history_year(head: str, m: re.Match[str]) -> bool:
    a, b = m.span()
    if head[a - 1 : a] in "((" and head[b : b + 1] in "))" and a > 0:
        return True  # (1398年): a reign year written out
    return bool(_HISTORY_AFTER_RE.match(head, b))


# A base year a figure is measured against: a multiple or share of it (是2012年
# 的5倍, 为2015年的两倍, 相当于2019年同期的九成), or a year set beside it
# (与2019年相比, 同2020年同期相比), or the start of a from-to (由2012年的51.9
# 平方公里提高到…): the year compared with, not the one reported.
_MULTIPLE_OF_YEAR_RE = re.compile(
    r"(?:同期)?的\s*(?:\d[\d.]*|[一二两兩三四五六七八九十百半]{1,3})[倍成]"
)
_BESIDE_YEAR_RE = re.compile(r"(?:同期)?(?:相比|相较|对比|比较)")
_BESIDE_BEFORE = ("与", "與", "同", "和", "跟")


def _base_year(head: str, m: re.Match[str]) -> bool:
    if _MULTIPLE_OF_YEAR_RE.match(head, m.end()):
        return True
    if head[max(0, m.start() - 1) : m.start()] in ("由", "从") and head.startswith(
        "的", m.end()
    ):
        return True
    return head[max(0, m.start() - 1) : m.start()] in _BESIDE_BEFORE and bool(
        _BESIDE_YEAR_RE.match(head, m.end())
    )


# The end of a from-to told as reached (由2021年的2.59件增长至2023年的4.04件):
# a year with its own value, not a deadline (到2025年,…).
_REACHED_YEAR_RE = re.compile(
    r"(?<=[由从])((?:19|20)\d{2})年的[^,;。]{1,24}?(?:增长|增加|提高|提升|上升|扩大)[至到]"
    r"((?:19|20)\d{2})年的\s*\d"
)

# 今年…揭晓的2023年度国家科学技术奖: an award for a year is given out in the
# year after it, the year the text calls 今年.
_AWARD_GIVEN_RE = re.compile(
    r"今年[^,，。;]{0,10}?(?:揭晓|颁发|公布|评出|授予)的?\s*((?:19|20)\d{2})年度"
    r"[^,，。;:\d]{0,14}?(?:奖|榜单|排行榜|名单|评选)"
)


# A deadline (到2025年, 力争到2027年, 预计至2030年) and the stop of its sentence.
_DEADLINE_YEAR_RE = re.compile(r"(?:到|至)\s*((?:19|20)\d{2})\s*年")
_SENTENCE_STOP_RE = re.compile(r"[。;!?\n]")


def _after_deadline(head: str, m: re.Match[str]) -> bool:
    """Whether the year at `m` goes on from a deadline earlier in its sentence
    (到2025年,…达到500家,2030年达到800家): a later stage of the same goal."""
    start = max(
        (
            s.end()
            for s in _SENTENCE_STOP_RE.finditer(
                head, max(0, m.start() - 120), m.start()
            )
        ),
        default=max(0, m.start() - 120),
    )
    return any(
        int(d.group(1)) < int(m.group(1))
        for d in _DEADLINE_YEAR_RE.finditer(head, start, m.start())
    )


def _body_years(head: str) -> list[int]:
    years = [
        (m.start(), int(m.group(1)))
        for m in finditer_from(_BODY_YEAR_RE, _CENTURY_FIRST_RE, head)
        if not _history_year(head, m)
        and not _in_book_title(head, m.start())
        and not _base_year(head, m)
        and not _after_deadline(head, m)
    ]
    years += [(m.start(2), int(m.group(2))) for m in _REACHED_YEAR_RE.finditer(head)]
    years += [(m.start(1), int(m.group(1)) + 1) for m in _AWARD_GIVEN_RE.finditer(head)]
    return [y for _, y in sorted(years)]


def _in_book_title(head: str, pos: int) -> bool:
    """Whether `pos` stands inside a document's name (《…行动方案(2025—2027年)》):
    the term of a programme, not the year a text speaks from."""
    opened = head.rfind("《", max(0, pos - 80), pos)
    return (
        opened >= 0
        and head.rfind("》", opened, pos) < 0
        and "》" in head[pos : pos + 40]
    )


_WHOLE_YEAR_RE = re.compile(r"(?:^|[。,;\n])(?:全年|年末)")
# 2017年6月,…获评…: an event dated by its month, told as done.
_DATED_EVENT_RE = re.compile(
    r"(?<![\d到至比较])((?:19|20)\d{2})年(?:1[0-2]|[1-9])月份?(?:\d{1,2}日)?[,,]"
    r"(?![^。;]{0,12}?(?:将|要|力争|计划|预计|确保|起))"
)


_DOC_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{1,8}[发函字]\s*[〔\[(【]((?:19|20)\d{2})[〕\])】]\s*\d{1,4}\s*号"
)


def _doc_number_year(head: str) -> int | None:
    """The one year of the document numbers (X政发〔2017〕3号) a text cites."""
    years = {int(m.group(1)) for m in _DOC_NUMBER_RE.finditer(head)}
    return years.pop() if len(years) == 1 else None


def _dated_event_year(head: str) -> int | None:
    """The one year of the events an undated text dates by month, or None."""
    years = {int(m.group(1)) for m in _DATED_EVENT_RE.finditer(head)}
    return years.pop() if len(years) == 1 else None


def _body_year(head: str) -> int | None:
    """The year an undated excerpt speaks from: the latest year it names near the
    top (2020年…增长3.7%, 2021年…目标为… is a text of 2021), if the years there
    are close together; a year reached for (到2035年) or a year of the place's
    history (1987年,…市成立) is not counted."""
    years = _body_years(head)
    if not years:
        return None
    latest = max(years)
    rest = [y for y in years if y != latest]
    if rest and latest - max(rest) > 5 and years.count(latest) == 1:
        # 2017年会…, 2043年,全县新增…: one year far past every other the text
        # names is a slip or a distant goal, not the year it speaks from.
        years = rest
        latest = max(years)
    near = [y for y in years if latest - y <= 2]
    return latest if len(near) * 2 >= len(years) else max(set(years), key=years.count)


# What a year named for plans is followed by in its clause (2024年,全市将…).
_PLAN_AFTER_YEAR_RE = re.compile(
    r"((?:19|20)\d{2})年[^。;,]{0,3}[,,]?[^。;]{0,16}?(?:将|要|力争|计划|预计|确保)"
)


def _planned_only_year(head: str) -> int | None:
    """The latest year a text names, when every mention of it opens a plan
    (2024年,全市将加快…)."""
    years = [
        int(m.group(1)) for m in finditer_from(_BODY_YEAR_RE, _CENTURY_FIRST_RE, head)
    ]
    if not years:
        return None
    latest = max(years)
    planned = sum(1 for y in _PLAN_AFTER_YEAR_RE.findall(head) if int(y) == latest)
    planned += sum(1 for y in _WORK_YEAR_OPENED_RE.findall(head) if int(y) == latest)
    return latest if planned >= years.count(latest) else None


# 召开2020年度…高企培育工作会, 启动2020年度…工作: the work of a year ahead set going.
_WORK_YEAR_OPENED_RE = re.compile(r"(?:召开|启动|部署|谋划|安排)((?:19|20)\d{2})年度")


# 继2014年…之后,我市去年继续…, 在2022年…的基础上,今年…: a relative year told
# as coming after a year named by its number, in the same sentence.
_AFTER_NAMED_YEAR_RE = re.compile(
    r"(?:继|在)\s*((?:19|20)\d{2})\s*年[^。;!?\n]{0,120}?(?:之后|以后|的基础上)"
    r"[^。;!?\n]{0,24}?(去年|上年|今年)"
)


def _year_after_named(head: str) -> tuple[int, int] | None:
    """The year reported on and the year spoken from, when the text tells 去年
    (or 今年) as coming after a year it names."""
    m = _AFTER_NAMED_YEAR_RE.search(head)
    if m is None:
        return None
    year = int(m.group(1)) + 1
    return (year, year + 1) if m.group(2) != "今年" else (year, year)


def _plans_after_review(head: str, year: int) -> bool:
    """Whether every mention of `year`, the latest a text names, opens a plan
    while the year before is named in the body (not as a base or a deadline)."""
    return _planned_only_year(head) == year and year - 1 in _body_years(head)


def _named_year(head: str, year: int) -> bool:
    return any(int(y) == year for y in YEAR_RE.findall(head))


_LAST_YEAR_LEAD_RE = re.compile(r"(?:^|[。;!?\n])\s*去年[,:]")
# 去年 and 今年(以来) opening a sentence or paragraph: the times a text tells.
_LAST_YEAR_OPENS_RE = re.compile(r"(?:^|[。;!?\n])\s*去年(?!同期|同月)")
_THIS_YEAR_OPENS_RE = re.compile(r"(?:^|[。;!?\n])\s*今年")
# Goals set for a five-year plan's whole term (“十三五”期间,GDP预期年均增长…).
_NEW_TERM_AIM_RE = re.compile(
    r"“?十([二三四五])五”?(?:期间|时期)[^。\n]{0,30}?(?:预期|力争|将|目标|确保)"
)
# A year told by its result (在2022年突破2000亿元, 2022年实现增长5%).
_YEAR_DONE_RE = re.compile(
    r"(?:19|20)\d{2}\s*年[^,。;\n]{0,12}?(?:突破|达到|实现|完成|增长|超过)\s*\d"
)
# 去年 as the time of a clause (据了解,去年,我县…), not a base (比去年).
_LAST_YEAR_TIME_RE = re.compile(r"(?:^|[。;!?\n,])\s*去年[,:]")
# 去年 in a headline as a time (去年某市新增…), not a base (比去年, 去年同期).
_LAST_YEAR_TITLE_RE = re.compile(r"(?<![比较与同于])去年(?!同期|同月)")


def _headline_says_last_year(title: str, lines: list[str]) -> bool:
    """Whether the title, or a headline-like line at the top (short, no full
    stop), tells its figure as 去年's."""
    heads = [title] + [ln for ln in lines[:8] if len(ln) <= 60 and "。" not in ln]
    return any(_LAST_YEAR_TITLE_RE.search(h) for h in heads if h)


def _speaks_after(head: str, year: int) -> bool:
    """Whether an undated text tells `year` as over (预计2020年…, 截至2022年年底)
    while it plans 今年 (今年,全市将…) or is a congress's news early in a year
    (1月7日,在…人大…会议上): it speaks from the year after."""
    over = re.search(
        rf"预计{year}年|截[至止]{year}年(?:年)?[底末]|(?<!\d){year}年全年", head
    )
    meeting = _early_in_year(head[:300]) and bool(_MEETING_RE.search(head[:300]))
    if over is None:
        # 1月30日,…人民代表大会…开幕。报告指出,2023年,全市地区生产总值增长
        # 4.6%: a congress early in a year tells the year it names by results.
        return meeting and _told_by_results(head, year)
    return bool(_ANNOUNCES_RE.search(head)) or meeting


# A year told by its results in the clauses after it (2023年,全市…增长4.6%);
# a goal's words (目标, 力争, 左右, 以上) make it a plan.
_RESULTS_AFTER_YEAR_RE = re.compile(
    r"\s*年[,:]?([^。;]{0,30}?)(?:增长|下降|完成|实现|达到?)\s*\d[\d.]*\s*(?:%|亿|万|个|家)"
    r"(?!\s*(?:左右|以上))"
)


def _told_by_results(head: str, year: int) -> bool:
    for m in re.finditer(rf"(?<![\d到至比较]){year}", head):
        r = _RESULTS_AFTER_YEAR_RE.match(head, m.end())
        if r is not None and not _GOAL_WORD_RE.search(r.group(1)):
            return True
    return False


# A year named by its number (2009年), not inside a longer number.
NAMED_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def _congress_reviewed_year(head: str) -> int | None:
    """The year a congress's story reviews: the first year it names opens a
    sentence of results (2022年,…全年实现地区生产总值87.3亿元), and the only
    later year it names is the next (its plans)."""
    named = sorted({int(y) for y in NAMED_YEAR_RE.findall(head)})
    if len(named) != 2 or named[1] != named[0] + 1:
        return None
    # (a Traditional page's glosses stand between a name and its figure)
    done = re.search(
        rf"{named[0]}\s*年,[^。]{{0,120}}?(?:实现|完成|达到|新增|突破|增长)[^,。;]{{0,30}}?\d",
        head,
    )
    return named[0] if done else None


def _early_in_year(head: str) -> bool:
    """Whether the opening lines date the text in its first months (2月8日,…)."""
    m = _MONTH_DAY_RE.search(head)
    return m is not None and int(m.group(1)) <= 3


def _late_in_year(head: str) -> bool:
    """Whether the opening lines date the text late in its year (12月28日,…)."""
    m = _MONTH_DAY_RE.search(head)
    return m is not None and int(m.group(1)) >= 10


_TITLE_SPAN_RE = re.compile(
    r"(?:(?:1|一)(?:月份?)?\s*[-~—–至到]\s*|(?<![提之以此])前)(1[0-2]|[2-9])个?月"
    r"|(上半年)|(前三季度)|(?:1|一|第一)\s*[-~—–至到]\s*([2-4])季度|(一季度|第一季度)"
    # 目标任务三季度进展情况: the year's targets as far as the quarter's end.
    r"|(?<![前第一\d])([二三])季度(?=(?:进展|完成|推进|落实)情况)"
)


_SPAN_BASE_BEFORE_RE = re.compile(
    r"(?:[比较与同]|高于|低于|快于|慢于|相比|对比)[于与和]?(?:同期|全年)?$"
)


def _lead_span(head: str, lead: str) -> tuple[int, int] | None:
    """The part of the year an untitled report is about: the span its opening
    sentence names (根据…发布的数据,2022年,前三季度…), when every span the
    text names is that one and it is named again further on (其他指标方面,
    前三季度…). A span compared with (较上半年) does not count."""
    opening = _TITLE_SPAN_RE.search(lead[:160].split("。", 1)[0])
    told = None
    if opening is None:
        # 会议通报了某县2018年一季度经济运行情况: the span a meeting's story
        # says was reported on, near its top.
        told = next(
            (
                m
                for m in _TITLE_SPAN_RE.finditer(head, 0, 400)
                if _TOLD_SPAN_AFTER_RE.match(head, m.end())
                and _TOLD_SPAN_VERB_RE.search(head, max(0, m.start() - 30), m.start())
            ),
            None,
        )
        if told is None:
            return None
    span = _title_span((opening or told).group())
    named = [
        _title_span(m.group())
        for m in _TITLE_SPAN_RE.finditer(head)
        if not _SPAN_BASE_BEFORE_RE.search(head, max(0, m.start() - 5), m.start())
    ]
    if len(named) >= (2 if told else 3) and all(n == span for n in named):
        return span
    return None


# What a meeting's story says was reported on: 通报了…一季度经济运行情况.
_TOLD_SPAN_VERB_RE = re.compile(r"(?:通报|分析|总结|听取|发布|公布)了?[^。,]{0,24}$")
_TOLD_SPAN_AFTER_RE = re.compile(r"的?(?:经济运行|主要经济指标|经济形势|经济发展)")


def _title_span(title: str) -> tuple[int, int] | None:
    m = _TITLE_SPAN_RE.search(title)
    if m is None:
        return None
    if m.group(1):
        return (1, int(m.group(1)))
    if m.group(2):
        return (1, 6)
    if m.group(3):
        return (1, 9)
    if m.group(4):
        return (1, 3 * int(m.group(4)))  # 1-3季度
    if m.group(5) is None and m.group(6):
        return (1, 3 * "一二三".index(m.group(6)) + 3)  # 三季度进展情况
    return (1, 3)


# When each party congress (N大, 一中全会 with it) and plenum was held: (year,
# month). A text that follows one (贯彻…十七届六中全会精神) is written after it.
_PLENUMS: dict[tuple[int, int], tuple[int, int]] = {
    (16, 0): (2002, 11),
    (16, 1): (2002, 11),
    (16, 2): (2003, 2),
    (16, 3): (2003, 10),
    (16, 4): (2004, 9),
    (16, 5): (2005, 10),
    (16, 6): (2006, 10),
    (16, 7): (2007, 10),
    (17, 0): (2007, 10),
    (17, 1): (2007, 10),
    (17, 2): (2008, 2),
    (17, 3): (2008, 10),
    (17, 4): (2009, 9),
    (17, 5): (2010, 10),
    (17, 6): (2011, 10),
    (17, 7): (2012, 11),
    (18, 0): (2012, 11),
    (18, 1): (2012, 11),
    (18, 2): (2013, 2),
    (18, 3): (2013, 11),
    (18, 4): (2014, 10),
    (18, 5): (2015, 10),
    (18, 6): (2016, 10),
    (18, 7): (2017, 10),
    (19, 0): (2017, 10),
    (19, 1): (2017, 10),
    (19, 2): (2018, 1),
    (19, 3): (2018, 2),
    (19, 4): (2019, 10),
    (19, 5): (2020, 10),
    (19, 6): (2021, 11),
    (19, 7): (2022, 10),
    (20, 0): (2022, 10),
    (20, 1): (2022, 10),
    (20, 2): (2023, 2),
    (20, 3): (2024, 7),
    (20, 4): (2025, 10),
}
# 贯彻(落实)党的十七届六中全会…, 学习贯彻党的二十大精神: what the text follows.
_PLENUM_RE = re.compile(
    r"(?:贯彻|学习|落实|按照|根据|遵循)[^。;\n]{0,24}?"
    r"(?<![一二三四五六七八九十])(十[六七八九]|二十)(?:届([一二三四五六七])中全会|大(?![学会]))"
)


def _plenum_year(head: str) -> int | None:
    """The year a text speaks from at the earliest, after the latest party
    congress or plenum it says it follows: that year when the text is dated
    in a later month (11月8日), else the next (a plenum in the autumn is
    followed in the spring after); None when it names none."""
    held = None
    for m in _PLENUM_RE.finditer(head):
        term = cn_to_int(m.group(1))
        when = _PLENUMS.get((term, cn_to_int(m.group(2)) if m.group(2) else 0))
        if when is not None and (held is None or when > held):
            held = when
    if held is None:
        return None
    month = _MONTH_DAY_RE.search(head[:300])
    if month is not None:
        return held[0] if int(month.group(1)) > held[1] else held[0] + 1
    return held[0] + 1 if held[1] >= 9 else held[0]
