"""Analyse a corpus: every article through `summarize`, gathered into pandas tables.

`analyze_corpus` takes a DataFrame (one article per row, raw page or text in a column) or a path
that `load_corpus` reads (a file or a folder of .txt, .html, .jsonl or .csv), runs each article
through `analyze` and `summarize`, and returns a `CorpusResult` of DataFrames. Engines:

- ``"pandas"``: one process, in order;
- ``"processes"``: a pool of ``n_jobs`` worker processes (every CPU by default); each worker
  loads jieba once and takes the articles in chunks, results come back in input order;
- ``"dask"``: ``dask.dataframe.map_partitions`` on whatever Dask client is active (a local
  scheduler when there is none); needs the ``newsnlp[dask]`` extra.

The engines give identical tables. An article that fails (empty, not Chinese, undecodable, or an
unexpected error in an analyser) becomes a row of ``errors`` with its reason and never stops the
corpus: every input row is either in ``articles`` or in ``errors``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from newsnlp.corpus import _files, _records
from newsnlp.errors import InputError, NewsnlpError, OptionError
from newsnlp.keywords import IdfTable, fit_idf
from newsnlp.normalize.decode import decode
from newsnlp.page import analyze
from newsnlp.summarize import Summary, summarize

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CorpusResult", "analyze_corpus"]

Engine = Literal["pandas", "processes", "dask"]

ARTICLE_COLUMNS = ["id", "title", "published", "source", "script", "n_chars", "keywords", "summary"]
OFFICIAL_COLUMNS = [
    "article", "published", "name", "key", "role", "titles", "organizations", "mentions", "first_position"
]  # fmt: skip
PERSON_COLUMNS = ["article", "published", "name", "key", "official", "mentions", "first_position"]
SLOGAN_COLUMNS = ["article", "published", "key", "text", "kind", "count", "confidence", "full_form"]
DATE_COLUMNS = [
    "article",
    "published",
    "text",
    "kind",
    "value",
    "start_date",
    "end_date",
    "resolved",
    "position",
]
KEYWORD_COLUMNS = ["article", "published", "rank", "text", "key", "score", "count"]
ERROR_COLUMNS = ["article", "error"]


@dataclass(frozen=True)
class _Item:
    """One article to analyse: its row label, the page, and what the caller said about it."""

    label: Any
    raw: str | bytes | None
    published: str | None = None
    identifier: Any = None
    error: str | None = None


@dataclass
class _Rows:
    """What one article adds to each table (plain values, so it pickles cheaply)."""

    label: Any
    article: dict[str, Any] | None = None
    officials: list[dict[str, Any]] = field(default_factory=list)
    persons: list[dict[str, Any]] = field(default_factory=list)
    slogans: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    keywords: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""
    error: str | None = None


@dataclass(frozen=True)
class CorpusResult:
    """The tables of an analysed corpus.

    ``articles`` has one row per article that was analysed, indexed like the input;
    ``officials``, ``persons`` (everyone named, ``official`` telling who is in ``officials``),
    ``slogans``, ``dates`` and ``keywords`` one row per record, with the article's label in
    ``article`` and its publication time in ``published``; ``topics`` one row per topic
    (empty when no topic model was fitted); ``errors`` one row per article that failed.

    ``folder`` is set when `analyze_corpus` wrote the tables as it read the corpus (``out=``):
    the tables then live in ``folder/<table>/part-*.parquet`` (read them with
    ``pandas.read_parquet(folder / "officials")``) and this record holds only ``errors``.
    """

    articles: pd.DataFrame
    officials: pd.DataFrame
    persons: pd.DataFrame
    slogans: pd.DataFrame
    dates: pd.DataFrame
    keywords: pd.DataFrame
    topics: pd.DataFrame
    errors: pd.DataFrame
    folder: Path | None = None

    def slogan_diffusion(self, *, freq: str = "M") -> pd.DataFrame:
        """How each slogan spread: first and last appearance, articles, and mentions per period.

        One row per slogan key, the columns ``kind``, ``first``, ``last``, ``articles``,
        ``mentions``, then one column per period from the first to the last (months by default;
        any pandas period alias), sorted by first appearance. Articles without a publication
        time are left out of it.
        """
        import pandas as pd  # noqa: PLC0415  (pandas is imported only for corpus work)

        table = self.slogans.dropna(subset=["published"])
        if table.empty:
            return pd.DataFrame(columns=["kind", "first", "last", "articles", "mentions"])
        # Periods by the calendar of the papers (China Standard Time), not of UTC.
        published = pd.to_datetime(table["published"], utc=True).dt.tz_convert("Asia/Shanghai")
        periods = published.dt.tz_localize(None).dt.to_period(freq)
        table = table.assign(period=periods.astype(str))
        summary = table.groupby("key").agg(
            kind=("kind", "first"),
            first=("published", "min"),
            last=("published", "max"),
            articles=("article", "nunique"),
            mentions=("count", "sum"),
        )
        counts = table.pivot_table(index="key", columns="period", values="count", aggfunc="sum", fill_value=0)
        # Every period from the first to the last, quiet ones included, so a chart has no gaps.
        every = [str(period) for period in pd.period_range(periods.min(), periods.max(), freq=freq)]
        counts = counts.reindex(columns=every, fill_value=0)
        return summary.join(counts).sort_values(["first", "mentions"], ascending=[True, False])

    def to_files(self, folder: str | Path, *, formats: Iterable[str] = ("csv", "parquet")) -> list[Path]:
        """Write every table as ``<folder>/<table>.csv`` and ``.parquet``; return the paths written."""
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for name in TABLES:
            table = _flat(getattr(self, name))
            for kind in formats:
                path = target / f"{name}.{kind}"
                if kind == "csv":
                    table.to_csv(path, index=name == "articles")
                elif kind == "parquet":
                    table.to_parquet(path, index=name == "articles")
                else:
                    message = f"unknown format {kind!r}; choose csv or parquet"
                    raise OptionError(message)
                written.append(path)
        return written


def _flat(table: pd.DataFrame) -> pd.DataFrame:
    """A copy whose list columns are joined with 、 (CSV and Parquet want plain cells)."""
    flat = table.copy()
    for column in flat.columns:
        if flat[column].map(lambda value: isinstance(value, list | tuple)).any():
            flat[column] = flat[column].map(
                lambda value: "、".join(map(str, value)) if value is not None else None
            )
        elif flat[column].dtype == object:
            flat[column] = flat[column].map(lambda value: value if value is None else str(value))
    return flat


def _rows(summary: Summary, label: Any, identifier: Any, n_chars: int) -> _Rows:
    published = summary.published
    rows = _Rows(label)
    rows.article = {
        "id": identifier,
        "title": summary.title,
        "published": published,
        "source": summary.source,
        "script": summary.script,
        "n_chars": n_chars,
        "keywords": [keyword.text for keyword in summary.keywords],
        "summary": summary.text,
    }
    base = {"article": label, "published": published}
    rows.officials = [
        {
            **base,
            "name": official.name,
            "key": official.key,
            "role": official.role,
            "titles": list(official.titles),
            "organizations": list(official.organizations),
            "mentions": len(official.mentions),
            "first_position": official.first_mention.raw_start,
        }
        for official in summary.officials
    ]
    rows.persons = [
        {
            **base,
            "name": person.name,
            "key": person.key,
            "official": person.official,
            "mentions": len(person.mentions),
            "first_position": min(mention.raw_start for mention in person.mentions),
        }
        for person in summary.persons
    ]
    rows.slogans = [
        {
            **base,
            "key": slogan.key,
            "text": slogan.text,
            "kind": slogan.kind,
            "count": slogan.count,
            "confidence": slogan.confidence,
            "full_form": slogan.full_form,
        }
        for slogan in summary.slogans
    ]
    rows.dates = [
        {
            **base,
            "text": mention.text,
            "kind": mention.kind,
            "value": mention.value,
            "start_date": mention.start_date,
            "end_date": mention.end_date,
            "resolved": mention.resolved,
            "position": mention.raw_start,
        }
        for mention in summary.dates
    ]
    rows.keywords = [
        {
            **base,
            "rank": rank,
            "text": keyword.text,
            "key": keyword.key,
            "score": keyword.score,
            "count": len(keyword.mentions),
        }
        for rank, keyword in enumerate(summary.keywords, start=1)
    ]
    return rows


def _analyze_item(item: _Item, idf: IdfTable | None = None) -> _Rows:
    """Analyse one article; any failure becomes the reason in ``error`` (never raised)."""
    if item.error is not None:
        return _Rows(item.label, error=item.error)
    try:
        article = analyze(item.raw, published=item.published or None)  # type: ignore[arg-type]
        rows = _rows(summarize(article, idf=idf), item.label, item.identifier, len(article.text))
        rows.text = article.text
    except NewsnlpError as error:
        return _Rows(item.label, error=f"{type(error).__name__}: {error}")
    except Exception as error:  # one bad article must not stop the corpus; its reason is kept
        return _Rows(item.label, error=f"unexpected {type(error).__name__}: {error}")
    return rows


def _analyze_partition(frame: pd.DataFrame, idf: IdfTable | None = None) -> pd.DataFrame:
    """Dask's unit of work: a partition of items in, a partition of results out."""
    import pandas as pd  # noqa: PLC0415

    return pd.DataFrame({"rows": [_analyze_item(item, idf) for item in frame["item"]]}, index=frame.index)


