from __future__ import annotations

from typing import Any, get_args

import pytest

import newsnlp as nn
from newsnlp.errors import InputError
from newsnlp.extract import Official, extract_officials
from newsnlp.extract.officials import Level, System
from newsnlp.resources import read_list
from tests.conftest import sample_as_html


@pytest.fixture(scope="module")
def sample_officials(sample_article: nn.Article) -> tuple[Official, ...]:
    return extract_officials(sample_article)


def test_sample_officials_and_staff(sample_officials: tuple[Official, ...]) -> None:
    assert [(o.role, o.name, o.titles) for o in sample_officials] == [
        ("official", "梁偉新", ("市委書記",)),
        ("official", "張永寧", ("市長",)),
        ("official", "王世雄", ("市人大常委會主任",)),
        ("official", "蘭斯琦", ("市政協主席",)),
        ("official", "李彥", ("市委常委", "市政府常務副市長")),
        ("staff", "趙巧紅", ("記者",)),
        ("staff", "張桂漢", ("攝影",)),
        ("staff", "陳娥", ("編輯", "責任編輯")),
        ("staff", "陳小蝦", ("審核",)),
        ("staff", "周邦在", ("審核",)),
    ]


def test_sample_organizations_and_keys(sample_officials: tuple[Official, ...]) -> None:
    by_name = {official.name: official for official in sample_officials}
    assert by_name["李彥"].organizations == ("市委", "市政府")
    assert by_name["王世雄"].organizations == ("市人大常委會",)
    assert by_name["張永寧"].organizations == ()
    assert by_name["梁偉新"].key == "梁伟新"


