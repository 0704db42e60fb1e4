"""scikit-learn integration: a picklable jieba tokenizer and a TF-IDF vectorizer that uses it.

`WordTokenizer` holds settings only and fetches the process's cached jieba tokenizer when called,
so it survives ``pickle``, ``sklearn.base.clone``, joblib and Dask workers (a ``jieba.Tokenizer``
holds a lock and does not pickle).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer

from newsnlp.segment import Segmenter, stopwords

__all__ = ["WordTokenizer", "make_tfidf"]

_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class WordTokenizer:
    """Callable ``text -> list of words`` for scikit-learn's ``tokenizer=`` parameter.

    Words are in normalised Simplified script, so Traditional and Simplified documents share a
    vocabulary. Punctuation is dropped, and stopwords too unless ``keep_stopwords``.

    >>> WordTokenizer()("市委書記梁偉新在會上強調，要實干爭效。")
    ['市委书记', '梁伟新', '会上', '强调', '实干', '争效']
    """

    words: tuple[str, ...] = ()
    keep_stopwords: bool = False

    def __call__(self, text: str) -> list[str]:
        """Segment one document into words."""
        drop = frozenset() if self.keep_stopwords else stopwords()
        tokens = Segmenter(words=self.words).segment(text)
        return [token.text for token in tokens if _WORD.search(token.text) and token.text not in drop]


def make_tfidf(
    *, words: tuple[str, ...] = (), keep_stopwords: bool = False, **options: Any
) -> TfidfVectorizer:
    """A `TfidfVectorizer` that reads Chinese words through `WordTokenizer`.

    Other keyword options go to `TfidfVectorizer` (``min_df``, ``max_features``, ``ngram_range``…).

    >>> vectorizer = make_tfidf().fit(["市委书记强调实干", "市长强调项目建设"])
    >>> list(vectorizer.get_feature_names_out())
    ['实干', '市委书记', '市长', '建设', '强调', '项目']
    """
    tokenizer = WordTokenizer(words=words, keep_stopwords=keep_stopwords)
    return TfidfVectorizer(tokenizer=tokenizer, lowercase=False, token_pattern=None, **options)
