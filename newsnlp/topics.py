"""Topic models over a corpus of news texts: a scikit-learn estimator of jieba words and NMF or LDA.

`TopicModel` is a real scikit-learn estimator: ``__init__`` only stores its parameters, ``fit``
returns the model, learned state ends in ``_``, and it survives ``pickle``, ``sklearn.base.clone``,
joblib and Dask. Its ``pipeline_`` is a `sklearn.pipeline.Pipeline` of the picklable jieba
vectoriser of `newsnlp.vectorize` and `sklearn.decomposition.NMF` (on TF-IDF) or
`sklearn.decomposition.LatentDirichletAllocation` (on word counts).

Words are read in normalised Simplified script, so a Traditional text and its Simplified twin have
the same words and land in the same topic. `fit_topics` fits a model in one call.

The NMF defaults were tuned on the THUCNews headline dev set (``benchmarks/bench_topics.py``):
a Kullback-Leibler loss, TF-IDF without length normalisation (a headline has few words; scaling
each to unit length lets one rare word dominate), sublinear term frequency, words in two or more
texts, and an L2 penalty (``alpha``) that keeps topics from splitting on a handful of words.
LDA is offered for comparison; on short texts it scores far lower (see BENCHMARKS.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.pipeline import Pipeline

from newsnlp.errors import InputError, NewsnlpError, OptionError
from newsnlp.model import Article
from newsnlp.vectorize import WordTokenizer, make_tfidf

if TYPE_CHECKING:
    import numpy.typing as npt
    import pandas as pd

__all__ = ["Method", "TopicModel", "fit_topics"]

Method = Literal["nmf", "lda"]


def _read_texts(texts: Any) -> tuple[list[str], Any]:
    """The texts as a list of strings, and the index to keep (a pandas Series's, else None)."""
    if texts is None:
        message = "got None; pass a list (or pandas Series) of texts or Articles"
        raise InputError(message)
    if isinstance(texts, str | bytes | Article):
        message = f"pass a list of texts, not one {type(texts).__name__}; wrap it in a list"
        raise InputError(message)
    if getattr(texts, "ndim", 1) != 1:
        # Iterating a DataFrame yields its column names, not its texts.
        message = "pass one column of texts (a pandas Series or a list), not a table"
        raise InputError(message)
    index = None
    if hasattr(texts, "index") and hasattr(texts, "to_list"):
        index = texts.index  # a pandas Series: results keep its labels
        items = texts.to_list()
    else:
        try:
            items = list(texts)
        except TypeError as error:
            message = f"pass a list (or pandas Series) of texts, not {type(texts).__name__}"
            raise InputError(message) from error
    result: list[str] = []
    for position, item in enumerate(items):
        if isinstance(item, str):
            result.append(item)
        elif isinstance(item, Article):
            result.append(item.text)
        else:
            message = f"text at position {position} is {type(item).__name__}, not a str or an Article"
            raise InputError(message)
    return result, index


# scikit-learn ships no types, so its classes are Any to mypy (misc) with an untyped
# __init_subclass__ (call-arg). auto_wrap_output_keys=None: transform already returns a DataFrame;
# set_output must not rename its topic-id columns.
class TopicModel(TransformerMixin, BaseEstimator, auto_wrap_output_keys=None):  # type: ignore[misc,call-arg]
    """Topics of a corpus: the jieba vectoriser followed by NMF (on TF-IDF) or LDA (on counts).

    Args:
        n_topics: How many topics to find.
        method: ``"nmf"`` (non-negative matrix factorisation of TF-IDF, the default and by far the
            better on news headlines) or ``"lda"`` (latent Dirichlet allocation of word counts).
        random_state: Seed of the initialisation; the same seed gives the same topics.
        max_features: Keep only this many words, the most frequent; ``None`` keeps all.
        min_df: Keep only words in at least this many texts (an int) or this share of them (a
            float); a word in one text links it to no other, so the default is 2.
        max_df: Drop words in more than this share of texts (a float) or number of texts (an int).
        alpha: NMF only: strength of the L2 penalty on both factors; larger merges small topics.
        top_terms: How many words describe each topic in ``topics_``.
        words: Extra dictionary words for jieba (in either script), kept whole when segmenting.
        max_iter: Most iterations of the solver; ``None``: 500 for NMF (it stops earlier once it
            converges), 10 for LDA (scikit-learn's default; batch LDA always runs them all).

    Attributes:
        pipeline_: The fitted `sklearn.pipeline.Pipeline` (``vectorize`` then ``model``).
        topics_: A `pandas.DataFrame`, one row per topic: ``topic`` (its id), ``label`` (its top
            three words of two or more characters joined by "/"), ``terms`` (a tuple of its top
            words) and ``weights`` (their share of the topic's weight, a tuple of floats).
        n_features_in_: The number of words in the vocabulary.

    A text with no word of the vocabulary has no topic: its row of `transform` is all zeros and
    `predict` gives it -1.

    >>> model = TopicModel(n_topics=2, min_df=1).fit([
    ...     "球队赢得比赛", "球员比赛进球", "球队球员训练",
    ...     "股市上涨", "股市投资者", "投资者买入股票",
    ... ])
    >>> model.predict(["球員進球", "股市投資者", "天气"]).tolist()
    [0, 1, -1]
    """

    def __init__(
        self,
        n_topics: int = 10,
        *,
        method: Method = "nmf",
        random_state: int | None = 0,
        max_features: int | None = None,
        min_df: float = 2,
        max_df: float = 1.0,
        alpha: float = 0.4,
        top_terms: int = 10,
        words: Sequence[str] = (),
        max_iter: int | None = None,
    ) -> None:
        # scikit-learn's contract: store the parameters unchanged, check them in fit.
        self.n_topics = n_topics
        self.method = method
        self.random_state = random_state
        self.max_features = max_features
        self.min_df = min_df
        self.max_df = max_df
        self.alpha = alpha
        self.top_terms = top_terms
        self.words = words
        self.max_iter = max_iter

    # ------------------------------------------------------------------------- building

    def _check_options(self) -> None:
        if self.method not in get_args(Method):
            message = f"unknown method {self.method!r}; choose one of: {', '.join(get_args(Method))}"
            raise OptionError(message)
        for name in ("n_topics", "top_terms", "max_iter"):
            value = getattr(self, name)
            if name == "max_iter" and value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
                message = f"{name} must be a whole number of 1 or more, not {value!r}"
                raise OptionError(message)
        if isinstance(self.words, str | bytes):
            message = "words must be a list of words, not one string"
            raise OptionError(message)
        if self.alpha < 0:
            message = f"alpha must be 0 or more, not {self.alpha!r}"
            raise OptionError(message)

    def _build(self) -> Pipeline:
        vectorizer_options: dict[str, Any] = {
            "min_df": self.min_df,
            "max_df": self.max_df,
            "max_features": self.max_features,
            "dtype": np.float64,
        }
        words = tuple(self.words)
        model: Any
        if self.method == "nmf":
            # norm=None: short texts keep their raw TF-IDF mass; an L2-normalised one-word headline
            # would weigh as much as a long one and pull topics toward rare words.
            vectorizer: Any = make_tfidf(words=words, sublinear_tf=True, norm=None, **vectorizer_options)
            model = NMF(
                n_components=self.n_topics,
                init="nndsvda",
                solver="mu",
                beta_loss="kullback-leibler",
                alpha_W=self.alpha,
                alpha_H="same",
                l1_ratio=0.0,
                max_iter=500 if self.max_iter is None else self.max_iter,
                random_state=self.random_state,
            )
        else:
            vectorizer = CountVectorizer(
                tokenizer=WordTokenizer(words=words),
                lowercase=False,
                token_pattern=None,
                **vectorizer_options,
            )
            model = LatentDirichletAllocation(
                n_components=self.n_topics,
                max_iter=10 if self.max_iter is None else self.max_iter,
                random_state=self.random_state,
            )
        return Pipeline([("vectorize", vectorizer), ("model", model)])

    # ------------------------------------------------------------------------- fitting

    def _fit(self, texts: Iterable[str | Article]) -> tuple[Any, Any]:
        """Fit on the texts; return their word matrix (each text is segmented once) and index."""
        self._check_options()
        documents, index = _read_texts(texts)
        if not documents:
            message = "cannot fit topics on an empty corpus"
            raise InputError(message)
        if len(documents) < self.n_topics:
            message = f"{len(documents)} texts are fewer than the {self.n_topics} topics asked for"
            raise InputError(message)
        pipeline = self._build()
        vectorizer, model = pipeline.named_steps["vectorize"], pipeline.named_steps["model"]
        try:
            matrix = vectorizer.fit_transform(documents)
        except NewsnlpError:
            raise
        except ValueError as error:
            # scikit-learn: "empty vocabulary" or "After pruning, no terms remain".
            message = f"no words to model in these {len(documents)} texts: {error}"
            raise InputError(message) from error
        # Kept only for introspection and can be large; scikit-learn advises dropping it.
        vectorizer.stop_words_ = None
        if matrix.shape[1] < self.n_topics:
            message = (
                f"only {matrix.shape[1]} words pass min_df={self.min_df!r} and max_df={self.max_df!r},"
                f" fewer than the {self.n_topics} topics asked for; lower min_df or give more texts"
            )
            raise InputError(message)
        if matrix.nnz == 0:
            message = "none of the texts has a word to model"
            raise InputError(message)
        model.fit(matrix)
        self.pipeline_ = pipeline
        self.n_features_in_ = matrix.shape[1]
        self.topics_ = self._describe_topics()
        return matrix, index

    def fit(self, texts: Iterable[str | Article], y: Any = None) -> TopicModel:
        """Learn the topics of a corpus.

        Args:
            texts: An iterable (or pandas Series) of strings or `newsnlp.Article` objects, in
                either script.
            y: Ignored; present for scikit-learn's API.

        Returns:
            The model itself, fitted.

        Raises:
            InputError: An item is not a str or an Article (the message gives its position), the
                corpus is empty or has fewer texts (or modelled words) than topics.
            OptionError: An unknown method or an impossible setting.

        >>> model = TopicModel(n_topics=2, min_df=1)
        >>> model.fit(["球队比赛", "球队球员", "股市上涨", "股市投资"]) is model
        True
        """
        del y
        self._fit(texts)
        return self

    def fit_transform(self, texts: Iterable[str | Article], y: Any = None, **fit_params: Any) -> pd.DataFrame:
        """Fit, then give the topic shares of the same texts, segmenting each text only once.

        The result equals ``fit(texts).transform(texts)``.

        >>> shares = TopicModel(n_topics=2, min_df=1).fit_transform(["球队比赛", "股市上涨", "球队", "股市"])
        >>> shares.shape
        (4, 2)
        """
        del y
        if fit_params:
            message = f"fit_transform() takes no other options, got {', '.join(sorted(fit_params))}"
            raise OptionError(message)
        matrix, index = self._fit(texts)
        return self._frame(self._shares(matrix), index)

    # ------------------------------------------------------------------------- results

    def _describe_topics(self) -> pd.DataFrame:
        import pandas as pd  # noqa: PLC0415 - pandas takes half a second to import; only results need it

        components = np.asarray(self.pipeline_.named_steps["model"].components_, dtype=np.float64)
        vocabulary = self.pipeline_.named_steps["vectorize"].get_feature_names_out()
        rows = []
        for topic, weights in enumerate(components):
            total = weights.sum()
            # A stable sort, so ties between equal weights break the same way every time.
            order = np.argsort(-weights, kind="stable")[: self.top_terms]
            order = order[weights[order] > 0]
            terms = tuple(str(vocabulary[column]) for column in order)
            shares = tuple(float(weights[column] / total) for column in order) if total > 0 else ()
            # Single characters (图, 人) help the model but make poor names: the label prefers words.
            named = [term for term in terms if len(term) > 1] or list(terms)
            rows.append({"topic": topic, "label": "/".join(named[:3]), "terms": terms, "weights": shares})
        return pd.DataFrame(rows, columns=["topic", "label", "terms", "weights"])

    def _check_fitted(self) -> None:
        if not hasattr(self, "pipeline_"):
            message = "this TopicModel is not fitted yet; call fit(texts) first"
            raise InputError(message)

    def _shares(self, matrix: Any) -> npt.NDArray[np.float64]:
        """Each text's share of each topic; a row of zeros where the text has no modelled word."""
        model = self.pipeline_.named_steps["model"]
        components = np.asarray(model.components_, dtype=np.float64)
        weights = np.asarray(model.transform(matrix), dtype=np.float64)
        if self.method == "nmf":
            # NMF's factors trade scale: weigh each topic by its total word mass, so a share is the
            # part of the text's reconstruction that the topic accounts for.
            weights = weights * components.sum(axis=1)
        has_words = np.asarray(matrix.getnnz(axis=1) > 0)
        totals = weights.sum(axis=1)
        orphans = has_words & (totals <= 0)
        if orphans.any():
            # The penalty can zero a text whose few words sit in small topics; read its topics from
            # how much of each topic its words carry instead of leaving it without one.
            profile = components / np.maximum(components.sum(axis=1, keepdims=True), np.finfo(float).tiny)
            weights[orphans] = np.asarray(matrix[orphans] @ profile.T)
        weights[~has_words] = 0.0
        totals = weights.sum(axis=1, keepdims=True)
        shares: npt.NDArray[np.float64] = np.divide(
            weights, totals, out=np.zeros_like(weights), where=totals > 0
        )
        return shares

    def _frame(self, shares: npt.NDArray[np.float64], index: Any) -> pd.DataFrame:
        import pandas as pd  # noqa: PLC0415 - see _describe_topics

        frame = pd.DataFrame(shares, columns=pd.Index(range(shares.shape[1]), name="topic"))
        if index is not None:
            frame.index = index
        return frame

    def transform(self, texts: Iterable[str | Article]) -> pd.DataFrame:
        """Each text's share of each topic.

        Args:
            texts: An iterable (or pandas Series) of strings or `newsnlp.Article` objects.

        Returns:
            A `pandas.DataFrame` with one row per text (the Series's index when a Series was
            given) and one column per topic id. A row sums to 1, or is all zeros when the text has
            no word of the model's vocabulary.

        Raises:
            InputError: The model is not fitted or an item is not a str or an Article.

        >>> model = TopicModel(n_topics=2, min_df=1).fit(["球队比赛", "球队球员", "股市上涨", "股市投资"])
        >>> model.transform(["球队", "天气"]).sum(axis=1).round(6).tolist()
        [1.0, 0.0]
        """
        self._check_fitted()
        documents, index = _read_texts(texts)
        matrix = self.pipeline_.named_steps["vectorize"].transform(documents)
        return self._frame(self._shares(matrix), index)

    def predict(self, texts: Iterable[str | Article]) -> npt.NDArray[np.int64]:
        """The main topic of each text: the id of its largest share, -1 when it has no topic.

        >>> model = TopicModel(n_topics=2, min_df=1).fit(["球队比赛", "球队球员", "股市上涨", "股市投资"])
        >>> model.predict(["球隊比賽", "天气"])[1]
        np.int64(-1)
        """
        shares = self.transform(texts).to_numpy()
        main = shares.argmax(axis=1).astype(np.int64) if shares.size else np.zeros(len(shares), np.int64)
        main[shares.sum(axis=1) <= 0] = -1
        return main

    def get_feature_names_out(self, input_features: Any = None) -> npt.NDArray[np.object_]:
        """Names of `transform`'s columns as scikit-learn expects them: ``topic0``, ``topic1``...

        The vocabulary is ``model.pipeline_.named_steps["vectorize"].get_feature_names_out()``.

        >>> model = TopicModel(n_topics=2, min_df=1).fit(["球队", "球队", "股市", "股市"])
        >>> model.get_feature_names_out().tolist()
        ['topic0', 'topic1']
        """
        del input_features
        self._check_fitted()
        return np.asarray([f"topic{topic}" for topic in range(len(self.topics_))], dtype=object)


def fit_topics(
    texts: Iterable[str | Article],
    *,
    n_topics: int = 10,
    method: Method = "nmf",
    random_state: int | None = 0,
    **options: Any,
) -> TopicModel:
    """Fit a `TopicModel` to a corpus and return it.

    Args:
        texts: An iterable (or pandas Series) of strings or `newsnlp.Article` objects, in either
            script.
        n_topics: How many topics to find.
        method: ``"nmf"`` or ``"lda"``.
        random_state: Seed; the same seed gives the same topics.
        **options: Other `TopicModel` parameters (``min_df``, ``max_features``, ``words``...).

    Returns:
        The fitted model: ``topics_``, ``transform``, ``predict``.

    Raises:
        InputError: Bad texts, an empty corpus, or fewer texts than topics.
        OptionError: An unknown method or option.

    >>> model = fit_topics(["球队比赛", "球队球员", "股市上涨", "股市投资"], n_topics=2, min_df=1)
    >>> sorted(model.topics_["label"])
    ['球队/比赛/球员', '股市/上涨/投资']
    """
    known = set(TopicModel().get_params()) - {"n_topics", "method", "random_state"}
    unknown = sorted(set(options) - known)
    if unknown:
        message = f"unknown option {', '.join(unknown)}; choose from: {', '.join(sorted(known))}"
        raise OptionError(message)
    model = TopicModel(n_topics=n_topics, method=method, random_state=random_state, **options)
    return model.fit(texts)
