"""Self-claims: where a report says its targets were 完成 / 超额完成 / 未完成.

Pure functions over text and spans. :func:`find_claims` finds the statements;
:func:`claimed_indicators` maps one claim to the indicators it speaks about, given
the mentions (indicator name plus character span) the extractor found in the same
text. The services then look up the targets those indicators and periods belong to.

Two scopes:

* *sentence*: ``技术合同成交额达到2.44亿元,超额完成省厅下达的1.8亿元目标任务`` speaks
  about the indicators mentioned in its own sentence;
* *section*: ``以上指标除高新技术企业数量目标外,其余指标均完成了目标任务`` speaks about
  every indicator mentioned since the last heading, with the named exceptions
  claimed the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from targets.display import MET, MISSED

SENTENCE = "sentence"
SECTION = "section"

_NEGATION = r"(?:未能|未|没有|尚未|没能)"
_GOAL = r"(?:目标任务|指标任务|计划任务|目标|考核指标)"

_SECTION_CLAIM = re.compile(
    r"(?:以上|上述)(?:各项|主要)?(?:指标|目标)"
    r"(?:中)?(?:[,\uff0c]?除(?P<exceptions>[^。;\uff1b]{1,60}?)(?:目标|指标)?外)?"
    r"[,\uff0c]?(?:其余|其他|其它)?(?:各项)?(?:指标|目标)?"
    r"(?:均|全部|都|全面)?(?:已|已经)?"
    rf"(?P<negation>{_NEGATION})?(?:超额)?完成(?:了)?(?!情况)"
    r"(?:[^。;\uff1b,\uff0c]{0,12}?(?:目标任务|目标|任务))?"
)
_SENTENCE_CLAIM = re.compile(
    rf"(?P<negation>{_NEGATION})?(?P<exceeded>超额)?完成(?:了)?"
    rf"(?P<object>[^。;\uff1b,\uff0c]{{0,24}}){_GOAL}"
)
# A plan promising to 完成 its goals is not a claim that they were reached.
_MODAL = re.compile(r"(?:确保|力争|争取|努力|全力|保证|推动|要|将|为)\s*$")
_SENTENCE_END = re.compile(r"[。;\uff1b!\uff01?\uff1f\n]")
_HEADING = re.compile(
    r"^\s*(?:[(\uff08][一二三四五六七八九十]+[)\uff09]|[一二三四五六七八九十]+、)",
    re.MULTILINE,
)
_EXCEPTION_SPLIT = re.compile(r"[、,\uff0c和及与]")


@dataclass(frozen=True, slots=True)
class Claim:
    start: int
    end: int
    quote: str
    status: str  # MET | MISSED
    scope: str  # SENTENCE | SECTION
    scope_start: int
    scope_end: int
    exceptions: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class MentionSpan:
    indicator: str
    start: int
    end: int
    kind: str = "actual"  # "target" for a goal quoted back (省厅下达的1.8亿元目标)


def find_claims(text: str) -> list[Claim]:
    """Every self-claim in the text, in order of appearance."""
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    for m in _SECTION_CLAIM.finditer(text):
        exceptions = tuple(
            part.strip()
            for part in _EXCEPTION_SPLIT.split(m["exceptions"] or "")
            if part.strip()
        )
        status = MISSED if m["negation"] else MET
        claims.append(
            Claim(
                start=m.start(),
                end=m.end(),
                quote=m.group(0),
                status=status,
                scope=SECTION,
                scope_start=_section_start(text, m.start()),
                scope_end=m.start(),
                exceptions=exceptions,
            )
        )
        taken.append((m.start(), m.end()))
    for m in _SENTENCE_CLAIM.finditer(text):
        if any(start <= m.start() < end for start, end in taken):
            continue
        if _MODAL.search(text, max(0, m.start() - 4), m.start()):
            continue
        scope_start, scope_end = _sentence(text, m.start())
        claims.append(
            Claim(
                start=m.start(),
                end=m.end(),
                quote=m.group(0),
                status=MISSED if m["negation"] else MET,
                scope=SENTENCE,
                scope_start=scope_start,
                scope_end=scope_end,
            )
        )
    claims.sort(key=lambda c: c.start)
    return claims


def claimed_indicators(
    claim: Claim,
    mentions: Iterable[MentionSpan],
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, str]:
    """Indicator name → claimed status for the mentions inside the claim's scope.

    ``aliases`` (indicator name → other names) lets an exception written as
    ``高新技术企业数量`` match the indicator ``高新技术企业数``.
    """
    aliases = aliases or {}
    opposite = MISSED if claim.status == MET else MET
    inside = [
        m for m in mentions if m.start >= claim.scope_start and m.end <= claim.scope_end
    ]
    if claim.scope == SENTENCE and any(m.kind == "target" for m in inside):
        # "…2.44亿元,超额完成省厅下达的1.8亿元目标任务": the claim is about the goal
        # it quotes, not every figure earlier in the sentence.
        inside = [m for m in inside if m.kind == "target"]
    result: dict[str, str] = {}
    for mention in inside:
        names = [mention.indicator, *aliases.get(mention.indicator, ())]
        excepted = any(
            _names_match(exception, name)
            for exception in claim.exceptions
            for name in names
        )
        result[mention.indicator] = opposite if excepted else claim.status
    return result


def _names_match(exception: str, name: str) -> bool:
    exception = _stem(exception)
    name = _stem(name)
    if not exception or not name:
        return False
    return exception in name or name in exception


def _stem(name: str) -> str:
    # "高新技术企业数量目标" and "高新技术企业数" name the same thing.
    name = re.sub(r"(?:目标|指标)$", "", name.strip())
    return re.sub(r"(?:数量|总数|数)$", "", name)


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, at):
        start = m.end()
    end_match = _SENTENCE_END.search(text, at)
    end = end_match.start() if end_match else len(text)
    return start, end


def _section_start(text: str, at: int) -> int:
    start = 0
    for m in _HEADING.finditer(text, 0, at):
        start = m.start()
    return start
