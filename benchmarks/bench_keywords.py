"""Keywords: the share of the top-5 keywords that occur in the human summary of LCSTS posts.

Usage (from the project root):
    python benchmarks/bench_keywords.py --lcsts ../shared/data/lcsts/dev.jsonl [--limit N]

For each post, each method's five best keywords are checked against the post's one-line human
summary: a keyword counts when the summary contains it (in Simplified characters). The figure is
hits / keywords returned, over all posts. jieba's own TF-IDF (``jieba.analyse.extract_tags``) and
TextRank (``jieba.analyse.textrank``) run in the same process, on the same posts.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from evalsets import read_lcsts

import newsnlp as nn
from newsnlp.keywords import keywords

TOP = 5


def jieba_methods() -> dict[str, Callable[[str], list[str]]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba.analyse  # noqa: PLC0415  (only the benchmark compares with jieba's extractors)
    return {
        "jieba extract_tags (TF-IDF)": lambda text: list(jieba.analyse.extract_tags(text, topK=TOP)),
        "jieba textrank": lambda text: list(jieba.analyse.textrank(text, topK=TOP)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lcsts", type=Path, required=True, help="lcsts dev.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="only the first N posts")
    arguments = parser.parse_args()
    posts = read_lcsts(arguments.lcsts, arguments.limit)
    methods: dict[str, Callable[[str], list[str]]] = {
        "newsnlp keywords (tfidf)": lambda text: [k.key for k in keywords(text, top_n=TOP)],
        "newsnlp keywords (textrank)": lambda text: [
            k.key for k in keywords(text, top_n=TOP, method="textrank")
        ],
        **jieba_methods(),
    }
    print(f"## Keywords on LCSTS dev ({len(posts)} posts): top-{TOP} keywords found in the human summary")
    print("| method | keywords returned | in the summary | share | seconds |")
    print("|---|---|---|---|---|")
    for label, method in methods.items():
        returned = hits = 0
        started = time.perf_counter()
        for text, summary in posts:
            try:
                found = method(text)
            except nn.InputError:
                found = []
            returned += len(found)
            hits += sum(1 for word in found if word in summary)
        seconds = time.perf_counter() - started
        share = hits / returned if returned else 0.0
        print(f"| {label} | {returned} | {hits} | {share:.3f} | {seconds:.1f} |")


if __name__ == "__main__":
    main()