def test_sample_mentions_point_into_the_page(
    sample_article: nn.Article, sample_officials: tuple[Official, ...]
) -> None:
    liang = sample_officials[0]
    assert len(liang.mentions) >= 5
    assert liang.first_mention.start is None  # the subtitle 梁偉新講話 names him first
    for official in sample_officials:
        for mention in official.mentions:
            assert sample_article.raw[mention.raw_start : mention.raw_end] == mention.text == official.name
            if mention.start is not None:
                assert sample_article.text[mention.start : mention.end] == official.key
    assert liang.to_dict()["first_mention"]["raw_start"] == liang.first_mention.raw_start


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("市委书记梁伟新在会上讲话。", [("梁伟新", ("市委书记",))], id="title-before-name"),
        pytest.param(
            "市委常委、市政府常务副市长李彦介绍情况。",
            [("李彦", ("市委常委", "市政府常务副市长"))],
            id="chain-of-titles",
        ),
        pytest.param(
            "市人大常委会主任王世雄、市政协主席兰斯琦出席会议。",
            [("王世雄", ("市人大常委会主任",)), ("兰斯琦", ("市政协主席",))],
            id="list",
        ),
        pytest.param("市长张永宁主持会议。", [("张永宁", ("市长",))], id="name-then-verb"),
        pytest.param("县长许立新出席会议。", [("许立新", ("县长",))], id="given-name-tagged-adverb"),
        pytest.param(
            "市生态环境局局长郭思远、市文化和旅游局局长宋佳出席。",
            [("郭思远", ("市生态环境局局长",)), ("宋佳", ("市文化和旅游局局长",))],
            id="department-heads",
        ),
        pytest.param(
            "市卫生健康委主任谢志刚表示。", [("谢志刚", ("市卫生健康委主任",))], id="commission-head"
        ),
        pytest.param("李鹏总理会见了来宾。", [("李鹏", ("总理",))], id="title-after-name"),
        pytest.param("中国人民银行行长戴相龙说。", [("戴相龙", ("中国人民银行行长",))], id="bank-governor"),
        pytest.param(
            "美国总统克林顿会见了以色列外长利维。",
            [("克林顿", ("美国总统",)), ("利维", ("以色列外长",))],
            id="foreign-officials",
        ),
        pytest.param(
            "市委书记梁伟新同志强调，要实干。", [("梁伟新", ("市委书记",))], id="honorific-not-in-name"
        ),
        pytest.param("联合国秘书长安南宣布了任命。", [("安南", ("联合国秘书长",))], id="international-organ"),
        pytest.param("联邦政府部长亚辛出席会议。", [("亚辛", ("联邦政府部长",))], id="transliterated-name"),
        pytest.param(
            "中共中央政治局常委、中央纪委书记尉健行讲话。",
            [("尉健行", ("中共中央政治局常委", "中央纪委书记"))],
            id="central-organs",
        ),
        pytest.param("县纪委常务副书记韩一出席。", [("韩一", ("县纪委常务副书记",))], id="post-modifier"),
        pytest.param(
            "全会选举张三为县委书记，李四、王五为县委副书记，当选为县委常委的还有赵六。",
            [
                ("张三", ("县委书记",)),
                ("李四", ("县委副书记",)),
                ("王五", ("县委副书记",)),
                ("赵六", ("县委常委",)),
            ],
            id="election",
        ),
        pytest.param("会议任命钱七（女）为市教育局局长。", [("钱七", ("市教育局局长",))], id="appointment"),
        pytest.param(
            "会议决定，任命刘红为市人民政府副市长、代理市长，任命郑宇为市人民政府副市长。",
            [("刘红", ("市人民政府副市长", "代理市长")), ("郑宇", ("市人民政府副市长",))],
            id="appointments-after-a-comma-with-two-posts",
        ),
        pytest.param(
            "会议接受周明远因工作调动辞去江滨市人民政府市长职务的请求。",
            [("周明远", ("江滨市人民政府市长",))],
            id="resignation",
        ),
        pytest.param("他辞去江滨市人民政府市长职务。", [], id="a-post-is-not-a-name"),
        pytest.param("他为人民服务，当选为劳动模范。", [], id="elected-but-not-to-a-post"),
        pytest.param("宁德市委书记会议纪要印发。", [], id="a-domestic-post-is-not-foreign"),
        pytest.param("全市上下光荣完成任务，努力实现满堂红。", [], id="no-official"),
        pytest.param("张永宁，市长，主持会议。", [("张永宁", ("市长",))], id="apposition-after-a-comma"),
        pytest.param(
            "梁伟新（市委书记）出席会议。", [("梁伟新", ("市委书记",))], id="apposition-in-brackets"
        ),
        pytest.param(
            "会见了王世雄（市人大常委会主任）和兰斯琦（市政协主席）。",
            [("王世雄", ("市人大常委会主任",)), ("兰斯琦", ("市政协主席",))],
            id="appositions-of-names-cut-in-pieces",
        ),
        pytest.param(
            "李四，县委副书记兼县长。", [("李四", ("县委副书记", "县长"))], id="apposition-with-a-chain"
        ),
        pytest.param(
            "据张三（宁德市公安局副局长）介绍，案件已告破。",
            [("张三", ("宁德市公安局副局长",))],
            id="apposition-with-a-department",
        ),
        pytest.param(
            "记者从市委书记梁伟新处获悉，会议将召开。",
            [("梁伟新", ("市委书记",))],
            id="title-before-name-then-place",
        ),
        pytest.param("张永宁，市长李彦出席。", [("李彦", ("市长",))], id="next-clause-title-not-apposition"),
        pytest.param("其中学得最好的是张同钰，后任地质部副部长。", [], id="a-later-post-is-not-apposition"),
        pytest.param("他们是张三，李四。", [], id="comma-between-names"),
        pytest.param("梁伟新（右二）在会上。", [], id="brackets-without-a-post"),
    ],
)
def test_official_patterns(text: str, expected: list[tuple[str, tuple[str, ...]]], script: str) -> None:
    if script == "traditional":
        text = nn.normalize(text, target="traditional").text
        expected = [
            (
                nn.normalize(name, target="traditional").text,
                tuple(nn.normalize(t, target="traditional").text for t in titles),
            )
            for name, titles in expected
        ]
    officials = extract_officials(text)
    assert [(official.name, official.titles) for official in officials] == expected


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(
    ("text", "levels", "systems"),
    [
        pytest.param(
            "中共中央总书记、国家主席江泽民出席会议。",
            ("central", "central"),
            ("party", "government"),
            id="central",
        ),
        pytest.param(
            "省政协常委、县人民法院院长刘一出席。",
            ("province", "county"),
            ("cppcc", "court"),
            id="organ-wins",
        ),
        pytest.param(
            "福建省宁德市公安局副局长张三出席。", ("city",), ("government",), id="innermost-tier-word"
        ),
        pytest.param("县纪委常务副书记韩一出席。", ("county",), ("party",), id="any-level-organ"),
        pytest.param("镇党委书记陈二讲话。", ("township",), ("party",), id="township"),
        pytest.param("市长张永宁主持会议。", ("city",), ("government",), id="from-the-post"),
        pytest.param("解放军总参谋长傅全有会见来宾。", ("central",), ("army",), id="army"),
        pytest.param("全国总工会副主席张三讲话。", ("central",), ("mass",), id="mass-organisation"),
        pytest.param("美国总统克林顿会见来宾。", ("central",), ("foreign",), id="foreign-post"),
        pytest.param("以色列外长利维会见来宾。", ("central",), ("foreign",), id="foreign-place"),
        pytest.param("联合国秘书长安南宣布了任命。", ("any",), ("international",), id="international"),
        pytest.param("首席科学家张三出席会议。", (), (), id="no-official"),
    ],
)
def test_levels_and_systems_go_with_titles(
    text: str, levels: tuple[str, ...], systems: tuple[str, ...], script: str
) -> None:
    if script == "traditional":
        text = nn.normalize(text, target="traditional").text
    officials = extract_officials(text)
    assert [(official.levels, official.systems) for official in officials] == (
        [(levels, systems)] if levels else []
    )
    for official in officials:
        assert len(official.levels) == len(official.systems) == len(official.titles)


def test_sample_levels_and_systems(sample_officials: tuple[Official, ...]) -> None:
    by_name = {official.name: official for official in sample_officials}
    assert by_name["李彥"].levels == ("city", "city")
    assert by_name["李彥"].systems == ("party", "government")
    assert by_name["王世雄"].systems == ("congress",)
    assert by_name["陳娥"].levels == by_name["陳娥"].systems == ("any", "any")  # staff: not known


