"""Fuzzing the whole pipeline: hostile text in, documented errors or exact spans out.

Properties, for `analyze`, `segment`, every extractor, `keywords` and `summarize` on random mixes of
news Chinese in both scripts, pinyin artifacts, every kind of quote and bracket (balanced or
not), control and zero-width characters, HTML fragments, numbers, dates and random Unicode:

- nothing is raised but a `newsnlp` error;
- every span slices the original exactly (its text, in the article's own script, is what the
  original holds there, pinyin artifacts aside);
- a second run gives the same output.

The example counts are kept small (40 per property) so the suite stays fast; a longer run of the
same properties is ``NEWSNLP_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsnlp as nn
from newsnlp.errors import NewsnlpError

PIECES = [
    "市委書記梁偉新",
    "市长张永宁主持",
    "深學爭優、敢為爭先、實干爭效",
    "“三爭”",
    "“兩個穩定”",
    "《寧德市2024年項目建設攻堅行動工作方案》",
    "以“三争”为号",
    "2月18日",
    "春節假期後上班第一天",
    "新中國成立75周年",
    "今年",
    "十四五",
    "首季",
    "過去一年",
    "二〇二四年二月十九日",
    "15號",
    "2024-02-19 15:57",
    "建設(shè)",
    "爭優(yōu)",
    "縣(市、區)",
    "，",
    "。",
    "、",
    "：",
    "——",
    "……",
    "“",
    "”",
    "‘",
    "’",
    "「",
    "」",
    "『",
    "』",
    '"',
    "《",
    "》",
    "〈",
    "(",
    ")",
    "\n",
    " ",
    "\u200b",
    "\x07",
    "\ufeff",
    "<p>",
    "</p>",
    "<div class='a'>",
    "&amp;",
    "&#20013;",
    "他说：“我们要干。”",
    "被称为“活雷锋”",
    "ICP備09016467號",
    "１９９８年",
    "ＡＩ",
    "abc",
    "3.5%",
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join),
    st.lists(
        st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=6)), min_size=1, max_size=30
    ).map("".join),
)
FUZZ = settings(
    max_examples=int(os.environ.get("NEWSNLP_FUZZ_EXAMPLES", "40")),
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)


def _article(text: str) -> nn.Article | None:
    try:
        return nn.analyze(text, published="2024-02-19 15:57")
    except NewsnlpError:
        return None  # documented: empty, no Chinese, no body, binary


def _check_mention(article: nn.Article, mention: Any) -> None:
    assert 0 <= mention.raw_start <= mention.raw_end <= len(article.raw)
    if getattr(mention, "start", None) is not None:
        assert 0 <= mention.start <= mention.end <= len(article.text)
        assert article.original((mention.start, mention.end)) == mention.text


def _same_twice(call: Callable[[], Any]) -> Any:
    first = call()
    assert call() == first
    return first


@FUZZ
@given(texts)
def test_analyze_and_segment(text: str) -> None:
    article = _article(text)
    if article is None:
        return
    tokens = _same_twice(lambda: nn.segment(article, pos=True))
    assert "".join(token.text for token in tokens) == article.text.replace(" ", "").replace("\n", "")
    for token in tokens:
        assert article.text[token.start : token.end] == token.text


@FUZZ
@given(texts)
def test_extractors(text: str) -> None:
    article = _article(text)
    if article is None:
        return
    for official in _same_twice(lambda: nn.extract_officials(article)):
        for mention in official.mentions:
            _check_mention(article, mention)
    for person in _same_twice(lambda: nn.extract_persons(article)):
        for mention in person.mentions:
            _check_mention(article, mention)
    for slogan in _same_twice(lambda: nn.extract_slogans(article, min_confidence=0.0)):
        assert slogan.count == len(slogan.mentions) >= 1
        for mention in slogan.mentions:
            _check_mention(article, mention)
    for date in _same_twice(lambda: nn.extract_dates(article)):
        _check_mention(article, date)
        assert date.resolved or not date.value


@FUZZ
@given(texts)
def test_keywords_and_summaries(text: str) -> None:
    article = _article(text)
    if article is None:
        return
    for method in ("tfidf", "textrank"):
        for keyword in _same_twice(lambda method=method: nn.keywords(article, method=method)):
            for mention in keyword.mentions:
                _check_mention(article, mention)
    summary = _same_twice(lambda: nn.summarize(article))
    for sentence in summary.sentences:
        assert article.original((sentence.start, sentence.end)) == sentence.text
    assert isinstance(summary.to_markdown(), str)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("“" * 20_000 + "市委书记", id="unclosed-quotes"),
        pytest.param("、".join(["深学争优"] * 5_000), id="long-chain"),
        pytest.param("市" * 50_000, id="no-punctuation"),
        # Once quadratic: every date of a long paragraph was checked against every other.
        pytest.param("，".join(["1月5日"] * 20_000), id="a-paragraph-of-dates"),
        # Once quadratic: every slogan occurrence was checked against every longer one.
        pytest.param("坚持一国两制，推进科教兴国。" * 10_000, id="repeated-slogans"),
        pytest.param("《" * 10_000 + "市委书记》", id="unclosed-book-marks"),
        # Once quadratic in html.parser: every unclosed tag was retried against the rest of the page.
        pytest.param("<html><p>市委书记</p>" + '<p title="' * 20_000, id="unclosed-html-tags"),
    ],
)
def test_adversarial_inputs_finish(text: str) -> None:
    article = nn.analyze(text)
    nn.extract_slogans(article)
    nn.extract_dates(article)


def test_a_long_list_of_names_finishes() -> None:
    # A list of names grows from the names it holds: once per name, not once per pass.
    text = "、".join(["李大勇", "王小明", "张卫"] * 7_000) + "等同志出席。"
    persons = nn.extract_persons(text)
    assert {person.key for person in persons} >= {"李大勇", "王小明"}
