"""Slogans: precision and recall on hand-annotated People's Daily articles.

Usage (from the project root):
    python benchmarks/bench_slogans.py --pfr ../shared/data/pfr1998/dev.jsonl

The gold set is benchmarks/annotations/slogans_pfr1998_dev.tsv (offsets and kinds only; its .md
file says how it was made). Each annotated article is written out as a plain-text page, one
paragraph per line, read with newsnlp.analyze and extract_slogans; the same again after OpenCC
s2t. Two scores:

- mentions: a predicted mention counts when its span in the page is exactly a gold span;
- phrases: each article's set of distinct phrases (Simplified keys), predicted against gold.

The baseline collects every “…” and 《…》 span, which is what a reader without newsnlp does.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from pathlib import Path

from evalsets import read_pfr_pages

import newsnlp as nn

GOLD = Path(__file__).resolve().parent / "annotations" / "slogans_pfr1998_dev.tsv"
QUOTED = re.compile("“([^“”]+)”|《([^《》]+)》")

Spans = set[tuple[int, int]]


def read_gold(path: Path) -> dict[str, list[dict[str, str]]]:
    articles: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            articles[row["doc_id"]].append(row)
    return articles


def gold_spans(rows: list[dict[str, str]], offsets: dict[str, int]) -> Spans:
    return {
        (offsets[row["pid"]] + int(row["start"]), offsets[row["pid"]] + int(row["end"]))
        for row in rows
        if row["pid"]
    }


def baseline_spans(page: str) -> Spans:
    return {match.span(1) if match.group(1) else match.span(2) for match in QUOTED.finditer(page)}


def scores(found: int, predicted: int, expected: int) -> tuple[float, float, float]:
    precision = found / predicted if predicted else 0.0
    recall = found / expected if expected else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate(
    pages: dict[str, tuple[str, dict[str, int]]], gold: dict[str, list[dict[str, str]]], *, method: str
) -> dict[str, float]:
    counts = dict.fromkeys(
        ["found", "predicted", "expected", "keys_found", "keys_predicted", "keys_expected"], 0
    )
    skipped = 0
    for doc_id, (page, offsets) in pages.items():
        text = nn.normalize(page, target="traditional").text if method == "traditional" else page
        if len(text) != len(page):
            skipped += 1  # a length-changing conversion would move the gold offsets
            continue
        truth = gold_spans(gold[doc_id], offsets)
        if method == "baseline":
            predicted = baseline_spans(page)
        else:
            slogans = nn.extract_slogans(nn.analyze(text))
            predicted = {(m.raw_start, m.raw_end) for slogan in slogans for m in slogan.mentions}
        counts["found"] += len(truth & predicted)
        counts["predicted"] += len(predicted)
        counts["expected"] += len(truth)
        true_keys = {nn.normalize(page[start:end]).text for start, end in truth}
        predicted_keys = {nn.normalize(page[start:end]).text for start, end in predicted}
        counts["keys_found"] += len(true_keys & predicted_keys)
        counts["keys_predicted"] += len(predicted_keys)
        counts["keys_expected"] += len(true_keys)
    mention = scores(counts["found"], counts["predicted"], counts["expected"])
    phrase = scores(counts["keys_found"], counts["keys_predicted"], counts["keys_expected"])
    return {
        "articles": len(pages) - skipped,
        "mentions": counts["expected"],
        "mention": mention,
        "phrase": phrase,
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
    print("## Slogans on hand-annotated People's Daily dev articles")
    columns = ["mention P", "mention R", "mention F1", "phrase P", "phrase R", "phrase F1"]
    print("| " + " | ".join(["method", "articles", "gold mentions", *columns]) + " |")
    print("|---|---|---|---|---|---|---|---|---|")
    methods = [
        ("every “…” and 《…》 (baseline)", "baseline"),
        ("extract_slogans, Simplified (as published)", "simplified"),
        ("extract_slogans, Traditional (OpenCC s2t)", "traditional"),
    ]
    for label, method in methods:
        result = evaluate(pages, gold, method=method)
        mention, phrase = result["mention"], result["phrase"]
        print(
            f"| {label} | {result['articles']} | {result['mentions']} | "
            + " | ".join(f"{value:.3f}" for value in (*mention, *phrase))
            + " |"
        )


if __name__ == "__main__":
    main()
