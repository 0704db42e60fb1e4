from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsnlp.offsets import OffsetMap, OffsetMapBuilder, substitute
from tests.invariants import check_map


def test_identity_maps_every_span_to_itself() -> None:
    offsets = OffsetMap.identity(10)
    assert offsets.is_identity
    assert [offsets.to_raw(i, j) for i, j in [(0, 0), (0, 10), (3, 7), (10, 10)]] == [
        (0, 0),
        (0, 10),
        (3, 7),
        (10, 10),
    ]


def test_builder_records_copies_replacements_deletions_and_insertions() -> None:
    source = "ab&amp;cd  ef"
    builder = OffsetMapBuilder(source).copy(0, 2).replace(2, 7, "&").copy(7, 9)
    text, offsets = builder.replace(9, 11, "").replace(11, 11, "\n").copy(11, 13).build()
    assert text == "ab&cd\nef"
    check_map(offsets)
    assert offsets.to_raw(2, 3) == (2, 7)
    assert offsets.to_raw(3, 5) == (7, 9)
    assert offsets.to_raw(5, 6) == (11, 11)  # the inserted line break is an empty raw span
    assert offsets.to_raw(6, 8) == (11, 13)
    assert offsets.to_raw(0, 8) == (0, 13)


def test_builder_refuses_to_go_backwards() -> None:
    builder = OffsetMapBuilder("abc").copy(0, 2)
    with pytest.raises(ValueError, match="backwards"):
        builder.copy(1, 3)


def test_to_raw_rejects_spans_outside_the_text() -> None:
    with pytest.raises(IndexError, match="outside the text"):
        OffsetMap.identity(3).to_raw(2, 4)
    with pytest.raises(IndexError):
        OffsetMap.identity(3).to_raw(2, 1)


def test_composition_refuses_maps_that_do_not_chain() -> None:
    with pytest.raises(ValueError, match="cannot compose"):
        OffsetMap.identity(3).followed_by(OffsetMap.identity(4))


def test_maps_pickle() -> None:
    _, offsets = substitute("a  b", re.compile(" +"), lambda match: " ")
    assert pickle.loads(pickle.dumps(offsets)) == offsets


_STEPS = [
    (re.compile(" +"), lambda match: " "),
    (re.compile("x"), lambda match: ""),
    (re.compile("y"), lambda match: "YYY"),
    (re.compile("zz"), lambda match: "Z"),
    (re.compile("a"), lambda match: "A"),
]


def apply_steps(text: str, steps: list[int]) -> tuple[str, OffsetMap]:
    """Run the chosen test steps on ``text`` and compose their maps."""
    offsets = OffsetMap.identity(len(text))
    for index in steps:
        pattern, replacement = _STEPS[index]
        text, step = substitute(text, pattern, replacement)
        offsets = offsets.followed_by(step)
    return text, offsets


@given(st.text(alphabet="ab xyz", max_size=40), st.lists(st.integers(0, len(_STEPS) - 1), max_size=4))
def test_composed_maps_keep_the_invariants(text: str, steps: list[int]) -> None:
    current, offsets = apply_steps(text, steps)
    check_map(offsets)
    assert offsets.text_length == len(current)
    assert offsets.raw_length == len(text)
    previous_start = 0
    for start in range(len(current) + 1):
        raw_start, raw_end = offsets.to_raw(start, start)
        assert raw_start == raw_end
        assert raw_start >= previous_start  # monotone in the start
        previous_start = raw_start
        previous_end = raw_start
        for end in range(start + 1, len(current) + 1):
            span_start, span_end = offsets.to_raw(start, end)
            assert span_start == raw_start
            assert 0 <= span_start <= span_end <= len(text)
            assert span_end >= previous_end  # monotone in the end
            previous_end = span_end
    # Characters the steps never touched map back to themselves.
    for index, char in enumerate(current):
        raw_start, raw_end = offsets.to_raw(index, index + 1)
        if char == "b":
            assert text[raw_start:raw_end] == "b"


@given(
    st.text(alphabet="ab xyz", max_size=30),
    st.lists(st.integers(0, len(_STEPS) - 1), max_size=4),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=20),
)
def test_to_raw_many_agrees_with_to_raw(text: str, steps: list[int], pairs: list[tuple[int, int]]) -> None:
    current, offsets = apply_steps(text, steps)
    spans = [(min(a, b), max(a, b)) for a, b in pairs if max(a, b) <= len(current)]
    assert offsets.to_raw_many(spans) == [offsets.to_raw(start, end) for start, end in spans]
    assert offsets.to_raw_many(sorted(spans)) == [offsets.to_raw(start, end) for start, end in sorted(spans)]


def test_to_raw_many_rejects_spans_outside_the_text() -> None:
    with pytest.raises(IndexError, match="outside the text"):
        OffsetMap.identity(3).to_raw_many([(0, 1), (2, 4)])
