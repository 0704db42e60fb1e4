"""Sentence splitting for Chinese news text, by exact offsets.

A sentence ends after 。！？ (full- or half-width, ``!`` and ``?``), after an ellipsis (…… or …)
and at a line break; the closing quotation marks and brackets
right after the end mark belong to the sentence (他说：“好。”). A semicolon, a comma or a dash
(——) does not end a sentence. An ASCII full stop ends one only after a Chinese character, so
3.5% and www.gov.cn stay whole.
"""

from __future__ import annotations

import re

from newsnlp.model import Span
from newsnlp.normalize.script import IDEOGRAPH_CLASS

__all__ = ["split_sentences"]

_END = re.compile(f"(?:[。！？!?]+|…+|(?<=[{IDEOGRAPH_CLASS}])\\.(?![0-9A-Za-z]))[”’」』)）\\]】》]*")


def split_sentences(text: str) -> tuple[Span, ...]:
    r"""The sentences of a text as spans, without the whitespace around them.

    >>> [span.text for span in split_sentences("他说：“好。”会议结束！增长3.5%……\n梁伟新强调——")]
    ['他说：“好。”', '会议结束！', '增长3.5%……', '梁伟新强调——']
    """
    spans: list[Span] = []
    position = 0
    for line in text.split("\n"):
        start = 0
        for match in _END.finditer(line):
            _add(spans, line, start, match.end(), position)
            start = match.end()
        _add(spans, line, start, len(line), position)
        position += len(line) + 1
    return tuple(spans)


def _add(spans: list[Span], line: str, start: int, end: int, offset: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        begin = start + len(piece) - len(piece.lstrip())
        spans.append(Span(offset + begin, offset + begin + len(stripped), stripped))
