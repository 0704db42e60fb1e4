"""News pages: find the headline block, dateline, body and credits of an article.

A page, plain text or HTML, is read as lines (HTML through `html_to_text`, one block per line).
Each line is matched in its normalised Simplified form, so one set of patterns serves both
scripts, and every value is reported in the page's own script with artifacts repaired.

The layout this parser reads, top to bottom, each part optional:
navigation · kicker · title · subtitle · dateline (date, time, 来源) · body · credits · footer.
The body starts at the first line after the dateline that reads as prose (a line that ends a
sentence, or a line with Chinese punctuation too long for a headline) and ends at the first
credits or footer line after it. When no line reads as prose (a poem, a list of short lines),
the first content line is the headline and the rest is the body; a single line is all body.
Without a repeated headline or an HTML ``<title>`` to go by, the first line of the headline block
is the title, the lines above it the kicker and the lines below it the subtitle.
Every non-blank line of the page is kept in ``Article.regions`` with the role it was given.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo

from newsnlp.errors import InputError
from newsnlp.model import Article, Meta, Region, RegionRole
from newsnlp.normalize import decode, fold_and_convert, html_to_text, looks_like_html, normalize, repair
from newsnlp.normalize.markup import PUBLISHED_KEYS
from newsnlp.normalize.script import IDEOGRAPHS
from newsnlp.offsets import OffsetMap, OffsetMapBuilder
from newsnlp.resources import read_list, read_table

__all__ = ["DEFAULT_MAX_CHARS", "SHANGHAI", "analyze", "parse_published"]

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Pages longer than this are refused rather than parsed for minutes; callers can raise it.
DEFAULT_MAX_CHARS = 5_000_000

_SENTENCE_PUNCTUATION = re.compile("[，。；！？]")
_SENTENCE_END = re.compile("[。！？…][”’』」)]*$")
_DATE = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
    r"(?:\s*(?P<hour>\d{1,2})\s*[:：时]\s*(?P<minute>\d{1,2})(?:\s*[:：分]\s*(?P<second>\d{1,2}))?)?"
)
_DATELINE_WORDS = re.compile("来源|发布|时间|日期|作者|编辑|记者|浏览|点击|字号|阅读")
_IMAGE = re.compile(r"[0-9a-fA-F]{16,64}|\S+\.(?:jpe?g|png|gif|webp|bmp)", re.IGNORECASE)
_NAVIGATION = re.compile(r"首页|主页|当前位置|您的位置|现在的位置|[>»›→]|频道$")
_NAME = re.compile("[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,8})+")
_NOT_A_NAME = re.compile("(?:报|社|网|台|站|中心|新闻|日报|晚报|杂志|频道)$")
_SLASH_CREDIT = re.compile(
    r"(?P<name>[^/]+?)\s*/\s*(?P<role>文|图|摄影|摄)|(?P<role2>文|图|摄影|摄)\s*/\s*(?P<name2>.+)"
)
_CREDIT_TOKEN = re.compile(r"[^\s、，,|｜()（）\[\]【】]+")
_SLASH_ROLES = {"文": "reporters", "图": "photographers", "摄": "photographers", "摄影": "photographers"}


@dataclass
class _Line:
    """One line of the page text, with its Simplified normalised form for matching.

    ``start`` and ``end`` delimit the line in the page text; ``norm`` is the line in the page's
    normalised text, which starts at ``norm_start`` there and maps back through ``offsets``.
    """

    start: int
    end: int
    text: str
    norm: str
    norm_start: int
    page: str
    offsets: OffsetMap

    def original(self, start: int, end: int) -> str:
        """The page text behind ``norm[start:end]``, in its own script, artifacts repaired."""
        page_start, page_end = self.offsets.to_raw(self.norm_start + start, self.norm_start + end)
        return repair(self.page[page_start:page_end])[0].strip()


def _lines(page: str) -> list[_Line]:
    """Split the page into lines, normalising the whole page once.

    A whitespace run with a line break becomes one line break, so the normalised lines are the
    page's non-blank lines; each is widened to its whole page line, so a trailing annotation or
    invisible character still belongs to it.
    """
    normalized = normalize(page)
    # A bare carriage return ends a line too (old Mac files), as it does for the normaliser. The
    # breaks are found once and looked up by bisection, so long pages cost n log n, not n².
    breaks = [match.start() for match in re.finditer("[\r\n]", page)]
    lines = []
    for match in re.finditer(r"[^\n]+", normalized.text):
        start, end = normalized.offsets.to_raw(match.start(), match.end())
        before = bisect.bisect_left(breaks, start)
        line_start = breaks[before - 1] + 1 if before else 0
        after = bisect.bisect_left(breaks, end)
        line_end = breaks[after] if after < len(breaks) else len(page)
        start -= len(page[line_start:start].lstrip())
        end = max(end, end + len(page[end:line_end].rstrip()))
        lines.append(
            _Line(start, end, page[start:end], match.group(), match.start(), page, normalized.offsets)
        )
    return lines


@dataclass(frozen=True)
class _Markers:
    """Compiled line patterns built from the bundled lists."""

    boilerplate: re.Pattern[str]
    role_word: re.Pattern[str]
    credit_line: re.Pattern[str]
    byline: re.Pattern[str]
    roles: dict[str, str]


@cache
def _markers() -> _Markers:
    """Built once per process, on first use rather than at import."""
    roles = read_table("credit_roles.tsv")
    words = "|".join(re.escape(word) for word in sorted(roles, key=len, reverse=True))
    return _Markers(
        boilerplate=re.compile(
            "|".join(re.escape(word) for word in read_list("boilerplate.txt")), re.IGNORECASE
        ),
        role_word=re.compile(rf"(?P<word>{words})\s*[:：]?"),
        credit_line=re.compile(
            rf"^[(]?(?:本报|本台|本网)?(?:{words})\s*[:：/ ]|^\S{{2,4}}\s*/\s*(?:文|图|摄)(?:\s|$)"
        ),
        byline=re.compile(
            r"^\(?(?:本报|本台|本网|本刊|\S{1,10}?(?:社|报|台|网|刊|站))?(?:驻\S{1,10}?)?(?:特约)?"
            r"(?:记者|通讯员|评论员|撰稿人|实习生)"
            r"(?:$|[\s:：)]|[\u4e00-\u9fff·]{2,16}$|[\u4e00-\u9fff·]{2,4}[\s、])"
        ),
        roles=roles,
    )


def _is_short_non_sentence(line: _Line, limit: int = 80) -> bool:
    return len(line.norm) <= limit and _SENTENCE_END.search(line.norm) is None


def _is_boilerplate(line: _Line) -> bool:
    return _is_short_non_sentence(line) and _markers().boilerplate.search(line.norm) is not None


def _is_credits(line: _Line) -> bool:
    return _is_short_non_sentence(line) and _markers().credit_line.search(line.norm) is not None


def _is_byline(line: _Line) -> bool:
    """A line that only credits the writers: 本报记者郭伟成, 新华社驻法国记者 果永毅, 本报评论员."""
    return (
        len(line.norm) <= 40
        and _SENTENCE_PUNCTUATION.search(line.norm) is None
        and _markers().byline.search(line.norm) is not None
    )


def _is_image(line: _Line) -> bool:
    return _IMAGE.fullmatch(line.norm) is not None


def _is_prose(line: _Line) -> bool:
    """A line that reads as running text: it ends a sentence, or is too long for a headline.

    Headlines may hold commas (忠诚的共产主义战士，…同志逝世) or end with a short question or
    exclamation, but rarely end with 。 or run past 60 characters.
    """
    chinese = sum(map(len, IDEOGRAPHS.findall(line.norm)))
    end = _SENTENCE_END.search(line.norm)
    if end and end.group()[0] in "？！":
        return len(line.norm) > 30 and chinese >= 8  # 农村电价缘何高？ is a headline
    if end:
        return chinese >= 8
    return len(line.norm) > 60 and chinese >= 20 and _SENTENCE_PUNCTUATION.search(line.norm) is not None


def _is_dateline(line: _Line) -> bool:
    """A line that holds a date and little else but time, source and credits."""
    if len(line.norm) > 100 or "。" in line.norm or _DATE.search(line.norm) is None:
        return False
    rest = re.sub(r"\s", "", _DATE.sub("", line.norm))
    return len(rest) <= 6 or _DATELINE_WORDS.search(rest) is not None


def _is_navigation(line: _Line, *, at_top: bool = False) -> bool:
    """A navigation line: breadcrumbs, 首页, channel names.

    At the top of a page a row of three or more short menu items counts too (首頁 新聞頻道 寧德新聞).
    """
    if _SENTENCE_PUNCTUATION.search(line.norm) or len(line.norm) > 60:
        return False
    if _NAVIGATION.search(line.norm):
        return True
    items = line.norm.split()
    return at_top and len(items) >= 3 and all(len(item) <= 6 for item in items)


def _is_furniture(line: _Line) -> bool:
    return _is_image(line) or _is_boilerplate(line) or _is_credits(line)


# ----------------------------------------------------------------------------- credits


@dataclass
class _Credits:
    source: str | None = None
    names: dict[str, list[str]] = field(default_factory=dict)

    def add(self, role: str, value: str) -> None:
        if role == "source":
            self.source = self.source or value
        elif value not in self.names.setdefault(role, []):
            self.names[role].append(value)

    def get(self, role: str) -> tuple[str, ...]:
        return tuple(self.names.get(role, ()))


def _is_name(text: str) -> bool:
    markers = _markers()
    return (
        _NAME.fullmatch(text) is not None and text not in markers.roles and _NOT_A_NAME.search(text) is None
    )


def _read_credits(line: _Line, credits: _Credits, start: int = 0, end: int | None = None) -> None:
    """Collect source and credited names from ``line.norm[start:end]``."""
    markers = _markers()
    current: str | None = None
    for token in _CREDIT_TOKEN.finditer(line.norm, start, len(line.norm) if end is None else end):
        slash = _SLASH_CREDIT.fullmatch(token.group())
        if slash:
            name_group = "name" if slash.group("name") else "name2"
            role = slash.group("role") or slash.group("role2")
            name_start, name_end = (
                token.start() + slash.start(name_group),
                token.start() + slash.end(name_group),
            )
            piece = line.norm[name_start:name_end]
            # "闽东日报记者赵巧红/文": the role word inside the name part comes first.
            inner = list(markers.role_word.finditer(piece))
            if inner:
                name_start += inner[-1].end()
            if _is_name(line.norm[name_start:name_end]):
                credits.add(_SLASH_ROLES[role], line.original(name_start, name_end))
            current = _SLASH_ROLES[role]
            continue
        position = token.start()
        for role_match in markers.role_word.finditer(token.group()):
            _assign(line, credits, current, position, token.start() + role_match.start())
            current = markers.roles[role_match.group("word")]
            position = token.start() + role_match.end()
        _assign(line, credits, current, position, token.end())


def _assign(line: _Line, credits: _Credits, current: str | None, start: int, end: int) -> None:
    value = line.norm[start:end].strip(" ：:")
    if not value or current is None:
        return
    if current == "source":
        credits.add("source", line.original(start, end).strip(" ：:"))
    elif _is_name(value):
        credits.add(current, line.original(start, end))


_BYLINE = re.compile(r"\((?:[^()]*?)(?:记者|通讯员)[^()]*\)")


# ----------------------------------------------------------------------------- dates


def parse_published(value: datetime | date | str | None) -> datetime | None:
    """Read a publication time given by a caller or a page; naive times are Asia/Shanghai.

    >>> parse_published("2024-02-19 15:57").isoformat()
    '2024-02-19T15:57:00+08:00'
    >>> parse_published("2024年2月19日").isoformat()
    '2024-02-19T00:00:00+08:00'
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=SHANGHAI)
    if isinstance(value, date):
        return datetime.combine(value, time(), SHANGHAI)
    if not isinstance(value, str):
        message = f"published must be a datetime, date or str, not {type(value).__name__}"
        raise InputError(message)
    try:
        return parse_published(datetime.fromisoformat(value.strip()))
    except ValueError:
        pass
    parsed = _date_from_match(_DATE.search(normalize(value).text))
    if parsed is None:
        message = f"cannot read a date in published={value!r}; use ISO 8601 such as 2024-02-19T15:57"
        raise InputError(message)
    return parsed


