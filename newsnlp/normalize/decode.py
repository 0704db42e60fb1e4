"""Bytes to text: UTF-8, GB18030 (GB2312/GBK) and Big5, detected and recorded.

Order of trust: a byte-order mark, then strict UTF-8, then the charset the page declares, then
whichever of GB18030 and Big5-HKSCS decodes strictly into the more common Chinese characters.
Bytes with NUL characters are UTF-16 without a byte-order mark when one byte order decodes them
into clean Chinese text, and binary data otherwise.
Nothing is decoded with ``errors="replace"``: bytes that fit no encoding raise `DecodeError`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache

from newsnlp.errors import DecodeError

__all__ = ["Decoded", "decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
# Declared names mapped to the superset codec that decodes everything the name promises.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "big5hkscs",
    "utf-8": "utf-8",
    "utf8": "utf-8",
}
_CANDIDATES = ("gb18030", "big5hkscs")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_IDEOGRAPH = re.compile("[\u4e00-\u9fff]")
# A Chinese text decoded with the right codec is mostly made of frequent characters.
_MIN_COMMON_SHARE = 0.6


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the name of the codec that decoded it."""

    text: str
    encoding: str


@cache
def _is_common(char: str) -> bool:
    """True for ASCII, CJK punctuation and the frequent hanzi of GB2312 level 1 or Big5 level 1."""
    if char.isascii() or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef":
        return True
    try:
        if 0xB0 <= char.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= char.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def _common_share(text: str) -> float:
    wide = [char for char in text if not char.isascii()]
    if not wide:
        return 1.0
    return sum(_is_common(char) for char in wide) / len(wide)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text saved without a byte-order mark: NUL bytes are its ASCII characters' high bytes.

    The byte order whose text holds no control characters (line breaks and tabs aside) and mostly
    common Chinese characters wins; anything else is binary.
    """
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _try(data, codec)
        if (
            text is not None
            and not _CONTROL.search(text)
            and _common_share(text) >= _MIN_COMMON_SHARE
            and _IDEOGRAPH.search(text)
        ):
            return Decoded(text, codec)
    return None


def decode(data: bytes) -> Decoded:
    """Decode the bytes of a page or article.

    >>> decode("寧德網".encode("big5")).encoding
    'big5hkscs'
    >>> decode("宁德网新闻".encode("gbk")).text
    '宁德网新闻'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try(data, codec)
            if text is not None:
                return Decoded(text, codec)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        message = "the bytes contain NUL characters: binary data, not a text or HTML page"
        raise DecodeError(message)
    text = _try(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    declared = _DECLARED.search(data[:4096])
    if declared:
        declared_codec = _SUPERSETS.get(declared.group(1).decode("ascii").lower())
        declared_text = _try(data, declared_codec) if declared_codec else None
        if declared_codec and declared_text is not None:
            return Decoded(declared_text, declared_codec)
    scored = []
    for codec in _CANDIDATES:
        candidate = _try(data, codec)
        if candidate is not None:
            scored.append((_common_share(candidate), codec, candidate))
    if scored:
        share, codec, best = max(scored)
        if share >= _MIN_COMMON_SHARE:
            return Decoded(best, codec)
    message = (
        "the bytes decode as none of UTF-8, GB18030 or Big5 into Chinese text; "
        "decode them yourself and pass a str"
    )
    raise DecodeError(message)
