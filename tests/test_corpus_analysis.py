from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import newsnlp as nn
from newsnlp.corpus_analysis import CorpusResult, analyze_corpus
from newsnlp.errors import InputError, OptionError
from tests.conftest import SAMPLE

TABLES = ("articles", "officials", "persons", "slogans", "dates", "keywords", "errors")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    sample = SAMPLE.read_text(encoding="utf-8")
    texts = [
        sample,
        "",
        "標題\n今年，市長張永寧主持會議，要求落實“兩手抓”。",
        None,
        b"\x00\x01 binary",
        "江濱新聞\n3月1日，县委书记陈志强调研“菜篮子”工程。陈志强指出，要确保供应。",
    ]
    published = [None, None, "2024-03-01", None, None, "2024-03-02 10:00"]
    return pd.DataFrame({"text": texts, "published": published}, index=["a", "b", "c", "d", "e", "f"])


@pytest.fixture(scope="module")
def result(frame: pd.DataFrame) -> CorpusResult:
    return analyze_corpus(frame, topics=None)


def test_every_row_is_analysed_or_has_an_error(frame: pd.DataFrame, result: CorpusResult) -> None:
    assert list(result.articles.index) == ["a", "c", "f"]
    assert result.errors["article"].tolist() == ["b", "d", "e"]
    reasons = dict(zip(result.errors["article"], result.errors["error"], strict=True))
    assert "empty" in reasons["b"]
    assert "holds nothing" in reasons["d"]
    assert reasons["e"].startswith("DecodeError")
    assert set(result.articles.index) | set(result.errors["article"]) == set(frame.index)


def test_tables_hold_the_extractions(result: CorpusResult) -> None:
    first = result.articles.loc["a"]
    assert first["source"] == "閩東日報"
    assert first["script"] == "traditional"
    assert "梁偉新" in first["summary"]
    roster = result.officials[result.officials["role"] == "official"]
    assert ("a", "梁偉新", ["市委書記"]) in list(
        zip(roster["article"], roster["name"], roster["titles"], strict=True)
    )
    assert ("f", "陈志强") in list(zip(roster["article"], roster["name"], strict=True))
    people = result.persons[result.persons["article"] == "a"]
    assert set(roster.loc[roster["article"] == "a", "key"]) <= set(people.loc[people["official"], "key"])
    assert people.loc[people["key"] == "梁伟新", "mentions"].item() >= 5
    assert set(result.slogans.loc[result.slogans["article"] == "c", "key"]) == {"两手抓"}
    dates = result.dates[result.dates["article"] == "c"]
    assert dates[["text", "value"]].to_dict("records") == [{"text": "今年", "value": "2024"}]
    assert result.keywords.groupby("article")["rank"].min().tolist() == [1, 1, 1]


def test_slogan_diffusion(result: CorpusResult) -> None:
    diffusion = result.slogan_diffusion()
    assert diffusion.loc["两手抓", "2024-03"] == 1
    assert diffusion.loc["深学争优、敢为争先、实干争效", "2024-02"] == 5
    assert diffusion.loc["深学争优、敢为争先、实干争效", "articles"] == 1
    assert list(diffusion.columns[:5]) == ["kind", "first", "last", "articles", "mentions"]
    assert diffusion["first"].is_monotonic_increasing


def test_processes_give_the_same_tables(frame: pd.DataFrame, result: CorpusResult) -> None:
    pooled = analyze_corpus(frame, engine="processes", n_jobs=2, topics=None)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(pooled, name), getattr(result, name))


def test_dask_on_a_local_cluster_gives_the_same_tables(frame: pd.DataFrame, result: CorpusResult) -> None:
    distributed = pytest.importorskip("distributed")  # the dev extra installs it; newsnlp[dask] for users
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster,
        distributed.Client(cluster),
    ):
        spread = analyze_corpus(frame, engine="dask", n_jobs=2, topics=None)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(spread, name), getattr(result, name))


def test_a_path_is_read_record_by_record(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": "x1", "text": "標題\n市委書記梁偉新主持會議。", "published": "2024-01-05"},
            ensure_ascii=False,
        ),
        "{not json",
        json.dumps({"id": "x2", "title": "no text field"}),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = analyze_corpus(path, topics=None)
    assert result.articles["id"].tolist() == ["x1"]
    assert len(result.errors) == 2
    assert any("invalid JSON" in reason for reason in result.errors["error"])
    assert str(result.articles["published"].iloc[0]) == "2024-01-05 00:00:00+08:00"


def test_tables_are_written_as_csv_and_parquet(result: CorpusResult, tmp_path: Path) -> None:
    written = result.to_files(tmp_path)
    assert {path.name for path in written} >= {"articles.csv", "officials.parquet", "errors.csv"}
    officials = pd.read_parquet(tmp_path / "officials.parquet")
    assert "市委書記" in officials["titles"].tolist()
    assert pd.read_csv(tmp_path / "errors.csv")["article"].tolist() == ["b", "d", "e"]


