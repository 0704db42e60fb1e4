"""Corpus speed: analyze, segment and the whole summary pipeline against bare jieba.cut, and engines.

Usage (from the project root):
    python benchmarks/bench_corpus.py --pfr ../shared/data/pfr1998/dev.jsonl [--limit N] [--jobs 2]
    python benchmarks/bench_corpus.py --pfr ../shared/data/pfr1998/dev.jsonl --memory 100

The People's Daily dev articles are written out as plain-text pages (paragraphs joined by line
breaks), once as published (Simplified) and once converted to Traditional with OpenCC. Each row
times one stage over all pages in this process and gives its throughput in MB of UTF-8 page
text per second and as a ratio to bare ``jieba.cut`` on the same pages in the same run:

- ``jieba.cut``: jieba's default tokenizer, the reference;
- ``analyze``: decoding, page parsing and normalisation (newsnlp.analyze);
- ``analyze + segment``: the same, then newsnlp's segmentation with parts of speech;
- ``analyze_corpus``: the whole pipeline (summary, keywords, officials, slogans, dates), one
  process, no topics.

With ``--memory N`` the script instead measures the peak traced Python memory of
``analyze_corpus(path, out=..., chunk_size=100)`` on a corpus of N and of 10N articles (the dev
articles repeated), to check that streaming keeps memory flat.

The engine rows time ``analyze_corpus`` on the Simplified pages with ``engine="processes"`` and
``engine="dask"`` (a local distributed cluster of ``--jobs`` single-threaded workers), with their
speed-up over one process.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import newsnlp as nn
from newsnlp.normalize import convert_script


def read_pages(path: Path, limit: int | None) -> list[str]:
    pages = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            pages.append("\n".join(paragraph["text"] for paragraph in record["paragraphs"]))
            if limit and len(pages) >= limit:
                break
    return pages


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def each(call: Callable[[str], object], pages: list[str]) -> Callable[[], None]:
    def run() -> None:
        for page in pages:
            with contextlib.suppress(nn.NewsnlpError):  # a page with no body: its time still counts
                call(page)

    return run


def memory(path: Path, base: int) -> None:
    """Peak traced Python memory of `analyze_corpus(out=...)` on N and 10N articles (a JSON Lines
    corpus that repeats the dev articles as needed, written to a temporary folder)."""
    pages = read_pages(path, None)
    # Load jieba's dictionaries, every cached table and the Parquet writer first: they are paid
    # once per process, not per article.
    with tempfile.TemporaryDirectory() as folder:
        nn.analyze_corpus(pd.DataFrame({"text": pages[:20]}), topics=None, out=folder, chunk_size=10)
    print(
        f"## Streaming memory: analyze_corpus(path, out=..., chunk_size=100), {base} and {base * 10} articles"
    )
    print("| articles | peak traced MiB |")
    print("|---|---|")
    peaks = []
    for count in (base, base * 10):
        with tempfile.TemporaryDirectory() as folder:
            corpus = Path(folder) / "corpus.jsonl"
            with corpus.open("w", encoding="utf-8") as handle:
                for number in range(count):
                    handle.write(
                        json.dumps({"id": number, "text": pages[number % len(pages)]}, ensure_ascii=False)
                    )
                    handle.write("\n")
            tracemalloc.start()
            nn.analyze_corpus(corpus, topics=None, out=Path(folder) / "tables", chunk_size=100)
            peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
            tracemalloc.stop()
        print(f"| {count} | {peaks[-1]:.1f} |")
    print(f"\nPeak for {base * 10} articles / peak for {base}: {peaks[1] / peaks[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pfr", type=Path, required=True, help="pfr1998 dev.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--jobs", type=int, default=2, help="workers for the engine rows")
    parser.add_argument(
        "--memory", type=int, default=0, help="also measure streaming memory for N and 10N articles"
    )
    arguments = parser.parse_args()
    if arguments.memory:
        memory(arguments.pfr, arguments.memory)
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba  # noqa: PLC0415  (the reference the goals are stated against)

        jieba.setLogLevel(60)
        jieba.initialize()
    simplified = read_pages(arguments.pfr, arguments.limit)
    traditional = [convert_script(page, target="traditional")[0] for page in simplified]
    nn.summarize("预热\n市委书记主持会议，部署“三争”行动。今年完成投资。")  # load every table first
    print(f"## Corpus speed: {len(simplified)} People's Daily dev articles, one process")
    print("| pages | stage | MB/s | × jieba.cut |")
    print("|---|---|---|---|")
    for label, pages in (("Simplified", simplified), ("Traditional (OpenCC)", traditional)):
        megabytes = sum(len(page.encode("utf-8")) for page in pages) / 1e6
        reference = timed(each(lambda page: list(jieba.cut(page)), pages))
        stages: dict[str, Callable[[], object]] = {
            "jieba.cut": each(lambda page: list(jieba.cut(page)), pages),
            "analyze": each(nn.analyze, pages),
            "analyze + segment": each(lambda page: nn.segment(nn.analyze(page), pos=True), pages),
            "analyze_corpus (whole pipeline)": lambda pages=pages: nn.analyze_corpus(
                pd.DataFrame({"text": pages}), topics=None
            ),
        }
        for stage, work in stages.items():
            seconds = reference if stage == "jieba.cut" else timed(work)
            print(f"| {label} | {stage} | {megabytes / seconds:.3f} | {reference / seconds:.2f} |")
    frame = pd.DataFrame({"text": simplified})
    one = timed(lambda: nn.analyze_corpus(frame, topics=None))
    print(f"\n## Engines: analyze_corpus on the Simplified pages, {arguments.jobs} workers")
    print("| engine | seconds | speed-up over one process |")
    print("|---|---|---|")
    print(f"| pandas (one process) | {one:.1f} | 1.00 |")
    pooled = timed(lambda: nn.analyze_corpus(frame, engine="processes", n_jobs=arguments.jobs, topics=None))
    print(f"| processes | {pooled:.1f} | {one / pooled:.2f} |")
    try:
        from distributed import Client, LocalCluster  # noqa: PLC0415  (the dask extra)
    except ImportError:
        print("| dask | not installed | |")
        return
    with (
        LocalCluster(n_workers=arguments.jobs, threads_per_worker=1, dashboard_address=":0") as cluster,
        Client(cluster),
    ):
        nn.analyze_corpus(frame.head(arguments.jobs * 2), engine="dask", topics=None)  # warm the workers
        spread = timed(lambda: nn.analyze_corpus(frame, engine="dask", n_jobs=arguments.jobs, topics=None))
    print(f"| dask (local cluster) | {spread:.1f} | {one / spread:.2f} |")


if __name__ == "__main__":
    main()
