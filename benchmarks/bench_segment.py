"""Segmentation accuracy (SIGHAN 2005 bakeoff scoring), speed and first-call latency.

Usage (from the project root):
    python benchmarks/bench_segment.py --sighan ../shared/data/sighan2005

Prints one table of word-level F1 on the four SIGHAN 2005 test sets for:
- plain jieba 0.42.1 on the text as given (default dictionary, HMM on);
- plain jieba after OpenCC t2s and width folding, boundaries mapped back (newsnlp.normalize);
- newsnlp.segment without the news dictionary, and with it (the default);
- newsnlp.segment(fast=True) with jieba, and with rjieba when it is installed, and the number of
  lines where the two backends' tokens differ.
Then the throughput of newsnlp.segment on a mixed-script text of about 5 MB (UTF-8) against
bare jieba.cut on the same text already normalised to Simplified, and the time from
`import newsnlp` to the first segmented sentence (a fresh interpreter, jieba's cache warm).

Scoring follows the bakeoff's score script: precision, recall and F1 over word spans of the
line's characters with whitespace removed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import newsnlp as nn
from newsnlp import rust_cut
from newsnlp.segment import Segmenter, _jieba

SETS = ("pku", "msr", "cityu", "as")
Spans = Callable[[str], Iterable[tuple[int, int]]]  # raw line -> word spans in the raw line


def read_set(folder: Path, name: str) -> tuple[list[str], list[list[str]]]:
    gold_name = f"{name}_testing_gold.utf8" if name == "as" else f"{name}_test_gold.utf8"
    raw = (folder / "testing" / f"{name}_test.utf8").read_text(encoding="utf-8-sig").splitlines()
    gold = (folder / "gold" / gold_name).read_text(encoding="utf-8-sig").splitlines()
    return raw, [line.split() for line in gold]


def word_spans(words: Iterable[str]) -> set[tuple[int, int]]:
    spans, position = set(), 0
    for word in words:
        spans.add((position, position + len(word)))
        position += len(word)
    return spans


def compact_spans(line: str, spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Raw-line spans as spans over the line's non-whitespace characters."""
    index, compact = [], 0
    for char in line:
        index.append(compact)
        compact += not char.isspace()
    index.append(compact)
    result = set()
    for start, end in spans:
        piece = line[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            result.add((index[start + lead], index[end - trail]))
    return result


def score(raw: list[str], gold: list[list[str]], spans: Spans) -> tuple[float, float]:
    """Return (F1, seconds) over the whole set."""
    found = expected = correct = 0
    elapsed = 0.0
    for line, words in zip(raw, gold, strict=False):
        if not line.strip():
            continue
        started = time.perf_counter()
        predicted = compact_spans(line, spans(line))
        elapsed += time.perf_counter() - started
        truth = word_spans(words)
        found += len(predicted)
        expected += len(truth)
        correct += len(predicted & truth)
    precision, recall = correct / found, correct / expected
    return 2 * precision * recall / (precision + recall), elapsed


def plain_jieba() -> Spans:
    tokenizer = _jieba().Tokenizer()
    tokenizer.initialize()

    def spans(line: str) -> Iterable[tuple[int, int]]:
        return [(start, end) for _, start, end in tokenizer.tokenize(line)]

    return spans


def jieba_after_normalize() -> Spans:
    tokenizer = _jieba().Tokenizer()
    tokenizer.initialize()

    def spans(line: str) -> Iterable[tuple[int, int]]:
        normalized = nn.normalize(line)
        return [
            normalized.offsets.to_raw(start, end) for _, start, end in tokenizer.tokenize(normalized.text)
        ]

    return spans


def newsnlp_segment(segmenter: Segmenter) -> Spans:
    def spans(line: str) -> Iterable[tuple[int, int]]:
        return [(token.raw_start, token.raw_end) for token in segmenter.segment(line)]

    return spans


def accuracy(folder: Path) -> None:
    systems = {
        "jieba, text as given": plain_jieba(),
        "jieba after t2s + folding": jieba_after_normalize(),
        "newsnlp.segment, no news dictionary": newsnlp_segment(Segmenter(news_dictionary=False)),
        "newsnlp.segment (default)": newsnlp_segment(Segmenter()),
        "newsnlp.segment, fast=True (jieba)": newsnlp_segment(Segmenter(fast=True, backend="jieba")),
    }
    if rust_cut.available():
        systems["newsnlp.segment, fast=True (rjieba)"] = newsnlp_segment(
            Segmenter(fast=True, backend="rjieba")
        )
    data = {name: read_set(folder, name) for name in SETS}
    print("## Word segmentation F1 (SIGHAN 2005 test sets, bakeoff scoring)")
    print("| system | " + " | ".join(SETS) + " |")
    print("|---|" + "---|" * len(SETS))
    for system, spans in systems.items():
        cells = [f"{score(*data[name], spans)[0]:.4f}" for name in SETS]
        print(f"| {system} | " + " | ".join(cells) + " |")
    if rust_cut.available():
        jieba_fast, rjieba_fast = (
            Segmenter(fast=True, backend="jieba"),
            Segmenter(fast=True, backend="rjieba"),
        )
        cells = [
            str(sum(jieba_fast.segment(line) != rjieba_fast.segment(line) for line in data[name][0]))
            for name in SETS
        ]
        lines = [str(len(data[name][0])) for name in SETS]
        print("\nLines where rjieba's tokens differ from jieba's (fast mode, news dictionary on):")
        print("| | " + " | ".join(SETS) + " |")
        print("|---|" + "---|" * len(SETS))
        print("| lines | " + " | ".join(lines) + " |")
        print("| differing | " + " | ".join(cells) + " |")


def mixed_text(folder: Path, size: int) -> str:
    lines = []
    total = 0
    while total < size:
        for name in SETS:
            for line in read_set(folder, name)[0]:
                lines.append(line)
                total += len(line.encode("utf-8")) + 1
                if total >= size:
                    return "\n".join(lines)
    return "\n".join(lines)


def speed(folder: Path) -> None:
    text = mixed_text(folder, 5_000_000)
    simplified = nn.normalize(text).text
    tokenizer = _jieba().Tokenizer()
    tokenizer.initialize()
    started = time.perf_counter()
    bare = sum(1 for _ in tokenizer.cut(simplified))
    jieba_seconds = time.perf_counter() - started
    timings = {}
    segmenters = {"default": Segmenter(), "fast=True, jieba": Segmenter(fast=True, backend="jieba")}
    if rust_cut.available():
        segmenters["fast=True, rjieba"] = Segmenter(fast=True, backend="rjieba")
    for label, segmenter in segmenters.items():
        segmenter.segment("预热")
        started = time.perf_counter()
        tokens = len(segmenter.segment(text))
        timings[label] = (time.perf_counter() - started, tokens)
    print(
        f"\n## Speed on {len(text.encode('utf-8')):,} bytes ({len(text):,} characters) of mixed-script text"
    )
    print("| system | seconds | k chars/s | words | throughput vs bare jieba.cut |")
    print("|---|---|---|---|---|")
    print(
        f"| bare jieba.cut on the text already in Simplified | {jieba_seconds:.1f} | "
        f"{len(text) / jieba_seconds / 1000:.1f} | {bare:,} | 1.00 |"
    )
    for label, (seconds, tokens) in timings.items():
        print(
            f"| newsnlp.segment ({label}) on the mixed-script text | {seconds:.1f} | "
            f"{len(text) / seconds / 1000:.1f} | {tokens:,} | {jieba_seconds / seconds:.2f} |"
        )


def first_call() -> None:
    program = (
        "import time; started = time.perf_counter(); import newsnlp; "
        "newsnlp.segment('市委书记梁伟新在会上强调。'); print(time.perf_counter() - started)"
    )
    seconds = [float(subprocess.check_output([sys.executable, "-c", program], text=True)) for _ in range(3)]
    print(f"\nFirst call: import newsnlp to the first segmented sentence, best of 3: {min(seconds):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sighan", type=Path, required=True, help="folder of the SIGHAN 2005 data")
    parser.add_argument("--skip-speed", action="store_true", help="accuracy only")
    arguments = parser.parse_args()
    accuracy(arguments.sighan)
    if not arguments.skip_speed:
        speed(arguments.sighan)
        first_call()


if __name__ == "__main__":
    main()
