from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from newsnlp.normalize.opencc_tables import GroupConverter, load_group_converter
from newsnlp.normalize.script import converter

CHARACTERS = "乾干後后髮發頭面麵裏裡著着於于了瞭寧德網宁德网，。、 “”ab12"


@cache
def fast(config: str) -> GroupConverter:
    table = load_group_converter(config)
    assert table is not None
    return table


@cache
def reference(config: str) -> OpenCC:
    return OpenCC(config)


@cache
def pieces(config: str) -> list[str]:
    # A spread of the dictionary's phrases, so that phrases overlap and nest in the drawn text.
    return [*sorted(fast(config)._phrases)[::97], *CHARACTERS, "乾隆", "頭髮"]


@pytest.mark.parametrize("config", ["t2s", "s2t"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_group_converter_gives_the_packages_output(config: str, data: st.DataObject) -> None:
    text = "".join(data.draw(st.lists(st.sampled_from(pieces(config)), max_size=25)))
    assert fast(config).convert(text) == reference(config).convert(text)


@pytest.mark.parametrize("config", ["tw2s", "s2twp", "hk2s"])
def test_other_configurations_use_the_package(config: str) -> None:
    assert load_group_converter(config) is None


def test_generic_converters_are_the_fast_ones() -> None:
    assert isinstance(converter("simplified"), GroupConverter)
    assert isinstance(converter("traditional", "taiwan"), OpenCC)
