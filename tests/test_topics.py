from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.decomposition import LatentDirichletAllocation
from sklearn.pipeline import Pipeline

import newsnlp as nn
from newsnlp.errors import InputError, OptionError
from newsnlp.topics import TopicModel, fit_topics

SPORTS = [
    "主队球员在比赛中打进两球，球队赢得联赛冠军。",
    "足球联赛第十轮比赛，球队主场战胜对手。",
    "球员伤愈复出，教练安排他首发参加比赛。",
    "篮球联赛总决赛，球队球员发挥出色。",
    "教练赛后表示，球员在比赛中防守积极。",
    "冠军球队的球员和教练一起庆祝联赛胜利。",
]
FINANCE = [
    "股市今日上涨，投资者买入银行股票。",
    "央行下调利率，股市成交量放大，股票上涨。",
    "投资者担心通胀，股票价格下跌，股市低迷。",
    "银行发布财报，利润增长，银行股票上涨。",
    "基金经理建议投资者关注股市和股票。",
    "利率下降，银行股票受到投资者追捧。",
]
POLITICS = [
    "国务院总理主持召开常务会议，部署改革工作。",
    "外交部发言人就两国关系和领导人会见回答提问。",
    "全国人大代表审议政府工作报告，提出改革建议。",
    "总理会见外国领导人，双方就外交合作交换意见。",
    "政府发布改革方案，国务院要求各地落实政策。",
    "外交部宣布国家领导人将出席国际会议。",
]
SUBJECTS = [*(["sports"] * len(SPORTS)), *(["finance"] * len(FINANCE)), *(["politics"] * len(POLITICS))]
CORPUS = [*SPORTS, *FINANCE, *POLITICS]
# The same corpus written in Traditional script, by hand (not by the converter under test).
CORPUS_TRADITIONAL = [
    "主隊球員在比賽中打進兩球，球隊贏得聯賽冠軍。",
    "足球聯賽第十輪比賽，球隊主場戰勝對手。",
    "球員傷愈復出，教練安排他首發參加比賽。",
    "籃球聯賽總決賽，球隊球員發揮出色。",
    "教練賽後表示，球員在比賽中防守積極。",
    "冠軍球隊的球員和教練一起慶祝聯賽勝利。",
    "股市今日上漲，投資者買入銀行股票。",
    "央行下調利率，股市成交量放大，股票上漲。",
    "投資者擔心通脹，股票價格下跌，股市低迷。",
    "銀行發佈財報，利潤增長，銀行股票上漲。",
    "基金經理建議投資者關注股市和股票。",
    "利率下降，銀行股票受到投資者追捧。",
    "國務院總理主持召開常務會議，部署改革工作。",
    "外交部發言人就兩國關係和領導人會見回答提問。",
    "全國人大代表審議政府工作報告，提出改革建議。",
    "總理會見外國領導人，雙方就外交合作交換意見。",
    "政府發佈改革方案，國務院要求各地落實政策。",
    "外交部宣佈國家領導人將出席國際會議。",
]


@pytest.fixture(scope="module")
def model() -> TopicModel:
    return fit_topics(CORPUS, n_topics=3)


def subject_topics(predicted: np.ndarray) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for subject, topic in zip(SUBJECTS, predicted.tolist(), strict=True):
        found.setdefault(subject, set()).add(topic)
    return found


def test_topics_separate_the_subjects(model: TopicModel) -> None:
    found = subject_topics(model.predict(CORPUS))
    assert all(len(topics) == 1 for topics in found.values()), found
    assert len(set.union(*found.values())) == 3
    labels = dict(zip(model.topics_["topic"], model.topics_["label"], strict=True))
    assert "球员" in labels[next(iter(found["sports"]))].split("/")


def test_topics_frame(model: TopicModel) -> None:
    topics = model.topics_
    assert list(topics.columns) == ["topic", "label", "terms", "weights"]
    assert topics["topic"].tolist() == [0, 1, 2]
    for row in topics.itertuples():
        assert row.label == "/".join(row.terms[:3])
        assert len(row.terms) == len(row.weights) <= 10
        assert list(row.weights) == sorted(row.weights, reverse=True)
        assert all(isinstance(term, str) for term in row.terms)


def test_traditional_and_simplified_land_in_the_same_topic(model: TopicModel) -> None:
    assert model.predict(CORPUS_TRADITIONAL).tolist() == model.predict(CORPUS).tolist()
    mixed = fit_topics(CORPUS[::2] + CORPUS_TRADITIONAL[1::2], n_topics=3)
    both = mixed.predict(CORPUS + CORPUS_TRADITIONAL)
    assert both[: len(CORPUS)].tolist() == both[len(CORPUS) :].tolist()
    found = subject_topics(both[: len(CORPUS)])
    assert all(len(topics) == 1 for topics in found.values()), found


def test_same_random_state_gives_identical_results(model: TopicModel) -> None:
    again = fit_topics(CORPUS, n_topics=3)
    pd.testing.assert_frame_equal(again.topics_, model.topics_)
    pd.testing.assert_frame_equal(again.transform(CORPUS), model.transform(CORPUS))


def test_fit_returns_self_and_fit_transform_matches_transform() -> None:
    estimator = TopicModel(n_topics=3)
    assert estimator.fit(CORPUS) is estimator
    shares = TopicModel(n_topics=3).fit_transform(CORPUS)
    pd.testing.assert_frame_equal(shares, estimator.transform(CORPUS))


