"""jieba's plain cut through rjieba (jieba in Rust), token for token.

rjieba uses jieba's dictionary and algorithms and is several times faster, but it reads a wider
range of characters as Chinese and keeps some Latin and digit runs whole (``0.5mg``, ``6-1``) that
jieba splits. This module hands rjieba only the blocks jieba itself would cut with its dictionary,
treats everything between them as jieba does, and splits the Latin runs as jieba's HMM step does.
The result was checked identical to ``jieba.Tokenizer.cut`` on the four SIGHAN 2005 test sets and
People's Daily text, news dictionary and user words included (BENCHMARKS.md); the tests compare
the two on texts of their own.

rjieba is optional (``pip install 'newsnlp[fast]'``) and only serves ``Segmenter(fast=True)``: it
has no equivalent of jieba's part-of-speech HMM, which the default mode uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from types import ModuleType
from typing import Any

__all__ = ["available", "cut"]

UserWord = tuple[str, int | None, str | None]  # word, frequency, part-of-speech tag

# jieba 0.42.1's own patterns (jieba/__init__.py and jieba/finalseg/__init__.py).
_DICTIONARY_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_WHITESPACE = re.compile(r"(\r\n|\s)")
_HAN = re.compile("[\u4e00-\u9fd5]")
_LATIN_RUN = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


@cache
def _rjieba() -> ModuleType | None:
    try:
        import rjieba  # noqa: PLC0415 - optional, and slow to load
    except ImportError:
        return None
    return rjieba


def available() -> bool:
    """Whether rjieba is installed."""
    return _rjieba() is not None


@lru_cache(maxsize=16)
def _tokenizer(words: tuple[UserWord, ...]) -> Any:
    """An rjieba tokenizer with jieba's dictionary plus ``words``, added in order as jieba adds them."""
    module = _rjieba()
    assert module is not None, "callers check available() first"
    tokenizer = module.Jieba()
    for word, frequency, _ in words:
        tokenizer.add_word(word, frequency, None)
    return tokenizer


def cut(text: str, words: tuple[UserWord, ...], frequencies: dict[str, int]) -> list[str]:
    """Cut ``text`` as ``jieba.Tokenizer.cut`` does with the same ``words`` added.

    ``frequencies`` is that jieba tokenizer's ``FREQ`` table: a Latin run that is not a word in it
    is split the way jieba's HMM step splits it.
    """
    tokenizer = _tokenizer(words)
    pieces: list[str] = []
    for block in _DICTIONARY_BLOCK.split(text):
        if not block:
            continue
        if _DICTIONARY_BLOCK.fullmatch(block):
            pieces.extend(_jieba_latin_runs(tokenizer.cut(block), frequencies))
        else:
            pieces.extend(_outside_blocks(block))
    return pieces


def _jieba_latin_runs(words: list[str], frequencies: dict[str, int]) -> Iterator[str]:
    for word in words:
        if len(word) > 1 and not frequencies.get(word) and not _HAN.search(word):
            yield from (piece for piece in _LATIN_RUN.split(word) if piece)
        else:
            yield word


def _outside_blocks(block: str) -> Iterator[str]:
    """Whitespace runs stay whole; every other character is a word of its own, as in jieba."""
    for piece in _WHITESPACE.split(block):
        if not piece:
            continue
        if _WHITESPACE.fullmatch(piece):
            yield piece
        else:
            yield from piece
