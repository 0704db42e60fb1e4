"""The one-call article summary: key sentences, keywords, officials, slogans and dates.

The extractive summary picks ``n_sentences`` sentences of the body and gives them in article
order. A sentence scores by the keywords it holds (the article's TF-IDF keywords, weighted by
their score, with diminishing returns), by its place (news leads with its subject: the first
sentence counts most), by the officials it names, by the words it shares with the title, and a
little against its length; a sentence that repeats a chosen one (most of its character pairs
already chosen) is passed over. Lines that only lead into a quote (梁偉新強調——) and very short
lines are not candidates, unless nothing else is. The weights were tuned on LCSTS dev posts
(benchmarks/bench_summarize.py).
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from newsnlp.errors import InputError, OptionError
from newsnlp.extract.dates import DateMention, extract_dates
from newsnlp.extract.officials import Official, officials_from_tokens
from newsnlp.extract.persons import Person, persons_from_tokens
from newsnlp.extract.slogans import Slogan, extract_slogans
from newsnlp.keywords import IdfTable, Keyword, rank_keywords
from newsnlp.model import Article, _plain
from newsnlp.normalize import normalize
from newsnlp.page import analyze, parse_published
from newsnlp.segment import segment
from newsnlp.sentences import split_sentences

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Sentence", "Summary", "summarize"]

_MIN_SENTENCE = 6  # characters; shorter lines are headings or lead-ins
_LEAD_WEIGHTS = (1.0, 0.45, 0.3)  # the first sentences' bonus over the rest (0.2)
_LATER_WEIGHT = 0.2
_TITLE_WEIGHT = 0.5
_OFFICIAL_WEIGHT = 0.3  # per official named, up to three
_LENGTH_WEIGHT = 1.0  # per 100 characters: concise sentences summarise better
_REPEAT = 0.6  # share of a sentence's character pairs already chosen that makes it a repeat
_KEYWORDS_READ = 20


@dataclass(frozen=True)
class Sentence:
    """A sentence of the summary: its text in the article's script, its spans and its score."""

    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        """The sentence as plain values."""
        return dict(_plain(self))


@dataclass(frozen=True)
class Summary:
    """What an article says, in one record.

    ``sentences`` is the extractive summary in article order; ``text`` joins them. ``keywords``,
    ``officials`` (staff credits left out), ``slogans``, ``dates`` and ``persons`` (everyone named,
    officials and staff included) are the extractors' records.
    """

    title: str | None
    published: datetime | None
    source: str | None
    script: str
    sentences: tuple[Sentence, ...]
    keywords: tuple[Keyword, ...]
    officials: tuple[Official, ...]
    slogans: tuple[Slogan, ...]
    dates: tuple[DateMention, ...]
    persons: tuple[Person, ...] = ()

    @property
    def text(self) -> str:
        """The summary sentences joined into one text."""
        return "".join(sentence.text for sentence in self.sentences)

    def to_dict(self) -> dict[str, Any]:
        """The summary as plain values (JSON-ready), with its text."""
        return {**_plain(self), "text": self.text}

    def to_markdown(self) -> str:
        """The summary as a short Markdown report.

        >>> print(summarize("市委書記梁偉新主持會議。會議強調，要實干爭效。").to_markdown().splitlines()[0])
        # (untitled)
        """
        lines = [f"# {self.title or '(untitled)'}", ""]
        published = self.published.isoformat() if self.published else None
        facts = [("Published", published), ("Source", self.source)]
        lines += [f"- {name}: {value}" for name, value in facts if value]
        lines += ["", "## Summary", "", self.text or "(no sentences)", ""]
        if self.keywords:
            lines += ["## Keywords", "", "、".join(keyword.text for keyword in self.keywords), ""]
        if self.officials:
            lines += ["## Officials", ""]
            lines += [
                f"- {o.name}: {'、'.join(o.titles) or '-'} ({len(o.mentions)}×)" for o in self.officials
            ]
            lines.append("")
        others = [person for person in self.persons if not person.official]
        if others:
            lines += ["## Other people", ""]
            lines += [f"- {person.name} ({len(person.mentions)}×)" for person in others]
            lines.append("")
        if self.slogans:
            lines += ["## Slogans", ""]
            lines += [f"- {s.text} ({s.kind}, {s.count}×)" for s in self.slogans]
            lines.append("")
        if self.dates:
            lines += ["## Dates", ""]
            seen = Counter((d.text, d.value, d.kind) for d in self.dates)
            lines += [
                f"- {text}: {value or '(unresolved)'} ({kind}, {n}×)"
                for (text, value, kind), n in seen.items()
            ]
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    def to_frame(self) -> pd.DataFrame:
        """The summary as a one-row DataFrame: the fields a corpus table keeps per article."""
        import pandas as pd  # noqa: PLC0415  (pandas is imported only when a frame is asked for)

        return pd.DataFrame([self.to_row()])

    def to_row(self) -> dict[str, Any]:
        """The summary as one flat row: lists of keys and texts rather than records."""
        return {
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "script": self.script,
            "summary": self.text,
            "keywords": [keyword.text for keyword in self.keywords],
            "officials": [official.name for official in self.officials],
            "persons": [person.name for person in self.persons],
            "slogans": [slogan.text for slogan in self.slogans],
            "dates": [mention.value for mention in self.dates if mention.value],
        }


