"""rjieba, through newsnlp.rust_cut, must cut exactly as jieba does; the backend option is checked."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import newsnlp as nn
from newsnlp import rust_cut
from newsnlp.errors import OptionError
from newsnlp.segment import Segmenter, UserWord, _news_words, _tokenizer

pytest.importorskip("rjieba")

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "sample-corpus" / "articles.jsonl"
USER_WORDS = (("深学争优", None, None), ("敢为争先", 5, "nz"), ("梁伟新", None, "nr"))

TRICKY = [
    "WHO限量为每天每公斤体重0.5mg，",  # jieba splits the Latin run after a number
    "17岁的她以6-1，6-4击败对手。",
    "附件名为“happynewyear.txt.vbs”。",
    "C++和C#，A股涨3.5%，ICP备案号：闽ICP备05009876号",
    "第一行\r\n第二行\n\n  缩进\t制表",
    "㐀㑇𠀀𪚥鿖鿿〇豈ａ１éß🙂\u200b混在中文里",  # characters jieba does not read as Chinese
    "",
    "   ",
]


def _texts() -> list[str]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [nn.normalize(json.loads(line)["text"]).text for line in lines] + TRICKY


@pytest.mark.parametrize("news", [True, False])
@pytest.mark.parametrize("words", [(), USER_WORDS])
def test_rjieba_cuts_as_jieba_does(news: bool, words: tuple[UserWord, ...]) -> None:
    jieba_tokenizer = _tokenizer(words, news)
    added = (_news_words() if news else ()) + words
    for text in _texts():
        assert rust_cut.cut(text, added, jieba_tokenizer.FREQ) == list(jieba_tokenizer.cut(text))


def test_rjieba_cuts_random_mixtures_as_jieba_does() -> None:
    alphabet = (
        list("市委书记梁伟新在会上强调的了是一国") + list("abcXYZ0129.%-+#&_ ，。“”、\n\t") + list(TRICKY[5])
    )
    pick = random.Random(3)
    tokenizer = _tokenizer((), True)
    for _ in range(2000):
        text = "".join(pick.choice(alphabet) for _ in range(pick.randint(1, 30)))
        assert rust_cut.cut(text, _news_words(), tokenizer.FREQ) == list(tokenizer.cut(text)), text


def test_the_fast_mode_gives_the_same_tokens_with_either_backend(sample_article: nn.Article) -> None:
    with_jieba = Segmenter(fast=True, backend="jieba").segment(sample_article, pos=True)
    with_rjieba = Segmenter(fast=True, backend="rjieba").segment(sample_article, pos=True)
    assert with_rjieba == with_jieba
    assert Segmenter(fast=True).uses_rjieba()


def test_backend_options_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not Segmenter().uses_rjieba()  # the default mode needs jieba's part-of-speech model
    assert not Segmenter(fast=True, backend="jieba").uses_rjieba()
    with pytest.raises(OptionError, match="needs fast=True"):
        nn.segment("市委书记", backend="rjieba")
    with pytest.raises(OptionError, match="unknown backend"):
        nn.segment("市委书记", fast=True, backend="rust")  # type: ignore[arg-type]
    monkeypatch.setattr(rust_cut, "available", lambda: False)
    assert not Segmenter(fast=True).uses_rjieba()  # auto falls back to jieba
    with pytest.raises(OptionError, match="not installed"):
        nn.segment("市委书记", fast=True, backend="rjieba")
