from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsnlp as nn
from newsnlp.errors import DecodeError, InputError
from tests.conftest import sample_as_html
from tests.invariants import check_traceable

PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+[)）]")
TITLE = "全市“深學爭優、敢為爭先、實干爭效”行動總結部署會暨2024年項目建設攻堅行動動員部署大會召開"


# ---------------------------------------------------------------- the bundled sample article


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        pytest.param("title", TITLE, id="title"),
        pytest.param("kicker", "以“三爭”為號 以項目為令 爭出新局面 攻出新氣象", id="kicker"),
        pytest.param("subtitle", "梁偉新講話 張永寧主持", id="subtitle"),
        pytest.param(
            "deck", ("以“三爭”為號 以項目為令 爭出新局面 攻出新氣象", "梁偉新講話 張永寧主持"), id="deck"
        ),
        pytest.param(
            "published", datetime(2024, 2, 19, 15, 57, tzinfo=timezone(timedelta(hours=8))), id="published"
        ),
        pytest.param("source", "閩東日報", id="source"),
        pytest.param("reporters", ("趙巧紅",), id="reporters"),
        pytest.param("photographers", ("張桂漢",), id="photographers"),
        pytest.param("editors", ("陳娥",), id="editors"),
        pytest.param("reviewers", ("陳小蝦", "周邦在"), id="reviewers"),
        pytest.param("script", "traditional", id="script"),
        pytest.param("encoding", "utf-8", id="encoding"),
        pytest.param("url", None, id="url"),
    ],
)
def test_sample_metadata(sample_article: nn.Article, field: str, expected: object) -> None:
    assert getattr(sample_article.meta, field) == expected


def test_sample_published_is_in_shanghai_time(sample_article: nn.Article) -> None:
    published = sample_article.meta.published
    assert published is not None
    assert str(published.tzinfo) == "Asia/Shanghai"


def test_sample_body_runs_from_the_first_sentence_to_the_last(sample_article: nn.Article) -> None:
    assert sample_article.body[0].startswith("2月18日,春節假期后上班第一天")
    assert sample_article.body[-1].endswith("設分會場。")
    assert sample_article.text.startswith("2月18日，春节假期后上班第一天，")
    assert sample_article.text.endswith("设分会场。")
    assert len(sample_article.body) == len(sample_article.text.split("\n")) == 14


@pytest.mark.parametrize(
    "furniture",
    [
        "首頁",
        "版權",
        "ICP",
        "返回",
        "相關",
        "0593",
        "d758767082577ab25830db4b318aaa01",
        "編輯",
        "審核",
        "來源",
    ],
)
def test_sample_body_has_no_page_furniture(sample_article: nn.Article, furniture: str) -> None:
    assert furniture not in "\n".join(sample_article.body)
    assert nn.normalize(furniture).text not in sample_article.text


def test_sample_body_has_no_pinyin(sample_article: nn.Article) -> None:
    assert PINYIN.search("\n".join(sample_article.body)) is None
    assert PINYIN.search(sample_article.text) is None
    assert "縣(市、區)" in sample_article.body[-1]


def test_sample_text_traces_back_to_the_page(sample_article: nn.Article) -> None:
    check_traceable(sample_article.raw, sample_article.text, sample_article.offsets)


@pytest.mark.parametrize(
    ("normalized", "raw", "original"),
    [
        pytest.param("市委书记梁伟新", "市委書記梁偉新", "市委書記梁偉新", id="official"),
        pytest.param("项目建设攻坚", "項目建設(shè)攻堅", "項目建設攻堅", id="across-an-annotation"),
        pytest.param("2月18日，春节", "2月18日,春節", "2月18日,春節", id="folded-comma"),
        pytest.param("深学争优", "深學爭優", "深學爭優", id="slogan-word"),
    ],
)
def test_sample_spans_point_into_raw_and_original(
    sample_article: nn.Article, normalized: str, raw: str, original: str
) -> None:
    start = sample_article.text.index(normalized)
    span = nn.Span(start, start + len(normalized), normalized)
    raw_start, raw_end = sample_article.to_raw(span.start, span.end)
    assert sample_article.raw[raw_start:raw_end] == raw
    assert sample_article.original(span) == original


def test_every_line_of_the_sample_is_accounted_for(sample_article: nn.Article) -> None:
    covered = set()
    for region in sample_article.regions:
        assert sample_article.raw[region.raw_start : region.raw_end] == region.text
        covered.update(range(region.raw_start, region.raw_end))
    missing = [
        index for index, char in enumerate(sample_article.raw) if not char.isspace() and index not in covered
    ]
    assert missing == []
    roles = [region.role for region in sample_article.regions]
    assert roles.count("credits") == 4
    assert roles.count("title") == 2
    assert roles[0] == "navigation"
    assert roles[-1] == "boilerplate"


# ---------------------------------------------------------------- encodings and HTML


