"""Summaries: character ROUGE-1/2/L F1 against the human summaries of LCSTS posts, and speed.

Usage (from the project root):
    python benchmarks/bench_summarize.py --lcsts ../shared/data/lcsts/dev.jsonl [--limit N]

Each method gives a one-sentence extractive summary of each post: the first sentence (lead-1),
newsnlp ``summarize(text, n_sentences=1)``, SnowNLP's TextRank ``SnowNLP(text).summary(1)`` and
JioNLP's ``summary.extract_summary(text, summary_length=40)`` (about one sentence). Scores are F1 over
characters, punctuation and spaces left out, averaged over posts. SnowNLP and JioNLP are not
newsnlp dependencies: to measure them in the same run, install them beside newsnlp in a separate
environment:

    python -m venv .venv-bench && .venv-bench/bin/pip install -e . snownlp jionlp
    .venv-bench/bin/python benchmarks/bench_summarize.py --lcsts ../shared/data/lcsts/dev.jsonl

A method whose library is missing is reported as such, not skipped silently.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from evalsets import read_lcsts

import newsnlp as nn
from newsnlp.sentences import split_sentences
from newsnlp.summarize import summarize

_NOT_COUNTED = re.compile(r"[\W_]+")


def characters(text: str) -> list[str]:
    return list(_NOT_COUNTED.sub("", text))


def ngram_f1(candidate: list[str], reference: list[str], n: int) -> float:
    ours = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    theirs = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    overlap = sum((ours & theirs).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(ours.values()), overlap / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def lcs_f1(candidate: list[str], reference: list[str]) -> float:
    if not candidate or not reference:
        return 0.0
    previous = [0] * (len(reference) + 1)
    for char in candidate:
        current = [0]
        for index, other in enumerate(reference):
            current.append(previous[index] + 1 if char == other else max(previous[index + 1], current[index]))
        previous = current
    length = previous[-1]
    if not length:
        return 0.0
    precision, recall = length / len(candidate), length / len(reference)
    return 2 * precision * recall / (precision + recall)


def lead(text: str) -> str:
    spans = split_sentences(text)
    return spans[0].text if spans else text


def ours(text: str) -> str:
    return summarize(text, n_sentences=1).text


def optional_methods() -> dict[str, Callable[[str], str] | None]:
    methods: dict[str, Callable[[str], str] | None] = {}
    try:
        from snownlp import SnowNLP  # noqa: PLC0415  (optional, benchmark only)

        methods["SnowNLP summary(1)"] = lambda text: "".join(SnowNLP(text).summary(1))
    except ImportError:
        methods["SnowNLP summary(1)"] = None
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            import jionlp  # noqa: PLC0415  (optional, benchmark only)

        methods["JioNLP extract_summary(40)"] = lambda text: jionlp.summary.extract_summary(
            text, summary_length=40
        )
    except ImportError:
        methods["JioNLP extract_summary(40)"] = None
    return methods


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lcsts", type=Path, required=True, help="lcsts dev.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="only the first N posts")
    arguments = parser.parse_args()
    posts = read_lcsts(arguments.lcsts, arguments.limit)
    methods: dict[str, Callable[[str], str] | None] = {
        "first sentence (lead-1)": lead,
        "newsnlp summarize(n_sentences=1)": ours,
        **optional_methods(),
    }
    ours("预热：市委书记主持会议。")  # load jieba and the dictionaries before timing
    print(f"## Summaries on LCSTS dev ({len(posts)} posts): character ROUGE F1")
    print("| method | ROUGE-1 | ROUGE-2 | ROUGE-L | mean length | ms per post |")
    print("|---|---|---|---|---|---|")
    for label, method in methods.items():
        if method is None:
            print(f"| {label} | not installed | | | | |")
            continue
        totals = [0.0, 0.0, 0.0]
        length = 0
        started = time.perf_counter()
        for text, reference in posts:
            try:
                summary = method(text)
            except nn.NewsnlpError:
                summary = ""
            candidate, gold = characters(summary), characters(reference)
            totals[0] += ngram_f1(candidate, gold, 1)
            totals[1] += ngram_f1(candidate, gold, 2)
            totals[2] += lcs_f1(candidate, gold)
            length += len(candidate)
        elapsed = (time.perf_counter() - started) * 1000 / len(posts)
        scores = " | ".join(f"{total / len(posts):.3f}" for total in totals)
        print(f"| {label} | {scores} | {length / len(posts):.1f} | {elapsed:.2f} |")


if __name__ == "__main__":
    main()