def _items_from_frame(frame: pd.DataFrame, text: str, published: str, identifier: str) -> Iterator[_Item]:
    if text not in frame.columns:
        message = f"the DataFrame has no column {text!r}; pass text= with the column that holds the articles"
        raise InputError(message)
    for label, row in frame.iterrows():
        raw = row[text]
        moment = row[published] if published in frame.columns else None
        when = None if moment is None or _missing(moment) else str(moment)
        ident = row[identifier] if identifier in frame.columns else label
        if not isinstance(raw, str | bytes):
            got = "nothing" if _missing(raw) else type(raw).__name__
            yield _Item(label, None, when, ident, f"InputError: the {text!r} cell holds {got}, not text")
        else:
            yield _Item(label, raw, when, ident)


def _missing(value: Any) -> bool:
    import pandas as pd  # noqa: PLC0415

    return value is None or (not isinstance(value, list | tuple | dict) and bool(pd.isna(value)))


def _items_from_path(path: Path) -> Iterator[_Item]:
    for number, record in enumerate(record for file in _files(path) for record in _records(file)):
        label = f"{record.path}:{record.record}" if record.record is not None else record.path
        moment = record.fields.get("published")
        yield _Item(
            label,
            record.raw,
            str(moment) if moment else None,
            record.fields.get("id", number),
            record.error,
        )


