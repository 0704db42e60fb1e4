"""Checks of the offset-map invariants in ../shared/DESIGN.md, shared by the test modules."""

from __future__ import annotations

import html
import re

from newsnlp.normalize import converter
from newsnlp.offsets import OffsetMap

IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def check_map(offsets: OffsetMap) -> None:
    """Segments tile the text, raw ranges never go backwards and stay inside the raw text."""
    position = 0
    last_start = last_end = 0
    for t0, t1, r0, r1, linear in offsets.segments:
        assert t0 == position
        assert t1 > t0
        assert 0 <= r0 <= r1 <= offsets.raw_length
        assert r0 >= last_start
        assert r1 >= last_end
        if linear:
            assert t1 - t0 == r1 - r0
        position, last_start, last_end = t1, r0, r1
    assert position == offsets.text_length


def check_traceable(raw: str, text: str, offsets: OffsetMap) -> None:
    """Every character of ``text`` comes from a place in ``raw`` that holds it (or its other script)."""
    check_map(offsets)
    assert offsets.raw_length == len(raw)
    assert offsets.text_length == len(text)
    previous = 0
    for index, char in enumerate(text):
        start, end = offsets.to_raw(index, index + 1)
        assert start >= previous
        previous = start
        if char == "\n":
            continue  # a paragraph break may be inserted between two lines
        assert end > start, f"{char!r} at {index} maps to nothing"
        if IDEOGRAPH.match(char):
            source = html.unescape(raw[start:end])
            variants = (
                source,
                converter("simplified").convert(source),
                converter("traditional").convert(source),
            )
            assert any(char in variant for variant in variants), f"{char!r} does not come from {source!r}"
