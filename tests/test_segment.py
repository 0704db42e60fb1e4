from __future__ import annotations

import importlib
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsnlp as nn
from newsnlp.errors import InputError, OptionError
from newsnlp.segment import SegmentationError, Segmenter, segment, segment_many, stopwords


def texts_of(tokens: tuple[nn.Token, ...]) -> list[str]:
    return [token.text for token in tokens]


# ---------------------------------------------------------------- golden tables, both scripts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "市委書記梁偉新在會上強調",
            [
                ("市委书记", 0, 4, "市委書記"),
                ("梁伟新", 4, 7, "梁偉新"),
                ("在", 7, 8, "在"),
                ("会上", 8, 10, "會上"),
                ("强调", 10, 12, "強調"),
            ],
            id="traditional",
        ),
        pytest.param(
            "市委书记梁伟新在会上强调",
            [
                ("市委书记", 0, 4, "市委书记"),
                ("梁伟新", 4, 7, "梁伟新"),
                ("在", 7, 8, "在"),
                ("会上", 8, 10, "会上"),
                ("强调", 10, 12, "强调"),
            ],
            id="simplified",
        ),
        pytest.param(
            "常務副市長李彥介紹2023年情況",
            [
                ("常务副市长", 0, 5, "常務副市長"),
                ("李彦", 5, 7, "李彥"),
                ("介绍", 7, 9, "介紹"),
                ("2023年", 9, 14, "2023年"),
                ("情况", 14, 16, "情況"),
            ],
            id="title-name-year",
        ),
        pytest.param(
            "成立75周年，增長3.5%，ICP備案",
            [
                ("成立", 0, 2, "成立"),
                ("75周年", 2, 6, "75周年"),
                ("，", 6, 7, "，"),
                ("增长", 7, 9, "增長"),
                ("3.5%", 9, 13, "3.5%"),
                ("，", 13, 14, "，"),
                ("ICP", 14, 17, "ICP"),
                ("备案", 17, 19, "備案"),
            ],
            id="numbers-and-latin-stay-whole",
        ),
        pytest.param(
            "１９９８年２月",
            [("1998年", 0, 5, "１９９８年"), ("2月", 5, 7, "２月")],
            id="full-width-digits",
        ),
    ],
)
def test_segment_golden(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    tokens = segment(text)
    assert [(token.text, token.start, token.end, token.surface) for token in tokens] == expected
    for token in tokens:
        assert text[token.raw_start : token.raw_end] == token.surface


def test_both_scripts_give_the_same_boundaries(sample_article: nn.Article) -> None:
    traditional = nn.analyze(sample_article.raw)
    simplified = nn.analyze(nn.normalize(sample_article.raw, target="simplified").text)
    assert [(t.start, t.end) for t in segment(traditional)] == [(t.start, t.end) for t in segment(simplified)]


# ---------------------------------------------------------------- the sample article


@pytest.fixture(scope="module")
def sample_tokens(sample_article: nn.Article) -> tuple[nn.Token, ...]:
    return segment(sample_article)


@pytest.mark.parametrize(
    "word",
    [
        "市委书记",
        "梁伟新",
        "张永宁",
        "王世雄",
        "兰斯琦",
        "李彦",
        "市长",
        "市人大常委会",
        "市政协",
        "市委常委",
        "常务副市长",
        "党工委书记",
        "十四五",
        "2024年",
        "75周年",
        "2月",
        "18日",
    ],
)
def test_sample_keeps_titles_organs_names_and_numbers_whole(
    sample_tokens: tuple[nn.Token, ...], word: str
) -> None:
    assert word in texts_of(sample_tokens)


def test_sample_tokens_point_into_the_article(
    sample_article: nn.Article, sample_tokens: tuple[nn.Token, ...]
) -> None:
    position = 0
    for token in sample_tokens:
        assert sample_article.text[token.start : token.end] == token.text
        assert sample_article.text[position : token.start].isspace() or position == token.start
        assert sample_article.to_raw(token.start, token.end) == (token.raw_start, token.raw_end)
        assert token.surface == sample_article.original((token.start, token.end))
        position = token.end
    assert position == len(sample_article.text)
    name = next(token for token in sample_tokens if token.text == "梁伟新")
    assert sample_article.raw[name.raw_start : name.raw_end] == "梁偉新"
    built = next(token for token in sample_tokens if token.text == "建设")
    assert built.surface == "建設"  # the pinyin annotation after 設 is not part of the word


# ---------------------------------------------------------------- options


def test_pos_tags_only_when_asked() -> None:
    assert {token.pos for token in segment("市委书记梁伟新在会上强调")} == {None}
    tagged = segment("市委书记梁伟新在会上强调", pos=True)
    assert [(token.text, token.pos) for token in tagged][:3] == [
        ("市委书记", "n"),
        ("梁伟新", "nr"),
        ("在", "p"),
    ]


def test_search_mode_adds_the_words_inside_long_words() -> None:
    tokens = segment("中华人民共和国成立", mode="search")
    assert texts_of(tokens) == ["中华", "华人", "人民", "共和", "共和国", "中华人民共和国", "成立"]
    assert all(token.text == "中华人民共和国成立"[token.start : token.end] for token in tokens)


def test_words_given_to_one_call_do_not_leak_into_others() -> None:
    assert "深学争优" in texts_of(segment("全市深學爭優行動", words=["深學爭優"]))
    assert "深学争优" not in texts_of(segment("全市深學爭優行動"))
    assert "深学争优" in texts_of(Segmenter(words=("深学争优",)).segment("全市深学争优行动"))


def test_dictionary_files_add_words_with_frequency_and_tag(tmp_path: Path) -> None:
    dictionary = tmp_path / "words.txt"
    dictionary.write_text("# slogans\n敢為爭先 nz\n實干爭效 100 nz\n", encoding="utf-8")
    tokens = segment("要敢为争先、实干争效", pos=True, dictionaries=[dictionary])
    assert [(token.text, token.pos) for token in tokens if token.pos == "nz"] == [
        ("敢为争先", "nz"),
        ("实干争效", "nz"),
    ]


def test_the_news_dictionary_can_be_left_out() -> None:
    assert "常务副市长" not in texts_of(Segmenter(news_dictionary=False).segment("常务副市长李彦"))


def test_a_segmentation_that_does_not_rebuild_the_text_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    class Pair:
        def __init__(self, word: str) -> None:
            self.word, self.flag = word, "x"

    class DroppingTagger:
        def cut(self, text: str) -> list[Any]:
            return [Pair(char) for char in text[:-1]]

    # newsnlp.segment is also the name of the function the package exports: patch the module.
    module = importlib.import_module("newsnlp.segment")
    monkeypatch.setattr(module, "_pos_tokenizer", lambda words, news: DroppingTagger())
    with pytest.raises(SegmentationError, match="do not rebuild the text"):
        segment("市委书记")


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("source", "options", "error", "message"),
    [
        pytest.param(None, {}, InputError, "got None", id="none"),
        pytest.param(123, {}, InputError, "not int", id="not-text"),
        pytest.param(b"bytes", {}, InputError, "not bytes", id="bytes"),
        pytest.param("文本", {"mode": "fast"}, OptionError, "precise, search", id="unknown-mode"),
        pytest.param("文本", {"words": "深学争优"}, InputError, "not one string", id="words-as-one-string"),
        pytest.param(
            "文本",
            {"dictionaries": ["/no/such/file.txt"]},
            InputError,
            "cannot read",
            id="missing-dictionary",
        ),
    ],
)
def test_bad_input_raises_a_newsnlp_error(
    source: Any, options: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        segment(source, **options)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", [], id="empty"),
        pytest.param(" \n\t", [], id="whitespace"),
        pytest.param("Hello, world 2024", ["Hello", ",", "world", "2024"], id="no-chinese"),
    ],
)
def test_texts_without_words(text: str, expected: list[str]) -> None:
    assert texts_of(segment(text)) == expected


