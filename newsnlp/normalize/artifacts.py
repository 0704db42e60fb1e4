"""Repair what converters and scrapers leave in a text: pinyin annotations, invisible characters.

Some Traditional/Simplified converters write the pinyin of a character after it:
``深學爭優(yōu)`` or ``建設(shè)``. `repair_artifacts` removes such an annotation when it follows a
Chinese character and every word in it is a pinyin syllable, at least one with a tone mark or a
tone digit (all of them when the syllables are written together). Real parentheticals stay:
``縣(市、區)``, ``(記者 張三)``, ``(AI)``, ``（附图片１张）``.
"""

from __future__ import annotations

import re

from newsnlp.normalize.script import IDEOGRAPH_CLASS
from newsnlp.offsets import OffsetMap, substitute

__all__ = ["remove_invisible", "repair_artifacts"]

_TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_VOWELS = "aeiouü" + _TONED_VOWELS
_SYLLABLE = rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[{_VOWELS}]{{1,4}}(?:ng|n|r)?[1-5]?(?![{_VOWELS}])"
_ANNOTATION = re.compile(
    rf"(?<=[{IDEOGRAPH_CLASS}])[(（]\s*(?P<body>[a-z{_VOWELS}1-5]+(?:[ ,'’·-]+[a-z{_VOWELS}1-5]+)*)"
    r"\s*[)）]"
)
_WORD = re.compile(r"[^ ,'’·-]+")
_SYLLABLES = re.compile(rf"(?:{_SYLLABLE})+")
_ONE_SYLLABLE = re.compile(_SYLLABLE)
_TONED = re.compile(rf"[{_TONED_VOWELS}]|[1-5]$")


def _is_toned(syllable: str) -> bool:
    return _TONED.search(syllable) is not None


def _is_pinyin_word(word: str) -> tuple[bool, bool]:
    """Return (is pinyin, is toned) for one space-separated word of an annotation."""
    if _SYLLABLES.fullmatch(word) is None:
        return False, False
    syllables = _ONE_SYLLABLE.findall(word)
    if len(syllables) == 1:
        return True, _is_toned(word)
    # Syllables written together must all carry a tone, so "(café)" is not read as ca+fé.
    all_toned = all(_is_toned(syllable) for syllable in syllables)
    return all_toned, all_toned


def is_pinyin_annotation(body: str) -> bool:
    """True when the text inside the parentheses reads as toned pinyin.

    >>> is_pinyin_annotation("yōu"), is_pinyin_annotation("AI"), is_pinyin_annotation("cafe")
    (True, False, False)
    """
    verdicts = [_is_pinyin_word(word) for word in _WORD.findall(body)]
    return bool(verdicts) and all(ok for ok, _ in verdicts) and any(toned for _, toned in verdicts)


def repair_artifacts(text: str) -> tuple[str, OffsetMap]:
    """Remove pinyin annotations that a converter wrote after Chinese characters.

    >>> repair_artifacts("深學爭優(yōu)、縣(市、區(qū))")[0]
    '深學爭優、縣(市、區)'
    """

    def replace(match: re.Match[str]) -> str:
        return "" if is_pinyin_annotation(match.group("body")) else match.group()

    return substitute(text, _ANNOTATION, replace)


# Zero-width characters, the byte-order mark, soft hyphens and C0/C1 controls other than
# tab, line feed and carriage return (those are whitespace, folded by collapse_whitespace).
_INVISIBLE = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+"
)


def remove_invisible(text: str) -> tuple[str, OffsetMap]:
    r"""Remove zero-width, directional and control characters.

    >>> remove_invisible("新\u200b聞\x00")[0]
    '新聞'
    """
    return substitute(text, _INVISIBLE, lambda match: "")
