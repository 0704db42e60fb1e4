"""Person names: precision, recall and F1 against the names tagged in People's Daily (pfr1998).

Usage (from the project root):
    python benchmarks/bench_persons.py --pfr ../shared/data/pfr1998/dev.jsonl [--limit 300]

Gold: each paragraph's ``persons`` (maximal runs of ``nr`` tokens; see the data's PROVENANCE.md).
Runs of three or more tokens are mostly lists of names written back to back (江泽民李鹏乔石...):
they are left out, and so is any predicted span that overlaps one. Each article is written out as
a plain-text page, one paragraph per line, and read with newsnlp.analyze and extract_persons; a
predicted mention counts when its span in the page is exactly a gold span. Measured side by side:
plain jieba 0.42.1 (``jieba.posseg``, default dictionary) taking every ``nr`` word as a name,
paragraph by paragraph. newsnlp runs again on the page converted to Traditional with OpenCC.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import newsnlp as nn
from newsnlp.segment import _jieba

Span = tuple[int, int]


def read_articles(path: Path, limit: int | None) -> list[tuple[str, list[int], set[Span], set[Span]]]:
    """(page, paragraph offsets, gold spans, spans left out) for each article."""
    articles = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            paragraphs = json.loads(line)["paragraphs"]
            offsets, position = [], 0
            gold: set[Span] = set()
            ignored: set[Span] = set()
            for paragraph in paragraphs:
                offsets.append(position)
                for start, end, _, size in paragraph["persons"]:
                    (gold if size < 3 else ignored).add((position + start, position + end))
                position += len(paragraph["text"]) + 1
            articles.append(("\n".join(p["text"] for p in paragraphs), offsets, gold, ignored))
            if limit and len(articles) >= limit:
                break
    return articles


def jieba_names(page: str, offsets: list[int]) -> set[Span]:
    posseg = _jieba().posseg
    spans = set()
    for base, paragraph in zip(offsets, page.split("\n"), strict=True):
        position = base
        for pair in posseg.cut(paragraph):
            if pair.flag == "nr":
                spans.add((position, position + len(pair.word)))
            position += len(pair.word)
    return spans


def newsnlp_names(page: str, _: list[int]) -> set[Span]:
    persons = nn.extract_persons(nn.analyze(page))
    return {(mention.raw_start, mention.raw_end) for person in persons for mention in person.mentions}


def score(articles: list[tuple[str, list[int], set[Span], set[Span]]], names, traditional: bool = False):  # type: ignore[no-untyped-def]
    found = predicted = expected = skipped = 0
    for page, offsets, gold, ignored in articles:
        text = nn.normalize(page, target="traditional").text if traditional else page
        if len(text) != len(page):
            skipped += 1  # a length-changing conversion would move the gold offsets
            continue
        spans = {
            span
            for span in names(text, offsets)
            if not any(span[0] < end and start < span[1] for start, end in ignored)
        }
        predicted += len(spans)
        expected += len(gold)
        found += len(spans & gold)
    precision = found / predicted if predicted else 0.0
    recall = found / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return len(articles) - skipped, expected, precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pfr", type=Path, required=True, help="pfr1998 dev.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="the first N articles only")
    arguments = parser.parse_args()
    articles = read_articles(arguments.pfr, arguments.limit)
    print("## Person names in People's Daily (pfr1998), exact spans")
    print("| system | articles | gold names | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    systems = (
        ("plain jieba, every nr word", jieba_names, False),
        ("newsnlp.extract_persons", newsnlp_names, False),
        ("newsnlp.extract_persons, Traditional (OpenCC s2t)", newsnlp_names, True),
    )
    for label, names, traditional in systems:
        count, expected, precision, recall, f1 = score(articles, names, traditional)
        print(f"| {label} | {count} | {expected} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")


if __name__ == "__main__":
    main()
