from __future__ import annotations

import pytest

import newsnlp as nn
from newsnlp.errors import InputError, OptionError
from newsnlp.extract import Slogan, extract_slogans
from newsnlp.normalize import convert_script
from tests.conftest import sample_as_html


@pytest.fixture(scope="module")
def sample_slogans(sample_article: nn.Article) -> tuple[Slogan, ...]:
    return extract_slogans(sample_article)


def test_sample_slogans(sample_slogans: tuple[Slogan, ...]) -> None:
    assert [(slogan.text, slogan.kind, slogan.count) for slogan in sample_slogans] == [
        ("深學爭優、敢為爭先、實干爭效", "campaign", 5),  # the headline and its repeat name it too
        ("以“三爭”為號 以項目為令", "campaign", 1),  # the kicker's parallel phrases
        ("三爭", "formula", 2),
        ("爭出新局面 攻出新氣象", "campaign", 1),
        ("兩個穩定", "formula", 3),
        ("十四五", "formula", 1),
        ("深學爭優", "slogan", 1),
        ("敢為爭先", "slogan", 1),
        ("實干爭效", "slogan", 1),
        ("核心區", "slogan", 1),
        ("一把手", "formula", 1),
        ("開門紅", "slogan", 2),
        ("滿堂紅", "slogan", 1),
        ("寧德服務", "slogan", 1),
        ("寧德市2024年項目建設攻堅行動工作方案", "document", 1),
    ]


def test_sample_campaign_parts_and_short_forms(sample_slogans: tuple[Slogan, ...]) -> None:
    by_text = {slogan.text: slogan for slogan in sample_slogans}
    campaign = by_text["深學爭優、敢為爭先、實干爭效"]
    assert campaign.parts == ("深學爭優", "敢為爭先", "實干爭效")
    assert campaign.key == "深学争优、敢为争先、实干争效"
    assert by_text["三爭"].full_form == campaign.key
    assert by_text["實干爭效"].full_form == campaign.key
    assert by_text["兩個穩定"].full_form is None


def test_sample_headline_mentions_come_first(sample_slogans: tuple[Slogan, ...]) -> None:
    by_text = {slogan.text: slogan for slogan in sample_slogans}
    campaign, short_form = by_text["深學爭優、敢為爭先、實干爭效"], by_text["三爭"]
    assert [mention.start is None for mention in campaign.mentions] == [True, True, False, False, False]
    assert short_form.mentions[0].start is None  # 以“三爭”為號 in the deck


def test_sample_mentions_point_into_the_page(
    sample_article: nn.Article, sample_slogans: tuple[Slogan, ...]
) -> None:
    for slogan in sample_slogans:
        for mention in slogan.mentions:
            assert mention.text == slogan.text
            if mention.start is not None:  # None for a mention in the headline, outside the body
                assert sample_article.text[mention.start : mention.end] == slogan.key
                assert sample_article.original((mention.start, mention.end)) == mention.text
            raw = sample_article.raw[mention.raw_start : mention.raw_end]
            # The page writes pinyin after some characters (爭優(yōu)); the span covers them.
            assert raw.startswith(slogan.text[0])
            assert raw.endswith(slogan.text[-1])


def test_sample_low_confidence_chains_only_when_asked(sample_article: nn.Article) -> None:
    default = {slogan.key for slogan in extract_slogans(sample_article)}
    loose = {s.key: s for s in extract_slogans(sample_article, min_confidence=0.3)}
    assert "稳存量、扩增量、提质量" not in default
    assert loose["稳存量、扩增量、提质量"].confidence < 0.5
    assert loose["稳存量、扩增量、提质量"].parts == ("穩存量", "擴增量", "提質量")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "全省开展“学理论、强本领、促发展”活动。",
            [("学理论、强本领、促发展", "campaign")],
            id="quoted-chain",
        ),
        pytest.param("各地认真落实“两手抓”方针。", [("两手抓", "formula")], id="numbered-formula"),
        pytest.param("“九五”期间，全市经济稳步增长。", [("九五", "formula")], id="plan-period-quoted"),
        pytest.param(
            "九五期间经济稳步增长，十五计划开局良好。",
            [("九五", "formula"), ("十五", "formula")],
            id="plan-period-bare",
        ),
        pytest.param("全县扎实推进“菜篮子”工程。", [("菜篮子", "slogan")], id="head-noun-after"),
        pytest.param("要着力打造“数字政府”，提升服务水平。", [("数字政府", "slogan")], id="governing-verb"),
        pytest.param(
            "坚持一国两制，推进科教兴国。",
            [("一国两制", "formula"), ("科教兴国", "slogan")],
            id="lexicon-unquoted",
        ),
        pytest.param(
            "各族人民紧密团结在以江泽民同志为核心的党中央周围，高举邓小平理论伟大旗帜。",
            [("以江泽民同志为核心的党中央", "slogan"), ("高举邓小平理论伟大旗帜", "slogan")],
            id="templates",
        ),
        pytest.param(
            "谈学习报告关于“坚持和发展基层民主”的体会。", [("坚持和发展基层民主", "slogan")], id="about"
        ),
        pytest.param("团员以“青春献给祖国”为主题开展活动。", [("青春献给祖国", "slogan")], id="theme"),
        pytest.param("全县启动“绿色家园行动”。", [("绿色家园行动", "campaign")], id="campaign-name"),
        pytest.param(
            "我市启动“守护一江清水”三年行动。", [("守护一江清水", "slogan")], id="campaign-a-few-words-on"
        ),
        pytest.param(
            "力争实现“小病不出村、常见病不出乡、大病不出县”。",
            [("小病不出村、常见病不出乡、大病不出县", "campaign")],
            id="chain-of-near-equal-parts",
        ),
        pytest.param("会议通过了《共同纲领》。", [("共同纲领", "document")], id="programme-document"),
        pytest.param(
            "乡里实行“三块牌子一套班子”。", [("三块牌子一套班子", "formula")], id="formula-with-inner-numeral"
        ),
        pytest.param(
            "国务院印发《关于加强基层治理的意见》。",
            [("关于加强基层治理的意见", "document")],
            id="document",
        ),
        pytest.param(
            "他在会上发表题为《开创新局面》的讲话，并学习《决定》。",
            [("决定", "document")],
            id="document-by-title-only",
        ),
    ],
)
def test_golden_slogans(text: str, expected: list[tuple[str, str]], script: str) -> None:
    source = convert_script(text, target="traditional")[0] if script == "traditional" else text
    article = nn.analyze(source)
    slogans = extract_slogans(article)
    assert [(slogan.key, slogan.kind) for slogan in slogans] == expected
    for slogan in slogans:
        mention = slogan.mentions[0]
        assert source[mention.raw_start : mention.raw_end] == slogan.text
        assert convert_script(slogan.text)[0] == slogan.key


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("他说：“我们一定要把工作做好。”", id="reported-speech"),
        pytest.param("村民们说“这条路修得好”，大家都满意。", id="speech-without-colon"),
        pytest.param("他被村民称为“活雷锋”。", id="nickname"),
        pytest.param("这家企业生产的“长城”牌电脑畅销。", id="brand"),
        pytest.param("这里曾是有名的“老大难”村。", id="scare-quoted-word"),
        pytest.param("他的“朋友”并不多。", id="scare-quoted-single-word"),
        pytest.param("《人民日报》发表评论员文章。", id="newspaper"),
        pytest.param("电影《红高粱》在柏林获奖。", id="film"),
        pytest.param("他读了《平凡的世界》一书。", id="book"),
        pytest.param("这三年来，两个月内完成了五个项目。", id="counts-are-not-formulae"),
        pytest.param("湖北省、湖南省、广东省、江西省的代表出席。", id="list-of-places"),
        pytest.param("他认为希望“十分渺茫”。", id="numeral-opening-an-everyday-word"),
        pytest.param("要防止刮“一阵风”。", id="a-gust-of-wind"),
        pytest.param("会谈涉及“两国集团”的方案。", id="two-countries"),
        pytest.param("会议围绕邓小平理论展开讨论。", id="theory-name-alone"),
    ],
)
def test_not_slogans(text: str) -> None:
    assert extract_slogans(text, min_confidence=0.3) == ()


