from __future__ import annotations

import pytest

from newsnlp.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "会议召开。梁伟新讲话！大家满意吗？",
            ["会议召开。", "梁伟新讲话！", "大家满意吗？"],
            id="full-width",
        ),
        pytest.param("Done! 会议召开?好", ["Done!", "会议召开?", "好"], id="ascii-marks"),
        pytest.param(
            "他说：“要实干争效。”会议结束。", ["他说：“要实干争效。”", "会议结束。"], id="closing-quote"
        ),
        pytest.param("（附图片。）下文", ["（附图片。）", "下文"], id="closing-bracket"),
        pytest.param(
            "增长3.5%，网址www.gov.cn。好", ["增长3.5%，网址www.gov.cn。", "好"], id="numbers-and-urls"
        ),
        pytest.param("这一切……令人深思。", ["这一切……", "令人深思。"], id="ellipsis"),
        pytest.param(
            "梁伟新强调——\n要以“三争”为号。", ["梁伟新强调——", "要以“三争”为号。"], id="dash-and-line"
        ),
        pytest.param("稳存量；扩增量，提质量", ["稳存量；扩增量，提质量"], id="no-end-mark"),
        pytest.param("  \n\n ", [], id="blank"),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    spans = split_sentences(text)
    assert [span.text for span in spans] == expected
    for span in spans:
        assert text[span.start : span.end] == span.text
