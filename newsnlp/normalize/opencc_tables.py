"""A faster reading of opencc-python-reimplemented's phrase-and-character conversions.

opencc-python-reimplemented converts a chunk by repeatedly taking the longest dictionary phrase
found anywhere in it (the leftmost one among equals), converting the pieces left and right of it
the same way with phrases no longer than it, and mapping whatever no phrase covers character by
character. It finds each phrase by slicing every substring of every length, which makes
Traditional text the slowest part of normalisation.

`GroupConverter` gives the same output from the same dictionaries: it finds all phrase
occurrences in one pass over a prefix set, makes the same choices among them, and maps the rest
with `str.translate`. It serves the configurations made of one phrase-then-character group
(t2s, s2t); `tests/test_opencc_tables.py` checks it against the package on random text, and
`benchmarks/bench_foundation.py` on the SIGHAN 2005 sets.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from typing import Protocol

__all__ = ["Converter", "GroupConverter", "load_group_converter"]


class Converter(Protocol):
    """Anything with OpenCC's ``convert(text) -> text``."""

    def convert(self, text: str) -> str:
        """Convert a text."""
        ...


def _table(name: str) -> dict[str, str]:
    """An OpenCC dictionary: each key with the first of its candidate values, as the package uses."""
    text = files("opencc").joinpath("dictionary").joinpath(name).read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        key, _, values = line.strip().partition("\t")
        if key and values:
            table[key] = values.split(" ")[0]
    return table


class GroupConverter:
    """Converts with one phrase dictionary and one character dictionary, as OpenCC's groups do."""

    def __init__(
        self, phrases: dict[str, str], characters: dict[str, str], separators: re.Pattern[str]
    ) -> None:
        self._phrases = phrases
        self._prefixes = {key[:end] for key in phrases for end in range(1, len(key) + 1)}
        self._longest = max(map(len, phrases), default=0)
        self._characters = str.maketrans(characters)
        self._separators = separators

    def convert(self, text: str) -> str:
        """Convert a text, chunk by chunk between separators, as the package does.

        >>> load_group_converter("t2s").convert("乾隆年間，乾淨的頭髮")
        '乾隆年间，干净的头发'
        """
        parts = self._separators.split(text)
        return "".join(part if index % 2 else self._convert_chunk(part) for index, part in enumerate(parts))

    def _convert_chunk(self, chunk: str) -> str:
        occurrences = []
        for start in range(len(chunk)):
            end = start + 1
            while end <= len(chunk) and chunk[start:end] in self._prefixes:
                if chunk[start:end] in self._phrases:
                    occurrences.append((start, end - start))
                end += 1
        pieces: list[str] = []

        def assemble(start: int, end: int, limit: int) -> None:
            """Convert ``chunk[start:end]`` with phrases of at most ``limit`` characters."""
            inside = [
                (length, -position)
                for position, length in occurrences
                if start <= position and position + length <= end and length <= limit
            ]
            if not inside:
                pieces.append(chunk[start:end].translate(self._characters))
                return
            length, position = max(inside)  # the longest, and the leftmost among equals
            position = -position
            assemble(start, position, length)
            pieces.append(self._phrases[chunk[position : position + length]])
            assemble(position + length, end, length)

        assemble(0, len(chunk), self._longest)
        return "".join(pieces)


def load_group_converter(config: str) -> GroupConverter | None:
    """The fast converter for an OpenCC configuration made of one phrase-then-character group.

    Returns None for the other configurations (variants and multi-step chains), which the
    package's own converter handles.
    """
    from opencc import OpenCC  # noqa: PLC0415 - only for its separator pattern

    settings = json.loads(files("opencc").joinpath("config").joinpath(f"{config}.json").read_text("utf-8"))
    chain = settings.get("conversion_chain", [])
    if len(chain) != 1 or chain[0]["dict"].get("type") != "group":
        return None
    dictionaries = chain[0]["dict"]["dicts"]
    if len(dictionaries) != 2 or any(entry.get("type") != "txt" for entry in dictionaries):
        return None
    phrases, characters = (_table(entry["file"]) for entry in dictionaries)
    if any(len(key) != 1 for key in characters):
        return None
    separators: re.Pattern[str] = OpenCC().split_chars_re
    return GroupConverter(phrases, characters, separators)
