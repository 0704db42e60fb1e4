from __future__ import annotations

import io
import pickle

import joblib
from sklearn.base import clone
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer

from newsnlp.vectorize import WordTokenizer, make_tfidf

DOCUMENTS = [
    "市委書記梁偉新在會上強調，要實干爭效。",
    "市委书记梁伟新在会上强调，要实干争效。",
    "市长张永宁主持会议，部署项目建设。",
]


def test_word_tokenizer_drops_punctuation_and_stopwords() -> None:
    assert WordTokenizer()(DOCUMENTS[0]) == ["市委书记", "梁伟新", "会上", "强调", "实干", "争效"]
    assert "在" in WordTokenizer(keep_stopwords=True)(DOCUMENTS[0])


def test_both_scripts_share_one_vocabulary() -> None:
    matrix = make_tfidf().fit_transform(DOCUMENTS)
    assert (matrix[0] != matrix[1]).nnz == 0


def test_tokenizer_and_vectorizer_survive_pickle_clone_and_joblib() -> None:
    tokenizer = WordTokenizer(words=("实干争效",))
    assert pickle.loads(pickle.dumps(tokenizer)) == tokenizer
    vectorizer = make_tfidf(words=("实干争效",), min_df=1).fit(DOCUMENTS)
    restored = pickle.loads(pickle.dumps(vectorizer))
    assert list(restored.get_feature_names_out()) == list(vectorizer.get_feature_names_out())
    assert "实干争效" in vectorizer.get_feature_names_out()
    cloned = clone(make_pipeline(vectorizer, Normalizer()))
    assert cloned.fit_transform(DOCUMENTS).shape[0] == 3
    buffer = io.BytesIO()
    joblib.dump(vectorizer, buffer)
    buffer.seek(0)
    assert (joblib.load(buffer).transform(DOCUMENTS[:1]) != vectorizer.transform(DOCUMENTS[:1])).nnz == 0
