"""Officials: mention precision and recall, and titles, on hand-annotated People's Daily articles.

Usage (from the project root):
    python benchmarks/bench_officials.py --pfr ../shared/data/pfr1998/dev.jsonl

The gold set is benchmarks/annotations/officials_pfr1998_dev.tsv (offsets only; its README says
how it was made). Each annotated article is written out as a plain-text page, one paragraph per
line, and read with newsnlp.analyze and extract_officials; the same again after OpenCC s2t.

- A predicted mention counts when its span in the page is exactly a gold name span.
- "titles right" is the share of gold officials with at least one annotated title whose
  newsnlp record (matched through any mention) has exactly the annotated titles.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from evalsets import read_pfr_pages

import newsnlp as nn

GOLD = Path(__file__).resolve().parent / "annotations" / "officials_pfr1998_dev.tsv"


@dataclass
class GoldOfficial:
    mentions: set[tuple[int, int]] = field(default_factory=set)
    titles: set[tuple[int, int]] = field(default_factory=set)


def read_gold(path: Path) -> dict[str, dict[str, list[dict[str, str]]]]:
    articles: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(lambda: defaultdict(list))
    with path.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            articles[row["doc_id"]][row["official"]].append(row)
    return articles


def gold_officials(rows: dict[str, list[dict[str, str]]], offsets: dict[str, int]) -> list[GoldOfficial]:
    officials = []
    for official, mentions in rows.items():
        if official == "0":
            continue
        gold = GoldOfficial()
        for row in mentions:
            base = offsets[row["pid"]]
            gold.mentions.add((base + int(row["name_start"]), base + int(row["name_end"])))
            for pair in filter(None, row["titles"].split(",")):
                start, end = map(int, pair.split("-"))
                gold.titles.add((base + start, base + end))
        officials.append(gold)
    return officials


Gold = dict[str, dict[str, list[dict[str, str]]]]


def evaluate(
    pages: dict[str, tuple[str, dict[str, int]]], gold: Gold, *, traditional: bool
) -> dict[str, float]:
    found = predicted = expected = 0
    titled = titled_right = 0
    skipped = 0
    for doc_id, (page, offsets) in pages.items():
        text = nn.normalize(page, target="traditional").text if traditional else page
        if len(text) != len(page):
            skipped += 1  # a length-changing conversion would move the gold offsets
            continue
        officials = [o for o in nn.extract_officials(nn.analyze(text)) if o.role == "official"]
        truth = gold_officials(gold[doc_id], offsets)
        spans = {(m.raw_start, m.raw_end): official for official in officials for m in official.mentions}
        predicted += len(spans)
        expected += sum(len(official.mentions) for official in truth)
        found += sum(1 for official in truth for span in official.mentions if span in spans)
        for official in truth:
            if not official.titles:
                continue
            titled += 1
            matches = {id(spans[span]): spans[span] for span in official.mentions if span in spans}
            want = {nn.normalize(page[start:end]).text for start, end in official.titles}
            if any(
                {nn.normalize(title).text for title in match.titles} == want for match in matches.values()
            ):
                titled_right += 1
    precision = found / predicted if predicted else 0.0
    recall = found / expected if expected else 0.0
    return {
        "articles": len(pages) - skipped,
        "mentions": expected,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "officials with titles": titled,
        "titles right": titled_right / titled if titled else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pfr", type=Path, required=True, help="pfr1998 dev.jsonl")
    parser.add_argument("--gold", type=Path, default=GOLD, help="the annotation file")
    arguments = parser.parse_args()
    gold = read_gold(arguments.gold)
    pages = read_pfr_pages(arguments.pfr, set(gold))
    print("## Officials on hand-annotated People's Daily dev articles")
    columns = ["pages", "articles", "gold mentions", "mention precision", "mention recall", "F1"]
    print("| " + " | ".join([*columns, "officials with titles", "titles right"]) + " |")
    print("|---|---|---|---|---|---|---|---|")
    for label, traditional in (("Simplified (as published)", False), ("Traditional (OpenCC s2t)", True)):
        scores = evaluate(pages, gold, traditional=traditional)
        print(
            f"| {label} | {scores['articles']} | {scores['mentions']} | {scores['precision']:.3f} | "
            f"{scores['recall']:.3f} | {scores['f1']:.3f} | {scores['officials with titles']} | "
            f"{scores['titles right']:.3f} |"
        )


if __name__ == "__main__":
    main()