def test_html_page_gives_the_same_article(sample_bytes: bytes, sample_article: nn.Article) -> None:
    page = sample_as_html(sample_bytes.decode("utf-8"))
    article = nn.analyze(page)
    assert article.meta == dataclasses.replace(sample_article.meta, encoding=None)  # a str has no encoding
    assert article.text == sample_article.text
    assert article.body == sample_article.body
    check_traceable(page, article.text, article.offsets)
    start = article.text.index("市委书记梁伟新")
    raw_start, raw_end = article.to_raw(start, start + 7)
    assert page[raw_start:raw_end] == "市委書記梁偉新"


def test_gb18030_bytes_give_the_same_article(sample_bytes: bytes, sample_article: nn.Article) -> None:
    article = nn.analyze(sample_bytes.decode("utf-8").encode("gb18030"))
    assert article.meta.encoding == "gb18030"
    assert article.text == sample_article.text


def test_big5_page() -> None:
    page = "新聞頻道\n台北市長記者會\n2024年3月1日 來源:中央社\n台北市長今天在記者會上表示，將加強防災工作。"
    article = nn.analyze(page.encode("big5"))
    assert article.meta.encoding == "big5hkscs"
    assert (article.meta.title, article.meta.source) == ("台北市長記者會", "中央社")
    assert article.text == "台北市长今天在记者会上表示，将加强防灾工作。"


def test_simplified_page_with_byline_in_the_first_paragraph() -> None:
    page = (
        "当前位置：首页 > 要闻\n"
        "市政府召开常务会议\n"
        "发布时间：2024年03月05日 09:30  来源：宁德日报\n"
        "本报讯（记者 张三 通讯员 李四）3月4日，市政府召开常务会议，研究部署近期工作。\n"
        "会议强调，要抓好项目建设。\n"
        "责任编辑：王五\n"
        "版权所有 宁德网"
    )
    article = nn.analyze(page)
    assert article.meta.title == "市政府召开常务会议"
    assert article.meta.published == datetime(2024, 3, 5, 9, 30, tzinfo=nn.page.SHANGHAI)
    assert article.meta.source == "宁德日报"
    assert article.meta.reporters == ("张三", "李四")
    assert article.meta.editors == ("王五",)
    assert article.meta.script == "simplified"
    assert article.body == (
        "本报讯（记者 张三 通讯员 李四）3月4日，市政府召开常务会议，研究部署近期工作。",
        "会议强调，要抓好项目建设。",
    )


def test_a_single_sentence_is_all_body() -> None:
    article = nn.analyze("市委書記梁偉新在會上強調，要深化拓展行動。")
    assert article.meta.title is None
    assert article.body == ("市委書記梁偉新在會上強調，要深化拓展行動。",)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        pytest.param("2024-03-01", datetime(2024, 3, 1, tzinfo=nn.page.SHANGHAI), id="iso-date"),
        pytest.param("2024-03-01T08:00:00+00:00", datetime(2024, 3, 1, 8, tzinfo=timezone.utc), id="aware"),
        pytest.param(date(2024, 3, 1), datetime(2024, 3, 1, tzinfo=nn.page.SHANGHAI), id="date"),
        pytest.param(datetime(2024, 3, 1, 12), datetime(2024, 3, 1, 12, tzinfo=nn.page.SHANGHAI), id="naive"),
        pytest.param("2024年3月1日", datetime(2024, 3, 1, tzinfo=nn.page.SHANGHAI), id="chinese"),
    ],
)
def test_published_given_by_the_caller_wins(
    sample_bytes: bytes, published: object, expected: datetime
) -> None:
    article = nn.analyze(sample_bytes, published=published)  # type: ignore[arg-type]
    assert article.meta.published == expected


def test_unreadable_published_is_an_input_error() -> None:
    with pytest.raises(InputError, match="cannot read a date"):
        nn.analyze("市委書記梁偉新在會上強調，要深化拓展行動。", published="next tuesday")


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("raw", "error", "message"),
    [
        pytest.param(None, InputError, "got None", id="none"),
        pytest.param("", InputError, "empty", id="empty"),
        pytest.param(" \n\t\u3000 ", InputError, "empty", id="whitespace"),
        pytest.param("Hello, world. Nothing Chinese here.", InputError, "no Chinese", id="no-chinese"),
        pytest.param(b"\x00\x01\x02\x03binary", DecodeError, "binary", id="binary"),
        pytest.param(b"\xfd\xfc caf\xe9 \x81", DecodeError, "UTF-8, GB18030 or Big5", id="undecodable"),
        pytest.param(12345, InputError, "not int", id="not-text"),
        pytest.param("<div><<<>>>&&&</p></span>", InputError, "no Chinese", id="html-soup-without-text"),
        pytest.param(
            "<div>首頁</div><div>版權所有</div>", InputError, "no article body", id="only-furniture"
        ),
        pytest.param(b"a" * 50_000_000, InputError, "max_chars", id="50-MB-page"),
    ],
)
def test_bad_input_raises_a_newsnlp_error(raw: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        nn.analyze(raw)  # type: ignore[arg-type]


def test_max_chars_can_be_raised(sample_bytes: bytes) -> None:
    with pytest.raises(InputError, match="max_chars=100"):
        nn.analyze(sample_bytes, max_chars=100)
    assert nn.analyze(sample_bytes, max_chars=10_000).meta.title == TITLE


# ---------------------------------------------------------------- generated pages

BODY_PIECES = [
    *list("寧德網新聞市委書記會議強調爭優宁德网新闻书记会议强调中文年月日AI09 ，、；：“”（）,;:"),
    "優(yōu)",
    "設（shè）",
    "縣(市、區)",
    "&amp;",
    "１２",
    "\u200b",
    "\u3000",
]
sentences = st.lists(st.sampled_from(BODY_PIECES), min_size=1, max_size=30).map(
    lambda pieces: "市委書記梁偉新在會上強調，" + "".join(pieces) + "。"
)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=6), st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
def test_generated_pages_keep_every_invariant(paragraphs: list[str], newline: str) -> None:
    page = newline.join(
        ["首頁 新聞頻道", "會議召開", "2024-02-19 15:57 來源:閩東日報", *paragraphs, "編輯:陳娥", "返回首頁"]
    )
    article = nn.analyze(page)
    check_traceable(page, article.text, article.offsets)
    assert article.meta.title == "會議召開"
    assert article.meta.editors == ("陳娥",)
    assert len(article.body) == len(paragraphs)
    assert PINYIN.search(article.text) is None
    body_regions = [region for region in article.regions if region.role == "body"]
    for index in range(len(article.text)):
        raw_start, raw_end = article.to_raw(index, index + 1)
        if raw_end > raw_start:
            assert any(region.raw_start <= raw_start < raw_end <= region.raw_end for region in body_regions)


