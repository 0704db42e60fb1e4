from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsnlp as nn
from newsnlp.errors import InputError, OptionError
from tests.invariants import check_traceable

TRADITIONAL = list("寧德網新聞頻道書記會議強調爭優實幹縣區發展項目")
SIMPLIFIED = list("宁德网新闻频道书记会议强调争优实干县区发展项目")
SHARED = list("中文市委人大上下年月日")
ASCII = list("AIab09 .-/%")
FULL_WIDTH = list("１２３ＡＢ　")
PUNCTUATION = list(",.:;?!，。、；：？！“”「」『』（）()《》—…﹐")
WHITESPACE = [" ", "  ", "\t", "\n", "\r\n", "\n\n", "\u00a0", "\u3000"]
INVISIBLE = ["\u200b", "\ufeff", "\x07"]
ENTITIES = ["&amp;", "&#20013;", "&nbsp;", "&lt;"]
PINYIN = ["(yōu)", "（shè）", "(qū)", "(zhàn)", "(you1)", "(yōu xiù)"]
REAL_PARENTHETICALS = ["(市、區)", "(記者 張三)", "(AI)", "（附图片１张）"]

PIECES = (
    TRADITIONAL + SIMPLIFIED + SHARED + ASCII + FULL_WIDTH + PUNCTUATION + WHITESPACE + INVISIBLE + ENTITIES
)
texts = st.lists(st.sampled_from(PIECES + PINYIN + REAL_PARENTHETICALS), max_size=60).map("".join)


@given(texts)
def test_every_normalised_character_traces_back_to_the_original(text: str) -> None:
    result = nn.normalize(text)
    check_traceable(text, result.text, result.offsets)


@given(texts)
def test_spans_map_monotonically_inside_the_original(text: str) -> None:
    result = nn.normalize(text, target="original")
    length = len(result.text)
    spans = [(start, end) for start in range(0, length + 1, 3) for end in range(start, length + 1, 4)]
    for start, end in spans:
        raw_start, raw_end = result.offsets.to_raw(start, end)
        assert 0 <= raw_start <= raw_end <= len(text)
    starts = [result.offsets.to_raw(index, index)[0] for index in range(length + 1)]
    assert starts == sorted(starts)


# Text already in canonical form: Simplified or shared characters, half-width ASCII, canonical
# punctuation, single spaces between visible characters.
canonical_pieces = SIMPLIFIED + SHARED + list("AIab09.-/%") + list("，。、；：？！“”《》")
canonical_texts = st.lists(
    st.lists(st.sampled_from(canonical_pieces), min_size=1, max_size=8).map("".join), max_size=6
).map(" ".join)


@given(canonical_texts)
def test_text_that_needs_no_normalisation_maps_by_identity(text: str) -> None:
    result = nn.normalize(text)
    assert result.text == text
    assert result.offsets.is_identity


chinese_words = st.lists(st.sampled_from(TRADITIONAL + SHARED), min_size=1, max_size=6).map("".join)


@given(st.lists(st.tuples(chinese_words, st.sampled_from(["", *PINYIN])), min_size=1, max_size=10))
def test_pinyin_annotations_after_chinese_characters_are_all_removed(
    pieces: list[tuple[str, str]],
) -> None:
    annotated = "".join(word + annotation for word, annotation in pieces)
    clean = "".join(word for word, _ in pieces)
    assert nn.normalize(annotated, target="original").text == clean


@given(st.lists(st.tuples(chinese_words, st.sampled_from(REAL_PARENTHETICALS)), min_size=1, max_size=5))
def test_real_parentheticals_are_never_removed(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + note for word, note in pieces)
    expected = nn.normalize(text, target="original").text
    for _, note in pieces:
        assert nn.normalize(note, target="original").text in expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        pytest.param(
            "寧德網：深學爭優(yōu)，１９９８年", "simplified", "宁德网：深学争优，1998年", id="sample-line"
        ),
        pytest.param("宁德网 2月18日,春节", "traditional", "寧德網 2月18日，春節", id="to-traditional"),
        pytest.param("寧德網&amp;新聞", "original", "寧德網&新聞", id="keep-script"),
        pytest.param("  \u200b市委\u3000書記  ", "simplified", "市委 书记", id="spaces-and-invisible"),
        pytest.param("Hello,  world", "simplified", "Hello, world", id="no-chinese"),
        pytest.param("", "simplified", "", id="empty"),
    ],
)
def test_normalize(text: str, target: str, expected: str) -> None:
    assert nn.normalize(text, target=target).text == expected  # type: ignore[arg-type]


def test_normalize_reports_the_input_script() -> None:
    result = nn.normalize("寧德網新聞")
    assert (result.script, result.traditional_ratio) == ("traditional", 1.0)


def test_normalize_refuses_what_is_not_text() -> None:
    with pytest.raises(InputError, match="takes a str"):
        nn.normalize(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="takes a str, not NoneType"):
        nn.normalize(None)  # type: ignore[arg-type]


def test_normalize_refuses_an_unknown_variant_even_without_chinese() -> None:
    with pytest.raises(OptionError, match="unknown variant 'cantonese'"):
        nn.normalize("abc", variant="cantonese")  # type: ignore[arg-type]