def test_bad_arguments(frame: pd.DataFrame) -> None:
    with pytest.raises(OptionError, match="engine"):
        analyze_corpus(frame, engine="spark")  # type: ignore[arg-type]
    with pytest.raises(OptionError, match="n_jobs"):
        analyze_corpus(frame, n_jobs=0)
    with pytest.raises(OptionError, match="topics"):
        analyze_corpus(frame, topics=1)
    with pytest.raises(InputError, match="no column 'body'"):
        analyze_corpus(frame, text="body")
    with pytest.raises(InputError, match="None"):
        analyze_corpus(None)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="no such file"):
        analyze_corpus("no/such/folder")


def test_public_name() -> None:
    assert nn.analyze_corpus is analyze_corpus


def test_topics_are_fitted_and_named() -> None:
    sport = [
        "球队在比赛中获胜，球员表现出色。",
        "足球联赛开幕，球队球员积极备战比赛。",
        "篮球比赛中球员投篮得分，球队夺冠。",
    ]
    money = [
        "股市今天上涨，投资者买入股票。",
        "银行调整利率，股市投资者关注资金。",
        "股票市场交易活跃，投资基金增加。",
    ]
    texts = [f"标题\n{text}" for pair in zip(sport, money, strict=True) for text in pair]
    result = analyze_corpus(pd.DataFrame({"text": texts * 2}), topics=2)
    assert len(result.topics) == 2
    assert set(result.articles["main_topic"]) == {0, 1}
    sports_topic = result.articles["main_topic"].iloc[0]
    assert (result.articles["main_topic"].iloc[::2] == sports_topic).all()
    assert (result.articles["main_topic"].iloc[1::2] != sports_topic).all()
    assert result.articles["topic_label"].notna().all()


def test_a_corpus_too_small_for_topics_gets_none() -> None:
    result = analyze_corpus(pd.DataFrame({"text": ["标题\n会议。"] * 4}), topics=2)
    assert result.topics.empty
    assert result.articles["main_topic"].isna().all()


def test_keywords_with_an_idf_fitted_on_the_corpus() -> None:
    texts = [
        f"标题\n江滨市召开{topic}会议，江滨市{topic}工作取得进展。江滨市要求落实。"
        for topic in ("教育", "交通", "环保", "医疗")
    ]
    frame = pd.DataFrame({"text": texts})
    plain = analyze_corpus(frame, topics=None)
    fitted = analyze_corpus(frame, topics=None, idf="fit")
    first = lambda result: result.keywords[result.keywords["rank"] == 1]["key"].tolist()  # noqa: E731
    assert first(plain) == ["江滨"] * 4  # the city tops every article with jieba's IDF
    assert first(fitted) == ["教育", "交通", "环保", "医疗"]
    with pytest.raises(OptionError, match="idf"):
        analyze_corpus(frame, idf="bundled")  # type: ignore[arg-type]


def test_nothing_is_lost_with_good_empty_binary_and_huge_items() -> None:
    huge = "标题\n" + "市委书记主持会议。" * 600_000  # 5.4 million characters, past analyze's limit
    texts = ["标题\n市委书记梁伟新主持会议。", "", b"\x00\xff\x00 binary", huge, "   ", "English only."]
    frame = pd.DataFrame({"text": texts}, index=[10, 11, 12, 13, 14, 15])
    result = analyze_corpus(frame, topics=None)
    assert list(result.articles.index) == [10]
    reasons = dict(zip(result.errors["article"], result.errors["error"], strict=True))
    assert sorted(reasons) == [11, 12, 13, 14, 15]
    assert "max_chars" in reasons[13]
    assert "NUL" in reasons[12]
    assert "no Chinese" in reasons[15]


def test_slogan_diffusion_has_every_month() -> None:
    frame = pd.DataFrame(
        {
            "text": ["标题\n要落实“两手抓”方针。", "标题\n继续落实“两手抓”方针。"],
            "published": ["2024-01-10", "2024-04-02"],
        }
    )
    diffusion = analyze_corpus(frame, topics=None).slogan_diffusion()
    assert list(diffusion.columns[5:]) == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert diffusion.loc["两手抓", ["2024-01", "2024-02", "2024-03", "2024-04"]].tolist() == [1, 0, 0, 1]


def test_a_corpus_is_streamed_to_parquet_parts(tmp_path: Path) -> None:
    records = [
        {
            "id": f"x{number}",
            "text": f"标题\n市委书记张建国主持第{number}次会议，落实“两手抓”。",
            "published": "2024-01-05",
        }
        for number in range(7)
    ]
    records.insert(3, {"id": "bad", "text": ""})
    source = tmp_path / "corpus.jsonl"
    source.write_text(
        "\n".join(json.dumps(record, ensure_ascii=False) for record in records), encoding="utf-8"
    )
    out = tmp_path / "tables"
    streamed = analyze_corpus(source, topics=None, out=out, chunk_size=3)
    assert streamed.folder == out
    assert streamed.articles.empty
    assert len(streamed.errors) == 1
    assert sorted(path.name for path in (out / "officials").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    whole = analyze_corpus(source, topics=None)
    officials = pd.read_parquet(out / "officials")
    assert officials["name"].tolist() == whole.officials["name"].tolist() == ["张建国"] * 7
    assert pd.read_parquet(out / "articles")["id"].tolist() == whole.articles["id"].tolist()
    with pytest.raises(OptionError, match="topics"):
        analyze_corpus(source, out=out)
    with pytest.raises(OptionError, match="chunk_size"):
        analyze_corpus(source, topics=None, out=out, chunk_size=0)
