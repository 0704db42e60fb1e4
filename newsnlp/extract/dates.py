"""Dates: every time expression of an article, resolved against its publication date.

A first slice of issue 6. It reads ``article.text``, the normalised Simplified *body* (the page
parser leaves the title, deck and dateline line out of it, so the publication stamp itself is not
a mention; it is the reference date). Mentions follow the project's date conventions: a maximal
contiguous time expression (1997年12月31日, 今年1月, 明天上午9时 are one mention each; each end of a
range written with 至/到/— is its own mention), words around it stay out (春节前后 -> 春节).

What it reads:

- absolute dates: 2024-02-19 15:57, 2018-12-1209:03, 2024/2/19, 2024.2.19, 20240219,
  2024年2月19日, 二〇二四年二月十九日, 一九九八年, 98年4月 (full-width digits are folded by the
  normalisation); a short single line the page parser does not take for a page (a lone date, or
  no Chinese at all: 10:13) is read as one paragraph;
- partial dates, put nearest the reference: 2月18日, 12月, 15日, 09-01 20:01 (only with a time),
  5月6 (day digits right before a range sign, punctuation or the end), 上午9时, 15:57, 9点30分,
  9点20, 20时1刻; a weekday after a date only confirms it (3月8日周五: the date wins);
- counted weeks and days: 3月第三周, 本月第2周 (the N-th week whose Monday is in the month),
  2020年第52周 (ISO 8601 week), 2025年第一天; months and days of a year or month: 2005年首月,
  70年第8个月, 1967年前两月, 2021年后三个月, 4月前4天, 上月最后五天; quarter edges 一季度末
  (its last month), 四季度初 (its first month), Q1季度; 上一周, 大大后天;
- ranges: each end is its own mention, and the second takes what the first names and it leaves
  out (12月9日至16号, 明天下午3点至8点, 今天下午1点10分到3点); the first takes the unit of the
  second (1－9月份, 9~12点半, 2018年2—4月 with the year); 晚上十二点 is midnight;
- relative days and periods: 今天, 昨天, 前天, 明天, 今晚, 上周四, 本周, 本月, 上月, 今年, 去年,
  上年, 全年, 过去一年, 近三年, 今后三年, 年初, 年底, 上半年, 首季, 一季度, 前三季度, 上旬, 中旬;
- seasons (今冬, 春季), decades (九十年代, 上世纪80年代), lunar dates (农历正月十五, 腊月二十三);
- festivals (resources/dates_festivals.tsv): fixed days, lunar days through the ``lunardate``
  library (1900-2099) and solar terms (清明, 冬至) through ``chinese_calendar.get_solar_terms``
  (1900-2100); 春节假期后上班第一天 and 节后第一个工作日 through the official holiday and
  adjusted-workday calendar of ``chinese_calendar``, which covers 2004-2026 (version 1.11): for a
  year outside it the mention is kept with ``resolved=False`` and an empty value;
- anniversaries of the founding events in resources/dates_anniversaries.tsv (新中国成立75周年,
  建党百年), plan periods (九五, “十四五”), durations (三年, 两个月, 10天: kind "duration", no value);
- offsets: a length and 前/后/以前/以后/之前/之后 is the point that far from the reference (三年前 →
  the year, 20天后 → the day, 半小时前 → the minute when the publication time is known: kind
  "offset"), and with 以来/内/以内 the span up to or from the reference (kind "span"). An offset
  after (两年后) that follows a mention with its year in the same sentence counts from that mention
  (1995年他来到北京，两年后 → 1997);
- a dateline (新华社北京1月4日电, 本报北京1月4日讯) makes its day the reference of its paragraph
  and the ones after it, until the next dateline, with the year of the publication date.

Values are ISO 8601 in China Standard Time (resources and conventions in the issue): "2024-02-18",
"2024-02", "2024", "2024-Q1", "2024-H1", "2021/2025", "2024-02-19T15:57+08:00". Without a reference
date, anything that needs one comes out with ``resolved=False`` and ``value=""``; the clock is never
read. ``resolved`` is also False, with an empty value, for an anniversary of an unknown event, a
holiday year outside the calendar, 近几年-style counts and impossible dates; a duration is
``resolved=True`` with an empty value (it has no calendar position).

Not yet done: open spans (3年以前 and 3年以后 as intervals open at one end, 年底前, 明年6月之前,
2025年前, 2019年5月8日起: 前 after a named day or period stays outside the mention, 春节前 is the
festival), lengths in 日 (60日内, which 12日前 makes ambiguous); 次日 and 第三天 anchored on
another mention; a bare 第2周 with no month or year; parts of day as clock windows (白天, 午后,
后半夜: a part of day without a clock time is its day); 暑假/寒假; 世纪初 and 年代前期;
1994.01-19, 2008.03-2009, 2022 11 23 and a bare 2018 without 年; periodic expressions (每年),
Western festivals by rule (母亲节), times such as 6天5晚, 上年 is always the
reference year minus one (People's Daily uses it for the year before the one reported on), 斋月 and
other festivals without a rule, and readings that need the sentence (冬季大棚菜 is not a date).
``benchmarks/bench_dates.py`` measures the rest on JioNLP's time-parser tests and on
hand-annotated People's Daily articles.

>>> from newsnlp.extract.dates import extract_dates
>>> mentions = extract_dates("2月18日，春節假期後上班第一天。", published="2024-02-19")
>>> [(m.text, m.kind, m.value) for m in mentions]
[('2月18日', 'point', '2024-02-18'), ('春節假期後上班第一天', 'point', '2024-02-18')]
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any, Literal

import chinese_calendar
import lunardate

from newsnlp.errors import InputError
from newsnlp.model import Article, Meta, _plain
from newsnlp.normalize import normalize
from newsnlp.page import analyze, parse_published

__all__ = ["DateMention", "extract_dates", "parse_chinese_number"]

Kind = Literal[
    "point",
    "span",
    "year",
    "month",
    "quarter",
    "half",
    "season",
    "decade",
    "festival",
    "relative_day",
    "time_of_day",
    "anniversary",
    "plan_period",
    "duration",
    "offset",
]
Granularity = Literal["second", "minute", "hour", "day", "week", "month", "quarter", "half", "season", "year"]

# chinese_calendar's official holiday data; outside these years it raises NotImplementedError.
HOLIDAY_YEARS = range(2004, 2027)
# lunardate's table.
LUNAR_YEARS = range(1900, 2100)


@dataclass(frozen=True)
class DateMention:
    """A time expression in an article and the calendar value it stands for.

    ``start``/``end`` are character offsets in ``article.text`` (as for every newsnlp mention);
    ``raw_start``/``raw_end`` the place in ``article.raw``; ``text`` is the expression as the
    article writes it (its own script). ``value`` is ISO 8601 ("2024-02-18", "2024-Q1",
    "2021/2025", "2024-02-19T15:57+08:00"), empty when it cannot be resolved or for a duration;
    ``start_date``/``end_date`` are the first and last calendar day the value covers (both the
    same day for a day or a time, Jan 1 and Dec 31 for a year), None when unresolved.
    """

    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    kind: Kind
    value: str
    start_date: date | None
    end_date: date | None
    granularity: Granularity
    resolved: bool

    def to_dict(self) -> dict[str, Any]:
        """The mention as plain values (dates as ISO strings).

        >>> extract_dates("今年", published="2024-02-19")[0].to_dict()["end_date"]
        '2024-12-31'
        """
        return dict(_plain(self))


# ----------------------------------------------------------------------------- numerals

# The ideographic zero is written as an escape: ruff takes it for a Latin O.
_ZERO = "\u3007"
_DIGITS = {_ZERO: 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def parse_chinese_number(text: str) -> int | None:
    """The integer a numeral stands for: ASCII digits, Chinese numerals or digit-by-digit years.

    Reads the zeros (ideographic zero, ○, 零), 一…九 两 十 百 千 万 廿 (20) 卅 (30); a string of
    Chinese digits without units
    (一九九八) is read digit by digit. Returns None for anything else.

    >>> [parse_chinese_number(s) for s in ("15", "十五", "二十一", "一九九八", "两百零五", "廿三", "三万")]
    [15, 15, 21, 1998, 205, 23, 30000]
    >>> parse_chinese_number("几") is None
    True
    """
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    text = text.replace("廿", "二十").replace("卅", "三十")
    if all(char in _DIGITS for char in text):
        value = 0
        for char in text:
            value = value * 10 + _DIGITS[char]
        return value
    total, section, digit = 0, 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        elif char == "万":
            total += (section + (digit or 0)) * 10_000
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


# ----------------------------------------------------------------------------- units

_CN = f"{_ZERO}○零一二两三四五六七八九十廿卅"
_CN_DIGITS = f"{_ZERO}○零一二三四五六七八九"
_NUM = rf"(?:\d{{1,3}}|[{_CN}百千万]{{1,6}})"
# No number glued to another number, and no ordinal (第三年 is a count, not a date).
_NOT_AFTER_NUMBER = rf"(?<![第\d{_CN}百千万.])"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY_NUM = (
    r"(?:[12]\d|3[01]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
)
_LUNAR_DAY = (
    r"(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?"
    r"|廿[一二三四五六七八九]?|三十)"
)
_PARTS = "凌晨|清晨|早晨|早上|上午|中午|正午|下午|傍晚|黄昏|晚上|晚间|夜间|夜里|深夜|半夜|午夜"
_RANGE = "至到－—~\uff5e-"


@dataclass
class _Unit:
    """A piece of a time expression; adjacent pieces of rising level make one mention.

    Levels: 0 year, 1 part of a year (month, quarter, half, season, edge), 2 a day or a part of a
    month, 3 a part of the day, 4 a clock time. ``weak`` pieces only count after a stronger one.
    """

    start: int
    end: int
    first: int
    last: int
    fields: dict[str, Any]
    weak: bool = False


_YEAR_OFFSETS = {
    "今年": 0, "本年": 0, "本年度": 0, "这一年": 0, "全年": 0, "去年": -1, "上年": -1, "上一年": -1,
    "上年度": -1, "明年": 1, "来年": 1, "下一年": 1, "次年": 1, "翌年": 1, "前年": -2, "后年": 2,
    "大前年": -3, "大后年": 3, "今年全年": 0, "去年全年": -1, "上年全年": -1, "明年全年": 1,
}  # fmt: skip
_DAY_OFFSETS = {
    "今天": 0, "今日": 0, "本日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1,
    "后天": 2, "大前天": -3, "大后天": 3, "今晚": 0, "今晨": 0, "今早": 0, "今夜": 0, "昨晚": -1,
    "昨夜": -1, "昨晨": -1, "明晚": 1, "明早": 1, "明晨": 1, "大大前天": -4, "大大后天": 4,
}  # fmt: skip
_MONTH_OFFSETS = {"本月": 0, "这个月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}
_WEEK_OFFSETS = {"本": 0, "这": 0, "这个": 0, "这一": 0, "上": -1, "上个": -1, "上一": -1, "上上": -2}
_WEEK_OFFSETS |= {"下": 1, "下个": 1, "下一": 1, "下下": 2}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_SEASONS = {"春": 3, "夏": 6, "秋": 9, "冬": 12}
_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}
_GREGORIAN_MONTH_NAMES = {"元": 1}


def _words(words: Any) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _year_value(text: str) -> int | None:
    return parse_chinese_number(text)


@cache
def _unit_patterns() -> tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], _Unit | None]], ...]:
    """The piece patterns with their readers, compiled once per process."""
    festivals = _festival_rules()
    short = _short_festival_rules()
    patterns: list[tuple[str, Callable[[re.Match[str]], _Unit | None]]] = [
        # 2024-02-19, 2024/2/19, 2024.2.19 and 20240219, with a time after a space or T.
        (
            r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
            r"(?:(?P<d>0?[1-9]|[12]\d|3[01])(?![\d.])"
            # 2018-12-1209:03: a time glued to a two-digit day
            r"|(?P<gd>0[1-9]|[12]\d|3[01])(?P<gh>[01]\d|2[0-3]):(?P<gm>[0-5]\d)(?![\d:]))"
            r"|(?<!\d)(?P<cy>(?:19|20)\d{2})(?P<cm>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])(?!\d)"
            # 09-01 20:01: month and day without a year only when a clock time follows
            r"|(?<![\d./:-])(?P<sm>0[1-9]|1[0-2])-(?P<sd>0[1-9]|[12]\d|3[01])(?= (?:[01]?\d|2[0-3]):[0-5]\d)",
            _read_numeric_date,
        ),
        (
            rf"{_NOT_AFTER_NUMBER}(?P<y>(?:1[0-9]|20)\d{{2}}|[{_CN_DIGITS}]{{4}})年(?:度)?"
            rf"|{_NOT_AFTER_NUMBER}(?P<y2>\d{{2}}|[{_CN_DIGITS}]{{2}})年"
            rf"(?=(?:{_MONTH_NUM}|正|腊)月|底|初|末|第|[一二三四]季度|上半年|下半年)",
            _read_year,
        ),
        (rf"(?<![提之以此目当然最战])(?:{_words(_YEAR_OFFSETS)})(?!代|级|轻)", _read_relative_year),
        (
            rf"(?P<lunar>农历|阴历)?{_NOT_AFTER_NUMBER}(?P<m>{_MONTH_NUM}|正|腊|冬|(?<![纪公单])元)月(?:份)?"
            rf"(?P<ld>{_LUNAR_DAY}(?![日号一二三四五六七八九十\d]))?",
            _read_month,
        ),
        (rf"(?:{_words(_MONTH_OFFSETS)})(?:份)?", _read_relative_month),
        (rf"{_NOT_AFTER_NUMBER}(?P<d>{_DAY_NUM})(?P<suffix>[日号])", _read_day),
        # 1月3至2月10, 十月31: ASCII day digits right after 月, with nothing but a range sign,
        # punctuation or the end after them (not 3月5个, 3月15晚会).
        (
            r"(?<=月)(?P<d>[12]\d|3[01]|0?[1-9])(?P<suffix>)(?=\s*[至到－—~\uff5e，。；、,;)）]|\s*$)",
            _read_day,
        ),
        # 三月的第二周, 2020年第52周, 21年第一个礼拜: a week counted in a month or a year.
        (
            r"的?第(?P<n>[1-5]\d|[1-9]|[一二三四五六七八九十]{1,3})个?(?:周|星期|礼拜)(?![一二三四五六日天年期末])",
            _read_week_number,
        ),
        # 2025年第一天: a day counted in a year.
        (r"的?第(?P<n>[1-3]?\d{1,2}|[一二三四五六七八九十百]{1,5})天", _read_day_of_year),
        (rf"(?:{_words(_DAY_OFFSETS)})", _read_relative_day),
        (
            rf"(?P<w>{_words(_WEEK_OFFSETS)})?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])(?![年])",
            _read_weekday,
        ),
        (rf"(?P<w>{_words(_WEEK_OFFSETS)})(?:周|星期|礼拜)(?![一二三四五六日天年期])", _read_week),
        (
            r"(?P<rel>本|上|下)季度|(?:第)?(?P<q>[一二三四1-4])季度|第(?P<q2>[一二三四1-4])季|(?P<first>首)季"
            r"|(?<![A-Za-z])Q(?P<q3>[1-4])(?!\d)(?:季度)?",
            _read_quarter,
        ),
        (r"前(?P<n>[一二三两1-3])个?季度", _read_quarter_span),
        (rf"(?<!\d)前(?P<n>{_MONTH_NUM}|两)个月", _read_month_span),
        # 1967年前两月, 2021年后三个月, 2005年首月, 70年第8个月: only after a year.
        (
            rf"(?<!\d)(?P<side>前|后)(?P<n>{_MONTH_NUM}|两)个?月(?!份)|(?P<first>首)月"
            rf"|第(?P<nth>{_MONTH_NUM})个月",
            _read_year_months,
        ),
        # 一季度末, 四季度初: the last or first month of the quarter.
        (r"(?<=季度)(?P<edge>初|末|底)(?!期|步)", _read_quarter_edge),
        (r"(?P<h>上|下)半年", _read_half),
        (r"(?P<rel>今|去|明|来)(?P<s>[春夏秋冬])(?:季|天)?|(?P<s2>[春夏秋冬])(?:季|天)", _read_season),
        # 年底 stands alone; 底 alone only right after a year (1997年底), so it is weak.
        (r"(?P<y>年)(?P<edge>初|底|末|终)(?!期|步|心|衷|稿|审|选|赛|级)|岁末|伊始", _read_year_edge),
        (r"(?<=年)(?P<edge>初|底|末|终)(?!期|步|心|衷|稿|审|选|赛|级)", _read_year_edge),
        (
            r"(?P<part>上旬|中旬|下旬)|(?P<m2>月)(?P<part2>初|底|末)(?!期|步|心|衷|稿|审|选|赛|级)",
            _read_month_part,
        ),
        (r"(?<=月)(?P<part>初|底|末)(?!期|步|心|衷|稿|审|选|赛|级)", _read_month_part),
        # 4月前4天, 上月最后五天: the first or last days of a month named just before.
        (
            r"(?<=月)(?P<side>前|头|最后|后)(?P<n>[1-9]|[12]\d|[一二两三四五六七八九十]{1,2})天",
            _read_month_days,
        ),
        (rf"(?:{_PARTS})(?!饭|餐|觉|班|休)", _read_part_of_day),
        (
            r"(?<![\d:.])(?P<h>[01]?\d|2[0-4])[:：](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])"
            rf"|{_NOT_AFTER_NUMBER}(?P<h2>\d{{1,2}}|[零一二两三四五六七八九十]{{1,3}})(?P<unit>时|点钟|点)"
            rf"(?:(?P<mi2>\d{{1,2}}|[零一二三四五六七八九十]{{1,3}})分|(?P<half>半)|(?P<quarter>[一三13])刻|(?P<sharp>整)"
            r"|(?<=点)(?P<mi3>[0-5]\d)(?![\d.%分秒万亿元个]))?"
            r"(?:(?P<s2>\d{1,2})秒)?",
            _read_clock,
        ),
        (rf"(?:{_words(festivals)})", _read_festival),
        (
            rf"(?<![\d{_CN}])(?P<short>{_words(short)})(?=节|前夕|期间|假期|长假|黄金周|前后|”)",
            _read_festival,
        ),
    ]
    return tuple((re.compile(pattern), reader) for pattern, reader in patterns)


def _read_numeric_date(match: re.Match[str]) -> _Unit:
    if match["sm"]:
        return _Unit(match.start(), match.end(), 1, 2, {"m": int(match["sm"]), "d": int(match["sd"])})
    if match["gd"]:
        fields = {"y": int(match["y"]), "m": int(match["m"]), "d": int(match["gd"])}
        clock = {"hour": int(match["gh"]), "minute": int(match["gm"]), "second": None}
        return _Unit(match.start(), match.end(), 0, 4, fields | clock)
    y, m, d = (match["y"], match["m"], match["d"]) if match["y"] else (match["cy"], match["cm"], match["cd"])
    return _Unit(match.start(), match.end(), 0, 2, {"y": int(y), "m": int(m), "d": int(d)})


def _read_year(match: re.Match[str]) -> _Unit | None:
    if match["y"]:
        return _Unit(match.start(), match.end(), 0, 0, {"y": _year_value(match["y"])})
    return _Unit(match.start(), match.end(), 0, 0, {"yy": _year_value(match["y2"])})


def _read_relative_year(match: re.Match[str]) -> _Unit:
    fields: dict[str, Any] = {"yoff": _YEAR_OFFSETS[match.group()]}
    return _Unit(match.start(), match.end(), 0, 0, fields)


def _read_month(match: re.Match[str]) -> _Unit | None:
    name = match["m"]
    month = _LUNAR_MONTHS.get(name) or _GREGORIAN_MONTH_NAMES.get(name) or parse_chinese_number(name)
    if month is None or not 1 <= month <= 12:
        return None
    lunar = bool(match["lunar"]) or name in _LUNAR_MONTHS or bool(match["ld"])
    fields: dict[str, Any] = {"m": month, "lunar": lunar}
    if match["ld"]:
        day = parse_chinese_number(match["ld"].removeprefix("初"))
        fields["d"] = day
        return _Unit(match.start(), match.end(), 1, 2, fields)
    # 冬月 (the eleventh lunar month) alone is too rare to be worth 冬季 false alarms.
    return _Unit(match.start(), match.end(), 1, 1, fields, weak=name == "冬")


def _read_relative_month(match: re.Match[str]) -> _Unit:
    return _Unit(match.start(), match.end(), 1, 1, {"moff": _MONTH_OFFSETS[match.group().removesuffix("份")]})


def _read_day(match: re.Match[str]) -> _Unit | None:
    day = parse_chinese_number(match["d"])
    if day is None or not 1 <= day <= 31:
        return None
    # A bare 号 is a house or document number (15号, 1号文件) unless a month comes before it;
    # a bare Chinese 一日 is as often "one day" as a date.
    weak = match["suffix"] != "日" or (not match["d"].isdigit() and day < 10)
    return _Unit(match.start(), match.end(), 2, 2, {"d": day}, weak=weak)


def _read_week_number(match: re.Match[str]) -> _Unit | None:
    number = parse_chinese_number(match["n"])
    if number is None or not 1 <= number <= 53:
        return None
    return _Unit(match.start(), match.end(), 2, 2, {"wk": number}, weak=True)


def _read_day_of_year(match: re.Match[str]) -> _Unit | None:
    number = parse_chinese_number(match["n"])
    if number is None or not 1 <= number <= 366:
        return None
    return _Unit(match.start(), match.end(), 2, 2, {"doy": number}, weak=True)


def _read_relative_day(match: re.Match[str]) -> _Unit:
    word = match.group()
    fields: dict[str, Any] = {"doff": _DAY_OFFSETS[word]}
    if word[-1] in "晚夜":
        fields["part"] = "晚上"
    elif word[-1] in "晨早":
        fields["part"] = "早上"
    return _Unit(match.start(), match.end(), 2, 3 if "part" in fields else 2, fields)


def _read_weekday(match: re.Match[str]) -> _Unit:
    fields = {"woff": _WEEK_OFFSETS[match["w"]] if match["w"] else 0, "wd": _WEEKDAYS[match["wd"]]}
    return _Unit(match.start(), match.end(), 2, 2, fields)


def _read_week(match: re.Match[str]) -> _Unit:
    return _Unit(match.start(), match.end(), 2, 2, {"week": _WEEK_OFFSETS[match["w"]]})


def _read_quarter(match: re.Match[str]) -> _Unit:
    if match["rel"]:
        return _Unit(match.start(), match.end(), 1, 1, {"qoff": {"本": 0, "上": -1, "下": 1}[match["rel"]]})
    number = match["q"] or match["q2"] or match["q3"]
    quarter = 1 if match["first"] else parse_chinese_number(number)
    return _Unit(match.start(), match.end(), 1, 1, {"q": quarter})


def _read_quarter_span(match: re.Match[str]) -> _Unit:
    count = parse_chinese_number(match["n"]) or 1
    return _Unit(match.start(), match.end(), 1, 1, {"mspan": (1, 3 * count)})


def _read_month_span(match: re.Match[str]) -> _Unit | None:
    count = parse_chinese_number(match["n"])
    if count is None or not 1 <= count <= 12:
        return None
    return _Unit(match.start(), match.end(), 1, 1, {"mspan": (1, count)})


def _read_year_months(match: re.Match[str]) -> _Unit | None:
    if match["first"] or match["nth"]:
        month = 1 if match["first"] else parse_chinese_number(match["nth"])
        if month is None or not 1 <= month <= 12:
            return None
        return _Unit(match.start(), match.end(), 1, 1, {"mspan": (month, month)}, weak=True)
    count = parse_chinese_number(match["n"])
    if count is None or not 1 <= count <= 12:
        return None
    months = (1, count) if match["side"] == "前" else (13 - count, 12)
    return _Unit(match.start(), match.end(), 1, 1, {"mspan": months}, weak=True)


def _read_quarter_edge(match: re.Match[str]) -> _Unit:
    return _Unit(match.start(), match.end(), 2, 2, {"qedge": 0 if match["edge"] == "初" else 2}, weak=True)


def _read_half(match: re.Match[str]) -> _Unit:
    return _Unit(match.start(), match.end(), 1, 1, {"h": 1 if match["h"] == "上" else 2})


def _read_season(match: re.Match[str]) -> _Unit:
    if match["rel"]:
        offset = {"今": 0, "去": -1, "明": 1, "来": 1}[match["rel"]]
        return _Unit(match.start(), match.end(), 0, 1, {"season": _SEASONS[match["s"]], "soff": offset})
    return _Unit(match.start(), match.end(), 1, 1, {"season": _SEASONS[match["s2"]]})


def _read_year_edge(match: re.Match[str]) -> _Unit:
    text = match.group()
    edge = 1 if text == "伊始" or match.groupdict().get("edge") == "初" else 12
    # 底/初 alone only count right after a year (1997年底); 年底, 年初 and 岁末 stand alone.
    weak = not (match.groupdict().get("y") or text in ("岁末", "伊始"))
    return _Unit(match.start(), match.end(), 1, 1, {"edge": edge}, weak=weak)


def _read_month_part(match: re.Match[str]) -> _Unit:
    groups = match.groupdict()
    part = groups.get("part") or groups["part2"]
    days = {
        "上旬": (1, 10),
        "初": (1, 10),
        "中旬": (11, 20),
        "下旬": (21, 31),
        "底": (21, 31),
        "末": (21, 31),
    }
    # 旬 words and 月初/月底 stand alone (this month); 初/底 alone only right after a month.
    weak = not (groups.get("m2") or part.endswith("旬"))
    return _Unit(match.start(), match.end(), 2, 2, {"mpart": days[part]}, weak=weak)


def _read_month_days(match: re.Match[str]) -> _Unit | None:
    count = parse_chinese_number(match["n"])
    if count is None or not 1 <= count <= 28:
        return None
    side = "first" if match["side"] in ("前", "头") else "last"
    return _Unit(match.start(), match.end(), 2, 2, {"mdays": (side, count)}, weak=True)


def _read_part_of_day(match: re.Match[str]) -> _Unit:
    return _Unit(match.start(), match.end(), 3, 3, {"part": match.group()})


def _read_clock(match: re.Match[str]) -> _Unit | None:
    if match["h"] is not None:
        hour, minute = int(match["h"]), int(match["mi"])
        second = int(match["s"]) if match["s"] else None
        weak = False
    else:
        parsed = parse_chinese_number(match["h2"])
        if parsed is None:
            return None
        hour = parsed
        if match["mi2"]:
            minute = parse_chinese_number(match["mi2"]) or 0
        elif match["half"]:
            minute = 30
        elif match["quarter"]:
            minute = 15 if match["quarter"] in "一1" else 45
        elif match["mi3"]:
            minute = int(match["mi3"])
        else:
            minute = -1  # not given: the value is to the hour
        second = int(match["s2"]) if match["s2"] else None
        # 3点意见, 一时难以: a bare 点 or a Chinese hour needs a part of day or minutes with it.
        weak = minute < 0 and (match["unit"] != "时" or not match["h2"].isdigit())
    if not 0 <= hour <= 24 or minute > 59:
        return None
    return _Unit(
        match.start(), match.end(), 4, 4, {"hour": hour, "minute": minute, "second": second}, weak=weak
    )


def _read_festival(match: re.Match[str]) -> _Unit:
    return _Unit(match.start(), match.end(), 2, 2, {"festival": match.group()})


# ----------------------------------------------------------------------------- whole patterns

_ANNIVERSARY_VERBS = "成立|建立|创建|创立|创刊|创办|建校|建厂|建院|诞辰|诞生|逝世|开通|建成|问世"


@cache
def _whole_patterns() -> tuple[tuple[re.Pattern[str], Callable[[re.Match[str], _Reference], _Value]], ...]:
    """Expressions read as one mention, not composed from pieces."""
    events = _words(re.escape(event) for event in read_anniversaries())
    festivals = _words(_festival_rules())
    number = rf"(?P<n>\d{{1,3}}|[{_CN}百]{{1,5}}|几|两)"
    return tuple(
        (re.compile(pattern), reader)
        for pattern, reader in (
            (
                rf"(?:(?P<event>{events})|(?P<verb>{_ANNIVERSARY_VERBS}))"
                rf"(?:(?P<n>\d{{1,3}}|[{_CN}百]{{1,5}})周年|(?P<hundred>百年|一百年))",
                _anniversary,
            ),
            (
                rf"(?:(?P<festival>{festivals})|节)(?:假期|长假|假日)?后(?:的)?"
                r"(?:上班|复工)?(?:第一天|第一个工作日|首个工作日|首日)",
                _first_workday,
            ),
            (rf"(?P<festival>{festivals})(?:期间|假期|长假)", _festival_period),
            (
                rf"(?:(?<=[“\"])|(?<![\d{_CN}百千万第]))(?P<n>十[一二三四五六七八九]?|[一二三四五六七八九])五"
                r"(?=[”\"](?!大|届)|(?:计划|规划|期间|时期|末|初|以来|开局|中期|前期|后期|纲要|目标)"
                r"(?![\u4e00-\u9fff]{0,1}[届大]))",
                _plan_period,
            ),
            (
                r"(?:(?P<century>上|本|20|二十|19|十九|21|二十一)世纪)?"
                rf"(?<![\d{_CN}])(?P<decade>[1-9]0|[一二三四五六七八九]十)年代"
                r"(?P<edge>初期|中期|后期|末期|前期|初|末|中)?",
                _decade,
            ),
            (
                rf"{_NOT_AFTER_NUMBER}(?P<century>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})世纪(?!年代)",
                _century,
            ),
            (r"(?:过去|过去的|去年)一年", _past_year),
            (rf"(?:近|最近|过去|过去的|(?<![提之以此目当])前){number}个?(?P<u>年|个月|月)", _recent),
            (rf"(?:今后|未来|此后)(?:的)?{number}个?(?P<u>年|个月)", _coming),
            (_OFFSET, _offset),
            (
                # 关键的一年, 这一年, 每年: a year of something, not a length of time.
                rf"{_NOT_AFTER_NUMBER}(?<![的这那每同近前])(?:(?:\d{{1,3}}|[{_CN}百千亿]{{1,5}}|几|数)(?:多|余)?个?(?:多|半)?"
                r"(?:年|载|个月|天|周|星期|小时|钟头|分钟|秒钟?|季度|个季度)[半多]?)+(?!年|级|代|期|度|底|初|末)"
                r"|(?<![上下前后])半(?:年|个月|个小时|小时|天)",
                _duration,
            ),
        )
    )


# ----------------------------------------------------------------------------- resources


def _rule_table(name: str) -> dict[str, str]:
    from newsnlp.resources import read_table  # noqa: PLC0415  (kept local: the table is read lazily)

    return read_table(name)


@cache
def _festival_rules() -> dict[str, str]:
    return _rule_table("dates_festivals.tsv")


@cache
def _short_festival_rules() -> dict[str, str]:
    return _rule_table("dates_short_festivals.tsv")


@cache
def read_anniversaries() -> dict[str, tuple[int, int | None, int | None]]:
    """The founding events of resources/dates_anniversaries.tsv as (year, month, day).

    >>> read_anniversaries()["建党"]
    (1921, 7, 1)
    """
    events: dict[str, tuple[int, int | None, int | None]] = {}
    for event, day in _rule_table("dates_anniversaries.tsv").items():
        parts = [int(part) for part in day.split("-")]
        events[event] = (parts[0], parts[1], parts[2]) if len(parts) == 3 else (parts[0], None, None)
    return events


# ----------------------------------------------------------------------------- calendars


def festival_day(name: str, year: int) -> date | None:
    """The Gregorian day of a festival in a year, or None outside the calendars' years.

    >>> festival_day("春节", 1998), festival_day("清明", 2024), festival_day("除夕", 2024)
    (datetime.date(1998, 1, 28), datetime.date(2024, 4, 4), datetime.date(2024, 2, 9))
    """
    rule = _festival_rules().get(name) or _short_festival_rules().get(name)
    if rule is None:
        return None
    kind, _, argument = rule.partition(":")
    if kind == "solar":
        month, day = (int(part) for part in argument.split("-"))
        return date(year, month, day)
    if kind == "term":
        if not 1900 <= year <= 2100:
            return None
        terms = chinese_calendar.get_solar_terms(date(year, 1, 1), date(year, 12, 31))
        return next((day for day, term in terms if term == argument), None)
    month_text, day_text = argument.split("-")
    if day_text == "LAST":  # the eve of the Spring Festival of that Gregorian year
        new_year = lunar_to_solar(year, 1, 1)
        return new_year - timedelta(days=1) if new_year else None
    return lunar_to_solar(year, int(month_text), int(day_text))


def lunar_to_solar(year: int, month: int, day: int) -> date | None:
    """A (non-leap) lunar date as a Gregorian date, with lunardate; None when it does not exist.

    >>> lunar_to_solar(2012, 1, 15)
    datetime.date(2012, 2, 6)
    """
    if year not in LUNAR_YEARS:
        return None
    try:
        solar: date = lunardate.LunarDate(year, month, day).to_solar_date()
    except ValueError:
        return None
    return solar


def first_workday_after(holiday: str, year: int) -> date | None:
    """The first working day after the official holiday of a festival (调休 workdays included).

    Uses ``chinese_calendar``'s official calendar; None outside its years (`HOLIDAY_YEARS`).

    >>> first_workday_after("春节", 2024)
    datetime.date(2024, 2, 18)
    >>> first_workday_after("春节", 1998) is None
    True
    """
    if year not in HOLIDAY_YEARS:
        return None
    festival = festival_day(holiday, year)
    if festival is None:
        return None
    # The holiday block is the run of days off around the festival day (weekends included).
    day = festival
    while chinese_calendar.is_holiday(day) and day.year in HOLIDAY_YEARS:
        day += timedelta(days=1)
    if day.year not in HOLIDAY_YEARS:
        return None
    if day == festival:  # the festival fell on a working day: no holiday after it
        return None
    return day


def _nearest_holiday(reference: date) -> tuple[str, int] | None:
    """The official holiday (as a festival name) whose block ends nearest the reference day."""
    best: tuple[int, str, int] | None = None
    for name in ("元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆"):
        for year in (reference.year - 1, reference.year, reference.year + 1):
            after = first_workday_after(name, year)
            if after is not None and (best is None or abs((after - reference).days) < best[0]):
                best = (abs((after - reference).days), name, year)
    return (best[1], best[2]) if best else None


# ----------------------------------------------------------------------------- values


@dataclass(frozen=True)
class _Reference:
    """The reference time relative expressions are resolved against."""

    day: date | None
    moment: datetime | None = None


@dataclass(frozen=True)
class _Value:
    kind: Kind
    value: str
    start: date | None
    end: date | None
    granularity: Granularity
    resolved: bool


def _unresolved(kind: Kind, granularity: Granularity) -> _Value:
    return _Value(kind, "", None, None, granularity, False)


def _year_span(first: int, last: int, kind: Kind) -> _Value:
    value = str(first) if first == last else f"{first}/{last}"
    return _Value(kind, value, date(first, 1, 1), date(last, 12, 31), "year", True)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_span(  # noqa: PLR0917  (two (year, month) pairs, then the labels)
    year: int, first: int, last_year: int, last: int, kind: Kind, granularity: Granularity
) -> _Value:
    start, end = f"{year}-{first:02d}", f"{last_year}-{last:02d}"
    value = start if start == end else f"{start}/{end}"
    return _Value(kind, value, date(year, first, 1), _month_end(last_year, last), granularity, True)


def _day_value(day: date, kind: Kind) -> _Value:
    return _Value(kind, day.isoformat(), day, day, "day", True)


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _anniversary(match: re.Match[str], reference: _Reference) -> _Value:
    count = 100 if match["hundred"] else parse_chinese_number(match["n"])
    founded = read_anniversaries().get(match["event"] or "")
    if founded is None or count is None:
        return _unresolved("anniversary", "day")
    year = founded[0] + count
    if founded[1] is None or founded[2] is None:
        return _year_span(year, year, "anniversary")
    day = _valid(year, founded[1], founded[2])
    return _day_value(day, "anniversary") if day else _unresolved("anniversary", "day")


def _first_workday(match: re.Match[str], reference: _Reference) -> _Value:
    if reference.day is None:
        return _unresolved("point", "day")
    if match["festival"]:
        found = first_workday_after(match["festival"], _festival_year(match["festival"], reference.day))
    else:
        nearest = _nearest_holiday(reference.day)
        found = first_workday_after(*nearest) if nearest else None
    return _day_value(found, "point") if found else _unresolved("point", "day")


def _festival_period(match: re.Match[str], reference: _Reference) -> _Value:
    """春节期间: the official holiday block when the calendar knows the year, else the festival day."""
    if reference.day is None:
        return _unresolved("span", "day")
    name = match["festival"]
    year = _festival_year(name, reference.day)
    day = festival_day(name, year)
    if day is None:
        return _unresolved("span", "day")
    after = first_workday_after(name, year)
    if after is None:
        return _Value("span", day.isoformat(), day, day, "day", True)
    first = day
    while chinese_calendar.is_holiday(first - timedelta(days=1)) and first.year in HOLIDAY_YEARS:
        first -= timedelta(days=1)
    last = after - timedelta(days=1)
    return _Value("span", f"{first.isoformat()}/{last.isoformat()}", first, last, "day", True)


def _plan_period(match: re.Match[str], reference: _Reference) -> _Value:
    ordinal = parse_chinese_number(match["n"])
    if ordinal is None:
        return _unresolved("plan_period", "year")
    # The first plan ran 1953-1957 and the second 1958-1962; after three years of readjustment
    # (1963-1965) the third began in 1966, and every plan since follows on.
    first = 1953 + 5 * (ordinal - 1) if ordinal <= 2 else 1966 + 5 * (ordinal - 3)
    return _year_span(first, first + 4, "plan_period")


def _decade(match: re.Match[str], reference: _Reference) -> _Value:
    decade = parse_chinese_number(match["decade"])
    century = match["century"]
    if decade is None:
        return _unresolved("decade", "year")
    if match["edge"]:  # 八十年代初: a part of a decade with no agreed boundary
        return _unresolved("span", "year")
    if century in ("上", "本"):
        if reference.day is None:
            return _unresolved("decade", "year")
        base = reference.day.year // 100 * 100 - (100 if century == "上" else 0)
    elif century:
        number = parse_chinese_number(century)
        base = (number - 1) * 100 if number else 1900
    else:
        if reference.day is None:
            return _unresolved("decade", "year")
        base = reference.day.year // 100 * 100
        if base + decade > reference.day.year:  # 九十年代 written in 2024 is the 1990s
            base -= 100
    return _year_span(base + decade, base + decade + 9, "decade")


def _century(match: re.Match[str], reference: _Reference) -> _Value:
    number = parse_chinese_number(match["century"])
    if number is None or not 1 <= number <= 30:
        return _unresolved("span", "year")
    return _year_span(number * 100 - 99, number * 100, "span")


def _past_year(match: re.Match[str], reference: _Reference) -> _Value:
    if reference.day is None:
        return _unresolved("span", "year")
    year = reference.day.year - 1
    return _year_span(year, year, "span")


def _count(match: re.Match[str]) -> int | None:
    return None if match["n"] == "几" else parse_chinese_number(match["n"])


def _recent(match: re.Match[str], reference: _Reference) -> _Value:
    """近三年 / 过去三年: the N calendar years (months) before the reference one."""
    count = _count(match)
    unit: Granularity = "year" if match["u"] == "年" else "month"
    if reference.day is None or count is None or count < 1:
        return _unresolved("span", unit)
    if unit == "year":
        year = reference.day.year
        return _year_span(year - count, year - 1, "span")
    first = _shift_month(reference.day.year, reference.day.month, -count)
    last = _shift_month(reference.day.year, reference.day.month, -1)
    return _month_span(*first, *last, "span", "month")


def _coming(match: re.Match[str], reference: _Reference) -> _Value:
    """今后三年 / 未来三年: the reference year (month) and the N-1 after it."""
    count = _count(match)
    unit: Granularity = "year" if match["u"] == "年" else "month"
    if reference.day is None or count is None or count < 1:
        return _unresolved("span", unit)
    if unit == "year":
        year = reference.day.year
        return _year_span(year, year + count - 1, "span")
    first = (reference.day.year, reference.day.month)
    last = _shift_month(*first, count - 1)
    return _month_span(*first, *last, "span", "month")


def _duration(match: re.Match[str], reference: _Reference) -> _Value:
    return _Value("duration", "", None, None, "day", True)


# 三年前, 20天后, 半小时前, 3年多以来, 17天内: a length of time before or after the reference.
# The direction words stay in the mention: 三年前 is the year three years back, not a duration.
_OFFSET_LENGTH = (
    rf"(?:(?:\d{{1,3}}|[{_CN}百千]{{1,5}}|几|数)(?:多|余)?个?半?"
    r"(?:年|载|个?季度|个?月|个?星期|周|天|个?小时|个?钟头|分钟|秒钟?)[半多]?)+"
    r"|半(?:年|个月|个?小时|个?钟头|天|分钟)"
)
_OFFSET = re.compile(
    rf"{_NOT_AFTER_NUMBER}(?<![的这那每同近前第])(?P<length>{_OFFSET_LENGTH})"
    r"(?P<direction>以前|之前|以后|之后|以来|以内|前|后|内)"
    # 前期 (an early stage), 后者 (the latter), 内容 (contents): other words, not a direction.
    r"(?![期夕线列景提身进往者方勤备续果面人容部地外涵蒙阁在心需存])"
)
_OFFSET_PIECE = re.compile(
    rf"(?P<n>\d{{1,3}}|[{_CN}百千]{{1,5}}|几|数)?(?:多|余)?个?(?P<half>半)?"
    r"(?P<unit>年|载|季度|月|星期|周|天|小时|钟头|分钟|秒钟?)(?P<after>[半多])?"
)
_OFFSET_UNITS: dict[str, tuple[str, int]] = {  # unit -> (what it counts, how many of them)
    "年": ("months", 12),
    "载": ("months", 12),
    "季度": ("months", 3),
    "月": ("months", 1),
    "星期": ("days", 7),
    "周": ("days", 7),
    "天": ("days", 1),
    "小时": ("seconds", 3600),
    "钟头": ("seconds", 3600),
    "分钟": ("seconds", 60),
    "秒": ("seconds", 1),
    "秒钟": ("seconds", 1),
}
_HALVES = {"months": ("days", 15), "days": ("seconds", 43_200)}  # half a month, half a day
_BACKWARD = ("前", "以前", "之前", "以来")


def _offset_length(text: str) -> tuple[dict[str, int], Granularity] | None:
    """Months, days and seconds in a length such as 3年半 or 两个半月, and the finest unit it names."""
    amounts = {"months": 0, "days": 0, "seconds": 0}
    whole_years = True
    for piece in _OFFSET_PIECE.finditer(text):
        half = bool(piece["half"] or piece["after"] == "半")
        count = parse_chinese_number(piece["n"]) if piece["n"] else (0 if piece["half"] else 1)
        if count is None:  # 几年前: no number to count with
            return None
        what, size = _OFFSET_UNITS[piece["unit"]]
        amounts[what] += count * size
        if half and size % 2 == 0:
            amounts[what] += size // 2
        elif half:
            half_what, half_size = _HALVES.get(what, ("seconds", size // 2))
            amounts[half_what] += half_size
        whole_years = whole_years and size == 12 and not half
    granularity: Granularity = (
        "minute" if amounts["seconds"] else "day" if amounts["days"] else "year" if whole_years else "month"
    )
    return amounts, granularity


def _offset(match: re.Match[str], reference: _Reference) -> _Value:
    """三年前 → the year three years back; 20天后 → that day; 3年多以来, 17天内 → spans to or from now."""
    direction = match["direction"]
    kind: Kind = "span" if direction in ("以来", "以内", "内") else "offset"
    length = _offset_length(match["length"])
    if length is None or reference.day is None:
        return _unresolved(kind, length[1] if length else "year")
    amounts, granularity = length
    if granularity == "minute" and reference.moment is None:
        return _unresolved(kind, granularity)
    sign = -1 if direction in _BACKWARD else 1
    try:
        point = _shifted(reference, amounts, sign, granularity)
    except (ValueError, OverflowError):  # before year 1 or after 9999: no calendar value
        return _unresolved(kind, granularity)
    if kind == "offset":
        return point
    assert point.start is not None
    assert point.end is not None
    if direction == "以来":  # from the point back then up to the reference
        return _Value(
            kind, f"{point.value}/{reference.day.isoformat()}", point.start, reference.day, granularity, True
        )
    return _Value(
        kind, f"{reference.day.isoformat()}/{point.value}", reference.day, point.end, granularity, True
    )


def _shifted(reference: _Reference, amounts: dict[str, int], sign: int, granularity: Granularity) -> _Value:
    if granularity == "minute":
        assert reference.moment is not None
        moment = reference.moment + sign * timedelta(days=amounts["days"], seconds=amounts["seconds"])
        year, month = _shift_month(moment.year, moment.month, sign * amounts["months"])
        day = _valid(year, month, moment.day) or _month_end(year, month)
        moment = moment.replace(year=year, month=month, day=day.day)
        return _Value(
            "offset", f"{moment:%Y-%m-%dT%H:%M}+08:00", moment.date(), moment.date(), "minute", True
        )
    assert reference.day is not None
    year, month = _shift_month(reference.day.year, reference.day.month, sign * amounts["months"])
    day = (_valid(year, month, reference.day.day) or _month_end(year, month)) + sign * timedelta(
        days=amounts["days"]
    )
    if granularity == "year":
        return _year_span(day.year, day.year, "offset")
    if granularity == "month":
        return _month_span(day.year, day.month, day.year, day.month, "offset", "month")
    return _day_value(day, "offset")


def _festival_year(name: str, reference: date) -> int:
    """The year of a festival named without one: the occurrence nearest the reference day.

    圣诞节 in an article of 1998-01-07 is 1997-12-25; 春节 in one of 1997-12-20 is 1998-01-28.
    """
    candidates = [
        (abs((day - reference).days), year)
        for year in (reference.year - 1, reference.year, reference.year + 1)
        if (day := festival_day(name, year)) is not None
    ]
    return min(candidates)[1] if candidates else reference.year


# ----------------------------------------------------------------------------- composing


def _pieces(text: str) -> list[_Unit]:
    found: list[_Unit] = []
    for pattern, reader in _unit_patterns():
        for match in pattern.finditer(text):
            unit = reader(match)
            if unit is not None and unit.end > unit.start:
                found.append(unit)
    return found


def _compose(units: list[_Unit], text: str) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """Join adjacent pieces of rising level into mentions, longest piece first at each place."""
    by_start: dict[int, _Unit] = {}
    for unit in units:
        known = by_start.get(unit.start)
        if known is None or unit.end > known.end or (unit.end == known.end and known.weak and not unit.weak):
            by_start[unit.start] = unit
    position = 0
    starts = sorted(by_start)
    index = 0
    while index < len(starts):
        start = starts[index]
        index += 1
        if start < position:
            continue
        chain = [by_start[start]]
        end = chain[0].end
        while True:
            following = by_start.get(end)
            if following is None and end < len(text) and text[end] == " " and chain[-1].last == 2:
                following = by_start.get(end + 1)  # 2024-02-19 15:57
                if following is not None and following.first != 4:
                    following = None
            if following is not None and "wd" in following.fields and "d" in chain[-1].fields:
                # 6月1日周六: the weekday only confirms the day (the date wins if they disagree).
                following = _Unit(following.start, following.end, 2, 2, {})
            elif following is None or following.first <= chain[-1].last or not _fits(chain, following):
                break
            chain.append(following)
            end = following.end
        closing = bool({"d", "hour"} & set(chain[0].fields)) and _SECOND_END.search(
            text, max(0, start - 6), start
        )
        if chain[0].weak and not _carried(chain) and not closing:
            continue
        if not chain:
            continue
        position = end
        fields: dict[str, Any] = {}
        for unit in chain:
            fields.update(unit.fields)
        yield chain[0].start, end, fields


# 12月9日至16号, 下午1点10分到3点: a bare day or hour closing a range.
_SECOND_END = re.compile(r"(?:[日号点时分]|\d)\s*[至到－—~\uff5e-]{1,2}\s*$")


def _fits(chain: list[_Unit], following: _Unit) -> bool:  # noqa: PLR0911  (one rule per piece)
    fields = {key for unit in chain for key in unit.fields}
    years, months = {"y", "yy", "yoff"}, {"m", "moff"}
    lunar = any(unit.fields.get("lunar") for unit in chain)
    if "qedge" in following.fields:
        return "q" in fields and following.start == chain[-1].end
    if following.first == 2 and ("q" in fields or "h" in fields or "mspan" in fields or "season" in fields):
        return False
    if "wk" in following.fields:
        return bool((years | months) & fields) and not lunar and not {"d", "edge"} & fields
    if "doy" in following.fields:
        return bool(years & fields) and not (months | {"edge"}) & fields
    if "mdays" in following.fields:
        return bool(months & fields) and "d" not in fields and not lunar
    if "mspan" in following.fields and following.weak:
        return bool(years & fields) and following.start == chain[-1].end
    if "mpart" in following.fields:
        return bool({"m", "moff"} & fields) and "d" not in fields and following.start == chain[-1].end
    if "edge" in following.fields:
        return bool({"y", "yy", "yoff"} & fields)
    return not ("d" in following.fields and "week" in fields)


def _carried(chain: list[_Unit]) -> bool:
    """A weak first piece is kept when what follows makes it a date (15号下午3时, 3点30分)."""
    first = chain[0]
    if "hour" in first.fields:
        return len(chain) > 1 or first.fields["minute"] >= 0
    return len(chain) > 1 and "d" in first.fields and chain[1].first >= 3


def _resolve(fields: dict[str, Any], reference: _Reference) -> _Value:  # noqa: PLR0911, PLR0912
    """The value of a composed mention."""
    today = reference.day
    kind = _kind(fields)
    granularity = _granularity(fields)
    year: int | None = fields.get("y")
    if "yy" in fields:
        yy = fields["yy"]
        limit = (today.year + 10) if today else 2030
        year = 2000 + yy if 2000 + yy <= limit else 1900 + yy
    if "yoff" in fields:
        if today is None:
            return _unresolved(kind, granularity)
        year = today.year + fields["yoff"]
    if fields.get("lunar"):
        return _resolve_lunar(fields, year, today, kind)
    if "festival" in fields:
        if year is None:
            if today is None:
                return _unresolved(kind, granularity)
            year = _festival_year(fields["festival"], today)
        festival = festival_day(fields["festival"], year)
        if festival is None:
            return _unresolved(kind, granularity)
        return _with_time(fields, festival, kind)
    if "season" in fields:
        return _resolve_season(fields, year, today)
    if "doy" in fields or "wk" in fields:
        return _resolve_counted(fields, year, today, kind)
    only_year = year is not None and not ({"m", "moff", "d", "q", "qoff", "h", "mspan", "edge"} & set(fields))
    if only_year and year is not None:
        return _year_span(year, year, kind)
    if year is None and today is None:
        return _unresolved(kind, granularity)
    if "q" in fields or "qoff" in fields:
        assert today is not None or year is not None
        quarter = fields.get("q")
        if quarter is None:
            assert today is not None
            index = year * 4 if year is not None else today.year * 4 + (today.month - 1) // 3 + fields["qoff"]
            year, quarter = divmod(index, 4)
            quarter += 1
        year = year if year is not None else today.year if today else None
        assert year is not None
        if "qedge" in fields:
            month = 3 * quarter - 2 + fields["qedge"]
            return _month_span(year, month, year, month, "span", "month")
        value = _month_span(year, 3 * quarter - 2, year, 3 * quarter, "quarter", "quarter")
        return _Value("quarter", f"{year}-Q{quarter}", value.start, value.end, "quarter", True)
    if "h" in fields:
        year = year if year is not None else today.year if today else None
        assert year is not None
        half = fields["h"]
        value = _month_span(year, 6 * half - 5, year, 6 * half, "half", "half")
        return _Value("half", f"{year}-H{half}", value.start, value.end, "half", True)
    if "mspan" in fields:
        year = year if year is not None else today.year if today else None
        assert year is not None
        first, last = fields["mspan"]
        return _month_span(year, first, year, last, "span", "month")
    if "edge" in fields:
        year = year if year is not None else today.year if today else None
        assert year is not None
        edge = fields["edge"]
        return _month_span(year, edge, year, edge, "span", "month")
    return _resolve_day(fields, year, today, kind, granularity)


def _resolve_counted(  # noqa: PLR0911  (one return per unresolvable case)
    fields: dict[str, Any], year: int | None, today: date | None, kind: Kind
) -> _Value:
    """2025年第一天 (a day counted in a year); 3月第三周, 2020年第52周 (a week counted in a month or a year).

    Week N of a month is the N-th Monday-to-Sunday week whose Monday falls in the month; week N of
    a year is the ISO 8601 (GB/T 7408) week N.
    """
    if "doy" in fields:
        if year is None:
            return _unresolved(kind, "day")
        day = date(year, 1, 1) + timedelta(days=fields["doy"] - 1)
        return _with_time(fields, day, "point") if day.year == year else _unresolved("point", "day")
    month: int | None = fields.get("m")
    if "moff" in fields:
        if today is None:
            return _unresolved("span", "week")
        year, month = _shift_month(today.year, today.month, fields["moff"])
    if month is not None and year is None:
        if today is None:
            return _unresolved("span", "week")
        year = today.year
    if year is None:
        return _unresolved("span", "week")
    if month is None:
        try:
            monday = date.fromisocalendar(year, fields["wk"], 1)
        except ValueError:
            return _unresolved("span", "week")
    else:
        first = date(year, month, 1)
        monday = first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (fields["wk"] - 1))
        if monday.month != month:
            return _unresolved("span", "week")
    sunday = monday + timedelta(days=6)
    return _Value("span", f"{monday.isoformat()}/{sunday.isoformat()}", monday, sunday, "week", True)


def _resolve_day(  # noqa: PLR0911, PLR0912  (one branch per kind of day expression)
    fields: dict[str, Any], year: int | None, today: date | None, kind: Kind, granularity: Granularity
) -> _Value:
    month: int | None = fields.get("m")
    if "moff" in fields:
        if today is None:
            return _unresolved(kind, granularity)
        year, month = _shift_month(today.year, today.month, fields["moff"])
    day_number: int | None = fields.get("d")
    if "doff" in fields or "wd" in fields or "week" in fields or (month is None and day_number is None):
        if today is None:
            return _unresolved(kind, granularity)
        if "week" in fields:
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=fields["week"])
            sunday = monday + timedelta(days=6)
            return _Value("span", f"{monday.isoformat()}/{sunday.isoformat()}", monday, sunday, "week", True)
        if "wd" in fields:
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=fields["woff"])
            return _with_time(fields, monday + timedelta(days=fields["wd"]), kind)
        if "mpart" in fields:  # 中旬 alone: of the reference month
            month, year = today.month, today.year
        else:
            return _with_time(fields, today + timedelta(days=fields.get("doff", 0)), kind)
    if month is not None and day_number is None and not {"mpart", "mdays"} & set(fields):
        if year is None:
            assert today is not None
            year = min(
                (today.year - 1, today.year, today.year + 1),
                key=lambda candidate: abs((candidate - today.year) * 12 + month - today.month),
            )
        return _month_span(year, month, year, month, "month", "month")
    if "mpart" in fields or "mdays" in fields:
        assert month is not None
        if year is None:
            assert today is not None
            year = today.year
        length = calendar.monthrange(year, month)[1]
        if "mdays" in fields:  # 4月前4天, 上月最后五天
            side, count = fields["mdays"]
            first, last = (1, count) if side == "first" else (length - count + 1, length)
        else:
            first, last = fields["mpart"]
        last = min(last, length)
        start, end = date(year, month, first), date(year, month, last)
        return _Value("span", f"{start.isoformat()}/{end.isoformat()}", start, end, "day", True)
    assert day_number is not None
    found = _place_day(year, month, day_number, today)
    if found is None:
        return _unresolved(kind, granularity)
    return _with_time(fields, found, kind)


def _place_day(year: int | None, month: int | None, day: int, today: date | None) -> date | None:
    """A day of month, completed with the year and month that put it nearest the reference."""
    if year is not None and month is not None:
        return _valid(year, month, day)
    if today is None:
        return None
    candidates: list[date] = []
    if month is not None:
        years = [year] if year is not None else [today.year - 1, today.year, today.year + 1]
        candidates = [found for y in years if (found := _valid(y, month, day))]
    else:
        for offset in (-1, 0, 1):
            y, m = _shift_month(today.year, today.month, offset)
            if year is None or y == year:
                found = _valid(y, m, day)
                if found:
                    candidates.append(found)
    return min(candidates, key=lambda found: abs((found - today).days), default=None)


def _with_time(fields: dict[str, Any], day: date, kind: Kind) -> _Value:
    """A day, or a time on it when the mention gives a clock time."""
    if "hour" not in fields:
        return _day_value(day, kind)
    hour, minute, second = fields["hour"], fields["minute"], fields["second"]
    part = fields.get("part")
    if part in ("晚上", "晚间", "夜间", "夜里", "深夜", "半夜", "午夜") and hour == 12:
        hour = 24  # 晚上十二点 is midnight
    elif part in ("下午", "傍晚", "黄昏", "晚上", "晚间", "夜间", "夜里", "深夜") and 1 <= hour < 12:
        # 晚上11点 is 23:00, but 深夜2点 stays 02:00
        if not (part in ("深夜", "夜里") and hour < 5):
            hour += 12
    elif part == "中午" and 1 <= hour <= 3:
        hour += 12
    if hour == 24:
        day, hour = day + timedelta(days=1), 0
    granularity: Granularity = "hour" if minute < 0 else "minute" if second is None else "second"
    stamp = f"{hour:02d}:{max(minute, 0):02d}" + (f":{second:02d}" if second is not None else "")
    return _Value(kind, f"{day.isoformat()}T{stamp}+08:00", day, day, granularity, True)


def _resolve_lunar(fields: dict[str, Any], year: int | None, today: date | None, kind: Kind) -> _Value:
    month = fields["m"]
    if year is None:
        if today is None:
            return _unresolved(kind, "day")
        # The lunar year that puts the day nearest the reference (腊月 in January is last year's).
        candidates = [
            (abs((found - today).days), candidate)
            for candidate in (today.year - 1, today.year, today.year + 1)
            if (found := lunar_to_solar(candidate, month, int(fields.get("d", 15))))
        ]
        if not candidates:
            return _unresolved(kind, "day")
        year = min(candidates)[1]
    if "d" in fields:
        day = lunar_to_solar(year, month, fields["d"])
        return _with_time(fields, day, "point") if day else _unresolved("point", "day")
    first = lunar_to_solar(year, month, 1)
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    following = lunar_to_solar(next_year, next_month, 1)
    if first is None or following is None:
        return _unresolved("month", "month")
    last = following - timedelta(days=1)
    return _Value("month", f"{first.isoformat()}/{last.isoformat()}", first, last, "day", True)


def _resolve_season(fields: dict[str, Any], year: int | None, today: date | None) -> _Value:
    first_month = fields["season"]
    if year is None:
        if today is None:
            return _unresolved("season", "season")
        year = today.year + fields.get("soff", 0)
        # 今冬 in January is the winter that began last December.
        if first_month == 12 and today.month <= 2 and fields.get("soff", 0) == 0:
            year -= 1
    last_year, last_month = _shift_month(year, first_month, 2)
    return _month_span(year, first_month, last_year, last_month, "season", "season")


def _kind(fields: dict[str, Any]) -> Kind:  # noqa: PLR0911
    if "festival" in fields:
        return "festival"
    if "doff" in fields or "wd" in fields:
        return "relative_day"
    if {"week", "mpart", "mspan", "edge", "wk", "mdays", "qedge"} & set(fields):
        return "span"
    if "d" in fields or "doy" in fields:
        return "point"
    if "hour" in fields or "part" in fields:
        return "time_of_day"
    if "season" in fields:
        return "season"
    if "q" in fields or "qoff" in fields:
        return "quarter"
    if "h" in fields:
        return "half"
    if "m" in fields or "moff" in fields:
        return "month"
    return "year"


def _granularity(fields: dict[str, Any]) -> Granularity:
    if "hour" in fields:
        return "minute"
    if {"d", "doff", "wd", "festival", "part", "mpart", "doy", "mdays"} & set(fields):
        return "day"
    if "week" in fields or "wk" in fields:
        return "week"
    if {"m", "moff", "mspan", "edge", "qedge"} & set(fields):
        return "month"
    return "year"


# ----------------------------------------------------------------------------- references

_DATELINE = re.compile(
    r"(?:新华社|中新社|本报|人民日报|人民网|央视网|新华网)(?:记者)?[^\s，。；：、]{1,12}?"
    r"(?P<m>1[0-2]|0?[1-9])月(?P<d>[12]\d|3[01]|0?[1-9])日(?:电|讯)"
)


def _paragraph_references(
    text: str, published: date | None, clock: datetime | None = None
) -> list[tuple[int, int, _Reference]]:
    """The reference day of each paragraph: the day of the last dateline so far, else the publication day.

    A dispatch's dateline (本报北京1月4日电) dates the whole dispatch, so it holds for the
    paragraphs after it too, until the next dateline.
    """
    spans = []
    reference = _Reference(published, clock)
    for paragraph in re.finditer(r"[^\n]+", text):
        dateline = _DATELINE.search(paragraph.group())
        if dateline and published is not None:
            day = _place_day(None, int(dateline["m"]), int(dateline["d"]), published)
            if day is not None:
                reference = _Reference(day)
        spans.append((paragraph.start(), paragraph.end(), reference))
    return spans


def _reference_of(
    published: datetime | date | str | None, article: Article
) -> tuple[date | None, datetime | None]:
    """The reference day, and the reference time when one is known (半小时前 needs it).

    A publication time of exactly midnight is taken for a date given without a time.
    """
    moment = parse_published(published) if published is not None else article.meta.published
    if moment is None:
        return None, None
    return moment.date(), (moment if moment.timetz().replace(tzinfo=None) != time() else None)


# ----------------------------------------------------------------------------- extract


@dataclass
class _Found:
    start: int
    end: int
    value: _Value = field(compare=False)
    fields: dict[str, Any] = field(default_factory=dict, compare=False)


def _find(text: str, reference: _Reference) -> list[_Found]:
    """Whole-pattern mentions first; composed pieces fill the text they leave."""
    found: list[_Found] = []
    whole: list[tuple[int, int, re.Match[str], Callable[[re.Match[str], _Reference], _Value]]] = []
    composed = list(_compose(_pieces(text), text))
    for pattern, reader in _whole_patterns():
        whole.extend((match.start(), match.end(), match, reader) for match in pattern.finditer(text))
    # Per character: taken by a whole-pattern mention, and the longest composed mention over it
    # (arrays, so that a paragraph full of dates costs linear time, not quadratic).
    occupied = bytearray(len(text))
    composed_length = [0] * len(text)
    for start, end, _ in composed:
        for position in range(start, end):
            composed_length[position] = max(composed_length[position], end - start)
    # Longest first, then leftmost, so 过去一年 beats 一年 and 新中国成立75周年 beats 75周年.
    for start, end, match, reader in sorted(whole, key=lambda item: (item[0] - item[1], item[0])):
        if any(occupied[start:end]):
            continue
        # A composed mention as long or longer wins (一九九七年十二月 over the count 一九九七年).
        if max(composed_length[start:end], default=0) >= end - start:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        found.append(_Found(start, end, reader(match, reference)))
    previous: _Found | None = None
    ending = {item.end: item for item in found}  # mentions by where they end, for ranges
    for start, end, pieces in composed:
        fields = pieces
        if any(occupied[start:end]):
            continue
        if previous is not None and previous.value.start and _RANGE_GAP.fullmatch(text[previous.end : start]):
            fields = _second_end(fields, previous)
        current = _Found(start, end, _resolve(fields, reference), fields)
        found.append(current)
        ending[end] = current
        previous = current
        opening = _range_opening(text, start, end, current.value)
        if opening is None:
            continue
        year = ending.get(opening.start)
        year = year if year is not None and set(year.fields) == {"y"} else None
        if year is not None and text[start:end].endswith("月") and not {"y", "yy", "yoff"} & set(fields):
            # 2018年2—4月: the year written before the first end holds for both.
            found.remove(year)
            del ending[year.end]
            current.fields = fields = {**fields, "y": year.fields["y"]}
            current.value = _resolve(fields, reference)
            opening = _range_opening(text, start, end, current.value)
            if opening is None:
                continue
            opening.start = year.start
        found.append(opening)
    found.sort(key=lambda item: item.start)
    _anchor_later_offsets(text, found)
    return found


_SENTENCE_END = re.compile("[。！？；!?;\n]")
_FORWARD = re.compile("(?:以后|之后|后)$")


def _anchor_later_offsets(text: str, found: list[_Found]) -> None:
    """两年后 after a dated event of the same sentence counts from that event, not from today.

    1995年他来到北京，两年后又去了上海: 1997. Only a preceding mention that writes its year counts.
    """
    for index, current in enumerate(found):
        if current.value.kind != "offset" or not _FORWARD.search(text[current.start : current.end]):
            continue
        anchor = next(
            (
                earlier
                for earlier in reversed(found[:index])
                if "y" in earlier.fields and earlier.value.start is not None
            ),
            None,
        )
        if anchor is None or _SENTENCE_END.search(text, anchor.end, current.start):
            continue
        match = _OFFSET.fullmatch(text, current.start, current.end)
        if match is not None:
            current.value = _offset(match, _Reference(anchor.value.start))


_DATED = {"d", "m", "moff", "doff", "y", "yy", "yoff", "wd", "festival", "week", "wk", "doy", "lunar"}


def _second_end(fields: dict[str, Any], previous: _Found) -> dict[str, Any]:
    """The second end of a range takes what the first one names and it leaves out.

    12月9日至16日 (year and month), 明天下午3点至8点 (day and part of day).
    """
    first = previous.value.start
    assert first is not None
    keys = set(fields)
    if "d" in fields and not {"m", "moff", "doff", "y", "yy", "yoff"} & keys:
        return {**fields, "y": first.year, "m": first.month}
    if "m" in fields and not {"y", "yy", "yoff"} & keys and not fields.get("lunar"):
        return {**fields, "y": first.year}
    if not {"hour", "part"} & keys or _DATED & keys:
        return fields
    if "hour" in fields and "part" not in fields and "part" in previous.fields:
        fields = {**fields, "part": previous.fields["part"]}
    on_a_day = previous.value.granularity in ("day", "hour", "minute", "second")
    if _DATED & set(previous.fields) and on_a_day and not previous.fields.get("lunar"):
        fields = {**fields, "y": first.year, "m": first.month, "d": first.day}
    return fields


_RANGE_GAP = re.compile(r"\s*[至到－—~\uff5e-]{1,2}\s*")
_OPENING = re.compile(rf"(?<![\d{_CN}])(?P<n>\d{{1,4}}|[{_CN}]{{1,4}})\s*[至到－—~\uff5e-]{{1,2}}\s*$")
_LEADING_UNIT = re.compile(rf"(?:\d{{1,4}}|[{_CN}]{{1,4}})(?P<unit>年|月|日|号|点|时)")


def _range_opening(text: str, start: int, end: int, value: _Value) -> _Found | None:  # noqa: PLR0911
    """The first end of 1－9月份 or 1996—2000年, which borrows the unit of the second end."""
    opening = _OPENING.search(text, max(0, start - 8), start)
    unit = _LEADING_UNIT.match(text, start, end)
    if opening is None or unit is None or value.start is None or value.end is None:
        return None
    number = parse_chinese_number(opening["n"])
    if number is None:
        return None
    span = (opening.start("n"), opening.end("n"))
    kind: Kind
    if unit["unit"] == "年" and 1000 <= number <= 2100 and value.granularity == "year":
        first, last = date(number, 1, 1), date(number, 12, 31)
        return _Found(*span, _Value("year", str(number), first, last, "year", True))
    if unit["unit"] == "月" and 1 <= number <= 12 and value.granularity == "month":
        year = value.start.year
        kind = "month"
        return _Found(*span, _month_span(year, number, year, number, kind, "month"))
    if unit["unit"] in "点时" and value.value and "T" in value.value and 0 <= number <= 24:
        # 9~12点半: the opening hour on the day of the closing time.
        clock = {"hour": number, "minute": -1, "second": None}
        return _Found(*span, _with_time(clock, value.start, "time_of_day"), clock)
    if unit["unit"] in "日号" and value.granularity == "day":
        found = _valid(value.start.year, value.start.month, number)
        return _Found(*span, _day_value(found, "point")) if found else None
    return None


# A lone expression the page parser does not take for a page: a date-only line (which it reads
# as a dateline) or one with no Chinese character (2024-02-19 15:57, 10:13).
_NOT_A_PAGE = ("no article body found", "holds no Chinese characters")
_LONE_EXPRESSION_CHARS = 200


def _text_article(source: str, published: datetime | date | str | None) -> Article:
    """The string parsed as a page, or, for a short single line the page parser refuses, as one paragraph."""
    try:
        return analyze(source, published=published)
    except InputError as error:
        lone = (
            isinstance(source, str) and "\n" not in source.strip() and len(source) <= _LONE_EXPRESSION_CHARS
        )
        if not lone or not any(reason in str(error) for reason in _NOT_A_PAGE):
            raise
    normalized = normalize(source)
    meta = Meta(published=parse_published(published))
    return Article(
        source, normalized.text, normalized.offsets, meta, normalized.repaired, normalized.repaired_offsets
    )


def extract_dates(
    source: Article | str, *, published: datetime | date | str | None = None
) -> tuple[DateMention, ...]:
    """Find the time expressions of an article and resolve them against its publication date.

    A string is parsed with `analyze` first. The reference date is ``published``, else
    ``article.meta.published``, else nothing (relative expressions come out unresolved); a
    dateline (新华社北京1月4日电) sets the reference day of its paragraph. Mentions come in text
    order.

    >>> [(m.text, m.value) for m in extract_dates("今年是新中國成立75周年。", published="2024-02-19")]
    [('今年', '2024'), ('新中國成立75周年', '2024-10-01')]
    >>> extract_dates("昨天下雨。")[0].resolved
    False
    """
    if source is None:
        message = "extract_dates() got None; pass an Article or a str"
        raise InputError(message)
    article = source if isinstance(source, Article) else _text_article(source, published)
    day, clock = _reference_of(published, article)
    mentions: list[DateMention] = []
    text = article.text
    for paragraph_start, paragraph_end, reference in _paragraph_references(text, day, clock):
        for found in _find(text[paragraph_start:paragraph_end], reference):
            start, end = paragraph_start + found.start, paragraph_start + found.end
            raw_start, raw_end = article.to_raw(start, end)
            value = found.value
            mentions.append(
                DateMention(
                    article.original((start, end)),
                    start,
                    end,
                    raw_start,
                    raw_end,
                    value.kind,
                    value.value,
                    value.start,
                    value.end,
                    value.granularity,
                    value.resolved,
                )
            )
    return tuple(mentions)
