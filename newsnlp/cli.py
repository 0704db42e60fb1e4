"""The ``newsnlp`` command.

``newsnlp parse FILE...`` prints each parsed article as one line of JSON (UTF-8, Chinese not
escaped); ``-`` reads standard input. A file that cannot be parsed is reported on standard error
and makes the exit status 1, after the other files have been printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from newsnlp import __version__
from newsnlp.errors import NewsnlpError
from newsnlp.page import analyze

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsnlp", description="Read Chinese news articles.")
    parser.add_argument("--version", action="version", version=f"newsnlp {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse news pages and print them as JSON")
    parse.add_argument("files", nargs="+", metavar="FILE", help="text or HTML pages; - for standard input")
    parse.add_argument("--published", help="publication time for every file (ISO 8601)")
    parse.add_argument("--indent", type=int, default=None, help="pretty-print with this indent")
    return parser


def _parse_one(name: str, published: str | None, indent: int | None) -> str:
    data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    article = analyze(data, published=published)
    record = {"path": name, **article.to_dict()}
    return json.dumps(record, ensure_ascii=False, indent=indent)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    >>> main(["parse", "corpora/sample/ningde-2024-02-19.txt"])  # doctest: +ELLIPSIS
    {"path": "corpora/sample/ningde-2024-02-19.txt", "title": "全市“深學爭優、敢為爭先、實干爭效”行動...
    0
    """
    arguments = _parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    status = 0
    for name in arguments.files:
        try:
            print(_parse_one(name, arguments.published, arguments.indent))
        except (OSError, NewsnlpError) as error:
            print(f"newsnlp: {name}: {error}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
