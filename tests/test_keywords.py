from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import newsnlp as nn
from newsnlp.errors import InputError, OptionError
from newsnlp.keywords import IdfTable, Keyword, bundled_idf, fit_idf, keywords
from newsnlp.normalize import convert_script

TEXT = (
    "寧德市召開項目建設攻堅動員大會。市委書記梁偉新要求，全市上下要深化“深學爭優、敢為爭先、實干爭效”行動，"
    "打好項目建設攻堅戰。梁偉新指出，2024年要確保項目建設見實效，一季度完成投資3.5億元。"
)


@pytest.fixture(scope="module")
def sample_keywords(sample_article: nn.Article) -> tuple[Keyword, ...]:
    return keywords(sample_article, top_n=10)


def test_sample_keywords(sample_article: nn.Article, sample_keywords: tuple[Keyword, ...]) -> None:
    texts = [keyword.text for keyword in sample_keywords]
    assert len(texts) == 10
    assert {"項目建設", "攻堅", "梁偉新", "深學爭優、敢為爭先、實干爭效"} <= set(texts)
    assert texts[0] in {"項目建設", "攻堅"}
    for keyword in sample_keywords:
        assert keyword.key == convert_script(keyword.text)[0]
        for mention in keyword.mentions:
            assert mention.start is not None
            assert sample_article.text[mention.start : mention.end] == keyword.key
            assert sample_article.original((mention.start, mention.end)) == keyword.text


def test_sample_keywords_hold_no_boilerplate_numbers_or_stopwords(
    sample_keywords: tuple[Keyword, ...],
) -> None:
    for keyword in sample_keywords:
        assert not any(char.isdigit() for char in keyword.key)
        assert keyword.key not in nn.stopwords()
        assert "版權" not in keyword.text
        assert "首頁" not in keyword.text


def test_scores_descend_and_results_repeat() -> None:
    first = keywords(TEXT, top_n=8)
    assert [k.score for k in first] == sorted((k.score for k in first), reverse=True)
    assert keywords(TEXT, top_n=8) == first


def test_slogans_names_and_phrases_stay_whole() -> None:
    found = {keyword.text: keyword for keyword in keywords(TEXT, top_n=10)}
    assert "深學爭優、敢為爭先、實干爭效" in found
    assert "梁偉新" in found
    assert len(found["梁偉新"].mentions) == 2
    assert len(found["項目建設"].mentions) == 3
    assert "3.5億元" not in found
    assert "2024年" not in found


@pytest.mark.parametrize("method", ["tfidf", "textrank"])
def test_same_keywords_in_either_script(method: str) -> None:
    simplified = convert_script(TEXT)[0]
    traditional = keywords(TEXT, top_n=6, method=method)  # type: ignore[arg-type]
    assert [k.key for k in keywords(simplified, top_n=6, method=method)] == [k.key for k in traditional]  # type: ignore[arg-type]


def test_textrank_scores_are_relative() -> None:
    ranked = keywords(TEXT, top_n=5, method="textrank")
    assert ranked[0].score == 1.0
    assert all(0 < keyword.score <= 1 for keyword in ranked)


def test_caller_words_stay_whole() -> None:
    text = "深學爭優工作推進會召開，項目攻堅專班負責。項目攻堅專班要落實責任。"
    assert "項目攻堅專班" in [k.text for k in keywords(text, words=["項目攻堅專班"])]


def test_fitted_idf_round_trips_as_plain_text(tmp_path: Path) -> None:
    table = fit_idf(["市委书记强调项目建设", "市长召开会议", "项目建设攻坚", "會議強調"])
    assert table.n_documents == 4
    assert table["项目"] < table["市长"]  # in two documents against one
    assert table["会议"] == table["项目"]  # Traditional text counts under its Simplified word
    path = tmp_path / "idf.tsv"
    table.save(path)
    assert path.read_text(encoding="utf-8").startswith("# newsnlp idf table")
    assert IdfTable.load(path) == table
    assert pickle.loads(pickle.dumps(table)) == table
    ranked = keywords("市长强调项目建设。", idf=table, top_n=3)
    assert ranked[0].key in {"市长", "强调"}


def test_bundled_idf_is_jiebas_table() -> None:
    table = bundled_idf()
    assert len(table) > 200_000
    assert table["经济"] < table["攻坚"]


def test_loading_a_file_that_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "other.txt"
    path.write_text("import os\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a newsnlp idf table"):
        IdfTable.load(path)
    path.write_text("# newsnlp idf table\tdefault=1.0\tn_documents=1\n市长\tmany\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        IdfTable.load(path)


def test_bad_input() -> None:
    with pytest.raises(InputError, match="None"):
        keywords(None)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="empty"):
        keywords("")
    with pytest.raises(OptionError, match="method"):
        keywords(TEXT, method="lda")  # type: ignore[arg-type]
    with pytest.raises(OptionError, match="top_n"):
        keywords(TEXT, top_n=0)
    with pytest.raises(InputError, match="list"):
        keywords(TEXT, words="項目")
    with pytest.raises(InputError, match="at least one"):
        fit_idf([])
    with pytest.raises(InputError, match="position 1"):
        fit_idf(["市长", None])  # type: ignore[list-item]


def test_one_word_article() -> None:
    assert [k.key for k in keywords("攻坚")] == ["攻坚"]
    assert keywords("的了。") == ()
