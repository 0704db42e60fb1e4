"""Normalisation that never loses the original.

Each step is a function ``text -> (text, OffsetMap)``; `run_steps` chains them and composes
their maps, so every span of the result maps to the exact characters of the input.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from newsnlp.errors import InputError
from newsnlp.normalize.artifacts import remove_invisible, repair_artifacts
from newsnlp.normalize.decode import Decoded, decode
from newsnlp.normalize.markup import decode_entities, html_to_text, looks_like_html
from newsnlp.normalize.script import (
    Script,
    ScriptGuess,
    Target,
    Variant,
    convert_script,
    converter,
    detect_script,
    needs_conversion,
)
from newsnlp.normalize.width import collapse_whitespace, fold_punctuation, fold_width
from newsnlp.offsets import OffsetMap

__all__ = [
    "FOLD_STEPS",
    "REPAIR_STEPS",
    "Decoded",
    "Normalized",
    "Script",
    "ScriptGuess",
    "Step",
    "Target",
    "Variant",
    "collapse_whitespace",
    "convert_script",
    "converter",
    "decode",
    "decode_entities",
    "detect_script",
    "fold_and_convert",
    "fold_punctuation",
    "fold_width",
    "html_to_text",
    "looks_like_html",
    "needs_conversion",
    "normalize",
    "remove_invisible",
    "repair",
    "repair_artifacts",
    "run_steps",
]

Step = Callable[[str], tuple[str, OffsetMap]]

# Steps that clean a text but keep its script and its characters' forms: the "original" view.
REPAIR_STEPS: tuple[Step, ...] = (decode_entities, remove_invisible, repair_artifacts)
# Steps that bring repaired text to the canonical forms the analysers read.
FOLD_STEPS: tuple[Step, ...] = (fold_width, collapse_whitespace, fold_punctuation)


def run_steps(text: str, steps: Sequence[Step]) -> tuple[str, OffsetMap]:
    """Apply steps in order and compose their offset maps.

    >>> text, offsets = run_steps("１９９８年  ６月", [fold_width, collapse_whitespace])
    >>> text, offsets.to_raw(5, 6)
    ('1998年 6月', (5, 7))
    """
    offsets = OffsetMap.identity(len(text))
    for step in steps:
        text, step_offsets = step(text)
        offsets = offsets.followed_by(step_offsets)
    return text, offsets


def repair(text: str) -> tuple[str, OffsetMap]:
    """Decode entities, drop invisible characters and pinyin annotations; keep the script.

    >>> repair("深學爭優(yōu)&amp;")[0]
    '深學爭優&'
    """
    return run_steps(text, REPAIR_STEPS)


@dataclass(frozen=True)
class Normalized:
    """A normalised text, its maps back to the input, and the script the input was written in.

    ``repaired`` is the input with artifacts repaired but its script and forms kept;
    ``repaired_offsets`` maps ``text`` into it, and `original` reads it.
    """

    text: str
    offsets: OffsetMap
    script: Script
    traditional_ratio: float
    repaired: str
    repaired_offsets: OffsetMap

    def original(self, start: int, end: int) -> str:
        """The input behind ``text[start:end]``, in its own script, artifacts repaired.

        >>> normalize("深學爭優(yōu)").original(2, 4)
        '爭優'
        """
        repaired_start, repaired_end = self.repaired_offsets.to_raw(start, end)
        return self.repaired[repaired_start:repaired_end]


def fold_and_convert(
    repaired: str,
    *,
    target: Target | Literal["original"] = "simplified",
    variant: Variant = "generic",
) -> tuple[str, OffsetMap, ScriptGuess]:
    """Fold a repaired text to canonical forms and convert it to ``target`` where it needs it.

    >>> fold_and_convert("寧德網，１９９８年")[0]
    '宁德网，1998年'
    """
    guess = detect_script(repaired)
    folded, offsets = run_steps(repaired, FOLD_STEPS)
    if target != "original":
        converter(target, variant)  # rejects an unknown target or variant even with no Chinese
        needed, selective = needs_conversion(guess, target)
        if needed:
            folded, step = convert_script(folded, target=target, variant=variant, selective=selective)
            offsets = offsets.followed_by(step)
    return folded, offsets, guess


def normalize(
    text: str,
    *,
    target: Target | Literal["original"] = "simplified",
    variant: Variant = "generic",
) -> Normalized:
    """Repair and fold a text, and convert it to one script, keeping a map to the input.

    ``target="original"`` keeps the input's script. Conversion runs only when the text holds
    characters of the other script (see `needs_conversion`).

    >>> result = normalize("寧德網：深學爭優(yōu)，１９９８年")
    >>> result.text, result.script
    ('宁德网：深学争优，1998年', 'traditional')
    >>> result.offsets.to_raw(5, 7)
    (5, 7)
    """
    if not isinstance(text, str):
        message = f"normalize() takes a str, not {type(text).__name__}; decode bytes first"
        raise InputError(message)
    repaired, repair_offsets = repair(text)
    folded, fold_offsets, guess = fold_and_convert(repaired, target=target, variant=variant)
    offsets = repair_offsets.followed_by(fold_offsets)
    return Normalized(folded, offsets, guess.script, guess.traditional_ratio, repaired, fold_offsets)
