"""Offset maps: where each piece of a transformed text came from in the original.

Every normalisation step turns a text into a new text and an `OffsetMap` from the new text back
to the old one; maps compose, so a span found in the fully normalised text can always be traced
to the exact characters of the original input.

A map is a run-length list of segments rather than one entry per character, so a 10 MB page
that needs almost no changes costs a handful of segments. A segment is *linear* when its text
and raw ranges have the same length and correspond character by character (a copy, a width
fold, a same-length script conversion); otherwise it is *atomic*: every part of its text maps
to its whole raw range (an HTML entity, a collapsed run of spaces, an inserted line break).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

__all__ = ["OffsetMap", "OffsetMapBuilder", "substitute"]

# (text_start, text_end, raw_start, raw_end, linear)
Segment = tuple[int, int, int, int, bool]


@dataclass(frozen=True)
class OffsetMap:
    """Maps spans of a transformed text to spans of the text it was made from.

    Segments cover ``[0, text_length)`` without gaps, in order; their raw ranges never go
    backwards. Raw characters covered by no segment were deleted by the step.

    >>> text, offsets = OffsetMapBuilder("a&amp;b").copy(0, 1).replace(1, 6, "&").copy(6, 7).build()
    >>> text, offsets.to_raw(1, 2), offsets.to_raw(0, 3)
    ('a&b', (1, 6), (0, 7))
    """

    segments: tuple[Segment, ...]
    text_length: int
    raw_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a step that changed nothing.

        >>> OffsetMap.identity(3).to_raw(1, 2)
        (1, 2)
        """
        segments = ((0, length, 0, length, True),) if length else ()
        return cls(segments, length, length)

    @property
    def is_identity(self) -> bool:
        """True when every character maps to the same position in the original."""
        if self.text_length != self.raw_length:
            return False
        return all(linear and t0 == r0 for t0, _, r0, _, linear in self.segments)

    @cached_property
    def _text_starts(self) -> list[int]:
        return [segment[0] for segment in self.segments]

    def _segment_at(self, index: int) -> Segment:
        return self.segments[bisect_right(self._text_starts, index) - 1]

    def _raw_start(self, index: int) -> int:
        """Raw position where the character at ``index`` (or the end of text) begins."""
        if index == self.text_length:
            return self.segments[-1][3] if self.segments else 0
        t0, _, r0, _, linear = self._segment_at(index)
        return r0 + (index - t0) if linear else r0

    def _raw_end(self, index: int) -> int:
        """Raw position where the character before ``index`` ends."""
        t0, _, r0, r1, linear = self._segment_at(index - 1)
        return r0 + (index - t0) if linear else r1

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the original text that produced ``text[start:end]``.

        An empty span maps to an empty span at the matching position.

        >>> OffsetMap.identity(5).to_raw(2, 4)
        (2, 4)
        """
        if not 0 <= start <= end <= self.text_length:
            message = f"span [{start}, {end}) is outside the text [0, {self.text_length})"
            raise IndexError(message)
        raw_start = self._raw_start(start)
        if start == end:
            return raw_start, raw_start
        return raw_start, self._raw_end(end)

    def to_raw_many(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """`to_raw` for many spans at once, in any order (vectorised: segmentation maps every word).

        >>> OffsetMap.identity(5).to_raw_many([(0, 2), (2, 2), (3, 5)])
        [(0, 2), (2, 2), (3, 5)]
        """
        import numpy as np  # noqa: PLC0415 - numpy comes with scikit-learn; imported when first needed

        pairs = list(spans)
        if not pairs:
            return []
        array = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        starts, ends = array[:, 0], array[:, 1]
        outside = (starts < 0) | (starts > ends) | (ends > self.text_length)
        if outside.any():
            start, end = pairs[int(np.argmax(outside))]
            message = f"span [{start}, {end}) is outside the text [0, {self.text_length})"
            raise IndexError(message)
        if not self.segments:  # an empty text: every span is (0, 0)
            return [(0, 0)] * len(pairs)
        table = np.asarray(self.segments, dtype=np.int64)  # t0, t1, r0, r1, linear
        first = np.searchsorted(table[:, 0], np.minimum(starts, self.text_length - 1), side="right") - 1
        t0, r0, linear = table[first, 0], table[first, 2], table[first, 4].astype(bool)
        raw_starts = np.where(linear, r0 + (starts - t0), r0)
        raw_starts = np.where(starts == self.text_length, self.segments[-1][3], raw_starts)
        last = np.searchsorted(table[:, 0], np.maximum(ends - 1, 0), side="right") - 1
        t0, r0, r1, linear = table[last, 0], table[last, 2], table[last, 3], table[last, 4].astype(bool)
        raw_ends = np.where(starts == ends, raw_starts, np.where(linear, r0 + (ends - t0), r1))
        return list(zip(raw_starts.tolist(), raw_ends.tolist(), strict=True))

    def followed_by(self, step: OffsetMap) -> OffsetMap:
        """Compose: ``self`` maps text1 to raw, ``step`` maps text2 to text1; map text2 to raw.

        >>> first = OffsetMapBuilder("a  b").copy(0, 1).replace(1, 3, " ").copy(3, 4).build()[1]
        >>> second = OffsetMapBuilder("a b").copy(0, 1).replace(1, 2, "").copy(2, 3).build()[1]
        >>> first.followed_by(second).to_raw(0, 2)
        (0, 4)
        """
        if step.raw_length != self.text_length:
            message = (
                f"cannot compose: the step reads a text of {step.raw_length} characters "
                f"but this map produces {self.text_length}"
            )
            raise ValueError(message)
        builder = _SegmentList()
        starts = self._text_starts
        for t0, t1, a0, a1, linear in step.segments:
            if not linear or a0 == a1:
                builder.add(t0, t1, *self.to_raw(a0, a1), linear=False)
                continue
            index = bisect_right(starts, a0) - 1
            while index < len(self.segments) and self.segments[index][0] < a1:
                o_t0, o_t1, o_r0, o_r1, o_linear = self.segments[index]
                p0, p1 = max(a0, o_t0), min(a1, o_t1)
                out0, out1 = t0 + (p0 - a0), t0 + (p1 - a0)
                if o_linear:
                    builder.add(out0, out1, o_r0 + (p0 - o_t0), o_r0 + (p1 - o_t0), linear=True)
                else:
                    builder.add(out0, out1, o_r0, o_r1, linear=False)
                index += 1
        return OffsetMap(tuple(builder.segments), step.text_length, self.raw_length)


class _SegmentList:
    """Collects segments in order, merging neighbouring linear ones."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []

    def add(self, t0: int, t1: int, r0: int, r1: int, *, linear: bool) -> None:
        if t0 == t1:
            return
        if linear and self.segments:
            p_t0, p_t1, p_r0, p_r1, p_linear = self.segments[-1]
            if p_linear and p_t1 == t0 and p_r1 == r0:
                self.segments[-1] = (p_t0, t1, p_r0, r1, True)
                return
        self.segments.append((t0, t1, r0, r1, linear))


