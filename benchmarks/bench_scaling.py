"""Scaling: does the cost of `analyze` and the extractors grow linearly with the input?

Usage (from the project root):
    python benchmarks/bench_scaling.py [--sizes 10000,100000,1000000,10000000]

Inputs are made here, not read from data: a news-like page built by repeating paragraphs written
for this script (officials, slogans, dates, quotes), cut to each size in characters, and four
adversarial texts of 1,000,000 characters: an opening quotation mark repeated with no closing
one, 、-joined fragments (about 200,000 of them), ideographs with no punctuation at all, and an
HTML page of 100,000 tags that never close.
For each, the script prints the seconds `analyze` takes and the seconds per million characters,
then the same for `extract_slogans` and `extract_dates` on the parsed article. Pages above
`analyze`'s default limit are read with ``max_chars`` raised to their size.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import newsnlp as nn

PARAGRAPHS = [
    "2月18日，市委书记张建国主持召开全市“比学习、比担当、比实效”行动推进会。",
    "会议强调，今年是实施“十四五”规划的关键之年，要以“三比”为抓手，确保首季“开门红”。",
    "市长刘红说：“要把项目建设作为头号工程。”市人大常委会主任王德林、市政协主席孙丽萍出席。",
    "会议解读了《江滨市2024年城市更新行动方案》，部署春节假期后上班第一天的各项工作。",
    "过去一年，全市地区生产总值增长5.6%，新开工项目120个，完成投资超过三百亿元。",
]


def page(size: int) -> str:
    text, index = [], 0
    length = 0
    while length < size:
        paragraph = PARAGRAPHS[index % len(PARAGRAPHS)]
        text.append(paragraph)
        length += len(paragraph) + 1
        index += 1
    return ("标题\n" + "\n".join(text))[:size]


def adversarial(size: int) -> dict[str, str]:
    return {
        "unclosed quotes": "市委书记" + "“" * (size - 4),
        "、-joined fragments": "、".join(["深学争优"] * (size // 5)),
        "no punctuation": "市委书记张建国" * (size // 7),
        # html.parser alone retried each unclosed tag against the rest of the page: quadratic.
        "unclosed HTML tags": "<html><p>市委书记</p>" + '<p title="' * (size // 10),
    }


def seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def report(label: str, text: str) -> None:
    limit = max(len(text), 5_000_000)
    holder: list[nn.Article] = []
    parse = seconds(lambda: holder.append(nn.analyze(text, max_chars=limit, published="2024-02-19")))
    article = holder[0]
    slogans = seconds(lambda: nn.extract_slogans(article))
    dates = seconds(lambda: nn.extract_dates(article))
    millions = len(text) / 1e6
    print(
        f"| {label} | {len(text):,} | {parse:.2f} | {parse / millions:.2f} | "
        f"{slogans / millions:.2f} | {dates / millions:.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="10000,100000,1000000,10000000", help="characters, comma-separated"
    )
    arguments = parser.parse_args()
    nn.analyze("预热\n市委书记主持会议。")
    print("## Scaling: seconds per million characters")
    columns = ["input", "characters", "analyze s", "analyze s/M", "extract_slogans s/M", "extract_dates s/M"]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for size in (int(value) for value in arguments.sizes.split(",")):
        report("news page", page(size))
    for label, text in adversarial(1_000_000).items():
        report(label, text)


if __name__ == "__main__":
    main()
