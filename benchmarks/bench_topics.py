"""Topic models on labelled news headlines: NMI between each text's main topic and its category.

Usage (from the project root):
    python benchmarks/bench_topics.py --thucnews ../shared/data/thucnews_titles/dev.jsonl

The data: THUCNews headlines, 10 categories of 1,000 each (see the data's PROVENANCE.md). Every
model finds 10 topics on all the texts and gives each text its main topic; the score is
sklearn's normalized_mutual_info_score between main topics and categories. Rows:
- baselines: plain ``jieba.lcut`` as the tokenizer of sklearn's TfidfVectorizer + NMF(10,
  random_state=0), and of CountVectorizer + LatentDirichletAllocation(10, random_state=0);
- ``fit_topics`` with its defaults (NMF), with ``method="lda"``, and with its defaults on the whole
  corpus converted to Traditional with OpenCC (``convert_script(text, target="traditional")``),
  next to the NMF baseline on that Traditional copy.
Seconds are wall-clock time to fit and give every text its topic shares (each text is segmented
once); jieba's dictionary is loaded before timing starts.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics import normalized_mutual_info_score

from newsnlp.normalize import convert_script
from newsnlp.segment import _jieba
from newsnlp.topics import fit_topics

N_TOPICS = 10


def read(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                texts.append(record["text"])
                labels.append(record["label"])
    return texts, labels


def baseline_nmf(texts: list[str]) -> np.ndarray:
    jieba = _jieba()
    matrix = TfidfVectorizer(tokenizer=jieba.lcut, token_pattern=None).fit_transform(texts)
    return NMF(N_TOPICS, random_state=0).fit_transform(matrix).argmax(axis=1)


def baseline_lda(texts: list[str]) -> np.ndarray:
    jieba = _jieba()
    matrix = CountVectorizer(tokenizer=jieba.lcut, token_pattern=None).fit_transform(texts)
    return LatentDirichletAllocation(N_TOPICS, random_state=0).fit_transform(matrix).argmax(axis=1)


def newsnlp_topics(**options: object) -> Callable[[list[str]], np.ndarray]:
    def run(texts: list[str]) -> np.ndarray:
        shares = fit_topics(texts, n_topics=N_TOPICS, **options).fit_transform(texts).to_numpy()
        # As TopicModel.predict: -1 for a text without a modelled word.
        return np.where(shares.sum(axis=1) > 0, shares.argmax(axis=1), -1)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--thucnews", type=Path, required=True, help="thucnews_titles/dev.jsonl")
    arguments = parser.parse_args()
    texts, labels = read(arguments.thucnews)
    traditional = [convert_script(text, target="traditional")[0] for text in texts]
    _jieba().initialize()  # jieba's global dictionary, for the baselines

    runs: list[tuple[str, str, Callable[[list[str]], np.ndarray], list[str]]] = [
        ("jieba.lcut + TfidfVectorizer + NMF (baseline)", "Simplified", baseline_nmf, texts),
        ("jieba.lcut + CountVectorizer + LDA (baseline)", "Simplified", baseline_lda, texts),
        ("newsnlp `fit_topics` defaults (nmf)", "Simplified", newsnlp_topics(), texts),
        ('newsnlp `fit_topics(method="lda")`', "Simplified", newsnlp_topics(method="lda"), texts),
        ("jieba.lcut + TfidfVectorizer + NMF (baseline)", "Traditional (OpenCC)", baseline_nmf, traditional),
        ("newsnlp `fit_topics` defaults (nmf)", "Traditional (OpenCC)", newsnlp_topics(), traditional),
    ]
    print(f"THUCNews headlines: {len(texts)} texts, {len(set(labels))} categories, {N_TOPICS} topics\n")
    print("| method | script | NMI | seconds |")
    print("|---|---|---:|---:|")
    for name, script, run, corpus in runs:
        started = time.perf_counter()
        with warnings.catch_warnings():
            # The baselines run sklearn's defaults as users do; a ConvergenceWarning is part of that.
            warnings.simplefilter("ignore")
            topics = run(corpus)
        elapsed = time.perf_counter() - started
        score = normalized_mutual_info_score(labels, topics)
        print(f"| {name} | {script} | {score:.3f} | {elapsed:.1f} |", flush=True)


if __name__ == "__main__":
    main()