def _date_from_match(match: re.Match[str] | None) -> datetime | None:
    if match is None:
        return None
    numbers = {key: int(value) for key, value in match.groupdict().items() if value is not None}
    try:
        return datetime(
            numbers["year"],
            numbers["month"],
            numbers["day"],
            numbers.get("hour", 0),
            numbers.get("minute", 0),
            numbers.get("second", 0),
            tzinfo=SHANGHAI,
        )
    except ValueError:
        return None


# ----------------------------------------------------------------------------- layout


@dataclass
class _Layout:
    """Indices into the page's lines for each part of the article."""

    dateline: int | None
    body_start: int
    body_end: int


def _find_layout(lines: list[_Line]) -> _Layout:
    first_sentence = next(
        (index for index, line in enumerate(lines) if _SENTENCE_END.search(line.norm) and _is_prose(line)),
        len(lines),
    )
    dateline = next(
        (index for index, line in enumerate(lines[: min(first_sentence, 40)]) if _is_dateline(line)),
        None,
    )
    content = [
        index
        for index, line in enumerate(lines)
        if not (_is_furniture(line) or _is_navigation(line) or _is_byline(line) or index == dateline)
    ]
    if dateline is not None and any(index > dateline for index in content):
        content = [index for index in content if index > dateline]
    else:
        dateline = None  # a date under the text (a signed notice) is part of the text
    prose = [index for index in content if _is_prose(lines[index])]
    if prose:
        body_start = prose[0]
    elif content:
        # No running text (a poem, a list): the first line is the headline unless it is alone.
        body_start = content[1] if len(content) > 1 else content[0]
    else:
        message = "no article body found: every line of the page is navigation, credits or footer"
        raise InputError(message)
    body_end = next(
        (
            index
            for index in range(body_start + 1, len(lines))
            if _is_credits(lines[index]) or _is_boilerplate(lines[index])
        ),
        len(lines),
    )
    return _Layout(dateline, body_start, body_end)