def test_nested_and_unbalanced_quotes() -> None:
    nested = extract_slogans("他说：“要坚持‘两手抓’方针不动摇。”")
    assert [slogan.key for slogan in nested] == ["两手抓"]
    # A quote holding quotes is a phrase about a slogan, not one itself.
    assert [s.key for s in extract_slogans("文章提出“坚持‘两手抓’方针”。")] == ["两手抓"]
    # An opening mark with no closing mark yields nothing from it, and no error.
    assert [s.key for s in extract_slogans("要推进“数字乡村”建设和“智慧城市工作，确保落实。")] == ["数字乡村"]
    half = extract_slogans("他说“没问题”，又说“并落实“一把手”责任。")
    assert [slogan.key for slogan in half] == ["一把手"]


def test_ascii_quotes() -> None:
    slogans = extract_slogans('要推进"放管服"改革。')
    assert [(slogan.key, slogan.kind) for slogan in slogans] == [("放管服", "campaign")]


def test_short_form_linked_to_a_defined_campaign() -> None:
    text = "开展“比学习、比服务、比作风”活动，以“三比”促发展。"
    by_key = {slogan.key: slogan for slogan in extract_slogans(text)}
    assert by_key["三比"].full_form == "比学习、比服务、比作风"
    assert by_key["比学习、比服务、比作风"].parts == ("比学习", "比服务", "比作风")


def test_caller_lexicon_adds_phrases_in_either_script() -> None:
    text = "全市上下大力弘扬閩東精神。"
    assert extract_slogans(text) == ()
    (slogan,) = extract_slogans(text, lexicon=["閩東精神"])
    assert (slogan.text, slogan.key, slogan.kind) == ("閩東精神", "闽东精神", "slogan")


def test_to_dict_holds_count_and_mentions() -> None:
    (slogan,) = extract_slogans("落实“两手抓”，坚持两手抓。")
    record = slogan.to_dict()
    assert record["count"] == 2
    assert [mention["start"] for mention in record["mentions"]] == [3, 10]


def test_bad_input() -> None:
    with pytest.raises(InputError, match="None"):
        extract_slogans(None)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="list"):
        extract_slogans("落实“两手抓”。", lexicon="两手抓")
    with pytest.raises(OptionError, match="min_confidence"):
        extract_slogans("落实“两手抓”。", min_confidence=2)
    with pytest.raises(InputError, match="empty"):
        extract_slogans("")
    with pytest.raises(InputError, match="no Chinese"):
        extract_slogans("No Chinese text here at all.")


def test_slogans_on_an_html_page(sample_bytes: bytes, sample_slogans: tuple[Slogan, ...]) -> None:
    page = nn.analyze(sample_as_html(sample_bytes.decode("utf-8")))
    slogans = extract_slogans(page)
    body_counts = {s.key: sum(m.start is not None for m in s.mentions) for s in sample_slogans}
    assert {s.key: sum(m.start is not None for m in s.mentions) for s in slogans} == body_counts
    for slogan in slogans:
        for mention in slogan.mentions:
            raw = page.raw[mention.raw_start : mention.raw_end]
            assert raw.startswith(slogan.text[0])
            assert raw.endswith(slogan.text[-1])
