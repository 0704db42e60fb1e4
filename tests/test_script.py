from __future__ import annotations

import pytest

from newsnlp.errors import OptionError
from newsnlp.normalize.script import convert_script, converter, detect_script, needs_conversion


@pytest.mark.parametrize(
    ("text", "script"),
    [
        pytest.param("寧德網新聞頻道", "traditional", id="traditional"),
        pytest.param("宁德网新闻频道", "simplified", id="simplified"),
        pytest.param("寧德網新聞 宁德网新闻", "mixed", id="mixed"),
        pytest.param("Hello, world 2024", "none", id="no-chinese"),
        pytest.param("", "none", id="empty"),
        pytest.param("中文", "simplified", id="shared-characters-only"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text).script == script


def test_detect_script_reports_its_evidence() -> None:
    guess = detect_script("寧德網 宁")  # 德 is the same in both scripts
    assert guess.evidence == 3
    assert guess.traditional_ratio == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("text", "target", "variant", "expected"),
    [
        pytest.param("寧德網", "simplified", "generic", "宁德网", id="t2s"),
        pytest.param("宁德网", "traditional", "generic", "寧德網", id="s2t"),
        pytest.param("软件", "traditional", "taiwan-phrases", "軟體", id="s2twp"),
        pytest.param("軟體", "simplified", "taiwan-phrases", "软件", id="tw2sp"),
        pytest.param("着", "traditional", "taiwan", "著", id="s2tw"),
        pytest.param("裏", "simplified", "hongkong", "里", id="hk2s"),
    ],
)
def test_convert_script(text: str, target: str, variant: str, expected: str) -> None:
    assert convert_script(text, target=target, variant=variant)[0] == expected  # type: ignore[arg-type]


def test_unknown_variant_names_the_valid_ones() -> None:
    with pytest.raises(OptionError, match="generic, taiwan, taiwan-phrases, hongkong"):
        converter("simplified", "macau")  # type: ignore[arg-type]
    with pytest.raises(OptionError, match="simplified, traditional"):
        converter("pinyin")  # type: ignore[arg-type]


def test_converters_are_built_once_per_process() -> None:
    assert converter("simplified", "taiwan") is converter("simplified", "taiwan")


def test_conversion_keeps_offsets_exact() -> None:
    text, offsets = convert_script("2024年 寧德網，新聞")
    assert text == "2024年 宁德网，新闻"
    assert offsets.to_raw(6, 9) == (6, 9)


def test_selective_conversion_leaves_runs_without_source_characters_alone() -> None:
    # 乾 is written in both scripts: converted inside a Traditional run, kept in a Simplified one.
    assert convert_script("副委員長王丙乾", selective=True)[0] == "副委员长王丙干"
    assert convert_script("副委员长王丙乾", selective=True)[0] == "副委员长王丙乾"
    assert convert_script("由於", selective=True)[0] == "由於"
    assert convert_script("由於")[0] == "由于"


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        pytest.param("寧德網", "simplified", (True, False), id="traditional-to-simplified"),
        pytest.param("寧德網 宁德网", "simplified", (True, False), id="mixed"),
        pytest.param("宁德网新闻频道的讀者", "simplified", (True, True), id="stray-traditional"),
        pytest.param("宁德网", "simplified", (False, False), id="already-simplified"),
        pytest.param("中文", "simplified", (False, False), id="shared-only"),
        pytest.param("宁德网", "traditional", (True, False), id="simplified-to-traditional"),
    ],
)
def test_needs_conversion(text: str, target: str, expected: tuple[bool, bool]) -> None:
    assert needs_conversion(detect_script(text), target) == expected  # type: ignore[arg-type]
