"""Bytes to text: UTF-8, GB18030 (GB2312/GBK) and Big5, detected and recorded.

Order of trust: a byte-order mark, then strict UTF-8, then the charset the page declares when it
decodes strictly into plausible Chinese text (a share of common characters of at least
`_MIN_COMMON_SHARE` and within `_DECLARED_MARGIN` of the other candidate's), then whichever of
GB18030 and Big5-HKSCS decodes strictly into the more common Chinese characters. Pages do declare
the wrong charset (big5 on a GBK page, gb2312 on a Big5 page), and the wrong codec can still decode
them strictly, into rare characters.
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
# How far the declared charset's share may fall below the best candidate's and still win: the page's
# word is worth a little, but a wrong codec's rare-character soup scores far lower (about 0.3-0.5).
_DECLARED_MARGIN = 0.1


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
    declared_name = declared.group(1).decode("ascii").lower() if declared else None
    declared_codec = _SUPERSETS.get(declared_name or "", "")
    texts = {codec: decoded for codec in _CANDIDATES if (decoded := _try(data, codec)) is not None}
    shares = {codec: _common_share(text) for codec, text in texts.items()}
    if shares:
        best = max(shares, key=shares.__getitem__)  # ties go to the first candidate, GB18030
        declared_share = shares.get(declared_codec, -1.0)
        # The declaration wins when its text is plausible, or when no codec reads the bytes better
        # (a short page of rare characters: the page's word is the best evidence left).
        if declared_share >= max(_MIN_COMMON_SHARE, shares[best] - _DECLARED_MARGIN) or (
            declared_share >= shares[best]
        ):
            return Decoded(texts[declared_codec], declared_codec)
        if shares[best] >= _MIN_COMMON_SHARE:
            return Decoded(texts[best], best)
    raise DecodeError(_undecodable_message(declared_name, declared_codec, shares))


def _undecodable_message(declared_name: str | None, declared_codec: str, shares: dict[str, float]) -> str:
    """Name the declared charset and the codecs tried, best guess first, with their common share."""
    ranked = sorted(shares.items(), key=lambda item: -item[1])
    tried = [f"{codec} ({share:.0%} common characters)" for codec, share in ranked]
    tried += [f"{codec} (does not decode)" for codec in _CANDIDATES if codec not in shares]
    if declared_name is None:
        declaration = "no charset declared"
    elif not declared_codec:
        declaration = f"declared charset {declared_name!r} not supported"
    else:
        declaration = f"declared charset {declared_name!r} read as {declared_codec}"
    return (
        f"the bytes decode as none of UTF-8, GB18030 or Big5 into Chinese text ({declaration}; "
        f"tried, best guess first: {', '.join(tried)}); decode them yourself and pass a str"
    )