@pytest.mark.parametrize("name", ["titles.tsv", "organs.tsv"])
def test_lexicons_are_well_formed(name: str) -> None:
    rows = [line.split("\t") for line in read_list(name)]
    assert rows
    assert all(len(row) == 3 for row in rows)
    words = [row[0] for row in rows]
    assert len(words) == len(set(words)), "a word listed twice"
    assert {row[1] for row in rows} <= set(get_args(Level))
    assert {row[2] for row in rows} <= set(get_args(System))
    assert all(nn.normalize(word).text == word for word in words)  # Simplified, normalised


def test_later_mentions_and_surname_references_are_linked() -> None:
    text = "中共中央总书记、国家主席江泽民出席会议。江泽民指出，要团结。江主席强调，要奋斗。"
    (official,) = extract_officials(text)
    assert official.name == "江泽民"
    assert official.titles == ("中共中央总书记", "国家主席")
    assert [mention.text for mention in official.mentions] == ["江泽民", "江泽民", "江"]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        pytest.param("东区区长王一出席。王区长讲话。", {"王一": ["王一", "王"]}, id="one-owner-linked"),
        pytest.param(
            "东区区长王一、西区区长王二出席。王区长讲话。",
            {"王一": ["王一"], "王二": ["王二"]},
            id="two-owners-not-linked",
        ),
    ],
)
def test_surname_and_post_references(text: str, mentions: dict[str, list[str]]) -> None:
    officials = extract_officials(text)
    assert {
        official.name: [mention.text for mention in official.mentions] for official in officials
    } == mentions


@pytest.mark.parametrize(
    ("source", "message"),
    [
        pytest.param(None, "got None", id="none"),
        pytest.param("", "empty", id="empty"),
        pytest.param("Hello world", "no Chinese", id="no-chinese"),
    ],
)
def test_bad_input(source: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        extract_officials(source)  # type: ignore[arg-type]


def test_officials_on_an_html_page(sample_bytes: bytes) -> None:
    page = sample_as_html(sample_bytes.decode("utf-8"))
    officials = extract_officials(nn.analyze(page))
    assert [official.name for official in officials][:5] == ["梁偉新", "張永寧", "王世雄", "蘭斯琦", "李彥"]
    for official in officials:
        for mention in official.mentions:
            assert page[mention.raw_start : mention.raw_end] == official.name


def test_posts_can_be_added_for_one_call() -> None:
    text = "首席科学家张三出席会议。"
    assert extract_officials(text) == ()
    (official,) = extract_officials(text, posts=["首席科學家"])
    assert (official.name, official.titles) == ("张三", ("首席科学家",))
    assert extract_officials(text) == ()  # nothing leaks into the next call
    with pytest.raises(InputError, match="not one string"):
        extract_officials(text, posts="首席科学家")  # type: ignore[arg-type]
    (official,) = extract_officials(text, posts=[("首席科学家", "any", "government")])
    assert official.systems == ("government",)


def test_organs_can_be_added_for_one_call() -> None:
    text = "市行政服務中心主任張三出席。"
    (official,) = extract_officials(text)
    assert (official.titles, official.organizations) == (("主任",), ())
    (official,) = extract_officials(text, organs=[("行政服务中心", "any", "government")])
    assert official.titles == ("市行政服務中心主任",)
    assert official.organizations == ("市行政服務中心",)
    assert (official.levels, official.systems) == (("city",), ("government",))
    (official,) = extract_officials(text, organs=["行政服務中心"])
    assert (official.levels, official.systems) == (("city",), ("any",))
    assert extract_officials(text)[0].titles == ("主任",)  # nothing leaks into the next call


@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        pytest.param({"organs": "市委"}, "organs must be a list", id="organs-one-string"),
        pytest.param({"organs": [("市委", "nation", "party")]}, "level 'nation'", id="unknown-level"),
        pytest.param({"posts": [("市长", "city", "state")]}, "system 'state'", id="unknown-system"),
    ],
)
def test_bad_lexicon_additions(keywords: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        extract_officials("市长张永宁主持会议。", **keywords)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 日本首相 is one word with no place tag: the post itself says the state is foreign.
        ("日本首相桥本龙太郎在国会发表演说。", [("桥本龙太郎", ("日本首相",), ["桥本龙太郎"])]),
        # A name in parts joined by a middle dot, named again by its last part.
        (
            "伊拉克议长萨阿东·哈马迪率团访华。哈马迪说，两国友谊深厚。",
            [("萨阿东·哈马迪", ("议长",), ["萨阿东·哈马迪", "哈马迪"])],  # jieba tags 伊拉克 as a name
        ),
        # An organ after a foreign post is no name.
        ("来自俄总统新闻局的消息说，会谈很成功。", []),
    ],
)
def test_foreign_officials_named_in_one_word_or_with_a_middle_dot(
    text: str, expected: list[tuple[str, tuple[str, ...], list[str]]]
) -> None:
    officials = [o for o in extract_officials(text) if o.role == "official"]
    assert [(o.name, o.titles, [m.text for m in o.mentions]) for o in officials] == expected