@dataclass
class _Headline:
    title: int | None
    kicker: list[int]
    subtitle: list[int]
    navigation: list[int]
    repeats: list[int]
    credits: list[int]


def _find_headline(lines: list[_Line], layout: _Layout, html_title: str | None) -> _Headline:
    header = [
        index
        for index in range(layout.body_start)
        if index != layout.dateline and not _is_image(lines[index])
    ]
    credits = [index for index in header if _is_credits(lines[index]) or _is_byline(lines[index])]
    credit_lines = set(credits)
    header = [index for index in header if index not in credit_lines]
    navigation = []
    for index in header:
        if not _is_navigation(lines[index], at_top=True) and not _is_boilerplate(lines[index]):
            break
        navigation.append(index)
    candidates = header[len(navigation) :]
    if not candidates:
        return _Headline(None, [], [], navigation, [], credits)
    title = _pick_title(lines, candidates, html_title)
    repeats = [index for index in candidates if lines[index].norm == lines[title].norm]
    anchor = repeats[-1]
    previous = repeats[-2] if len(repeats) > 1 else -1
    between = [index for index in candidates if previous < index < anchor and index not in repeats]
    kicker = between or [index for index in candidates if index < repeats[0]]
    subtitle = [index for index in candidates if index > anchor]
    return _Headline(title, kicker, subtitle, navigation, repeats, credits)


