"""Keywords and keyphrases of an article: TF-IDF against a bundled or corpus-fitted IDF, or TextRank.

Candidates are the article's words (segmented with `segment`, slogans kept whole) of two or more
characters whose part of speech can name a subject: nouns, names, places, organisations, verbal
nouns, verbs, idioms, abbreviations and Latin words. Stopwords, numbers, measure words, times,
function words and punctuation never rank. Two adjacent nouns that recur together (项目 + 建设 twice
or more) also form one keyphrase, whose occurrences no longer count for its words alone.

The bundled IDF table is jieba's own (``jieba/analyse/idf.txt``, shipped inside the jieba package,
about 270,000 words); a word missing from it takes the table's median. `fit_idf` fits a table on
your corpus and saves it as a plain text file that `IdfTable.load` reads back, without pickle.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal, get_args

from newsnlp.errors import InputError, OptionError
from newsnlp.extract.officials import Mention, Official, officials_from_tokens
from newsnlp.extract.slogans import Slogan, extract_slogans
from newsnlp.model import Article, Token, _plain
from newsnlp.normalize import normalize
from newsnlp.page import analyze
from newsnlp.segment import segment, segment_many, stopwords
from newsnlp.sentences import split_sentences

__all__ = ["IdfTable", "Keyword", "fit_idf", "keywords"]

Method = Literal["tfidf", "textrank"]

# Parts of speech that can name a subject (jieba's ICTCLAS tags); a word the caller or the
# slogan extractor added has no tag of its own ("x") and counts too.
_CONTENT_TAGS = re.compile("^(?:n[a-z]*|v|vn|vi|j|l|i|eng|x)$")
_NOUN_TAGS = re.compile("^(?:n|nz|vn|j|ns|nt)$")
_HAS_WORD = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_LATIN = re.compile("[A-Za-z]")
_FORMAT = "# newsnlp idf table"
_TEXTRANK_WINDOW = 5
# News puts its subject in the first sentence and the title. The lead, place-name and IDF
# weights were tuned on LCSTS dev posts with benchmarks/bench_keywords.py; those posts have no
# title, so the title weight is a judgement, not a measurement.
_TAG_WEIGHTS = {"ns": 1.5}
_LEAD_WEIGHT = 1.5
_TITLE_WEIGHT = 1.5
# jieba's IDF to a power below 1: a word's frequency in the article counts for more than its
# rarity in jieba's reference corpus. A table fitted on the caller's corpus counts in full.
_IDF_POWER = 0.4
_TEXTRANK_DAMPING = 0.85


@dataclass(frozen=True)
class Keyword:
    """A keyword or keyphrase of an article.

    ``text`` is in the article's script; ``key`` in Simplified characters, for grouping across
    articles; ``score`` the TF-IDF weight or TextRank score (higher ranks first); ``mentions``
    every place the keyword is written in the body.
    """

    text: str
    key: str
    score: float
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        """The keyword as plain values."""
        return dict(_plain(self))


class IdfTable:
    """Inverse document frequencies: a word's weight for TF-IDF.

    ``default`` is the weight of a word the table does not hold.

    >>> table = fit_idf(["市委书记强调项目建设", "市长主持会议", "项目建设攻坚"])
    >>> round(table["市长"], 3) > round(table["项目"], 3)
    True
    """

    def __init__(self, weights: Mapping[str, float], *, default: float, n_documents: int = 0) -> None:
        self.weights = dict(weights)
        self.default = default
        self.n_documents = n_documents

    def __getitem__(self, word: str) -> float:
        return self.weights.get(word, self.default)

    def __len__(self) -> int:
        return len(self.weights)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, IdfTable)
            and self.weights == other.weights
            and self.default == other.default
            and self.n_documents == other.n_documents
        )

    __hash__ = None  # type: ignore[assignment]  # mutable contents: not hashable

    def save(self, path: str | Path) -> None:
        """Write the table as UTF-8 text: a header line, then ``word<TAB>weight`` per line."""
        lines = [f"{_FORMAT}\tdefault={self.default!r}\tn_documents={self.n_documents}"]
        lines += [f"{word}\t{weight!r}" for word, weight in sorted(self.weights.items())]
        Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> IdfTable:
        """Read a table written by `save` (plain text; nothing in the file is executed)."""
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        if not lines or not lines[0].startswith(_FORMAT):
            message = f"{path} is not a newsnlp idf table (its first line must start with {_FORMAT!r})"
            raise InputError(message)
        settings = dict(field.split("=", 1) for field in lines[0].split("\t")[1:])
        weights = {}
        for number, line in enumerate(lines[1:], start=2):
            word, _, weight = line.rpartition("\t")
            try:
                weights[word] = float(weight)
            except ValueError:
                message = f"{path}, line {number}: expected word<TAB>weight, got {line!r}"
                raise InputError(message) from None
        return cls(weights, default=float(settings["default"]), n_documents=int(settings["n_documents"]))

    def __repr__(self) -> str:
        return f"IdfTable({len(self)} words, default={self.default:.3f}, n_documents={self.n_documents})"


@cache
def bundled_idf() -> IdfTable:
    """The IDF table jieba ships, read once per process.

    >>> bundled_idf()["经济"] < bundled_idf()["攻坚"]
    True
    """
    weights = {}
    for line in (
        files("jieba").joinpath("analyse").joinpath("idf.txt").read_text(encoding="utf-8").splitlines()
    ):
        word, _, weight = line.rpartition(" ")
        if word:
            weights[word] = float(weight)
    return IdfTable(weights, default=statistics.median(weights.values()))


def _is_candidate(token: Token, drop: frozenset[str], whole: frozenset[str]) -> bool:
    if token.text in whole:
        return True
    return (
        len(token.text) >= 2
        and _CONTENT_TAGS.match(token.pos or "") is not None
        and _HAS_WORD.search(token.text) is not None
        and not (_DIGIT.search(token.text) and not _LATIN.search(token.text))  # 2024年, not H7N9
        and token.text not in drop
    )


def fit_idf(texts: Iterable[Article | str], *, n_jobs: int = 1) -> IdfTable:
    """Fit an IDF table on a corpus: ln((1+n)/(1+df)), so a word every text uses weighs nothing.

    >>> table = fit_idf(["市委书记讲话", "市长讲话"])
    >>> table["讲话"] < table["市长"], table.n_documents
    (True, 2)
    """
    items = list(texts)
    if not items:
        message = "fit_idf() needs at least one text"
        raise InputError(message)
    if any(item is None for item in items):
        message = f"fit_idf() got None at position {next(i for i, item in enumerate(items) if item is None)}"
        raise InputError(message)
    frequencies: Counter[str] = Counter()
    for tokens in segment_many(items, n_jobs=n_jobs):
        frequencies.update({token.text for token in tokens if _HAS_WORD.search(token.text)})
    count = len(items)
    weights = {word: math.log((1 + count) / (1 + df)) for word, df in frequencies.items()}
    return IdfTable(weights, default=math.log(1 + count), n_documents=count)


@dataclass
class _Term:
    key: str
    spans: list[tuple[int, int]]
    tag: str  # the part of speech of a word; "phrase" for a keyphrase or a fixed phrase
    score: float = 0.0


def _phrases(candidates: Sequence[Token], fixed: frozenset[str]) -> dict[str, list[tuple[int, int]]]:
    """Runs of two or three adjacent nouns that recur, longest-lived first, without overlaps.

    A run that always continues the same way (东侨 + 经济 + 技术开发区) gives only its longer
    form; where two runs overlap the more frequent one keeps the place.
    """
    grams: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for index in range(len(candidates)):
        for size in (2, 3):
            run = candidates[index : index + size]
            if (
                len(run) == size
                and all(_NOUN_TAGS.match(token.pos or "") and token.text not in fixed for token in run)
                and all(left.end == right.start for left, right in itertools.pairwise(run))
            ):
                grams[tuple(token.text for token in run)].append((run[0].start, run[-1].end))
    recurring = {gram: spans for gram, spans in grams.items() if len(spans) >= 2}
    # A pair inside a recurring triple that recurs exactly as often only ever continues that way.
    subsumed = {
        pair
        for triple, spans in recurring.items()
        if len(triple) == 3
        for pair in (triple[:2], triple[1:])
        if len(recurring.get(pair, ())) == len(spans)
    }
    closed = {gram: spans for gram, spans in recurring.items() if gram not in subsumed}
    taken: set[int] = set()
    phrases: dict[str, list[tuple[int, int]]] = {}
    for gram, spans in sorted(closed.items(), key=lambda item: (-len(item[1]), -len(item[0]))):
        free = [(start, end) for start, end in spans if not taken & set(range(start, end))]
        if len(free) >= 2:
            phrases["".join(gram)] = free
            taken.update(position for start, end in free for position in range(start, end))
    return phrases


def _terms(tokens: Sequence[Token], fixed: Mapping[str, Sequence[tuple[int, int]]]) -> list[_Term]:
    """The terms to rank: fixed phrases, recurring noun phrases and words.

    ``fixed`` maps a phrase that must stay whole (a slogan, an official's name) to its spans; a
    word's occurrence inside a fixed phrase or a keyphrase counts for that phrase only.
    """
    drop = stopwords()
    fixed_keys = frozenset(fixed)
    covered = {position for spans in fixed.values() for start, end in spans for position in range(start, end)}
    # A word that overlaps a fixed phrase at all belongs to it (jieba may cut across its edge).
    candidates = [
        token
        for token in tokens
        if covered.isdisjoint(range(token.start, token.end)) and _is_candidate(token, drop, fixed_keys)
    ]
    phrases = _phrases(candidates, fixed_keys)
    covered |= {
        position for spans in phrases.values() for start, end in spans for position in range(start, end)
    }
    words: dict[str, list[tuple[int, int]]] = defaultdict(list)
    tags: dict[str, str] = {}
    for token in candidates:
        if token.start not in covered:
            words[token.text].append((token.start, token.end))
            tags.setdefault(token.text, token.pos or "x")
    merged = {**words, **phrases}
    for key, spans in fixed.items():
        merged[key] = [*merged.get(key, []), *spans]
    return [_Term(key, sorted(set(spans)), tags.get(key, "phrase")) for key, spans in merged.items() if spans]


def _score_tfidf(terms: list[_Term], idf: IdfTable, lead_end: int, title: str, *, power: float) -> None:
    """Frequency times IDF, weighted by part of speech and by a place in the lead or the title."""
    total = sum(len(term.spans) for term in terms) or 1
    for term in terms:
        weight = idf[term.key] if term.key in idf.weights else _phrase_idf(term.key, idf)
        weight = weight**power * _TAG_WEIGHTS.get(term.tag, 1.0)
        if term.spans[0][0] < lead_end:
            weight *= _LEAD_WEIGHT
        if term.key in title:
            weight *= _TITLE_WEIGHT
        term.score = len(term.spans) / total * weight


def _phrase_idf(key: str, idf: IdfTable) -> float:
    # A phrase missing from the table weighs as its rarer half would: 项目建设 as 建设 or 项目.
    halves = [
        idf[key[:cut]] for cut in range(1, len(key)) if key[:cut] in idf.weights and key[cut:] in idf.weights
    ]
    return max(halves) if halves else idf.default


def _score_textrank(terms: list[_Term]) -> None:
    """PageRank over the graph of terms written within five terms of each other."""
    sequence = [key for _, key in sorted((span, term.key) for term in terms for span in term.spans)]
    edges: dict[str, Counter[str]] = defaultdict(Counter)
    for index, word in enumerate(sequence):
        for other in sequence[index + 1 : index + _TEXTRANK_WINDOW]:
            if other != word:
                edges[word][other] += 1
                edges[other][word] += 1
    rank = dict.fromkeys(edges, 1.0)
    for _ in range(50):
        rank = {
            word: (1 - _TEXTRANK_DAMPING)
            + _TEXTRANK_DAMPING
            * sum(weight / sum(edges[other].values()) * rank[other] for other, weight in edges[word].items())
            for word in edges
        }
    top = max(rank.values(), default=1.0)
    for term in terms:
        term.score = rank.get(term.key, 0.0) / top


def keywords(
    source: Article | str,
    *,
    top_n: int = 10,
    method: Method = "tfidf",
    idf: IdfTable | None = None,
    words: Sequence[str] = (),
) -> tuple[Keyword, ...]:
    """The ``top_n`` keywords and keyphrases of an article, best first.

    ``method="tfidf"`` weighs each word's frequency in the article by its IDF (``idf``: a table
    from `fit_idf` or `IdfTable.load`; jieba's bundled table by default); ``method="textrank"``
    ranks words by PageRank over their co-occurrence. Slogans the article defines and ``words``
    (either script) are kept whole. Ties keep the order of first mention.

    >>> text = "寧德市召開項目建設攻堅動員大會。會議要求，打好項目建設攻堅戰，確保項目建設見實效。"
    >>> [keyword.text for keyword in keywords(text, top_n=3)]
    ['項目建設', '寧德市', '動員大會']
    """
    if source is None:
        message = "keywords() got None; pass an Article or a str"
        raise InputError(message)
    if method not in get_args(Method):
        message = f"unknown method {method!r}; choose one of: {', '.join(get_args(Method))}"
        raise OptionError(message)
    if top_n < 1:
        message = f"top_n must be 1 or more, not {top_n}"
        raise OptionError(message)
    if isinstance(words, str):
        message = "words must be a list of words, not one string"
        raise InputError(message)
    article = source if isinstance(source, Article) else analyze(source)
    extra = tuple(filter(None, (_simplified(word) for word in words)))
    tokens = segment(article, pos=True, words=extra)
    slogans = extract_slogans(article)
    return rank_keywords(
        article, tokens, slogans, officials_from_tokens(article, tokens), top_n=top_n, method=method, idf=idf
    )


def rank_keywords(
    article: Article,
    tokens: tuple[Token, ...],
    slogans: Sequence[Slogan],
    officials: Sequence[Official],
    *,
    top_n: int = 10,
    method: Method = "tfidf",
    idf: IdfTable | None = None,
) -> tuple[Keyword, ...]:
    """`keywords` on an article's tokens (cut with parts of speech), slogans and officials.

    For callers that have them already (`summarize`), so nothing is segmented or extracted twice.
    """
    terms = _terms(tokens, _fixed_phrases(article, slogans, officials))
    if method == "tfidf":
        lead = split_sentences(article.text)
        title = normalize(article.meta.title).text if article.meta.title else ""
        table, power = (bundled_idf(), _IDF_POWER) if idf is None else (idf, 1.0)
        _score_tfidf(terms, table, lead[0].end if lead else 0, title, power=power)
    else:
        _score_textrank(terms)
    terms.sort(key=lambda term: (-term.score, term.spans[0][0]))
    return tuple(_keyword(article, term) for term in terms[:top_n])


def _fixed_phrases(
    article: Article, slogans: Sequence[Slogan], officials: Sequence[Official]
) -> dict[str, list[tuple[int, int]]]:
    """The body spans of the slogans (documents aside) and of the officials' names."""
    fixed: dict[str, list[tuple[int, int]]] = defaultdict(list)
    named = [(slogan.key, slogan.mentions) for slogan in slogans if slogan.kind != "document"]
    named += [(official.key, official.mentions) for official in officials]
    for key, mentions in named:
        for mention in mentions:
            if mention.start is not None and mention.end is not None:
                fixed[key].append((mention.start, mention.end))
    return fixed


def _simplified(word: str) -> str:
    return normalize(word).text if word.strip() else ""


def _keyword(article: Article, term: _Term) -> Keyword:
    mentions = tuple(Mention.in_body(article, start, end) for start, end in sorted(term.spans))
    return Keyword(mentions[0].text, term.key, round(term.score, 6), mentions)