def _pairs(text: str) -> set[str]:
    return {text[index : index + 2] for index in range(len(text) - 1)}


def _candidates(article: Article) -> list[tuple[int, int]]:
    """The sentences that may summarise: all of them when none is long enough to."""
    sentences = [(span.start, span.end) for span in split_sentences(article.text)]
    spans = [
        (start, end)
        for start, end in sentences
        if end - start >= _MIN_SENTENCE and not article.text[start:end].endswith(("——", "—", "：", ":"))
    ]
    return spans or sentences


def _coverage(held: list[float], length: int) -> float:
    return sum(held) / math.sqrt(max(len(held), 1))


def _score(
    article: Article,
    spans: list[tuple[int, int]],
    found: Sequence[Keyword],
    officials: Sequence[Official],
    title: str,
) -> list[float]:
    title_pairs = _pairs(title)
    named = [
        [(m.start, m.end) for m in official.mentions if m.start is not None and m.end is not None]
        for official in officials
    ]
    top = max((keyword.score for keyword in found), default=1.0) or 1.0
    scores = []
    for rank, (start, end) in enumerate(spans):
        held = [
            keyword.score / top
            for keyword in found
            if any(start <= (m.start or -1) and (m.end or end + 1) <= end for m in keyword.mentions)
        ]
        # Keywords count with diminishing returns, so a long sentence does not win by length.
        coverage = _coverage(held, end - start)
        place = _LEAD_WEIGHTS[rank] if rank < len(_LEAD_WEIGHTS) else _LATER_WEIGHT
        pairs = _pairs(article.text[start:end])
        overlap = len(pairs & title_pairs) / len(title_pairs) if title_pairs else 0.0
        # Who did what: a sentence naming officials tells more of a political story.
        people = sum(1 for places in named if any(start <= a and b <= end for a, b in places))
        length = _LENGTH_WEIGHT * (end - start) / 100
        scores.append(coverage + place + _TITLE_WEIGHT * overlap + _OFFICIAL_WEIGHT * min(people, 3) - length)
    return scores


def _select(article: Article, spans: list[tuple[int, int]], scores: list[float], count: int) -> list[int]:
    chosen: list[int] = []
    seen: set[str] = set()
    for index in sorted(range(len(spans)), key=lambda i: (-scores[i], i)):
        if len(chosen) == count:
            break
        pairs = _pairs(article.text[slice(*spans[index])])
        if pairs and len(pairs & seen) / len(pairs) >= _REPEAT:
            continue
        chosen.append(index)
        seen |= pairs
    return sorted(chosen)


def summarize(
    source: Article | str,
    *,
    published: datetime | date | str | None = None,
    n_sentences: int = 3,
    idf: IdfTable | None = None,
    top_keywords: int = 10,
) -> Summary:
    r"""Summarise an article: key sentences, keywords, officials, slogans and resolved dates.

    A string is parsed with `analyze` first. ``published`` (a datetime, a date or a string such as
    "2024-02-19 15:57") overrides the page's own date and resolves relative dates; ``idf`` is a
    table from `fit_idf` for the keywords. An article with fewer candidate sentences than
    ``n_sentences`` gives them all.

    >>> text = "寧德新聞\n2月18日，市委書記梁偉新主持會議。會議強調，要實干爭效。"
    >>> summary = summarize(text, published="2024-02-19")
    >>> summary.text
    '2月18日，市委書記梁偉新主持會議。會議強調，要實干爭效。'
    >>> [(d.text, d.value) for d in summary.dates], [o.name for o in summary.officials]
    ([('2月18日', '2024-02-18')], ['梁偉新'])
    """
    if source is None:
        message = "summarize() got None; pass an Article or a str"
        raise InputError(message)
    if n_sentences < 1:
        message = f"n_sentences must be 1 or more, not {n_sentences}"
        raise OptionError(message)
    if isinstance(source, Article):
        article = source
        if published is not None:
            moment = parse_published(published) if not isinstance(published, datetime) else published
            article = dataclasses.replace(article, meta=dataclasses.replace(article.meta, published=moment))
    else:
        article = analyze(source, published=published)
    # Cut and extract once; keywords, officials and slogans share the tokens.
    tokens = segment(article, pos=True)
    slogans = extract_slogans(article)
    everyone = officials_from_tokens(article, tokens)
    found = rank_keywords(
        article, tokens, slogans, everyone, top_n=max(top_keywords, _KEYWORDS_READ), idf=idf
    )
    spans = _candidates(article)
    title = normalize(article.meta.title).text if article.meta.title else ""
    officials = tuple(o for o in everyone if o.role == "official")
    scores = _score(article, spans, found, officials, title)
    chosen = _select(article, spans, scores, n_sentences)
    sentences = []
    for index in chosen:
        start, end = spans[index]
        raw_start, raw_end = article.to_raw(start, end)
        sentences.append(
            Sentence(article.original((start, end)), start, end, raw_start, raw_end, round(scores[index], 4))
        )
    return Summary(
        title=article.meta.title,
        published=article.meta.published,
        source=article.meta.source,
        script=article.meta.script,
        sentences=tuple(sentences),
        keywords=found[:top_keywords],
        officials=officials,
        slogans=slogans,
        dates=extract_dates(article),
        persons=persons_from_tokens(article, tokens, everyone),
    )
