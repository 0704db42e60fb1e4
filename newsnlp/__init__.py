r"""newsnlp: read Chinese news articles in Traditional or Simplified script.

>>> import newsnlp as nn
>>> article = nn.analyze("標題\n2024-02-19 來源:閩東日報\n市委書記梁偉新在會上強調(diào)，要實干爭效。")
>>> article.meta.title, article.text
('標題', '市委书记梁伟新在会上强调，要实干争效。')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsnlp.corpus import load_corpus
from newsnlp.corpus_analysis import CorpusResult, analyze_corpus
from newsnlp.errors import DecodeError, InputError, NewsnlpError, OptionError
from newsnlp.extract import (
    DateMention,
    Mention,
    Official,
    Person,
    Slogan,
    extract_dates,
    extract_officials,
    extract_persons,
    extract_slogans,
)
from newsnlp.keywords import IdfTable, Keyword, fit_idf, keywords
from newsnlp.model import Article, Meta, Region, Span, Token
from newsnlp.normalize import Normalized, ScriptGuess, detect_script, normalize
from newsnlp.offsets import OffsetMap
from newsnlp.page import analyze
from newsnlp.segment import Segmenter, segment, segment_many, stopwords
from newsnlp.sentences import split_sentences
from newsnlp.summarize import Sentence, Summary, summarize

__all__ = [
    "Article",
    "CorpusResult",
    "DateMention",
    "DecodeError",
    "IdfTable",
    "InputError",
    "Keyword",
    "Mention",
    "Meta",
    "NewsnlpError",
    "Normalized",
    "Official",
    "OffsetMap",
    "OptionError",
    "Person",
    "Region",
    "ScriptGuess",
    "Segmenter",
    "Sentence",
    "Slogan",
    "Span",
    "Summary",
    "Token",
    "TopicModel",
    "analyze",
    "analyze_corpus",
    "detect_script",
    "extract_dates",
    "extract_officials",
    "extract_persons",
    "extract_slogans",
    "fit_idf",
    "fit_topics",
    "keywords",
    "load_corpus",
    "normalize",
    "segment",
    "segment_many",
    "split_sentences",
    "stopwords",
    "summarize",
]

__version__ = "0.1.0"

if TYPE_CHECKING:
    from newsnlp.topics import TopicModel, fit_topics


def __getattr__(name: str) -> Any:
    # Topic models need scikit-learn's estimators, which take seconds to import: load them when
    # first asked for, so that `import newsnlp` stays fast.
    if name in ("TopicModel", "fit_topics"):
        from newsnlp import topics  # noqa: PLC0415

        return getattr(topics, name)
    message = f"module 'newsnlp' has no attribute {name!r}"
    raise AttributeError(message)