# ---------------------------------------------------------------- layouts without a dateline

NO_HEADLINE = "本报讯 日前，市政府召开常务会议，研究部署近期工作，会议由市长主持，各部门负责同志参加了会议。"


@pytest.mark.parametrize(
    ("page", "title", "reporters", "first_body"),
    [
        pytest.param(
            "忠诚的人民公仆，优秀的党员干部张三同志逝世\n本报记者李四\n张三同志因病于日前在北京逝世，享年八十岁。",
            "忠诚的人民公仆，优秀的党员干部张三同志逝世",
            ("李四",),
            "张三同志因病于日前在北京逝世，享年八十岁。",
            id="headline-with-a-comma-and-a-byline",
        ),
        pytest.param(
            "农村电价缘何高？\n新华社驻法国记者 王五\n今年以来，一些地方农村电价偏高，群众反映强烈。",
            "农村电价缘何高？",
            ("王五",),
            "今年以来，一些地方农村电价偏高，群众反映强烈。",
            id="question-headline-and-a-foreign-byline",
        ),
        pytest.param(
            "明天天气预报(3日20时—4日20时)\n北京 晴 零下五度\n上海 多云 三度",
            "明天天气预报(3日20时—4日20时)",
            (),
            "北京 晴 零下五度",
            id="no-prose-first-line-is-the-headline",
        ),
        pytest.param(
            "明天天气预报（2024年1月3日20时—2024年1月4日20时）\n冷空气南下，北方大部地区气温下降，请注意防寒保暖。",
            "明天天气预报（2024年1月3日20时—2024年1月4日20时）",
            (),
            "冷空气南下，北方大部地区气温下降，请注意防寒保暖。",
            id="a-headline-with-dates-is-not-a-dateline",
        ),
        pytest.param(
            NO_HEADLINE + "\n(张三)",
            None,
            (),
            NO_HEADLINE,
            id="no-headline",
        ),
    ],
)
def test_headline_block_without_a_dateline(
    page: str, title: str | None, reporters: tuple[str, ...], first_body: str
) -> None:
    article = nn.analyze(page)
    assert article.meta.title == title
    assert article.meta.reporters == reporters
    assert article.body[0] == first_body


def test_a_date_under_the_text_is_part_of_it() -> None:
    article = nn.analyze("征文评选揭晓\n题目 作者\n绿水青山 张三\n人民日报文艺部\n1998年1月24日")
    assert article.meta.title == "征文评选揭晓"
    assert article.meta.published is None
    assert article.body[-1] == "1998年1月24日"


def test_html_head_gives_title_time_and_url_when_the_page_text_does_not() -> None:
    page = (
        "<html><head><title>市政府召开常务会议_宁德网</title>"
        '<meta property="article:published_time" content="2024-03-05T09:30:00+08:00">'
        '<link rel="canonical" href="https://example.cn/n/1.html"></head><body>'
        "<div>导读</div><h1>市政府召开常务会议</h1>"
        "<p>3月4日，市政府召开常务会议，研究部署近期工作。</p></body></html>"
    )
    article = nn.analyze(page)
    assert article.meta.title == "市政府召开常务会议"
    assert article.meta.deck == ("导读",)
    assert article.meta.published == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    assert article.meta.url == "https://example.cn/n/1.html"
    assert article.text == "3月4日，市政府召开常务会议，研究部署近期工作。"


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_any_line_ending_splits_lines(newline: str) -> None:
    # Found by the fuzz suite: a bare carriage return once made two lines of one page line.
    article = nn.analyze(newline.join(["標題", "市委書記梁偉新主持會議。", "第二段。"]))
    assert article.meta.title == "標題"
    assert article.text == "市委书记梁伟新主持会议。\n第二段。"