def test_transform_shares(model: TopicModel) -> None:
    texts = pd.Series([CORPUS[0], "今天天气晴朗。", "", FINANCE[1]], index=["a", "b", "c", "d"])
    shares = model.transform(texts)
    assert list(shares.index) == ["a", "b", "c", "d"]
    assert list(shares.columns) == [0, 1, 2]
    assert shares.sum(axis=1).round(9).tolist() == [1.0, 0.0, 0.0, 1.0]
    assert (shares.to_numpy() >= 0).all()
    predicted = model.predict(texts)
    assert predicted.dtype == np.int64
    assert predicted[1] == predicted[2] == -1
    assert model.get_feature_names_out().tolist() == ["topic0", "topic1", "topic2"]


def test_articles_are_read_through_their_text(model: TopicModel) -> None:
    articles = [nn.analyze(text) for text in CORPUS_TRADITIONAL[:2]]
    assert model.predict(articles).tolist() == model.predict(CORPUS[:2]).tolist()


def test_pickle_and_clone_round_trips(model: TopicModel) -> None:
    restored = pickle.loads(pickle.dumps(model))
    pd.testing.assert_frame_equal(restored.topics_, model.topics_)
    pd.testing.assert_frame_equal(restored.transform(CORPUS), model.transform(CORPUS))
    assert isinstance(restored.pipeline_, Pipeline)

    cloned = clone(model)
    assert not hasattr(cloned, "pipeline_")
    assert cloned.get_params() == model.get_params()
    pd.testing.assert_frame_equal(cloned.fit(CORPUS).topics_, model.topics_)


def test_get_and_set_params() -> None:
    estimator = TopicModel(n_topics=4, method="lda", words=("联赛冠军",))
    params = estimator.get_params()
    assert params["n_topics"] == 4
    assert params["method"] == "lda"
    assert params["random_state"] == 0
    assert params["words"] == ("联赛冠军",)
    assert set(params) >= {"max_features", "min_df", "max_df", "top_terms"}
    assert estimator.set_params(n_topics=3, method="nmf") is estimator
    assert (estimator.n_topics, estimator.method) == (3, "nmf")


def test_lda_and_extra_words() -> None:
    lda = fit_topics(CORPUS, n_topics=3, method="lda", max_iter=20)
    assert isinstance(lda.pipeline_.named_steps["model"], LatentDirichletAllocation)
    shares = lda.transform(CORPUS)
    assert np.allclose(shares.sum(axis=1), 1.0)
    words = fit_topics(CORPUS, n_topics=3, min_df=1, words=("聯賽冠軍",))
    assert "联赛冠军" in words.pipeline_.named_steps["vectorize"].get_feature_names_out()


@pytest.mark.parametrize(
    ("texts", "n_topics", "message"),
    [
        pytest.param([*CORPUS[:4], None, *CORPUS[5:]], 3, "position 4", id="none-item"),
        pytest.param([*CORPUS[:2], 7], 1, "position 2", id="int-item"),
        pytest.param([], 3, "empty corpus", id="empty-corpus"),
        pytest.param(CORPUS[:2], 3, "fewer than the 3 topics", id="too-few-texts"),
        pytest.param("球队赢得比赛", 1, "not one str", id="one-string"),
        pytest.param(None, 3, "got None", id="none-corpus"),
        pytest.param(pd.DataFrame({"text": CORPUS}), 3, "not a table", id="data-frame"),
        pytest.param(["，。", "！"], 1, "no words", id="no-words"),
    ],
)
def test_bad_input(texts: object, n_topics: int, message: str) -> None:
    with pytest.raises(InputError, match=message):
        fit_topics(texts, n_topics=n_topics)  # type: ignore[arg-type]


def test_bad_input_to_transform(model: TopicModel) -> None:
    with pytest.raises(InputError, match="position 1"):
        model.transform(["球队", None])  # type: ignore[list-item]
    with pytest.raises(InputError, match="not fitted"):
        TopicModel().transform(CORPUS)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        pytest.param({"method": "lsa"}, "unknown method 'lsa'", id="unknown-method"),
        pytest.param({"n_topics": 0}, "n_topics", id="zero-topics"),
        pytest.param({"words": "球队"}, "not one string", id="words-string"),
        pytest.param({"colour": "red"}, "unknown option colour", id="unknown-option"),
    ],
)
def test_bad_options(options: dict[str, object], message: str) -> None:
    with pytest.raises(OptionError, match=message):
        fit_topics(CORPUS, **options)  # type: ignore[arg-type]


def test_text_the_penalty_left_without_topic_still_gets_shares(
    model: TopicModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On the THUCNews headlines a few texts with known words come out of NMF with all-zero weights.
    restored = pickle.loads(pickle.dumps(model))
    nmf = restored.pipeline_.named_steps["model"]
    monkeypatch.setattr(nmf, "transform", lambda matrix: np.zeros((matrix.shape[0], 3)))
    shares = restored.transform([*CORPUS, "今天天气晴朗。"])
    assert shares.sum(axis=1).round(9).tolist() == [*([1.0] * len(CORPUS)), 0.0]
    assert restored.predict(SPORTS).tolist() == model.predict(SPORTS).tolist()
