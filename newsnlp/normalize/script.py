"""Script detection and OpenCC conversion between Traditional and Simplified Chinese.

Converters come from opencc-python-reimplemented (pure Python, dictionaries shipped in the
wheel, nothing downloaded) and are built once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Literal, get_args

from opencc import OpenCC

from newsnlp.errors import OptionError
from newsnlp.normalize.opencc_tables import Converter, load_group_converter
from newsnlp.offsets import OffsetMap, substitute

__all__ = [
    "IDEOGRAPHS",
    "IDEOGRAPH_CLASS",
    "Script",
    "ScriptGuess",
    "Target",
    "Variant",
    "convert_script",
    "detect_script",
    "needs_conversion",
]

Script = Literal["simplified", "traditional", "mixed", "none"]
Target = Literal["simplified", "traditional"]
Variant = Literal["generic", "taiwan", "taiwan-phrases", "hongkong"]

# OpenCC configuration for each (target, variant). "taiwan-phrases" also converts vocabulary
# (軟體 ↔ 软件); the others convert characters and OpenCC's generic phrase table only.
_CONFIGS: dict[tuple[str, str], str] = {
    ("simplified", "generic"): "t2s",
    ("simplified", "taiwan"): "tw2s",
    ("simplified", "taiwan-phrases"): "tw2sp",
    ("simplified", "hongkong"): "hk2s",
    ("traditional", "generic"): "s2t",
    ("traditional", "taiwan"): "s2tw",
    ("traditional", "taiwan-phrases"): "s2twp",
    ("traditional", "hongkong"): "s2hk",
}

# The share of script-specific characters that decides a script; in between is "mixed".
_DECISIVE_SHARE = 0.8

# Chinese ideographs: the unified block, extension A and the compatibility block. One place for
# every module that asks "is this Chinese?".
IDEOGRAPH_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
IDEOGRAPHS = re.compile(f"[{IDEOGRAPH_CLASS}]+")


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        message = f"unknown {name} {value!r}; choose one of: {', '.join(choices)}"
        raise OptionError(message)


@cache
def converter(target: Target = "simplified", variant: Variant = "generic") -> Converter:
    """Return the process-wide OpenCC converter for a target script and regional variant.

    The generic conversions use `GroupConverter`, which gives opencc-python-reimplemented's
    output several times faster; the regional variants use the package's own converter.

    >>> converter("simplified").convert("寧德網")
    '宁德网'
    """
    _check_choice("target", target, get_args(Target))
    _check_choice("variant", variant, get_args(Variant))
    config = _CONFIGS[target, variant]
    fast = load_group_converter(config)
    return fast if fast is not None else OpenCC(config)


def _read_opencc_table(name: str) -> dict[str, list[str]]:
    table = files("opencc").joinpath("dictionary").joinpath(name).read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in table.splitlines() if "\t" in line)
    return {key: values.split() for key, values in pairs}


@cache
def _script_characters() -> tuple[frozenset[str], frozenset[str]]:
    """The characters found only in Traditional and only in Simplified script.

    Read from OpenCC's character tables. A character that converts to itself among other forms
    (后 → 後/后, 乾 → 干/乾, 台 → 臺/台) is written in both scripts and is evidence of neither;
    so is a form that the Taiwan or Hong Kong standard writes (群 and 床 for OpenCC's 羣 and 牀).
    """
    only_traditional = {
        char for char, forms in _read_opencc_table("TSCharacters.txt").items() if char not in forms
    }
    regional = {
        form
        for table in ("TWVariants.txt", "HKVariants.txt")
        for forms in _read_opencc_table(table).values()
        for form in forms
    }
    only_simplified = {
        char
        for char, forms in _read_opencc_table("STCharacters.txt").items()
        if char not in forms and char not in regional
    }
    return frozenset(only_traditional - only_simplified), frozenset(only_simplified - only_traditional)


@dataclass(frozen=True)
class ScriptGuess:
    """The script of a text and the evidence for it.

    ``traditional_ratio`` is the share of Traditional-only characters among the characters that
    differ between the scripts; ``evidence`` is how many such characters there were.
    """

    script: Script
    traditional_ratio: float
    evidence: int


def detect_script(text: str) -> ScriptGuess:
    """Tell whether a text is written in Simplified or Traditional characters.

    Text without Chinese characters is ``"none"``. Text written only with characters the two
    scripts share (``中文``) needs no conversion and is reported as ``"simplified"`` with no
    evidence.

    >>> detect_script("寧德網新聞").script, detect_script("宁德网新闻").script
    ('traditional', 'simplified')
    """
    if IDEOGRAPHS.search(text) is None:
        return ScriptGuess("none", 0.0, 0)
    only_traditional, only_simplified = _script_characters()
    # A set lookup per character is an order of magnitude faster than a 4,000-character regex class.
    traditional = sum(map(only_traditional.__contains__, text))
    simplified = sum(map(only_simplified.__contains__, text))
    evidence = traditional + simplified
    ratio = traditional / evidence if evidence else 0.0
    if ratio >= _DECISIVE_SHARE:
        script: Script = "traditional"
    elif 1 - ratio >= _DECISIVE_SHARE:
        script = "simplified"
    else:
        script = "mixed"
    return ScriptGuess(script, ratio, evidence)


def convert_script(
    text: str,
    *,
    target: Target = "simplified",
    variant: Variant = "generic",
    selective: bool = False,
) -> tuple[str, OffsetMap]:
    """Convert a text to Simplified or Traditional characters with OpenCC.

    Runs of Chinese characters are converted one at a time, so a phrase that converts to a
    different length maps to its own run and offsets stay exact everywhere else.

    ``selective=True`` converts only the runs that hold a character of the source script, for a
    text already written in the target script with a few stray characters: OpenCC would
    otherwise change characters both scripts use (乾 in the name 王丙乾 would become 干), and
    skipping the other runs saves most of the time.

    >>> convert_script("寧德網 2024年")[0]
    '宁德网 2024年'
    >>> convert_script("副委员长王丙乾，讀者", selective=True)[0]
    '副委员长王丙乾，读者'
    >>> convert_script("软件", target="traditional", variant="taiwan-phrases")[0]
    '軟體'
    """
    opencc = converter(target, variant)
    only_traditional, only_simplified = _script_characters()
    source = only_traditional if target == "simplified" else only_simplified

    def replace(match: re.Match[str]) -> str:
        run = match.group()
        if not selective or any(map(source.__contains__, run)):
            return str(opencc.convert(run))
        return run

    return substitute(text, IDEOGRAPHS, replace)


def needs_conversion(guess: ScriptGuess, target: Target) -> tuple[bool, bool]:
    """Whether a text with this script guess needs converting to ``target``, and selectively.

    A text in the other script or in mixed script is converted whole; a text in the target
    script that holds a few characters of the other script is converted selectively; a text
    with no character of the other script is left alone.

    >>> needs_conversion(detect_script("寧德網"), "simplified")
    (True, False)
    >>> needs_conversion(detect_script("宁德网新闻频道的讀者"), "simplified")
    (True, True)
    """
    other = guess.traditional_ratio if target == "simplified" else 1 - guess.traditional_ratio
    if not guess.evidence or other == 0:
        return False, False
    return True, guess.script == target
