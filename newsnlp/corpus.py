"""Load a corpus of news articles into a pandas DataFrame, one row per article.

Files read: ``.txt``, ``.html`` and ``.htm`` (one article per file, bytes decoded by detection),
``.jsonl`` (one article per line), ``.csv`` and ``.parquet`` (one article per row; Parquet is read
in batches, so a file larger than memory streams). In JSON Lines, CSV and Parquet the
article is the first present field of ``raw``, ``html``, ``text``, ``content``; ``published``,
``url`` and ``id`` are read when present. A file or record that cannot be read or parsed becomes
a row whose ``error`` column says why; nothing is skipped silently.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsnlp.errors import InputError, NewsnlpError
from newsnlp.page import analyze

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ARTICLE_FIELDS", "COLUMNS", "SUFFIXES", "load_corpus"]

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv", ".parquet")
ARTICLE_FIELDS = ("raw", "html", "text", "content")
COLUMNS = (
    "path",
    "record",
    "id",
    "title",
    "kicker",
    "subtitle",
    "deck",
    "published",
    "source",
    "reporters",
    "photographers",
    "editors",
    "reviewers",
    "url",
    "encoding",
    "script",
    "text",
    "body",
    "error",
)


@dataclass(frozen=True)
class _Record:
    path: str
    record: int | None
    raw: str | bytes | None
    fields: dict[str, Any]
    error: str | None = None


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(item for item in path.rglob("*") if item.is_file() and item.suffix.lower() in SUFFIXES)
    if not path.exists():
        message = f"no such file or folder: {path}"
        raise InputError(message)
    if path.suffix.lower() not in SUFFIXES:
        message = f"cannot read {path.name}: supported files are {', '.join(SUFFIXES)}"
        raise InputError(message)
    return [path]


def _from_fields(path: str, number: int, fields: dict[str, Any]) -> _Record:
    raw = next((fields[name] for name in ARTICLE_FIELDS if isinstance(fields.get(name), str)), None)
    error = None if raw is not None else f"no article text in any of the fields {', '.join(ARTICLE_FIELDS)}"
    return _Record(path, number, raw, fields, error)


def _records(path: Path) -> Iterator[_Record]:
    import pandas as pd  # noqa: PLC0415 - pandas takes half a second to import; only corpora need it

    suffix = path.suffix.lower()
    name = str(path)
    try:
        if suffix in (".txt", ".html", ".htm"):
            yield _Record(name, None, path.read_bytes(), {})
        elif suffix == ".jsonl":
            with path.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines, start=1):
                    if not line.strip():
                        continue
                    try:
                        fields = json.loads(line)
                    except json.JSONDecodeError as error:
                        yield _Record(name, number, None, {}, f"invalid JSON: {error}")
                        continue
                    if not isinstance(fields, dict):
                        yield _Record(name, number, None, {}, "a JSON line must hold an object")
                        continue
                    yield _from_fields(name, number, fields)
        elif suffix == ".parquet":
            yield from _parquet_records(path)
        else:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            for number, row in enumerate(frame.to_dict("records"), start=1):
                yield _from_fields(name, number, {str(key): value for key, value in row.items()})
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        yield _Record(name, None, None, {}, f"cannot read the file: {error}")


def _parquet_records(path: Path) -> Iterator[_Record]:
    """The rows of a Parquet file, a batch at a time."""
    import pyarrow.parquet as pq  # noqa: PLC0415 - only Parquet corpora need it

    number = 0
    try:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1000):
            for row in batch.to_pylist():
                number += 1
                yield _from_fields(str(path), number, {str(key): value for key, value in row.items()})
    except ValueError as error:  # pyarrow's ArrowInvalid: not Parquet, or a damaged file
        yield _Record(str(path), None, None, {}, f"cannot read the file: {error}")


def _row(record: _Record) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(path=record.path, record=record.record, id=record.fields.get("id"), error=record.error)
    if record.raw is None:
        return row
    try:
        article = analyze(
            record.raw,
            published=record.fields.get("published") or None,
            url=record.fields.get("url") or None,
        )
    except NewsnlpError as error:
        row["error"] = f"{type(error).__name__}: {error}"
        return row
    meta = article.meta.to_dict()
    meta["published"] = article.meta.published
    row.update({key: value for key, value in meta.items() if key in row})
    row.update(text=article.text, body=list(article.body))
    return row


def load_corpus(path: str | Path) -> pd.DataFrame:
    """Read a file or a folder of articles into a DataFrame with one row per article.

    Columns: ``path``, ``record`` (line or row number within a JSON Lines or CSV file),
    ``id``, the `Meta` fields, ``text`` (normalised body), ``body`` (paragraphs in the article's
    own script) and ``error`` (None, or why the row could not be read or parsed).

    >>> frame = load_corpus("corpora/sample")
    >>> frame[["title", "source", "error"]].iloc[0].tolist()[1:]
    ['閩東日報', None]
    """
    import pandas as pd  # noqa: PLC0415 - see _records

    files = _files(Path(path))
    rows = [_row(record) for file in files for record in _records(file)]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    failed = int(frame["error"].notna().sum())
    if failed:
        logger.warning(
            "%d of %d records in %s could not be parsed; see the error column", failed, len(frame), path
        )
    return frame
