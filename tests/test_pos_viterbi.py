"""newsnlp.pos_viterbi must decode exactly as jieba's own part-of-speech Viterbi decoder."""

from __future__ import annotations

import importlib
import json
import random
import re
from pathlib import Path

import pytest

from newsnlp.pos_viterbi import cut_run, viterbi
from newsnlp.segment import _jieba

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "sample-corpus" / "articles.jsonl"


def _runs() -> list[str]:
    """Han runs of the sample corpus (both scripts), whole and as random pieces of 1 to 8 characters."""
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    runs = [run for text in texts for run in re.findall(r"[\u4e00-\u9fff]+", text)]
    pick = random.Random(7)
    pieces = []
    for run in pick.sample(runs, 100):
        start = pick.randrange(len(run))
        pieces.append(run[start : start + pick.randint(1, 8)])
    return pick.sample(runs, 100) + pieces + ["梁伟新", "张永宁", "江成与", "滿堂紅", "鑫"]


def _jiebas_decoder(run: str) -> object:
    posseg = _jieba().posseg
    decoder = importlib.import_module("jieba.posseg.viterbi").viterbi  # the package attribute is the function
    return decoder(run, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)


@pytest.mark.parametrize("run", _runs())
def test_the_decoder_matches_jiebas(run: str) -> None:
    expected = _jiebas_decoder(run)
    assert viterbi(run) == expected


def test_characters_jieba_has_never_seen_decode_like_jiebas() -> None:
    run = "𠀀𠀁㐀"  # outside the emission tables: every state is a candidate
    expected = _jiebas_decoder(run)
    assert viterbi(run) == expected


def test_cut_run_gives_words_with_their_tags_and_rebuilds_the_run() -> None:
    pairs = cut_run("梁伟新张永宁")
    assert "".join(word for word, _ in pairs) == "梁伟新张永宁"
    assert all(tag for _, tag in pairs)
