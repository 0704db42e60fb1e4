r"""Width, punctuation and whitespace folding.

The canonical forms newsnlp analyses:

- Letters, digits, spaces and ASCII symbols are half-width: ``１９９８年`` → ``1998年``,
  ``ＡＩ`` → ``AI``, the ideographic space → a space, ``（）`` → ``()``.
- Chinese sentence punctuation is full-width: ``，。、；：？！``. Full-width ``，；：？！`` stay;
  the half-width forms ``｡､`` and the small forms ``﹐﹑﹒﹔﹕﹖﹗`` become ``。、.；：？！``; an ASCII
  ``,:;?!`` next to a Chinese character (``2月18日,春節``) becomes ``，：；？！`` unless it sits
  between two ASCII letters or digits (``15:57``, ``3,000``).
- Quotation marks are the mainland curly forms: ``「」`` → ``“”``, ``『』`` → ``‘’``.
- Whitespace: a run holding a line break becomes one ``\\n``; any other run (tabs, no-break
  and ideographic spaces) becomes one space; leading and trailing whitespace is dropped.

Every replacement is one character for one character except the whitespace runs, so offsets stay
exact.
"""

from __future__ import annotations

import re

from newsnlp.normalize.script import IDEOGRAPH_CLASS
from newsnlp.offsets import OffsetMap, substitute

__all__ = ["collapse_whitespace", "fold_punctuation", "fold_width"]

_KEEP_FULL_WIDTH = frozenset("！，：；？")
_WIDTH_TABLE: dict[str, str] = {
    chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if chr(code) not in _KEEP_FULL_WIDTH
}
_WIDTH_TABLE.update({"\u3000": " ", "｡": "。", "､": "、", "｢": "“", "｣": "”"})
_WIDTH = re.compile("[" + re.escape("".join(_WIDTH_TABLE)) + "]")

_PUNCTUATION_TABLE = {
    "「": "“",
    "」": "”",
    "『": "‘",
    "』": "’",
    "﹁": "“",
    "﹂": "”",
    "﹃": "‘",
    "﹄": "’",
    "﹐": "，",
    "﹑": "、",
    "﹒": ".",
    "﹔": "；",
    "﹕": "：",
    "﹖": "？",
    "﹗": "！",
}
_ASCII_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_PUNCTUATION = re.compile("[" + re.escape("".join(_PUNCTUATION_TABLE) + "".join(_ASCII_TO_FULL)) + "]")

# Chinese characters and the punctuation written with them.
_CHINESE = re.compile(
    f"[{IDEOGRAPH_CLASS}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018\u2019\u201c\u201d\u2026\u2014]"
)
_ASCII_ALNUM = re.compile("[A-Za-z0-9]")


def fold_width(text: str) -> tuple[str, OffsetMap]:
    """Fold full-width letters, digits, spaces and symbols to half-width.

    >>> fold_width("１９９８年ＡＩ（附图）")[0]
    '1998年AI(附图)'
    """
    return substitute(text, _WIDTH, lambda match: _WIDTH_TABLE[match.group()])


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character before (step=-1) or after (step=1) ``index`` that is not a space."""
    index += step
    while 0 <= index < len(text) and text[index] == " ":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _is_chinese(char: str) -> bool:
    return bool(char) and _CHINESE.match(char) is not None


def _is_ascii_alnum(char: str) -> bool:
    return bool(char) and _ASCII_ALNUM.match(char) is not None


def fold_punctuation(text: str) -> tuple[str, OffsetMap]:
    """Bring punctuation to the canonical set (see the module documentation).

    >>> fold_punctuation("2月18日,春節「假期」15:57")[0]
    '2月18日，春節“假期”15:57'
    """

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if char in _PUNCTUATION_TABLE:
            return _PUNCTUATION_TABLE[char]
        before = _neighbour(text, match.start(), -1)
        after = _neighbour(text, match.start(), 1)
        if _is_ascii_alnum(before) and _is_ascii_alnum(after):
            return char
        if _is_chinese(before) or _is_chinese(after):
            return _ASCII_TO_FULL[char]
        return char

    return substitute(text, _PUNCTUATION, replace)


_WHITESPACE = re.compile(r"\s+")


def collapse_whitespace(text: str) -> tuple[str, OffsetMap]:
    r"""Collapse runs of whitespace; drop it at both ends of the text.

    >>> collapse_whitespace("  第一段\r\n \n第二\t\u00a0段 ")[0]
    '第一段\n第二 段'
    """
    end = len(text)

    def replace(match: re.Match[str]) -> str:
        if match.start() == 0 or match.end() == end:
            return ""
        run = match.group()
        if "\n" in run or "\r" in run:
            return "\n"
        return " "

    return substitute(text, _WHITESPACE, replace)
