"""Slogans, numbered formulae, campaigns and documents: the catch-phrases (提法) of official news.

What it reads, in the normalised Simplified text of the article:

- phrases in quotation marks (“…”, ‘…’, "…"; 「…」 and 『…』 are folded to these by `normalize`),
  kept when they look like catch-phrases and dropped when they look like reported speech (a
  sentence with its own 。！？, or quotes opened after 说/表示/：), a nickname or a name (after 称,
  号称, 誉为; before 牌, 号, 杯, 奖), or a scare-quoted ordinary word. A quoted phrase needs a
  sign of a formula: the noun it qualifies (“一把手”工程, “…”为主题), the verb that governs it
  (打造“核心区”, 关于“…”的决策), or a parallel structure;
- numbered formulae (三争, 两个稳定, 十四五, 一把手): a Chinese numeral, then a short phrase, in
  quotes; five-year plan periods (九五, 十四五) also unquoted before 期间, 规划, 计划 or 时期;
- parallel campaigns: a quoted chain of two or more phrases of the same length joined by 、
  (深学争优、敢为争先、实干争效), with its parts. An unquoted chain of three or more parallel
  phrases (稳存量、扩增量、提质量) is a candidate of low confidence (0.4), below the default
  ``min_confidence``;
- documents in 《…》 (laws, regulations, plans, reports, speeches) when the title or the verb
  before it says so (《…工作方案》, 印发《…》); newspapers, books, films and songs are not;
- the seed lexicon ``resources/slogans.tsv`` of well-known national formulae, found unquoted too
  (its kind wins over the context's: “一把手”工程 is a formula), and templates of formulae that
  take a name (以…同志为核心的党中央, 高举…伟大旗帜, 坚持和完善…制度).

Every slogan found is then looked for everywhere in the article, quoted or not, so ``mentions``
holds each occurrence; an occurrence inside a longer slogan counts for the longer one only. A
short form defined by the article is linked to its full form through ``full_form``: 三争 to the
three-part campaign whose parts all hold 争, and a part quoted alone (“实干争效”) to its chain.

- parallel phrases a headline sets apart with spaces (以“三争”为号 以项目为令): campaigns of
  confidence 0.7, in pairs of the same length that share a character in the same place.

The corpus table and the diffusion helper are `analyze_corpus`'s ``slogans`` table and
`CorpusResult.slogan_diffusion`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from newsnlp.errors import InputError, OptionError
from newsnlp.extract.officials import Mention
from newsnlp.model import Article, _plain
from newsnlp.normalize import normalize
from newsnlp.normalize.script import IDEOGRAPH_CLASS
from newsnlp.offsets import OffsetMap
from newsnlp.page import analyze
from newsnlp.resources import read_table

__all__ = ["Slogan", "extract_slogans"]

Kind = Literal["slogan", "formula", "campaign", "document"]
_KINDS: tuple[Kind, ...] = ("slogan", "formula", "campaign", "document")

_NUMERALS = "一二两三四五六七八九十百千万"
_DIGIT_VALUES = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_IDEOGRAPH = re.compile(f"[{IDEOGRAPH_CLASS}]")
_ONLY_IDEOGRAPHS = re.compile(f"[{IDEOGRAPH_CLASS}]+")
_SENTENCE_END = re.compile("[。！？!?…]")
_CLAUSE_BREAK = re.compile("[，；：,;:]")
_QUOTE_MARK = re.compile('[“”‘’"]')
# A numbered formula: numerals, an optional 个 or 大, then a short phrase; a count of time or
# people (三年, 两个月, 五人) is not one.
_FORMULA = re.compile(f"[{_NUMERALS}]+[个大项]?[^{_NUMERALS}\\W\\d][^\\W\\d]{{0,6}}")
_NOT_FORMULA = re.compile(f"[{_NUMERALS}]+[个]?(?:年|月|日|天|周|岁|人|次|号|点|时|分|倍|成|些)$")
# Everyday words that open with a numeral (十分 "very", 一些, 两国 "the two countries").
_NUMERAL_WORD = re.compile(
    "^(?:十分|万分|百分|千万|万一|一(?:些|切|定|样|起|直|般|致|律|再|度|旦|同|向|道|味|面|时|下|心|边|概|经|举|阵"
    f"|流|体|线|批|场|番|次|共|连|系列)|[{_NUMERALS}多]+(?:国|方|人|家|地|省|市|县|所|位|名))"
)
# Templates of national formulae that take a name or an institution: 以江泽民同志为核心的党中央,
# 高举邓小平理论伟大旗帜, 坚持和完善人民代表大会制度.
_TEMPLATES = re.compile(
    f"以[{IDEOGRAPH_CLASS}]{{2,4}}同志为(?:核心|总书记)的党中央"
    f"|高举[{IDEOGRAPH_CLASS}]{{2,12}}?伟大旗帜"
    f"|坚持和完善[{IDEOGRAPH_CLASS}]{{2,12}}?制度"
    # Inside a longer name (建设有中国特色社会主义民主政治) it is not the formula itself.
    f"|建设有中国特色社会主义(?:(?=[的而和与])|(?![{IDEOGRAPH_CLASS}]))"
)
# Five-year plan periods (九五, 十四五), found unquoted before the words that name a period.
_PLAN_PERIOD_NAME = "(?:[八九]|十[一二三四五六七八九]?)五"
_PLAN_PERIOD = re.compile(f"(?<![第一二三四五六七八九十百〇零两]){_PLAN_PERIOD_NAME}(?=期间|计划|规划|时期)")
# Words around a quote that make it a catch-phrase: the noun it qualifies (“一把手”工程), or the
# verb that governs it (打造“核心区”).
_HEAD_AFTER = re.compile(
    "(?:工程|行动|活动|战略|方针|理念|精神|思想|口号|目标|路线|政策|方略|格局|模式|品牌|升级版|态势"
    "|规划|计划|纲要|运动|竞赛|教育|试点|体系|原则|要求|建设|工作|制度|机制|模范|标兵|示范|宣传月|宣传周"
    "|为主题|为主线|为宗旨|为目标|为号|为令|为重点|为核心|为指导|为抓手|的决策|的部署|的号召)"
)
_VERB_BEFORE = re.compile(
    "(?:实现|打造|坚持|落实|贯彻|推进|践行|争创|创建|开展|深化|实施|抓好|围绕|按照|推动|弘扬|树立|做到"
    "|争当|争做|提出|倡导|突出|唱响|打响|打好|夺取|确保|构建|加快|牢记|学习|保持|延续|迎来|取得|创造"
    "|开创|掀起|叫响|擦亮|搞好|抓住|坚定|巩固|落到|为了|实行|推行|把|关于|主题为|主题是|口号|口号是|号召|宗旨是)$"
)
# The campaign a quote names, a few words on (“守护一江清水”三年行动, “江滨有礼”市民文明行动).
_CAMPAIGN_AFTER = re.compile('^[^，。；：、“”‘’"\\s]{0,4}?(?:工程|行动|活动)')
# A quoted name that ends as a campaign's does is one.
_CAMPAIGN_END = re.compile("(?:工程|行动|活动|运动|宣传月|宣传周|竞赛|攻坚战|大会战)$")
# Words that make a quote speech, a nickname or a name rather than a slogan.
_SPEECH_BEFORE = re.compile("(?:[：:]|说|道|问|喊|表示|认为|指出|强调|称)$")
_NAME_BEFORE = re.compile(
    "(?:称|叫|叫做|叫作|号称|绰号|外号|昵称|人称|誉为|奉为|称为|称作|称之为|名为|自称|所谓|俗称|简称|戏称|美其名曰)$"
)
_NAME_AFTER = re.compile("^(?:牌|号|杯|奖|队|之称|的称号|的美誉|的雅号)")
# Documents: the end of a document's title, the verb or noun before it, and signs of other works.
_DOCUMENT_END = re.compile(
    "(?:法|条例|规定|办法|决定|决议|意见|通知|方案|规划|计划|纲要|报告|公报|声明|条约|协定|宪法|章程|细则"
    "|准则|白皮书|文选|讲话|指南|标准|规则|议定书|宣言|公约|守则|制度|建议|批复|意见书|纪要|通告|公告|令"
    "|议程|说明|提案|议案|协议|备忘录|文件|战略|倡议书|倡议|纲领|措施|举措)$"
)
_DOCUMENT_BEFORE = re.compile(
    "(?:发布|印发|颁布|实施|贯彻|学习|通过|签署|制定|修订|修改|出台|解读|执行|落实|依照|根据|按照|违反|遵守"
    "|审议|发表|讲话|报告|重要讲话|文件|下发|转发|起草|批准|依据|宣读|传达)$"
)
_WORK_END = re.compile("(?:报|日报|晚报|杂志|周刊|月刊|画报|时报|快报|文摘|学报|画刊|旬刊|半月谈|求是)$")
_WORK_BEFORE = re.compile(
    "(?:电影|影片|歌曲|小说|诗集|诗|剧|电视剧|栏目|节目|杂志|报纸|专栏|书|画|舞蹈|戏|歌|曲|片|作品|专辑"
    "|主编|出版|演唱|主演|导演|拍摄|上演|播出|演出|著|刊登|刊发|报道|舞剧|话剧|京剧|晚会|连续剧|纪录片)$"
)
_WORK_AFTER = re.compile("^(?:一书|一剧|一片|一歌|一诗|杂志|报|栏目|节目|剧组|专栏|版|第)")
_PLACE_END = re.compile("[省市县区国州镇乡村委会部局厅院]$")

_OPENERS = {"“": "”", "‘": "’"}
# Page lines outside the body that name slogans too (the headline and its deck).
_HEADLINE_ROLES = frozenset(["title", "deck"])
_CONFIDENCE = {"chain": 0.95, "formula": 0.9, "lexicon": 0.85, "document": 0.9, "document_by_verb": 0.6}
_LOW_CHAIN = 0.4


@dataclass(frozen=True)
class Slogan:
    """A catch-phrase of an article with every place it occurs.

    ``text`` is in the article's script without quote marks; ``key`` the same in Simplified
    characters, for grouping across articles; ``parts`` the members of a parallel campaign;
    ``full_form`` the key of the slogan this one abbreviates or belongs to (三争 → its campaign);
    ``confidence`` how sure the reading is (0-1: a quoted campaign chain 0.95, an unquoted one
    0.4). ``count`` is the number of mentions.
    """

    text: str
    key: str
    kind: Kind
    parts: tuple[str, ...]
    mentions: tuple[Mention, ...]
    confidence: float
    full_form: str | None = None

    @property
    def count(self) -> int:
        """How many times the article uses the slogan."""
        return len(self.mentions)

    def to_dict(self) -> dict[str, Any]:
        """The slogan as plain values, with its count."""
        return {**_plain(self), "count": self.count}


@dataclass
class _Candidate:
    key: str
    kind: Kind
    confidence: float
    parts: tuple[str, ...] = ()


def _quoted(line: str) -> Iterator[tuple[int, int]]:
    """The spans inside matched quotation marks, innermost included; unmatched marks are ignored."""
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(line):
        if char in _OPENERS:
            stack.append((char, index))
        elif char in ("”", "’"):
            opener = "“" if char == "”" else "‘"
            # Close the nearest matching opener; openers left open inside it are unbalanced.
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == opener:
                    yield stack[depth][1] + 1, index
                    del stack[depth:]
                    break
        elif char == '"':
            if stack and stack[-1][0] == '"':
                yield stack.pop()[1] + 1, index
            else:
                stack.append(('"', index))


def _book_titles(line: str) -> Iterator[tuple[int, int]]:
    """The spans inside 《…》, with a 〈…〉 inside kept as part of the title."""
    opened: int | None = None
    for index, char in enumerate(line):
        if char == "《":
            opened = index
        elif char == "》" and opened is not None:
            yield opened + 1, index
            opened = None


def _chain_parts(content: str, *, tolerance: int = 0) -> tuple[str, ...]:
    """The members of a parallel chain joined by 、, or () when it is not one.

    The members have the same length, or, with ``tolerance``, lengths that differ by at most that
    much when there are three or more (小病不出村、常见病不出乡、大病不出县).
    """
    parts = tuple(part.strip() for part in content.split("、"))
    lengths = [len(part) for part in parts]
    spread = max(lengths) - min(lengths)
    if (
        len(parts) >= 2
        and (spread == 0 or (len(parts) >= 3 and spread <= tolerance))
        and min(lengths) >= 2
        and max(lengths) <= 7
        and all(_ONLY_IDEOGRAPHS.fullmatch(part) for part in parts)
    ):
        return parts
    return ()


def _is_formula(content: str) -> bool:
    if re.fullmatch(_PLAN_PERIOD_NAME, content):
        return True
    return (
        len(content) <= 8
        and _FORMULA.fullmatch(content) is not None
        and _NOT_FORMULA.search(content) is None
        and _NUMERAL_WORD.match(content) is None
    )


def _is_speech_or_name(content: str, before: str, after: str) -> bool:
    """A quote that is a sentence someone said, a name or nickname, or a phrase about a slogan."""
    if not _IDEOGRAPH.search(content) or len(content) > 40 or _SENTENCE_END.search(content):
        return True
    if _QUOTE_MARK.search(content):
        return True  # a phrase about a slogan; the slogan is the quote inside
    return bool(_NAME_BEFORE.search(before) or _NAME_AFTER.search(after))


def _read_shape(content: str) -> _Candidate | None:
    """A quoted phrase whose own shape makes it a formula or a campaign, whatever surrounds it."""
    if _is_formula(content):
        return _Candidate(content, "formula", _CONFIDENCE["formula"])
    parts = _chain_parts(content, tolerance=1)
    if parts:
        return _Candidate(content, "campaign", _CONFIDENCE["chain"], parts)
    if len(content) >= 4 and _CAMPAIGN_END.search(content):
        return _Candidate(content, "campaign", _CONFIDENCE["formula"])  # “909工程”, “…宣传月”
    return None


def _read_quote(line: str, start: int, end: int) -> _Candidate | None:
    """Read one quoted phrase: a slogan candidate, or None for speech, names and plain words."""
    content = line[start:end]
    before, after = line[max(0, start - 5) : start - 1], line[end + 1 : end + 10]
    if _is_speech_or_name(content, before, after):
        return None
    shaped = _read_shape(content)
    if shaped is not None:
        return shaped
    pieces = [piece for piece in re.split("[，；、,;:：]", content) if piece]
    said = _CLAUSE_BREAK.search(content) and (len(pieces) < 2 or max(map(len, pieces)) > 8)
    if said or len(content) < 2 or len(content) > 16 or _SPEECH_BEFORE.search(before):
        return None  # a sentence someone said, a single character, or a long quote
    # Being quoted again is no sign: scare-quoted words recur as often as slogans (“公贿”).
    score = (
        (_HEAD_AFTER.match(after) is not None or _CAMPAIGN_AFTER.match(after) is not None) * 2
        + (_VERB_BEFORE.search(before) is not None)
        + ("、" in content)
    )
    # With no sign of a formula the quote marks a scare-quoted word.
    return _Candidate(content, "slogan", min(0.9, 0.5 + 0.2 * score)) if score else None


def _read_document(line: str, start: int, end: int) -> _Candidate | None:
    content = line[start:end]
    before, after = line[max(0, start - 5) : start - 1], line[end + 1 : end + 4]
    if not _IDEOGRAPH.search(content) or len(content) > 80:
        return None
    if _WORK_END.search(content) or _WORK_BEFORE.search(before) or _WORK_AFTER.match(after):
        return None
    if _DOCUMENT_END.search(content):
        return _Candidate(content, "document", _CONFIDENCE["document"])
    if _DOCUMENT_BEFORE.search(before):
        return _Candidate(content, "document", _CONFIDENCE["document_by_verb"])
    return None


def _unquoted_chains(line: str) -> Iterator[_Candidate]:
    """Chains of three or more parallel phrases written without quotes: low-confidence campaigns."""
    for match in _UNQUOTED_CHAIN.finditer(line):
        parts = _chain_parts(match.group())
        if len(parts) >= 3 and not any(_PLACE_END.search(part) for part in parts):
            yield _Candidate(match.group(), "campaign", _LOW_CHAIN, parts)


def _spaced_chains(line: str) -> Iterator[_Candidate]:
    """Parallel phrases a headline sets apart with spaces (以“三争”为号 以项目为令 争出新局面 攻出新气象).

    Neighbouring phrases pair up when, quote marks aside, they have the same length (four to
    eight characters) and share a character in the same place (以…为, …出新…).
    """
    if not _SPACED_LINE.fullmatch(line):
        return
    segments = [(match.start(), match.group()) for match in re.finditer(r"\S+", line)]
    index = 0
    while index + 1 < len(segments):
        (start, first), (second_start, second) = segments[index], segments[index + 1]
        bare_first, bare_second = _QUOTE_MARK.sub("", first), _QUOTE_MARK.sub("", second)
        if (
            len(bare_first) == len(bare_second)
            and 4 <= len(bare_first) <= 8
            and any(a == b for a, b in zip(bare_first, bare_second, strict=True))
        ):
            yield _Candidate(
                line[start : second_start + len(second)], "campaign", _SPACED_CHAIN, (first, second)
            )
            index += 2
        else:
            index += 1


_SPACED_LINE = re.compile(f"[{IDEOGRAPH_CLASS}“”‘’]{{3,12}}(?: [{IDEOGRAPH_CLASS}“”‘’]{{3,12}})+")
_SPACED_CHAIN = 0.7
_UNQUOTED_CHAIN = re.compile(
    f'(?<![{IDEOGRAPH_CLASS}“‘"])[{IDEOGRAPH_CLASS}]{{3,4}}(?:、[{IDEOGRAPH_CLASS}]{{3,4}}){{2,}}'
    f'(?![{IDEOGRAPH_CLASS}”’"])'
)


@lru_cache(maxsize=16)
def _lexicon(extra: tuple[str, ...]) -> tuple[dict[str, Kind], re.Pattern[str] | None]:
    entries: dict[str, Kind] = {}
    for phrase, kind in read_table("slogans.tsv").items():
        entries[phrase] = kind if kind in _KINDS else "slogan"
    for phrase in extra:
        entries.setdefault(phrase, "slogan")
    if not entries:
        return entries, None
    alternatives = sorted(entries, key=len, reverse=True)
    return entries, re.compile("|".join(map(re.escape, alternatives)))


def _add(found: dict[str, _Candidate], candidate: _Candidate) -> None:
    known = found.get(candidate.key)
    if known is None or candidate.confidence > known.confidence:
        found[candidate.key] = candidate


def _candidates(text: str, lexicon: tuple[str, ...]) -> dict[str, _Candidate]:
    found: dict[str, _Candidate] = {}
    quotes = [(offset, line, span) for offset, line in _lines(text) for span in _quoted(line)]
    for _, line, (start, end) in quotes:
        candidate = _read_quote(line, start, end)
        if candidate:
            _add(found, candidate)
    # A part of a campaign quoted on its own (在“实干争效”上) is a slogan of that campaign.
    parts = {part: chain for chain in found.values() for part in chain.parts}
    for _, line, (start, end) in quotes:
        chain = parts.get(line[start:end])
        if chain is not None:
            _add(found, _Candidate(line[start:end], "slogan", chain.confidence))
    for _, line in _lines(text):
        for start, end in _book_titles(line):
            document = _read_document(line, start, end)
            if document:
                _add(found, document)
        for chain in (*_unquoted_chains(line), *_spaced_chains(line.strip())):
            _add(found, chain)
    for match in _PLAN_PERIOD.finditer(text):
        _add(found, _Candidate(match.group(), "formula", _CONFIDENCE["formula"]))
    for match in _TEMPLATES.finditer(text):
        _add(found, _Candidate(match.group(), "slogan", _CONFIDENCE["lexicon"]))
    entries, pattern = _lexicon(lexicon)
    if pattern is not None:
        for phrase in {match.group() for match in pattern.finditer(text)}:
            known = found.get(phrase)
            # The lexicon knows the kind better than the context does (“一把手”工程 is a formula).
            confidence = max(_CONFIDENCE["lexicon"], known.confidence if known else 0.0)
            found[phrase] = _Candidate(phrase, entries[phrase], confidence, _chain_parts(phrase))
    return found


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _occurrences(text: str, keys: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Every place each key is written.

    A place inside a longer key's occurrence is the longer's, unless it is quoted there on its
    own (“三争” inside 以“三争”为号 以项目为令).
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    # Per character, the furthest end of a longer key's occurrence that covers it: a place is
    # inside one when that end reaches its own (linear time, however often keys recur).
    reach = [0] * len(text)
    for key in sorted(keys, key=len, reverse=True):
        for match in re.finditer(re.escape(key), text):
            start, end = match.span()
            quoted = text[start - 1 : start] in _OPENERS and text[end : end + 1] in ("”", "’")
            if quoted or reach[start] < end:
                spans.setdefault(key, []).append((start, end))
        for start, end in spans.get(key, []):
            for position in range(start, end):
                reach[position] = max(reach[position], end)
    return spans


def _full_form(candidate: _Candidate, chains: list[_Candidate]) -> str | None:
    """The chain a short form abbreviates (三争: three parts, each holding 争) or belongs to."""
    for chain in chains:
        if candidate.key in chain.parts:
            return chain.key
    match = re.fullmatch(f"([{_NUMERALS}]+)个?(.{{1,2}})", candidate.key)
    if match is None:
        return None
    count = _DIGIT_VALUES.get(match.group(1), 0)
    for chain in chains:
        if len(chain.parts) == count and all(
            all(char in part for char in match.group(2)) for part in chain.parts
        ):
            return chain.key
    return None


def extract_slogans(
    source: Article | str, *, lexicon: Sequence[str] = (), min_confidence: float = 0.5
) -> tuple[Slogan, ...]:
    """Find an article's slogans, formulae, campaigns and documents, with every mention.

    A string is parsed with `analyze` first. Slogans come in order of first mention.
    ``lexicon`` adds phrases (either script) to ``resources/slogans.tsv`` for this call, found
    with or without quotes; ``min_confidence`` drops weaker readings (0.4 keeps unquoted
    parallel chains).

    >>> slogans = extract_slogans("要以“三爭”為號，深化“深學爭優、敢為爭先、實干爭效”行動。")
    >>> [(slogan.text, slogan.kind, slogan.full_form) for slogan in slogans]
    [('三爭', 'formula', '深学争优、敢为争先、实干争效'), ('深學爭優、敢為爭先、實干爭效', 'campaign', None)]
    >>> slogans[1].parts
    ('深學爭優', '敢為爭先', '實干爭效')
    """
    if source is None:
        message = "extract_slogans() got None; pass an Article or a str"
        raise InputError(message)
    if isinstance(lexicon, str):
        message = "lexicon must be a list of phrases, not one string"
        raise InputError(message)
    if not 0 <= min_confidence <= 1:
        message = f"min_confidence must be between 0 and 1, got {min_confidence!r}"
        raise OptionError(message)
    article = source if isinstance(source, Article) else analyze(source)
    extra = tuple(normalize(phrase).text for phrase in lexicon if phrase.strip())
    texts = _texts(article)
    found = {
        key: candidate
        for key, candidate in _candidates("\n".join(text.text for text in texts), extra).items()
        if candidate.confidence >= min_confidence
    }
    occurrences = [(text, _occurrences(text.text, list(found))) for text in texts]
    chains = [candidate for candidate in found.values() if candidate.parts]
    slogans = []
    for key, candidate in found.items():
        places = sorted(
            (
                (text.mention(start, end), text, start)
                for text, spans in occurrences
                for start, end in spans.get(key, [])
            ),
            key=lambda place: place[0].raw_start,
        )
        if not places:
            continue  # a part never used on its own
        _, first_text, first_start = places[0]
        slogans.append(
            Slogan(
                text=places[0][0].text,
                key=key,
                kind=candidate.kind,
                parts=tuple(_original_parts(first_text, first_start, candidate.parts)),
                mentions=tuple(mention for mention, _, _ in places),
                confidence=round(candidate.confidence, 2),
                full_form=_full_form(candidate, [chain for chain in chains if chain is not candidate]),
            )
        )
    slogans.sort(key=lambda slogan: slogan.mentions[0].raw_start)
    return tuple(slogans)


@dataclass(frozen=True)
class _Text:
    """A text slogans are read from: the body, or a headline line of the page (outside the body)."""

    text: str
    offsets: OffsetMap  # from text into the page
    repaired: str  # the text in its own script
    repaired_offsets: OffsetMap
    page_start: int  # where the text starts in the page
    in_body: bool

    def original(self, start: int, end: int) -> str:
        repaired_start, repaired_end = self.repaired_offsets.to_raw(start, end)
        return self.repaired[repaired_start:repaired_end]

    def mention(self, start: int, end: int) -> Mention:
        raw_start, raw_end = self.offsets.to_raw(start, end)
        page_start, page_end = self.page_start + raw_start, self.page_start + raw_end
        if self.in_body:
            return Mention(self.original(start, end), start, end, page_start, page_end)
        return Mention(self.original(start, end), None, None, page_start, page_end)


def _texts(article: Article) -> list[_Text]:
    """The headline lines of the page, then the body."""
    texts = []
    for region in article.regions:
        if region.role in _HEADLINE_ROLES:
            line = normalize(article.raw[region.raw_start : region.raw_end])
            texts.append(
                _Text(line.text, line.offsets, line.repaired, line.repaired_offsets, region.raw_start, False)
            )
    body = _Text(article.text, article.offsets, article.repaired, article.repaired_offsets, 0, True)
    return [*texts, body]


def _original_parts(text: _Text, start: int, parts: tuple[str, ...]) -> Iterator[str]:
    """The parts of a chain as written in the article's script, read from its first mention."""
    position = start
    for part in parts:
        part_start = text.text.index(part, position)
        yield text.original(part_start, part_start + len(part))
        position = part_start + len(part)
