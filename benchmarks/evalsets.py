"""Readers for the evaluation sets in ../shared/data, shared by the benchmark scripts.

The scripts run as ``python benchmarks/<script>.py``, so this folder is on ``sys.path``.
"""

from __future__ import annotations

import json
from pathlib import Path


def read_pfr_pages(path: Path, wanted: set[str]) -> dict[str, tuple[str, dict[str, int]]]:
    """Each wanted People's Daily article as a page (paragraphs joined by line breaks) and the
    offset of each paragraph in it."""
    pages = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["doc_id"] in wanted:
                offsets, position = {}, 0
                for paragraph in record["paragraphs"]:
                    offsets[paragraph["pid"]] = position
                    position += len(paragraph["text"]) + 1
                pages[record["doc_id"]] = ("\n".join(p["text"] for p in record["paragraphs"]), offsets)
    return pages


def read_lcsts(path: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """LCSTS posts as (text, human summary) pairs, the first ``limit`` when given."""
    posts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            posts.append((record["text"], record["summary"]))
            if limit and len(posts) >= limit:
                break
    return posts
