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
the first mention's start to the last mention's end; a closing time given to the hour (到8点)
ends at that instant, as JioNLP writes it. time_delta cases count as identical when a single
duration mention covers the whole input (we give durations no value); time_period cases (每年...)
are not supported and are reported as such.

Cases where our answer follows a documented newsnlp convention that JioNLP does not share are
counted apart as "convention differs" (and listed with --show-conventions). Each is checked
structurally, never by input string:

- options: the case passes a JioNLP option we do not have (``ret_future=True``: put partial
  dates and times in the future; ``lunar_date=False``: read 四月十三 as a Gregorian date);
- nearest: a partial date (9月30日, 30日) goes where it is nearest the reference; JioNLP keeps
  the reference's year or month. Counted when both answers are the same day of month and ours
  is no farther from the reference;
- eve: 2023年除夕 / 大年三十 is the eve of the Spring Festival that falls in 2023 (2023-01-21),
  and a bare 除夕 the eve nearest the reference; JioNLP takes the last day of the lunar year
  (2024-02-09). Counted when both answers are a Spring Festival eve;
- edges: 年底/年末 = December, 年初 = January, 月底 = the 21st to the end, 月初 = the 1st to
  the 10th (the project's date conventions); JioNLP's blur edges are wider or narrower (年底 =
  Nov-Dec, 明年初 = Jan-Feb, 10月底 = 25th-31st). Counted when the two intervals share an end;
- part of day: a part of day without a clock time (周二早上) is the day; JioNLP gives a clock
  window. Counted when JioNLP's window lies inside our day;
- ISO week: 2020年第52周 is ISO 8601 week 52; JioNLP counts weeks from the year's first Monday.
  Counted when both answers are Monday-to-Sunday weeks;
- calendar periods: 近三个月, 未来两个月, 未来5年内 are whole calendar months or years (the
  project's convention for 近三年/今后三年); JioNLP counts days from the reference instant.
  Counted when ours is a month or year span and JioNLP's interval starts or ends at the reference.

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
        if first and last and dated[-1].granularity == "hour":  # 到8点: up to 8:00
            return first[0], last[0]
        return (first[0], last[1]) if first and last else None
    widest = max(dated, key=lambda mention: mention.end - mention.start)
    return _interval(widest)


_EDGE_WORDS = re.compile("年底|年末|年初|年终|月底|月末|月初|上旬|中旬|下旬")
_ROLLING = re.compile("近|最近|未来|今后|过去")
_PARTS = re.compile("凌晨|清晨|早晨|早上|上午|中午|下午|傍晚|晚上|晚间|夜间|夜里|深夜")


def _day(stamp: str) -> date:
    return date.fromisoformat(stamp[:10])


def _convention(  # noqa: PLR0911  (one return per convention)
    case: dict[str, Any], mentions: tuple[DateMention, ...], ours: tuple[str, str] | None
) -> str:
    """The documented convention our (different) answer follows, or "" (see the module docstring)."""
    from newsnlp.extract.dates import festival_day  # noqa: PLC0415

    if case["options"]:
        return "options"
    if ours is None:
        return ""
    text, theirs = case["text"], case["expected"]["time"]
    if any("inf" in stamp for stamp in theirs):
        return ""
    widest = max(mentions, key=lambda mention: mention.end - mention.start)
    if widest.start != 0 or widest.end != len(text.strip()):
        return ""  # only an input we read whole as one mention
    reference = datetime.fromisoformat(case["time_base_cst"])
    at_reference = reference.strftime("%Y-%m-%d %H:%M:%S") in theirs
    base, mine = (_day(theirs[0]), _day(theirs[1])), (_day(ours[0]), _day(ours[1]))
    if base[0] == base[1] and mine[0] == mine[1] and base[0] != mine[0]:
        if base[0].day == mine[0].day and abs(mine[0] - reference.date()) <= abs(base[0] - reference.date()):
            return "nearest"
        eves = {festival_day("除夕", year) for year in range(reference.year - 3, reference.year + 4)}
        if base[0] in eves and mine[0] in eves:
            return "eve"
    if _EDGE_WORDS.search(text) and not at_reference and (theirs[0] == ours[0] or theirs[1] == ours[1]):
        return "edges"
    if _PARTS.search(text) and widest.granularity == "day" and mine[0] <= base[0] <= base[1] <= mine[1]:
        return "part of day"
    if (
        "周" in text
        and all(day.weekday() == 0 for day in (base[0], mine[0]))
        and (base[1] - base[0]).days == 6
    ):
        return "ISO week"
    rolling = _ROLLING.match(text)
    if rolling and at_reference and widest.kind == "span" and widest.granularity in ("month", "year"):
        return "calendar periods"
    return ""


def bench_jionlp(path: Path, show_conventions: bool = False) -> None:
    totals: Counter[str] = Counter()
    same: Counter[str] = Counter()
    differs: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    listed: list[str] = []
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
        elif reason := _convention(case, mentions, answer):
            differs[kind] += 1
            reasons[reason] += 1
            listed.append(f"{reason}: {text} -> ours {answer}, JioNLP {expected['time']}")
    print("### jionlp_time dev: share resolved identically\n")
    print(f"{skipped} cases skipped (reference none/now or a partial dict).\n")
    print("| type | cases | identical | share | convention differs |")
    print("|---|---:|---:|---:|---:|")
    for kind in ("time_point", "time_span", "time_delta", "time_period"):
        if totals[kind]:
            share = same[kind] / totals[kind]
            print(f"| {kind} | {totals[kind]} | {same[kind]} | {share:.1%} | {differs[kind]} |")
    cases = totals["time_point"] + totals["time_span"]
    hits = same["time_point"] + same["time_span"]
    other = differs["time_point"] + differs["time_span"]
    print(f"| **point + span** | {cases} | {hits} | {hits / cases:.1%} | {other} |\n")
    print(
        "Convention differs: "
        + ", ".join(f"{reason} {count}" for reason, count in reasons.most_common())
        + "\n"
    )
    if show_conventions:
        print("\n".join(f"- {line}" for line in listed) + "\n")


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
    parser.add_argument("--show-conventions", action="store_true", help="list the convention-differs cases")
    args = parser.parse_args()
    bench_jionlp(args.jionlp, args.show_conventions)
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
