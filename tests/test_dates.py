"""Dates: golden tables in both scripts, reference-date boundaries, holidays, bad input."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import newsnlp as nn
from newsnlp.errors import InputError
from newsnlp.extract.dates import (
    HOLIDAY_YEARS,
    DateMention,
    extract_dates,
    festival_day,
    first_workday_after,
    lunar_to_solar,
    parse_chinese_number,
)
from newsnlp.normalize import convert_script, repair
from newsnlp.resources import read_list

Row = tuple[str, str, str]  # (text as written, kind, value)


def _rows(text: str, published: str | None) -> list[Row]:
    return [(m.text, m.kind, m.value) for m in extract_dates(text, published=published)]


# (sentence, reference date, expected (text, kind, value) rows in Simplified)
GOLDEN = [
    # Absolute dates, every form.
    pytest.param(
        "会议于2024年2月19日召开。", "2024-03-01", [("2024年2月19日", "point", "2024-02-19")], id="ymd"
    ),
    pytest.param(
        "一九九七年十二月三十一日，他发表讲话。",
        "1998-01-01",
        [("一九九七年十二月三十一日", "point", "1997-12-31")],
        id="chinese-numerals",
    ),
    pytest.param(
        "一九九八年是关键的一年。", "1998-01-01", [("一九九八年", "year", "1998")], id="chinese-year"
    ),
    pytest.param(
        "２０２４年２月１９日发布。",
        "2024-02-19",
        [("2024年2月19日", "point", "2024-02-19")],
        id="full-width",
    ),
    pytest.param(
        "发布时间2024-02-19 15:57，来自闽东。",
        None,
        [("2024-02-19 15:57", "point", "2024-02-19T15:57+08:00")],
        id="iso-datetime",
    ),
    pytest.param(
        "日期为2024/2/19和2019.9.6。",
        None,
        [("2024/2/19", "point", "2024-02-19"), ("2019.9.6", "point", "2019-09-06")],
        id="slashes-dots",
    ),
    pytest.param(
        "98年4月，他来到北京。", "2008-03-13", [("98年4月", "month", "1998-04")], id="two-digit-year"
    ),
    pytest.param(
        "1997年12月，会议召开。", "1998-01-05", [("1997年12月", "month", "1997-12")], id="year-month"
    ),
    # Partial dates resolved with the reference.
    pytest.param(
        "2月18日，全市召开大会。", "2024-02-19", [("2月18日", "point", "2024-02-18")], id="month-day"
    ),
    pytest.param(
        "12月31日，他发表讲话。", "1998-01-02", [("12月31日", "point", "1997-12-31")], id="across-year"
    ),
    pytest.param("2月29日举行。", "2024-03-01", [("2月29日", "point", "2024-02-29")], id="leap-day"),
    pytest.param(
        "15日下午，代表团抵达。", "1998-01-20", [("15日下午", "point", "1998-01-15")], id="day-only"
    ),
    pytest.param(
        "30日晚上，会议结束。",
        "1998-02-27",
        [("30日晚上", "point", "1998-01-30")],
        id="day-only-skips-february",
    ),
    pytest.param(
        "上午9时，会议开始。",
        "1998-01-05",
        [("上午9时", "time_of_day", "1998-01-05T09:00+08:00")],
        id="clock",
    ),
    pytest.param(
        "晚上8点30分开始。",
        "1998-01-05",
        [("晚上8点30分", "time_of_day", "1998-01-05T20:30+08:00")],
        id="evening",
    ),
    pytest.param(
        "截至15:57，共有人报名。",
        "2024-02-19",
        [("15:57", "time_of_day", "2024-02-19T15:57+08:00")],
        id="colon-clock",
    ),
    # Relative days and periods.
    pytest.param(
        "今天上午，昨天，前天，明天下午3时。",
        "1998-01-05",
        [
            ("今天上午", "relative_day", "1998-01-05"),
            ("昨天", "relative_day", "1998-01-04"),
            ("前天", "relative_day", "1998-01-03"),
            ("明天下午3时", "relative_day", "1998-01-06T15:00+08:00"),
        ],
        id="relative-days",
    ),
    pytest.param("今晚举行晚会。", "1998-01-05", [("今晚", "relative_day", "1998-01-05")], id="tonight"),
    pytest.param(
        "本周，上周四，下周一。",
        "2024-02-21",
        [
            ("本周", "span", "2024-02-19/2024-02-25"),
            ("上周四", "relative_day", "2024-02-15"),
            ("下周一", "relative_day", "2024-02-26"),
        ],
        id="weeks",
    ),
    pytest.param(
        "本月，上月，今年，去年，明年，前年，全年。",
        "1998-01-05",
        [
            ("本月", "month", "1998-01"),
            ("上月", "month", "1997-12"),
            ("今年", "year", "1998"),
            ("去年", "year", "1997"),
            ("明年", "year", "1999"),
            ("前年", "year", "1996"),
            ("全年", "year", "1998"),
        ],
        id="relative-months-years",
    ),
    pytest.param(
        "去年12月，今年1月。",
        "1998-01-05",
        [("去年12月", "month", "1997-12"), ("今年1月", "month", "1998-01")],
        id="year-and-month",
    ),
    pytest.param(
        "过去一年，近三年，今后三年。",
        "2024-02-19",
        [("过去一年", "span", "2023"), ("近三年", "span", "2021/2023"), ("今后三年", "span", "2024/2026")],
        id="relative-spans",
    ),
    pytest.param(
        "年初，年底，1997年底，上半年，首季，一季度，前三季度。",
        "1998-01-05",
        [
            ("年初", "span", "1998-01"),
            ("年底", "span", "1998-12"),
            ("1997年底", "span", "1997-12"),
            ("上半年", "half", "1998-H1"),
            ("首季", "quarter", "1998-Q1"),
            ("一季度", "quarter", "1998-Q1"),
            ("前三季度", "span", "1998-01/1998-09"),
        ],
        id="parts-of-year",
    ),
    pytest.param(
        "1月上旬，中旬，2月下旬。",
        "2024-01-05",
        [
            ("1月上旬", "span", "2024-01-01/2024-01-10"),
            ("中旬", "span", "2024-01-11/2024-01-20"),
            ("2月下旬", "span", "2024-02-21/2024-02-29"),
        ],
        id="parts-of-month",
    ),
    pytest.param(
        "今冬，春季。",
        "1998-01-05",
        [("今冬", "season", "1997-12/1998-02"), ("春季", "season", "1998-03/1998-05")],
        id="seasons",
    ),
    pytest.param(
        "九十年代，上世纪80年代。",
        "2024-02-19",
        [("九十年代", "decade", "1990/1999"), ("上世纪80年代", "decade", "1980/1989")],
        id="decades",
    ),
    # Festivals.
    pytest.param(
        "春节，元旦，除夕，元宵节，清明，端午，中秋，国庆，重阳节，圣诞节。",
        "1998-01-05",
        [
            ("春节", "festival", "1998-01-28"),
            ("元旦", "festival", "1998-01-01"),
            ("除夕", "festival", "1998-01-27"),
            ("元宵节", "festival", "1998-02-11"),
            ("清明", "festival", "1998-04-05"),
            ("端午", "festival", "1998-05-30"),
            # The occurrence nearest the reference day: in January, last autumn's festivals.
            ("中秋", "festival", "1997-09-16"),
            ("国庆", "festival", "1997-10-01"),
            ("重阳节", "festival", "1997-10-10"),
            ("圣诞节", "festival", "1997-12-25"),
        ],
        id="festivals",
    ),
    pytest.param(
        "春节前后，五一期间。",
        "2024-02-19",
        [("春节", "festival", "2024-02-10"), ("五一", "festival", "2024-05-01")],
        id="festival-context",
    ),
    pytest.param("八一电影制片厂。", "2024-02-19", [], id="not-a-festival"),
    pytest.param("农历正月十五。", "2012-01-10", [("农历正月十五", "point", "2012-02-06")], id="lunar-date"),
    pytest.param(
        "节后第一个工作日。",
        "2024-02-19",
        [("节后第一个工作日", "point", "2024-02-18")],
        id="first-workday-nearest-holiday",
    ),
    pytest.param(
        "国庆假期后上班第一天。",
        "2023-10-09",
        [("国庆假期后上班第一天", "point", "2023-10-07")],
        id="first-workday-national-day",
    ),
    pytest.param(
        "春节假期后上班第一天。",
        "1998-01-05",
        [("春节假期后上班第一天", "point", "")],
        id="holiday-year-out-of-range",
    ),
    pytest.param(
        "春节期间。", "2024-02-01", [("春节期间", "span", "2024-02-10/2024-02-17")], id="holiday-period"
    ),
    # Anniversaries and plans.
    pytest.param(
        "建党百年，新中国成立75周年，改革开放20周年，建党77周年。",
        "1998-01-05",
        [
            ("建党百年", "anniversary", "2021-07-01"),
            ("新中国成立75周年", "anniversary", "2024-10-01"),
            ("改革开放20周年", "anniversary", "1998-12-18"),
            ("建党77周年", "anniversary", "1998-07-01"),
        ],
        id="anniversaries",
    ),
    pytest.param("建厂40周年。", "1998-01-05", [("建厂40周年", "anniversary", "")], id="unknown-anniversary"),
    pytest.param(
        "“九五”期间，“十五”计划，“十四五”规划，八五期间。",
        "1998-01-05",
        [
            ("九五", "plan_period", "1996/2000"),
            ("十五", "plan_period", "2001/2005"),
            ("十四五", "plan_period", "2021/2025"),
            ("八五", "plan_period", "1991/1995"),
        ],
        id="plan-periods",
    ),
    pytest.param("党的十五大和十五届三中全会。", "1998-01-05", [], id="congress-is-not-a-plan"),
    # Durations.
    pytest.param(
        "三年，两个月，10天，4年6个月。",
        "1998-01-05",
        [
            ("三年", "duration", ""),
            ("两个月", "duration", ""),
            ("10天", "duration", ""),
            ("4年6个月", "duration", ""),
        ],
        id="durations",
    ),
    pytest.param("三年级，第三年。", "1998-01-05", [], id="counts-are-not-durations"),
    pytest.param(
        "十年前他来过，两个月前刚开业，20天后完工，一年半后竣工。",
        "1998-01-19",
        [
            ("十年前", "offset", "1988"),
            ("两个月前", "offset", "1997-11"),
            ("20天后", "offset", "1998-02-08"),
            ("一年半后", "offset", "1999-07"),
        ],
        id="offsets-from-the-reference",
    ),
    pytest.param(
        "三年多以来变化很大，17天内完成，3年内不准购车。",
        "2019-08-22",
        [
            ("三年多以来", "span", "2016/2019-08-22"),
            ("17天内", "span", "2019-08-22/2019-09-08"),
            ("3年内", "span", "2019-08-22/2022"),
        ],
        id="spans-to-or-from-the-reference",
    ),
    pytest.param(
        "1995年他来到北京，两年后又去了上海。",
        "2024-02-19",
        [("1995年", "year", "1995"), ("两年后", "offset", "1997")],
        id="an-offset-after-a-dated-event-counts-from-it",
    ),
    pytest.param(
        "工程前期工作扎实，两年后来到这里。",
        "2024-02-19",
        [("两年后", "offset", "2026")],
        id="前期-is-another-word",
    ),
    pytest.param(
        "在过去一年中，未来的两年里，四年多来，２１世纪，１９９８年度预算。",
        "1998-01-05",
        [
            ("过去一年", "span", "1997"),
            ("未来的两年", "span", "1998/1999"),
            ("四年多", "duration", ""),
            ("21世纪", "span", "2001/2100"),
            ("1998年度", "year", "1998"),
        ],
        id="boundaries-leave-out-particles",
    ),
    # Ranges: each end is its own mention and borrows what it omits.
    pytest.param(
        "12月9日至16日，1996—2000年。",
        "1998-01-05",
        [
            ("12月9日", "point", "1997-12-09"),
            ("16日", "point", "1997-12-16"),
            ("1996", "year", "1996"),
            ("2000年", "year", "2000"),
        ],
        id="ranges",
    ),
    # Not dates.
    pytest.param(
        "目前，近年来，历史上，长期，前期准备，同时，当时，1998年以来。",
        "1998-01-05",
        [("1998年", "year", "1998")],
        id="vague",
    ),
    pytest.param(
        "地址：蕉城北路15号，闽ICP备09016467号-17，电话0593-2831322。",
        "2024-02-19",
        [],
        id="address-icp-phone",
    ),
    pytest.param("他提出3点意见。", "2024-02-19", [], id="points-are-not-hours"),
    # Issue 6, second slice: week and day counts, quarter edges, colloquial days, ranges.
    pytest.param(
        "系统日志记录于2023-05-0714:22，随后恢复。",
        None,
        [("2023-05-0714:22", "point", "2023-05-07T14:22+08:00")],
        id="glued-datetime",
    ),
    pytest.param(
        "航班原定03-15 07:40起飞。",
        "2024-02-19",
        [("03-15 07:40", "point", "2024-03-15T07:40+08:00")],
        id="month-day-with-time",
    ),
    pytest.param(
        "展期定在5月6至6月2，欢迎参观。",
        "2024-02-19",
        [("5月6", "point", "2024-05-06"), ("6月2", "point", "2024-06-02")],
        id="colloquial-day-digits",
    ),
    pytest.param(
        "报名在本月第2周，比赛在2024年三月的第四周。",
        "2024-02-19",
        [
            ("本月第2周", "span", "2024-02-12/2024-02-18"),
            ("2024年三月的第四周", "span", "2024-03-25/2024-03-31"),
        ],
        id="week-of-month",
    ),
    pytest.param(
        "新规自2021年第一周实施，名单在2024年第十天公布。",
        "2024-02-19",
        [("2021年第一周", "span", "2021-01-04/2021-01-10"), ("2024年第十天", "point", "2024-01-10")],
        id="week-and-day-of-year",
    ),
    pytest.param("他只排在第2周的名单上。", "2024-02-19", [], id="week-count-needs-a-month-or-year"),
    pytest.param(
        "2023年二季度末库存下降，去年四季度初回升，Q3季度持平。",
        "2024-02-19",
        [
            ("2023年二季度末", "span", "2023-06"),
            ("去年四季度初", "span", "2023-10"),
            ("Q3季度", "quarter", "2024-Q3"),
        ],
        id="quarter-edges",
    ),
    pytest.param(
        "1995年前两月出口增长，2001年后三个月回落，2010年首月持平。",
        "2024-02-19",
        [
            ("1995年前两月", "span", "1995-01/1995-02"),
            ("2001年后三个月", "span", "2001-10/2001-12"),
            ("2010年首月", "span", "2010-01"),
        ],
        id="months-of-a-year",
    ),
    pytest.param(
        "5月前3天和上月最后两天都有雨。",
        "2024-03-10",
        [("5月前3天", "span", "2024-05-01/2024-05-03"), ("上月最后两天", "span", "2024-02-28/2024-02-29")],
        id="first-and-last-days-of-a-month",
    ),
    pytest.param(
        "前天8点45开会，3月2日20时3刻散会。",
        "2024-03-05",
        [
            ("前天8点45", "relative_day", "2024-03-03T08:45+08:00"),
            ("3月2日20时3刻", "point", "2024-03-02T20:45+08:00"),
        ],
        id="minutes-after-dian-and-quarters",
    ),
    pytest.param(
        "上一周下雪，大大后天放晴。",
        "2024-02-19",
        [("上一周", "span", "2024-02-12/2024-02-18"), ("大大后天", "relative_day", "2024-02-23")],
        id="last-week-and-four-days-on",
    ),
    pytest.param(
        "3月8日周五上午9时，大会开幕。",
        "2024-03-01",
        [("3月8日周五上午9时", "point", "2024-03-08T09:00+08:00")],
        id="weekday-confirms-a-date",
    ),
    pytest.param(
        "后天上午10点至下午4点开放，晚上九点到十二点闭馆。",
        "2024-02-19",
        [
            ("后天上午10点", "relative_day", "2024-02-21T10:00+08:00"),
            ("下午4点", "point", "2024-02-21T16:00+08:00"),
            ("晚上九点", "time_of_day", "2024-02-19T21:00+08:00"),
            ("十二点", "time_of_day", "2024-02-20T00:00+08:00"),
        ],
        id="range-second-end-takes-the-day",
    ),
    pytest.param(
        "窗口8~11点半办理，2016年3——5月试行。",
        "2024-02-19",
        [
            ("8", "time_of_day", "2024-02-19T08:00+08:00"),
            ("11点半", "time_of_day", "2024-02-19T11:30+08:00"),
            ("2016年3", "month", "2016-03"),
            ("5月", "month", "2016-05"),
        ],
        id="range-opening-borrows-the-unit",
    ),
    pytest.param(
        "他于2020年4月3日至十号出差。",
        "2024-02-19",
        [("2020年4月3日", "point", "2020-04-03"), ("十号", "point", "2020-04-10")],
        id="range-closing-bare-day",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), GOLDEN)
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_golden(text: str, published: str | None, expected: list[Row], script: str) -> None:
    if script == "traditional":
        text = convert_script(text, target="traditional", variant="taiwan")[0]
    article = nn.analyze(text, published=published)
    mentions = extract_dates(article, published=published)
    rows = [(nn.normalize(m.text).text, m.kind, m.value) for m in mentions]
    assert rows == expected
    for mention in mentions:
        # The text is in the article's own script and the raw offsets slice the original exactly.
        assert article.raw[mention.raw_start : mention.raw_end] == mention.text
        assert article.original((mention.start, mention.end)) == mention.text
        assert mention.resolved == bool(mention.value) or mention.kind == "duration"


def test_dateline_dates_its_dispatch_until_the_next_one() -> None:
    text = "新华社北京1月4日电 今天上午，会议召开。\n今天，代表们讨论。\n新华社上海1月3日电 昨天，展览开幕。"
    rows = _rows(text, "1998-01-05")
    assert rows == [
        ("1月4日", "point", "1998-01-04"),
        ("今天上午", "relative_day", "1998-01-04"),
        ("今天", "relative_day", "1998-01-04"),
        ("1月3日", "point", "1998-01-03"),
        ("昨天", "relative_day", "1998-01-02"),
    ]


def test_dateline_without_a_year_leaves_relative_dates_unresolved() -> None:
    mentions = extract_dates("新华社北京1月4日电 今天上午，会议召开。")
    assert [(m.text, m.value, m.resolved) for m in mentions] == [
        ("1月4日", "", False),
        ("今天上午", "", False),
    ]


def test_no_reference_date_leaves_relative_values_empty() -> None:
    mentions = extract_dates("昨天，今年，2月18日，春节，十二月三十一日，1998年1月1日。")
    assert [(m.text, m.value, m.resolved) for m in mentions] == [
        ("昨天", "", False),
        ("今年", "", False),
        ("2月18日", "", False),
        ("春节", "", False),
        ("十二月三十一日", "", False),
        ("1998年1月1日", "1998-01-01", True),
    ]


def test_clock_offsets_need_a_publication_time() -> None:
    assert _rows("半小时前发生地震，17个小时后恢复。", "2019-02-18 07:00") == [
        ("半小时前", "offset", "2019-02-18T06:30+08:00"),
        ("17个小时后", "offset", "2019-02-19T00:00+08:00"),
    ]
    # A date alone (or a time of exactly midnight) gives no clock to count from.
    mention = extract_dates("半小时前发生地震。", published="2019-02-18")[0]
    assert (mention.kind, mention.value, mention.resolved) == ("offset", "", False)


def test_offsets_outside_the_calendar_are_unresolved() -> None:
    assert [(m.text, m.resolved) for m in extract_dates("三千年前，几年前。", published="2024-02-19")] == [
        ("三千年前", False),
        ("几年前", False),
    ]


def test_intervals_and_granularity() -> None:
    year, quarter, day, moment = extract_dates("今年，首季，2月18日，15:57。", published=date(2024, 2, 19))
    assert (year.start_date, year.end_date, year.granularity) == (
        date(2024, 1, 1),
        date(2024, 12, 31),
        "year",
    )
    assert (quarter.start_date, quarter.end_date) == (date(2024, 1, 1), date(2024, 3, 31))
    assert (day.start_date, day.end_date, day.granularity) == (date(2024, 2, 18), date(2024, 2, 18), "day")
    assert moment.granularity == "minute"
    assert moment.to_dict()["start_date"] == "2024-02-19"


def test_published_argument_wins_over_the_page_date(sample_article: nn.Article) -> None:
    mentions = extract_dates(sample_article, published=datetime(2025, 3, 1, 8, 0))
    assert next(m for m in mentions if m.text == "今年").value == "2025"


SAMPLE_VALUES = [
    ("2月18日", "point", "2024-02-18"),
    ("春節假期后上班第一天", "point", "2024-02-18"),
    ("2024年", "year", "2024"),
    ("新中國成立75周年", "anniversary", "2024-10-01"),
    ("過去一年", "span", "2023"),
    ("今年", "year", "2024"),
    ("新中國成立75周年", "anniversary", "2024-10-01"),
    ("十四五", "plan_period", "2021/2025"),
    ("今年", "year", "2024"),
    ("首季", "quarter", "2024-Q1"),
    ("首季", "quarter", "2024-Q1"),
    ("全年", "year", "2024"),
    ("2023年", "year", "2023"),
    ("2024年", "year", "2024"),
]


def test_sample_article(sample_article: nn.Article) -> None:
    mentions = extract_dates(sample_article)
    assert [(m.text, m.kind, m.value) for m in mentions] == SAMPLE_VALUES
    for mention in mentions:
        # The raw slice still holds the converter's pinyin artifact: 春節(jié)假期.
        assert repair(sample_article.raw[mention.raw_start : mention.raw_end])[0] == mention.text
        assert sample_article.text[mention.start : mention.end] == nn.normalize(mention.text).text
    # Nothing from 前期 (preparatory stage), the street address, the ICP or phone numbers.
    assert not any("前期" in m.text or "15" in m.text for m in mentions)


def test_sample_given_as_text(sample_bytes: bytes) -> None:
    mentions = extract_dates(sample_bytes.decode("utf-8"))
    assert [(m.text, m.value) for m in mentions][:2] == [
        ("2月18日", "2024-02-18"),
        ("春節假期后上班第一天", "2024-02-18"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("0", 0, id="zero"),
        pytest.param("十", 10, id="ten"),
        pytest.param("十二", 12, id="twelve"),
        pytest.param("二十", 20, id="twenty"),
        pytest.param("三十一", 31, id="thirty-one"),
        pytest.param("一百零五", 105, id="hundred-and-five"),
        pytest.param("两千", 2000, id="two-thousand"),
        pytest.param("二〇二四", 2024, id="digit-by-digit"),
        pytest.param("一九九八", 1998, id="year"),
        pytest.param("廿一", 21, id="nian"),
        pytest.param("卅", 30, id="sa"),
        pytest.param("三万五千", 35000, id="wan"),
        pytest.param("七十五", 75, id="seventy-five"),
        pytest.param("百", 100, id="hundred"),
        pytest.param("", None, id="empty"),
        pytest.param("几", None, id="not-a-number"),
    ],
)
def test_parse_chinese_number(text: str, value: int | None) -> None:
    assert parse_chinese_number(text) == value


def test_calendars() -> None:
    assert festival_day("清明", 2024) == date(2024, 4, 4)
    assert festival_day("清明", 1998) == date(1998, 4, 5)
    assert festival_day("中秋", 2024) == date(2024, 9, 17)
    assert festival_day("春节", 2101) is None  # outside lunardate's table
    assert lunar_to_solar(2024, 1, 30) is None  # a short lunar month
    assert lunar_to_solar(2024, 13, 1) is None
    assert first_workday_after("春节", 2024) == date(2024, 2, 18)  # an adjusted working Sunday
    assert first_workday_after("国庆", 2023) == date(2023, 10, 7)
    assert first_workday_after("春节", HOLIDAY_YEARS.start - 1) is None
    assert first_workday_after("春节", HOLIDAY_YEARS.stop) is None


def test_vague_words_are_never_dates() -> None:
    for word in read_list("dates_vague.txt"):
        assert extract_dates(f"{word}，我们开会。", published="2024-02-19") == (), word


def test_records_are_frozen_and_plain() -> None:
    mention = extract_dates("2月18日开会。", published="2024-02-19")[0]
    assert isinstance(mention, DateMention)
    with pytest.raises(AttributeError):
        mention.value = "x"  # type: ignore[misc]
    assert mention.to_dict() == {
        "text": "2月18日",
        "start": 0,
        "end": 5,
        "raw_start": 0,
        "raw_end": 5,
        "kind": "point",
        "value": "2024-02-18",
        "start_date": "2024-02-18",
        "end_date": "2024-02-18",
        "granularity": "day",
        "resolved": True,
    }


def test_long_input_is_fast() -> None:
    text = "今年1月，" * 2000 + "九" * 5000 + "年" * 5000 + "1" * 5000
    mentions = extract_dates(text, published="2024-02-19")
    assert len(mentions) == 2000


@pytest.mark.parametrize(
    ("source", "message"),
    [
        pytest.param(None, "got None", id="none"),
        pytest.param("", "empty", id="empty"),
    ],
)
def test_bad_input(source: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        extract_dates(source)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("2016年9月1日", "2016-09-01", id="date-only-line"),
        pytest.param("2016-09-01 08:30", "2016-09-01T08:30+08:00", id="no-chinese"),
        pytest.param("１０：１３", "2024-02-19T10:13+08:00", id="full-width-time"),
    ],
)
def test_a_lone_expression_is_read_as_one_paragraph(text: str, value: str) -> None:
    assert [m.value for m in extract_dates(text, published="2024-02-19")] == [value]
    with pytest.raises(InputError):
        nn.analyze(text)  # the page parser still refuses it as a page


def test_bad_published() -> None:
    with pytest.raises(InputError, match="cannot read a date"):
        extract_dates("今年开会。", published="soon")