class OffsetMapBuilder:
    """Builds a new text from pieces of a source text, recording where each piece came from.

    Calls must move forward through the source; whatever is skipped is a deletion.

    >>> OffsetMapBuilder("ab").replace(0, 1, "A").copy(1, 2).build()[0]
    'Ab'
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self._pieces: list[str] = []
        self._segments = _SegmentList()
        self._text_length = 0
        self._raw_position = 0

    def _advance(self, raw_start: int, raw_end: int) -> None:
        if not self._raw_position <= raw_start <= raw_end <= len(self._source):
            message = f"piece [{raw_start}, {raw_end}) goes backwards or past the source"
            raise ValueError(message)
        self._raw_position = raw_end

    def copy(self, raw_start: int, raw_end: int) -> OffsetMapBuilder:
        """Append ``source[raw_start:raw_end]`` unchanged."""
        self._advance(raw_start, raw_end)
        self._append(self._source[raw_start:raw_end], raw_start, raw_end, linear=True)
        return self

    def replace(self, raw_start: int, raw_end: int, text: str) -> OffsetMapBuilder:
        """Append ``text`` in place of ``source[raw_start:raw_end]`` (empty text deletes)."""
        self._advance(raw_start, raw_end)
        same_length = len(text) == raw_end - raw_start
        self._append(text, raw_start, raw_end, linear=same_length)
        return self

    def _append(self, text: str, raw_start: int, raw_end: int, *, linear: bool) -> None:
        if not text:
            return
        end = self._text_length + len(text)
        self._segments.add(self._text_length, end, raw_start, raw_end, linear=linear)
        self._pieces.append(text)
        self._text_length = end

    def build(self) -> tuple[str, OffsetMap]:
        """Return the new text and its map back to the source."""
        offsets = OffsetMap(tuple(self._segments.segments), self._text_length, len(self._source))
        return "".join(self._pieces), offsets


def substitute(
    text: str, pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str]
) -> tuple[str, OffsetMap]:
    """Replace every match of ``pattern`` by ``replacement(match)``, recording offsets.

    Matches whose replacement equals the matched text are kept as copies, so a text with
    nothing to change maps by identity.

    >>> text, offsets = substitute("a  b", re.compile(r" +"), lambda match: " ")
    >>> text, offsets.to_raw(1, 2)
    ('a b', (1, 3))
    """
    builder = OffsetMapBuilder(text)
    position = 0
    for match in pattern.finditer(text):
        new = replacement(match)
        if new == match.group():
            continue
        builder.copy(position, match.start()).replace(match.start(), match.end(), new)
        position = match.end()
    builder.copy(position, len(text))
    return builder.build()