def _pick_title(lines: list[_Line], candidates: list[int], html_title: str | None) -> int:
    if html_title:
        wanted = normalize(html_title).text
        matching = [index for index in candidates if lines[index].norm in wanted]
        if matching:
            return max(matching, key=lambda index: len(lines[index].norm))
    counts = Counter(lines[index].norm for index in candidates)
    repeated = [index for index in candidates if counts[lines[index].norm] > 1]
    if repeated:
        return repeated[0]
    # Without other evidence the headline is the first line of the headline block.
    return candidates[0]


# ----------------------------------------------------------------------------- analyze


def _read_input(raw: str | bytes, max_chars: int) -> tuple[str, str | None]:
    if raw is None:
        message = "analyze() got None; pass the article as str or bytes"
        raise InputError(message)
    encoding: str | None = None
    if isinstance(raw, bytes | bytearray):
        decoded = decode(bytes(raw))
        text, encoding = decoded.text, decoded.encoding
    elif isinstance(raw, str):
        text = raw
    else:
        message = f"analyze() takes str or bytes, not {type(raw).__name__}"
        raise InputError(message)
    if len(text) > max_chars:
        message = (
            f"the page has {len(text):,} characters, more than max_chars={max_chars:,}; "
            "pass a larger max_chars to analyse it anyway"
        )
        raise InputError(message)
    if not text.strip():
        message = "the page is empty or only whitespace"
        raise InputError(message)
    if not IDEOGRAPHS.search(text):
        message = "the page holds no Chinese characters; newsnlp analyses Chinese news"
        raise InputError(message)
    return text, encoding


