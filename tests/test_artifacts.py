from __future__ import annotations

import pytest

from newsnlp.normalize.artifacts import is_pinyin_annotation, remove_invisible, repair_artifacts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("深學爭優(yōu)", "深學爭優", id="one-syllable"),
        pytest.param("建設(shè)", "建設", id="zh-sh-initial"),
        pytest.param("縣(市、區(qū))", "縣(市、區)", id="nested-in-real-parenthetical"),
        pytest.param("總結(jié)部署", "總結部署", id="ie-final"),
        pytest.param("優（yōu）秀", "優秀", id="full-width-parentheses"),
        pytest.param("優(you1)秀", "優秀", id="tone-digit"),
        pytest.param("優秀(yōu xiù)", "優秀", id="two-syllables-spaced"),
        pytest.param("優秀(yōuxiù)", "優秀", id="two-syllables-joined"),
        pytest.param("我們(wǒ men)", "我們", id="neutral-tone-with-a-toned-one"),
        pytest.param("穩(wěn)存量、擴增量", "穩存量、擴增量", id="u-breve"),
        pytest.param("綠(lǜ)色", "綠色", id="u-umlaut"),
        pytest.param("縣(市、區)", "縣(市、區)", id="real-parenthetical"),
        pytest.param("(記者 張三)", "(記者 張三)", id="byline"),
        pytest.param("人工智能(AI)", "人工智能(AI)", id="acronym"),
        pytest.param("（附图片１张）", "（附图片１张）", id="full-width-note"),
        pytest.param("咖啡(café)", "咖啡(café)", id="latin-word-with-accent"),
        pytest.param("廈門(xiamen)", "廈門(xiamen)", id="untoned-place-name"),
        pytest.param("a(yōu)", "a(yōu)", id="not-after-a-chinese-character"),
        pytest.param("版本(v2)", "版本(v2)", id="version-number"),
    ],
)
def test_repair_artifacts(text: str, expected: str) -> None:
    assert repair_artifacts(text)[0] == expected


def test_repair_maps_kept_characters_to_their_place() -> None:
    text, offsets = repair_artifacts("爭優(yōu)、敢為")
    assert text == "爭優、敢為"
    assert offsets.to_raw(2, 3) == (7, 8)


def test_is_pinyin_annotation_needs_a_tone() -> None:
    assert is_pinyin_annotation("zhàn")
    assert not is_pinyin_annotation("men")
    assert not is_pinyin_annotation("")


def test_remove_invisible_keeps_line_breaks_and_tabs() -> None:
    text, offsets = remove_invisible("新\u200b聞\ufeff\n第\t二\x07")
    assert text == "新聞\n第\t二"
    assert offsets.to_raw(1, 2) == (2, 3)