def _run(
    items: list[_Item], engine: Engine, n_jobs: int, progress: bool, idf: IdfTable | None
) -> list[_Rows]:
    bar = None
    if progress:
        from tqdm.auto import tqdm  # noqa: PLC0415  (only when the caller asks for a bar)

        bar = tqdm(total=len(items), unit="article")
    results: list[_Rows] = []
    if engine == "pandas" or (engine == "processes" and n_jobs == 1):
        for item in items:
            results.append(_analyze_item(item, idf))
            if bar is not None:
                bar.update()
    elif engine == "processes":
        chunk = max(1, min(64, len(items) // (n_jobs * 4) or 1))
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            for rows in pool.map(partial(_analyze_item, idf=idf), items, chunksize=chunk):
                results.append(rows)
                if bar is not None:
                    bar.update()
    else:
        results = _run_dask(items, n_jobs, idf)
        if bar is not None:
            bar.update(len(items))
    if bar is not None:
        bar.close()
    return results


def _run_dask(items: list[_Item], n_jobs: int, idf: IdfTable | None) -> list[_Rows]:
    try:
        import dask  # noqa: PLC0415  (optional: the newsnlp[dask] extra)
        import dask.dataframe as dd  # noqa: PLC0415
    except ImportError:
        message = 'engine="dask" needs Dask: pip install "newsnlp[dask]"'
        raise OptionError(message) from None
    import pandas as pd  # noqa: PLC0415

    frame = pd.DataFrame({"item": items}, index=range(len(items)))
    partitions = max(1, min(len(items), n_jobs * 4))
    # The items are Python objects: Dask must not turn the column into Arrow strings.
    with dask.config.set({"dataframe.convert-string": False}):
        collection = dd.from_pandas(frame, npartitions=partitions, sort=True)  # type: ignore[no-untyped-call]  # Dask leaves it untyped
        meta = pd.DataFrame({"rows": pd.Series(dtype=object)})
        result = collection.map_partitions(_analyze_partition, idf=idf, meta=meta).compute()
    return list(result.sort_index()["rows"])


def analyze_corpus(
    source: pd.DataFrame | str | Path,
    *,
    text: str = "text",
    published: str = "published",
    id: str = "id",  # the column name users have
    engine: Engine = "pandas",
    n_jobs: int | None = None,
    topics: int | None = 10,
    idf: IdfTable | Literal["fit"] | None = None,
    progress: bool = False,
    out: str | Path | None = None,
    chunk_size: int = 1000,
) -> CorpusResult:
    r"""Analyse every article of a corpus into tables of articles, officials, slogans, dates, keywords.

    ``source`` is a DataFrame whose ``text`` column holds each article (a page or plain text; the
    ``published`` and ``id`` columns are read when present), or a path for `load_corpus`.
    ``topics`` fits a topic model with that many topics on the analysed articles when there are
    at least twice as many articles, and adds ``main_topic`` and ``topic_label`` to ``articles``;
    None skips it. ``idf`` is the IDF table for the keywords: jieba's by default, a table from
    `fit_idf`, or ``"fit"`` to fit one on this corpus first (so that words every article of the
    corpus uses, such as its city's name, do not top every article's keywords).

    ``out`` streams a corpus larger than memory: articles are read ``chunk_size`` at a time and
    each chunk's tables are written to ``out/<table>/part-NNNNN.parquet`` before the next is read;
    the result holds only ``errors`` and ``folder``. Topics and ``idf="fit"`` need the whole
    corpus at once, so they are refused with ``out``.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"text": ["標題\n市委書記梁偉新主持會議，部署“三爭”行動。", ""]})
    >>> result = analyze_corpus(frame, topics=None)
    >>> result.officials[["article", "name", "titles"]].to_dict("records")
    [{'article': 0, 'name': '梁偉新', 'titles': ['市委書記']}]
    >>> result.errors["article"].tolist()
    [1]
    """
    if engine not in get_args(Engine):
        message = f"unknown engine {engine!r}; choose one of: {', '.join(get_args(Engine))}"
        raise OptionError(message)
    jobs = n_jobs if n_jobs is not None else (os.cpu_count() or 1)
    if jobs < 1:
        message = f"n_jobs must be 1 or more, not {jobs}"
        raise OptionError(message)
    if topics is not None and topics < 2:
        message = f"topics must be 2 or more, or None, not {topics}"
        raise OptionError(message)
    if source is None:
        message = "analyze_corpus() got None; pass a DataFrame or a path"
        raise InputError(message)
    if isinstance(source, str | Path):
        stream = _items_from_path(Path(source))
    else:
        stream = _items_from_frame(source, text, published, id)
    if out is not None:
        if topics is not None or idf == "fit":
            message = "topics and idf='fit' need the whole corpus at once; with out= pass topics=None"
            raise OptionError(message)
        if chunk_size < 1:
            message = f"chunk_size must be 1 or more, not {chunk_size}"
            raise OptionError(message)
        given = idf if isinstance(idf, IdfTable) else None
        return _stream(
            stream, Path(out), chunk_size, lambda items: _run(items, engine, jobs, progress, given)
        )
    items = list(stream)
    if idf == "fit":
        table = _fit_idf(items, jobs if engine != "pandas" else 1)
    elif idf is None or isinstance(idf, IdfTable):
        table = idf
    else:
        message = f"idf must be an IdfTable, 'fit' or None, not {idf!r}"
        raise OptionError(message)
    return _tables(_run(items, engine, jobs, progress, table), topics)


TABLES = ("articles", "officials", "persons", "slogans", "dates", "keywords", "topics", "errors")


def _stream(
    items: Iterator[_Item], folder: Path, chunk_size: int, run: Callable[[list[_Item]], list[_Rows]]
) -> CorpusResult:
    """Analyse ``chunk_size`` items at a time and write each chunk's tables as Parquet parts."""
    import pandas as pd  # noqa: PLC0415

    errors = []
    for number, chunk in enumerate(_batches(items, chunk_size)):
        result = _tables(run(chunk), None)
        for name in TABLES:
            if name != "topics":
                (folder / name).mkdir(parents=True, exist_ok=True)
                _flat(getattr(result, name)).to_parquet(folder / name / f"part-{number:05d}.parquet")
        errors.append(result.errors)
    empty = _tables([], None)
    everything = pd.concat(errors, ignore_index=True) if errors else empty.errors
    return dataclasses.replace(empty, errors=everything, folder=folder)


def _batches(items: Iterator[_Item], size: int) -> Iterator[list[_Item]]:
    batch: list[_Item] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _add_topics(articles: pd.DataFrame, texts: list[str], topics: int) -> pd.DataFrame:
    """Fit the topic model, add each article's main topic and its label; return the topics.

    A corpus too small or too uniform for the model (fewer distinct words than topics) gets no
    topics: the columns stay empty rather than the corpus failing.
    """
    import pandas as pd  # noqa: PLC0415

    from newsnlp.topics import TopicModel  # noqa: PLC0415  (scikit-learn loads only when asked)

    try:
        model = TopicModel(n_topics=topics)
        shares = model.fit_transform(texts)  # segments each text once
    except InputError:
        articles["main_topic"] = None
        articles["topic_label"] = None
        return pd.DataFrame(columns=["topic", "label", "terms", "weights"])
    main = [int(row.idxmax()) if row.sum() > 0 else -1 for _, row in shares.iterrows()]
    labels = dict(zip(model.topics_["topic"], model.topics_["label"], strict=True))
    articles["main_topic"] = main
    articles["topic_label"] = [labels.get(topic) for topic in main]
    return model.topics_


def _fit_idf(items: list[_Item], n_jobs: int) -> IdfTable | None:
    """An IDF table fitted on the corpus's pages (decoded when bytes); None for no readable page."""
    texts = []
    for item in items:
        if isinstance(item.raw, bytes):
            with contextlib.suppress(NewsnlpError):  # the article will report its own error
                texts.append(decode(item.raw).text)
        elif isinstance(item.raw, str) and item.raw.strip():
            texts.append(item.raw)
    return fit_idf(texts, n_jobs=n_jobs) if texts else None


def _tables(results: list[_Rows], topics: int | None) -> CorpusResult:
    import pandas as pd  # noqa: PLC0415

    done = [rows for rows in results if rows.error is None]
    articles = pd.DataFrame(
        [rows.article for rows in done], index=[rows.label for rows in done], columns=ARTICLE_COLUMNS
    )

    def table(name: str, columns: list[str]) -> pd.DataFrame:
        return pd.DataFrame([row for rows in done for row in getattr(rows, name)], columns=columns)

    topic_table = pd.DataFrame(columns=["topic", "label", "terms", "weights"])
    if topics is not None and len(done) >= 2 * topics:
        topic_table = _add_topics(articles, [rows.text for rows in done], topics)
    errors = pd.DataFrame(
        [{"article": rows.label, "error": rows.error} for rows in results if rows.error is not None],
        columns=ERROR_COLUMNS,
    )
    return CorpusResult(
        articles=articles,
        officials=table("officials", OFFICIAL_COLUMNS),
        persons=table("persons", PERSON_COLUMNS),
        slogans=table("slogans", SLOGAN_COLUMNS),
        dates=table("dates", DATE_COLUMNS),
        keywords=table("keywords", KEYWORD_COLUMNS),
        topics=topic_table,
        errors=errors,
    )
