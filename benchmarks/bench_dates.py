"""Date extraction figures: JioNLP's time-parser cases and hand-annotated People's Daily dates.

Usage:
    python benchmarks/bench_dates.py --jionlp /work/shared/data/jionlp_time/dev.jsonl \
        [--pfr /work/shared/data/pfr1998/dev.jsonl --gold benchmarks/annotations/dates_pfr1998_dev.tsv]

(a) jionlp_time. Each case's input string is read with its reference time (``time_base_cst``);
cases whose base is none/now or a dict (a partial base) are skipped and counted. JioNLP's expected
``[start, end]`` datetime pair is compared with ours: a mention's interval becomes
``[start_date 00:00:00, end_date 23:59:59]``, or, for a time, the time to the end of its hour or
minute (as JioNLP writes it). The mention compared is the one covering the most of the input;
when the input is a range (two or more mentions with 至/到/—/~ between them) the pair runs from
the first mention's start to the last mention's end. time_delta cases count as identical when a
single duration mention covers the whole input (we give durations no value); time_period cases
(每年...) are not supported and are reported as such.

(b) pfr1998 with a gold file (``doc_id pid start end kind value``; offsets into the paragraph's
``text``): each article is read as one page with published = the article's date (so a dateline
dates the paragraphs after it), and each line the page parser keeps out of the body (headline,
dateline, credits) is read alone. Exact-span
precision, recall and F1 over mentions, and the share of exactly matched spans whose value equals
the gold value. Data paths are arguments only; nothing is copied into the project.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from newsnlp import analyze
from newsnlp.errors import InputError
from newsnlp.extract.dates import DateMention, extract_dates

RANGE = re.compile("[至到－—~\uff5e-]")


def _interval(mention: DateMention) -> tuple[str, str] | None:
    if mention.start_date is None or mention.end_date is None:
        return None
    if "T" in mention.value and "/" not in mention.value:
        moment = datetime.fromisoformat(mention.value)
        if mention.granularity == "hour":
            end = moment + timedelta(minutes=59, seconds=59)
        elif mention.granularity == "minute":
            end = moment + timedelta(seconds=59)
        else:
            end = moment
        return moment.strftime("%Y-%m-%d %H:%M:%S"), end.strftime("%Y-%m-%d %H:%M:%S")
    return f"{mention.start_date} 00:00:00", f"{mention.end_date} 23:59:59"


def _pair(text: str, mentions: tuple[DateMention, ...]) -> tuple[str, str] | None:
    """Our answer for one JioNLP input: the widest mention, or the union over a range."""
    dated = [mention for mention in mentions if mention.start_date is not None]
    if not dated:
        return None
    if len(dated) >= 2 and RANGE.search(text[dated[0].end : dated[-1].start]):
        first, last = _interval(dated[0]), _interval(dated[-1])
        return (first[0], last[1]) if first and last else None
    widest = max(dated, key=lambda mention: mention.end - mention.start)
    return _interval(widest)


def bench_jionlp(path: Path) -> None:
    totals: Counter[str] = Counter()
    same: Counter[str] = Counter()
    skipped = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        base = case["time_base"]
        if "none" in base or "now" in base or "dict" in base or case["time_base_cst"] is None:
            skipped += 1
            continue
        expected = case["expected"]
        kind = expected["type"]
        totals[kind] += 1
        text = case["text"]
        try:
            mentions = extract_dates(text, published=case["time_base_cst"])
        except InputError:
            continue
        if kind == "time_delta":
            whole = [m for m in mentions if m.kind == "duration" and m.end - m.start == len(text.strip())]
            same[kind] += bool(whole)
            continue
        if kind == "time_period":
            continue
        answer = _pair(text, mentions)
        if answer is not None and list(answer) == expected["time"]:
            same[kind] += 1
    print("### jionlp_time dev: share resolved identically\n")
    print(f"{skipped} cases skipped (reference none/now or a partial dict).\n")
    print("| type | cases | identical | share |")
    print("|---|---:|---:|---:|")
    for kind in ("time_point", "time_span", "time_delta", "time_period"):
        if totals[kind]:
            print(f"| {kind} | {totals[kind]} | {same[kind]} | {same[kind] / totals[kind]:.1%} |")
    cases = totals["time_point"] + totals["time_span"]
    hits = same["time_point"] + same["time_span"]
    print(f"| **point + span** | {cases} | {hits} | {hits / cases:.1%} |\n")


def _article_mentions(
    article: dict[str, Any], published: date
) -> dict[tuple[str, str], dict[tuple[int, int], DateMention]]:
    """Mentions per paragraph: the article is read as one page (so a dateline dates the
    paragraphs after it), and the lines the page parser keeps out of the body (headline,
    dateline, credits) are read alone."""
    paragraphs = article["paragraphs"]
    starts, position = [], 0
    for paragraph in paragraphs:
        starts.append(position)
        position += len(paragraph["text"]) + 1
    page = "\n".join(paragraph["text"] for paragraph in paragraphs)
    found: dict[tuple[str, str], dict[tuple[int, int], DateMention]] = defaultdict(dict)
    try:
        parsed = analyze(page, published=published)
    except InputError:
        return found
    covered: set[int] = set()
    for mention in extract_dates(parsed):
        index = bisect.bisect_right(starts, mention.raw_start) - 1
        key = (article["doc_id"], paragraphs[index]["pid"])
        found[key][(mention.raw_start - starts[index], mention.raw_end - starts[index])] = mention
    for start, end in (parsed.to_raw(m.start(), m.end()) for m in re.finditer(r"[^\n]+", parsed.text)):
        covered.update(range(start, end))
    for index, paragraph in enumerate(paragraphs):
        if starts[index] in covered or not paragraph["text"].strip():
            continue  # in the body, read above
        try:
            mentions = extract_dates(paragraph["text"], published=published)
        except InputError:
            continue
        key = (article["doc_id"], paragraph["pid"])
        found[key].update({(m.raw_start, m.raw_end): m for m in mentions})
    return found


def bench_pfr(pfr: Path, gold_path: Path) -> None:
    gold: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    gold_values: dict[tuple[str, str, int, int], str] = {}
    documents: set[str] = set()
    with gold_path.open(encoding="utf-8") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            documents.add(row["doc_id"])
            if not row.get("pid") or not row.get("start"):
                continue
            span = (int(row["start"]), int(row["end"]))
            gold[(row["doc_id"], row["pid"])].add(span)
            gold_values[(row["doc_id"], row["pid"], *span)] = row["value"]
    found = right = matched = values = 0
    started = time.perf_counter()
    with pfr.open(encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            if article["doc_id"] not in documents:
                continue
            published = date.fromisoformat(article["date"])
            for key, spans in _article_mentions(article, published).items():
                found += len(spans)
                for span, mention in spans.items():
                    if span in gold[key]:
                        matched += 1
                        values += mention.value == gold_values[(*key, *span)]
            right += sum(len(gold[(article["doc_id"], p["pid"])]) for p in article["paragraphs"])
    elapsed = time.perf_counter() - started
    precision = matched / found if found else 0.0
    recall = matched / right if right else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"### pfr1998 dev, hand-annotated dates ({len(documents)} articles, {elapsed:.1f} s)\n")
    print("| gold | found | exact spans | precision | recall | F1 | right value of matched |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    share = values / matched if matched else 0.0
    print(f"| {right} | {found} | {matched} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {share:.1%} |\n")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--jionlp", type=Path, required=True, help="jionlp_time dev.jsonl")
    parser.add_argument("--pfr", type=Path, help="pfr1998 dev.jsonl")
    parser.add_argument("--gold", type=Path, help="dates gold TSV (doc_id pid start end kind value)")
    args = parser.parse_args()
    bench_jionlp(args.jionlp)
    if args.gold is not None:
        if args.pfr is None:
            parser.error("--gold needs --pfr")
        if not args.gold.exists():
            print(f"gold file {args.gold} does not exist yet; pfr1998 figures skipped", file=sys.stderr)
            return 0
        bench_pfr(args.pfr, args.gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
