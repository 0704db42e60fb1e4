"""Measure the foundation on real data: script detection, page parsing, offsets, speed, memory.

Usage (from the project root):
    python benchmarks/bench_foundation.py --sighan ../shared/data/sighan2005 \\
        --pfr ../shared/data/pfr1998/dev.jsonl

Prints the figures recorded in BENCHMARKS.md:
- script detection accuracy per line of the SIGHAN 2005 test sets (pku, msr Simplified; cityu, as
  Traditional), lines with at least one script-specific character;
- on People's Daily 1998 dev articles written out as plain-text pages (headline, then paragraphs):
  the share whose title is the headline, whose body is every paragraph after the headline block,
  and whose every normalised character traces back to the page; the same after converting each
  page to Traditional with OpenCC, plus agreement of the normalised texts of both versions;
- throughput of normalize() and analyze(), and peak memory of analyze() on a 5-million-character page;
- newsnlp's GroupConverter against opencc-python-reimplemented: lines that differ, and speed.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import tracemalloc
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path

from opencc import OpenCC

import newsnlp as nn
from newsnlp.normalize import converter
from newsnlp.normalize.opencc_tables import load_group_converter
from newsnlp.offsets import OffsetMap

SIGHAN_SETS = {"pku": "simplified", "msr": "simplified", "cityu": "traditional", "as": "traditional"}


def sighan_lines(folder: Path, name: str) -> list[str]:
    text = (folder / "testing" / f"{name}_test.utf8").read_text(encoding="utf-8-sig")
    return [line.strip() for line in text.splitlines() if line.strip()]


def script_detection(folder: Path) -> None:
    print("## Script detection, per line (SIGHAN 2005 test sets)")
    print("| set | expected | lines with evidence | correct | mixed | wrong |")
    print("|---|---|---|---|---|---|")
    for name, expected in SIGHAN_SETS.items():
        guesses = [nn.detect_script(line) for line in sighan_lines(folder, name)]
        judged = [guess for guess in guesses if guess.evidence]
        correct = sum(guess.script == expected for guess in judged)
        mixed = sum(guess.script == "mixed" for guess in judged)
        wrong = len(judged) - correct - mixed
        print(f"| {name} | {expected} | {len(judged)} | {correct / len(judged):.4f} | {mixed} | {wrong} |")


def pfr_articles(path: Path, limit: int | None) -> Iterator[tuple[str, list[str]]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            record = json.loads(line)
            yield record["doc_id"], [paragraph["text"] for paragraph in record["paragraphs"]]


_IDEOGRAPH_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def traceable(raw: str, text: str, offsets: OffsetMap) -> bool:
    """Every character maps to a non-empty place in raw, in order, that normalises to it.

    A Chinese character is checked against the Simplified conversion of the whole run of Chinese
    characters it sits in, since OpenCC converts by phrase (彷彿 -> 仿佛, 瞭解 -> 了解).
    """
    runs = {match.start(): match for match in _IDEOGRAPH_RUN.finditer(raw)}
    run_starts = sorted(runs)
    simplified = converter("simplified")
    previous = 0
    for index, char in enumerate(text):
        start, end = offsets.to_raw(index, index + 1)
        if start < previous:
            return False
        previous = start
        if char == "\n":
            continue
        if end <= start:
            return False
        source = raw[start:end]
        if source == char:
            continue
        if _IDEOGRAPH_RUN.fullmatch(char):
            run = runs[run_starts[bisect_right(run_starts, start) - 1]]
            converted = simplified.convert(run.group())
            if len(converted) != len(run.group()) or converted[start - run.start()] != char:
                return False
        elif char not in nn.normalize(source).text and nn.normalize(source).text != "":
            return False
    return True


def page_parsing(path: Path, limit: int | None) -> None:
    to_traditional = converter("traditional")
    counts = {"simplified": [0, 0, 0, 0], "traditional": [0, 0, 0, 0]}
    agree = chars = same_chars = 0
    elapsed = 0.0
    page_chars = 0
    for _, paragraphs in pfr_articles(path, limit):
        if len(paragraphs) < 2:
            continue
        page = "\n".join(paragraphs)
        texts = {}
        for script, raw in (("simplified", page), ("traditional", to_traditional.convert(page))):
            started = time.perf_counter()
            try:
                article = nn.analyze(raw)
            except nn.NewsnlpError:
                counts[script][3] += 1
                continue
            elapsed += time.perf_counter() - started
            page_chars += len(raw)
            headline = nn.normalize(paragraphs[0]).text
            counts[script][0] += nn.normalize(article.meta.title or "").text == headline
            expected_tail = nn.normalize(paragraphs[-1]).text
            counts[script][1] += article.text.endswith(expected_tail)
            counts[script][2] += traceable(raw, article.text, article.offsets)
            texts[script] = article.text
        if len(texts) == 2:
            agree += texts["simplified"] == texts["traditional"]
            chars += len(texts["simplified"])
            same_chars += sum(a == b for a, b in zip(texts["simplified"], texts["traditional"], strict=False))
    articles = sum(1 for _, paragraphs in pfr_articles(path, limit) if len(paragraphs) >= 2)
    print(f"\n## Page parsing, People's Daily 1998 dev ({articles} articles of 2+ paragraphs)")
    print("| pages | title = headline | body ends with the last paragraph | fully traceable | errors |")
    print("|---|---|---|---|---|")
    for script, (title, tail, trace, errors) in counts.items():
        shares = " | ".join(f"{count / articles:.4f}" for count in (title, tail, trace))
        print(f"| {script} | {shares} | {errors} |")
    print(
        "\nSimplified and Traditional versions normalise to the same text: "
        f"{agree / articles:.4f} of articles, {same_chars / max(chars, 1):.5f} of characters"
    )
    print(f"analyze(): {2 * articles / elapsed:.1f} pages/s, {page_chars / elapsed / 1000:.1f} k chars/s")


def throughput(folder: Path) -> None:
    print("\n## normalize() throughput (SIGHAN test sets, one call per line)")
    print("| set | characters | seconds | k chars/s |")
    print("|---|---|---|---|")
    for name in SIGHAN_SETS:
        lines = sighan_lines(folder, name)
        started = time.perf_counter()
        for line in lines:
            nn.normalize(line)
        elapsed = time.perf_counter() - started
        size = sum(map(len, lines))
        print(f"| {name} | {size} | {elapsed:.2f} | {size / elapsed / 1000:.1f} |")


def conversion(folder: Path) -> None:
    print("\n## OpenCC conversion: newsnlp's GroupConverter against opencc-python-reimplemented")
    print("| config | set | lines | lines that differ | package k chars/s | GroupConverter k chars/s |")
    print("|---|---|---|---|---|---|")
    for config, names in (("t2s", ("cityu", "as")), ("s2t", ("pku", "msr"))):
        reference, fast = OpenCC(config), load_group_converter(config)
        assert fast is not None
        for name in names:
            lines = sighan_lines(folder, name)
            size = sum(map(len, lines))
            started = time.perf_counter()
            expected = [reference.convert(line) for line in lines]
            reference_seconds = time.perf_counter() - started
            started = time.perf_counter()
            got = [fast.convert(line) for line in lines]
            fast_seconds = time.perf_counter() - started
            differ = sum(a != b for a, b in zip(expected, got, strict=True))
            print(
                f"| {config} | {name} | {len(lines)} | {differ} | {size / reference_seconds / 1000:.0f} | "
                f"{size / fast_seconds / 1000:.0f} |"
            )


def large_page(path: Path) -> None:
    paragraphs = [paragraph for _, article in pfr_articles(path, None) for paragraph in article]
    page = ""
    while len(page) < 5_000_000:
        page += "\n".join(paragraphs) + "\n"
    page = page[:5_000_000]
    started = time.perf_counter()
    article = nn.analyze(page)
    elapsed = time.perf_counter() - started
    # A second run under tracemalloc, which slows Python down several times, for the memory peak.
    tracemalloc.start()
    nn.analyze(page)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"\n## A 5,000,000-character page: analyze() {elapsed:.1f} s, peak Python memory "
        f"{peak / 2**20:.0f} MiB, body {len(article.text):,} characters, "
        f"{len(article.offsets.segments):,} offset segments"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sighan", type=Path, required=True, help="folder of the SIGHAN 2005 data")
    parser.add_argument("--pfr", type=Path, required=True, help="pfr1998 dev.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N pfr articles")
    parser.add_argument("--skip-large", action="store_true", help="skip the 5-million-character page")
    arguments = parser.parse_args()
    script_detection(arguments.sighan)
    page_parsing(arguments.pfr, arguments.limit)
    throughput(arguments.sighan)
    conversion(arguments.sighan)
    if not arguments.skip_large:
        large_page(arguments.pfr)


if __name__ == "__main__":
    main()
