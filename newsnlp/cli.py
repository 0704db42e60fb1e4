"""The ``newsnlp`` command.

- ``newsnlp parse FILE...`` prints each parsed article as one line of JSON (UTF-8, Chinese not
  escaped);
- ``newsnlp summarize FILE... [--format json|markdown] [--sentences N]`` prints each article's
  summary (key sentences, keywords, officials, slogans and dates);
- ``newsnlp corpus PATH --out DIR`` analyses a corpus, writes its tables as CSV and Parquet and
  prints a short report; a missing or unreadable path makes the exit status 1.

``-`` reads standard input. A file that cannot be read is reported on standard error and makes
the exit status 1, after the other files have been printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from newsnlp import __version__
from newsnlp.corpus_analysis import analyze_corpus
from newsnlp.errors import NewsnlpError, OptionError
from newsnlp.page import analyze
from newsnlp.summarize import summarize

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsnlp", description="Read Chinese news articles.")
    parser.add_argument("--version", action="version", version=f"newsnlp {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse news pages and print them as JSON")
    parse.add_argument("files", nargs="+", metavar="FILE", help="text or HTML pages; - for standard input")
    parse.add_argument("--published", help="publication time for every file (ISO 8601)")
    parse.add_argument("--indent", type=int, default=None, help="pretty-print with this indent")
    summary = commands.add_parser(
        "summarize",
        help="summarise news pages: key sentences, keywords, officials, slogans, dates",
        description="Example: newsnlp summarize --format markdown corpora/sample/ningde-2024-02-19.txt",
    )
    summary.add_argument("files", nargs="+", metavar="FILE", help="text or HTML pages; - for standard input")
    summary.add_argument("--published", help="publication time for every file (ISO 8601)")
    summary.add_argument("--format", choices=["json", "markdown"], default="json", help="output format")
    summary.add_argument("--sentences", type=int, default=3, help="sentences in the summary (default 3)")
    summary.add_argument("--indent", type=int, default=None, help="pretty-print JSON with this indent")
    corpus = commands.add_parser(
        "corpus",
        help="analyse a corpus and write its tables as CSV and Parquet",
        description=(
            "Analyse every article of a file or folder (.txt, .html, .jsonl, .csv) and write the tables "
            "articles, officials, slogans, dates, keywords, topics and errors to --out as CSV and "
            "Parquet, then print a short report. Example: newsnlp corpus corpora/sample-corpus "
            "--out results --engine processes --jobs 2"
        ),
    )
    corpus.add_argument("path", help="a corpus file or folder")
    corpus.add_argument("--out", required=True, help="folder for the tables (created if missing)")
    corpus.add_argument(
        "--engine",
        choices=["pandas", "processes", "dask"],
        default="pandas",
        help="how to run (default pandas)",
    )
    corpus.add_argument("--jobs", type=int, default=None, help="worker processes (default: every CPU)")
    corpus.add_argument("--topics", type=int, default=10, help="topics to fit; 0 for none (default 10)")
    corpus.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def _read(name: str) -> bytes:
    return sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()


def _parse_one(name: str, arguments: argparse.Namespace) -> str:
    article = analyze(_read(name), published=arguments.published)
    record = {"path": name, **article.to_dict()}
    return json.dumps(record, ensure_ascii=False, indent=arguments.indent)


def _summarize_one(name: str, arguments: argparse.Namespace) -> str:
    if arguments.sentences < 1:
        message = f"--sentences must be 1 or more, not {arguments.sentences}"
        raise OptionError(message)
    summary = summarize(analyze(_read(name), published=arguments.published), n_sentences=arguments.sentences)
    if arguments.format == "markdown":
        return summary.to_markdown()
    return json.dumps({"path": name, **summary.to_dict()}, ensure_ascii=False, indent=arguments.indent)


def _corpus(arguments: argparse.Namespace) -> int:
    result = analyze_corpus(
        arguments.path,
        engine=arguments.engine,
        n_jobs=arguments.jobs,
        topics=arguments.topics or None,
        progress=not arguments.no_progress,
    )
    written = result.to_files(arguments.out)
    print(f"articles: {len(result.articles)} analysed, {len(result.errors)} failed (see errors.csv)")
    officials = result.officials[result.officials["role"] == "official"]
    if not officials.empty:
        top = officials.groupby("name")["article"].nunique().sort_values(ascending=False).head(10)
        print("top officials: " + "、".join(f"{name} ({count})" for name, count in top.items()))
    if not result.slogans.empty:
        top = result.slogans.groupby("text")["count"].sum().sort_values(ascending=False).head(10)
        print("top slogans: " + "、".join(f"{text} ({count})" for text, count in top.items()))
    for row in result.topics.itertuples():
        print(f"topic {row.topic}: {row.label}")
    print(f"wrote {len(written)} files to {arguments.out}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    >>> main(["parse", "corpora/sample/ningde-2024-02-19.txt"])  # doctest: +ELLIPSIS
    {"path": "corpora/sample/ningde-2024-02-19.txt", "title": "全市“深學爭優、敢為爭先、實干爭效”行動...
    0
    """
    arguments = _parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if arguments.command == "corpus":
        try:
            return _corpus(arguments)
        except (OSError, NewsnlpError) as error:
            print(f"newsnlp: {arguments.path}: {error}", file=sys.stderr)
            return 1
    status = 0
    run = _parse_one if arguments.command == "parse" else _summarize_one
    for name in arguments.files:
        try:
            print(run(name, arguments))
        except (OSError, NewsnlpError) as error:
            print(f"newsnlp: {name}: {error}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