def _roles(lines: list[_Line], layout: _Layout, headline: _Headline, body: list[int]) -> Iterator[RegionRole]:
    in_body = set(body)
    for index, line in enumerate(lines):
        role: RegionRole
        if index in in_body:
            role = "body"
        elif index == layout.dateline:
            role = "dateline"
        elif index in headline.credits:
            role = "credits"
        elif index in headline.navigation:
            role = "navigation"
        elif index in headline.repeats:
            role = "title"
        elif index < layout.body_start and not _is_image(line):
            role = "deck"
        elif _is_image(line):
            role = "image"
        elif index >= layout.body_end and _is_credits(line):
            role = "credits"
        else:
            role = "boilerplate"
        yield role


def _select(page: str, lines: list[_Line], body: list[int]) -> tuple[str, OffsetMap]:
    """The body lines of the page joined by line breaks, with offsets into the page text."""
    builder = OffsetMapBuilder(page)
    for number, index in enumerate(body):
        line = lines[index]
        if number:
            builder.replace(line.start, line.start, "\n")
        builder.copy(line.start, line.end)
    return builder.build()


def analyze(
    raw: str | bytes,
    *,
    published: datetime | date | str | None = None,
    url: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article:
    r"""Parse a news page (plain text or HTML, str or bytes) into an `Article`.

    ``published`` overrides the date the page shows; naive times are read as Asia/Shanghai.
    Raises `InputError` for None, empty, non-Chinese or oversized input and `DecodeError` for
    bytes in no supported encoding.

    >>> article = analyze("首頁 新聞\n標題\n2024-02-19 15:57 來源:閩東日報\n2月18日,市長張永寧主持會議。")
    >>> article.meta.title, article.meta.source, article.text
    ('標題', '閩東日報', '2月18日，市长张永宁主持会议。')
    """
    text, encoding = _read_input(raw, max_chars)
    page, page_offsets, html_meta = text, OffsetMap.identity(len(text)), {}
    if looks_like_html(text):
        html_page = html_to_text(text)
        page, page_offsets, html_meta = html_page.text, html_page.offsets, html_page.meta
    lines = _lines(page)
    if not lines:
        message = "the page has no visible text"
        raise InputError(message)
    layout = _find_layout(lines)
    html_title = html_meta.get("og:title") or html_meta.get("html_title")
    headline = _find_headline(lines, layout, html_title)
    body = [
        index
        for index in range(layout.body_start, layout.body_end)
        if not _is_image(lines[index]) and not _is_boilerplate(lines[index])
    ]

    selection, selection_offsets = _select(page, lines, body)
    repaired, repair_offsets = repair(selection)
    folded, fold_offsets, guess = fold_and_convert(repaired)
    offsets = (
        page_offsets.followed_by(selection_offsets).followed_by(repair_offsets).followed_by(fold_offsets)
    )

    credits = _Credits()
    for index, line in enumerate(lines):
        in_tail = index >= layout.body_end and _is_credits(line)
        if index == layout.dateline or index in headline.credits or in_tail:
            _read_credits(line, credits)
    if body:
        first = lines[body[0]]
        for byline in _BYLINE.finditer(first.norm):
            _read_credits(first, credits, byline.start(), byline.end())

    published_at = parse_published(published)
    if published_at is None and layout.dateline is not None:
        published_at = _date_from_match(_DATE.search(lines[layout.dateline].norm))
    if published_at is None:
        stamp = next((html_meta[key] for key in PUBLISHED_KEYS if key in html_meta), None)
        published_at = _page_date(stamp)

    def originals(indices: list[int]) -> tuple[str, ...]:
        return tuple(lines[index].original(0, len(lines[index].norm)) for index in indices)

    kicker, subtitle = originals(headline.kicker), originals(headline.subtitle)
    meta = Meta(
        title=originals([headline.title])[0] if headline.title is not None else None,
        kicker=" ".join(kicker) or None,
        subtitle=subtitle[0] if subtitle else None,
        deck=kicker + subtitle,
        published=published_at,
        source=credits.source,
        reporters=credits.get("reporters"),
        photographers=credits.get("photographers"),
        editors=credits.get("editors"),
        reviewers=credits.get("reviewers"),
        url=url or html_meta.get("og:url") or html_meta.get("canonical"),
        encoding=encoding,
        script=guess.script,
    )
    regions = tuple(
        Region(role, *page_offsets.to_raw(line.start, line.end), line.text)
        for line, role in zip(lines, _roles(lines, layout, headline, body), strict=True)
    )
    return Article(text, folded, offsets, meta, repaired, fold_offsets, regions)


def _page_date(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        return parse_published(stamp)
    except InputError:
        return None