# ---------------------------------------------------------------- many texts, stopwords


def test_segment_many_keeps_order_across_processes() -> None:
    texts = [f"第{index}次会议强调，要深化拓展行动。" for index in range(12)]
    sequential = segment_many(texts)
    assert segment_many(texts, n_jobs=2, progress=True) == sequential
    assert sequential[3] == segment(texts[3])


def test_segment_many_rejects_zero_jobs() -> None:
    with pytest.raises(OptionError, match="n_jobs"):
        segment_many(["文本"], n_jobs=0)


def test_stopwords_in_both_scripts() -> None:
    assert {"的", "这些", "因为"} <= stopwords("simplified")
    assert {"的", "這些", "因為"} <= stopwords("traditional")
    with pytest.raises(OptionError, match="simplified, traditional"):
        stopwords("pinyin")  # type: ignore[arg-type]


def test_tokens_and_segmenters_pickle() -> None:
    tokens = segment("市委書記梁偉新")
    assert pickle.loads(pickle.dumps(tokens)) == tokens
    segmenter = Segmenter(words=("深学争优",))
    assert pickle.loads(pickle.dumps(segmenter)).segment("深学争优") == segmenter.segment("深学争优")


# ---------------------------------------------------------------- invariants

PIECES = [
    *list("市委書記书记梁偉新伟在會上会强調调，。、“”年月日"),
    "2024",
    "3.5%",
    "ICP",
    " ",
    "\n",
    "(yōu)",
    "１２",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_tokens_tile_the_normalised_text_and_map_back_in_order(text: str) -> None:
    normalized = nn.normalize(text)
    tokens = segment(text)
    position = previous_raw = 0
    for token in tokens:
        assert normalized.text[token.start : token.end] == token.text
        assert normalized.text[position : token.start].strip() == ""
        assert token.raw_start >= previous_raw
        assert 0 <= token.raw_start < token.raw_end <= len(text)
        position, previous_raw = token.end, token.raw_start
    assert normalized.text[position:].strip() == ""


def test_fast_mode_cuts_with_the_plain_model() -> None:
    # The POS model cuts 王 + 说 and tags both; the plain model joins them, unknown to the dictionary.
    assert [(t.text, t.pos) for t in segment("局长王说", pos=True)] == [
        ("局长", "n"),
        ("王", "nr"),
        ("说", "v"),
    ]
    assert [(t.text, t.pos) for t in segment("局长王说", pos=True, fast=True)] == [
        ("局长", "n"),
        ("王说", "x"),
    ]
    assert "——" in texts_of(segment("强调——要实干", fast=True))


def test_chinese_dash_and_ellipsis_are_one_token() -> None:
    assert texts_of(segment("会议强调——要……好")) == ["会议", "强调", "——", "要", "……", "好"]


@pytest.mark.parametrize("fast", [False, True], ids=["pos-model", "fast"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("市长张永宁主持", ["市长", "张永宁", "主持"], id="surname-and-given-name"),
        pytest.param(
            "政协主席兰斯琦出席", ["政协主席", "兰斯琦", "出席"], id="name-cut-inside-the-given-name"
        ),
        pytest.param("市长在会上讲话", ["市长", "在", "会上", "讲话"], id="no-surname-no-name"),
    ],
)
def test_a_name_after_a_title_is_one_word(text: str, expected: list[str], fast: bool) -> None:
    assert texts_of(segment(text, fast=fast)) == expected
