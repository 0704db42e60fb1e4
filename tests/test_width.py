from __future__ import annotations

import pytest

from newsnlp.normalize.width import collapse_whitespace, fold_punctuation, fold_width


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("１９９８年", "1998年", id="digits"),
        pytest.param("ＡＩ技术", "AI技术", id="letters"),
        pytest.param("新\u3000闻", "新 闻", id="ideographic-space"),
        pytest.param("（附图片１张）", "(附图片1张)", id="parentheses"),
        pytest.param("好，是！对？是：是；", "好，是！对？是：是；", id="sentence-punctuation-stays"),
        pytest.param("ｈｔｔｐ：／／", "http：//", id="colon-stays-full-width"),
        pytest.param("半角｡句号､顿号", "半角。句号、顿号", id="half-width-cjk"),
    ],
)
def test_fold_width(text: str, expected: str) -> None:
    folded, offsets = fold_width(text)
    assert folded == expected
    assert offsets.text_length == offsets.raw_length == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2月18日,春节", "2月18日，春节", id="comma-between-chinese"),
        pytest.param("强调,2024年", "强调，2024年", id="comma-before-digit"),
        pytest.param("来源:闽东日报", "来源：闽东日报", id="colon"),
        pytest.param("真的?是!", "真的？是！", id="question-exclamation"),
        pytest.param("要求;还要", "要求；还要", id="semicolon"),
        pytest.param("15:57", "15:57", id="time-stays"),
        pytest.param("3,000元", "3,000元", id="thousands-separator-stays"),
        pytest.param("see: http://x.cn", "see: http://x.cn", id="latin-context-stays"),
        pytest.param("强调, 全市", "强调， 全市", id="space-after-comma"),
        pytest.param("「深学争优」『三争』", "“深学争优”‘三争’", id="corner-quotes"),
        pytest.param("甲﹐乙﹑丙", "甲，乙、丙", id="small-forms"),
    ],
)
def test_fold_punctuation(text: str, expected: str) -> None:
    assert fold_punctuation(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("第一段\r\n\r\n第二段", "第一段\n第二段", id="paragraphs"),
        pytest.param("  前后  ", "前后", id="ends"),
        pytest.param("新\t\u00a0闻", "新 闻", id="tabs-and-no-break-spaces"),
        pytest.param("a \n b", "a\nb", id="spaces-around-line-break"),
        pytest.param("", "", id="empty"),
    ],
)
def test_collapse_whitespace(text: str, expected: str) -> None:
    assert collapse_whitespace(text)[0] == expected


def test_collapsed_run_maps_to_the_whole_run() -> None:
    text, offsets = collapse_whitespace("甲  \n 乙")
    assert text == "甲\n乙"
    assert offsets.to_raw(1, 2) == (1, 5)
    assert offsets.to_raw(2, 3) == (5, 6)
