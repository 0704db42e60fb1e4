from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import newsnlp as nn
from newsnlp.corpus import COLUMNS
from newsnlp.errors import InputError
from tests.conftest import SAMPLE

ARTICLE = "市政府召开常务会议\n2024-03-05 来源：宁德日报\n3月4日，市政府召开常务会议，研究部署近期工作。"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "sample.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "page.html").write_text(
        f"<html><body><p>{ARTICLE.replace(chr(10), '</p><p>')}</p></body></html>"
    )
    records = [
        json.dumps({"id": "a1", "text": ARTICLE, "url": "https://example.cn/a1"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a3", "title": "no text field"}),
        json.dumps({"id": "a4", "content": "Hello, no Chinese here."}),
    ]
    (tmp_path / "articles.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    pd.DataFrame({"id": ["c1"], "text": [ARTICLE], "published": ["2024-03-06 08:00"]}).to_csv(
        tmp_path / "table.csv", index=False
    )
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "notes.md").write_text("not an article format")
    return tmp_path


def test_load_corpus_reads_every_supported_file(corpus: Path) -> None:
    frame = nn.load_corpus(corpus)
    assert list(frame.columns) == list(COLUMNS)
    assert sorted(Path(path).name for path in frame["path"].unique()) == [
        "articles.jsonl",
        "binary.txt",
        "page.html",
        "sample.txt",
        "table.csv",
    ]
    assert len(frame) == 8


def test_load_corpus_keeps_parsed_fields(corpus: Path) -> None:
    frame = nn.load_corpus(corpus).set_index("id", drop=False)
    assert frame.loc["a1", "title"] == "市政府召开常务会议"
    assert frame.loc["a1", "url"] == "https://example.cn/a1"
    assert frame.loc["a1", "record"] == 1
    assert frame.loc["c1", "published"].isoformat() == "2024-03-06T08:00:00+08:00"
    sample = frame[frame["path"].str.endswith("sample.txt")].iloc[0]
    assert sample["source"] == "閩東日報"
    assert sample["reviewers"] == ["陳小蝦", "周邦在"]
    assert sample["text"].startswith("2月18日，春节")


@pytest.mark.parametrize(
    ("where", "message"),
    [
        pytest.param("binary.txt", "DecodeError", id="binary-file"),
        pytest.param("articles.jsonl:2", "invalid JSON", id="bad-json-line"),
        pytest.param("articles.jsonl:3", "no article text", id="record-without-text"),
        pytest.param("articles.jsonl:4", "no Chinese", id="record-without-chinese"),
    ],
)
def test_unreadable_records_are_reported_not_skipped(corpus: Path, where: str, message: str) -> None:
    frame = nn.load_corpus(corpus)
    name, _, record = where.partition(":")
    rows = frame[frame["path"].str.endswith(name)]
    if record:
        rows = rows[rows["record"] == int(record)]
    assert len(rows) == 1
    assert message in rows.iloc[0]["error"]
    assert rows.iloc[0]["text"] is None


def test_load_corpus_reads_a_single_file() -> None:
    frame = nn.load_corpus(SAMPLE)
    assert frame["error"].isna().all()
    assert frame.iloc[0]["photographers"] == ["張桂漢"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        pytest.param("missing-folder", "no such file", id="missing"),
        pytest.param("notes.md", "supported files are", id="unsupported-suffix"),
    ],
)
def test_load_corpus_rejects_paths_it_cannot_read(corpus: Path, path: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        nn.load_corpus(corpus / path)


def test_the_sample_corpus_loads_whole() -> None:
    path = Path(__file__).resolve().parent.parent / "corpora" / "sample-corpus" / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    frame = nn.load_corpus(path)
    assert len(frame) == len(records) >= 40
    assert frame["error"].isna().all()
    assert frame["id"].tolist() == [record["id"] for record in records]
    assert frame["title"].tolist() == [record["title"] for record in records]
    assert (frame["script"] == [record["script"] for record in records]).all()
    assert 0.25 <= (frame["script"] == "traditional").mean() <= 0.45
    subjects = pd.Series([record["subject"] for record in records]).value_counts()
    assert len(subjects) >= 6
    assert subjects.min() >= 6


def test_a_parquet_corpus_is_read_row_by_row(tmp_path: Path) -> None:
    path = tmp_path / "corpus.parquet"
    pd.DataFrame(
        {"id": ["a", "b"], "text": ["标题\n市委书记梁伟新主持会议。", ""], "published": ["2024-02-19", None]}
    ).to_parquet(path)
    frame = nn.load_corpus(path)
    assert frame["id"].tolist() == ["a", "b"]
    assert frame["record"].tolist() == [1, 2]
    assert frame["error"].isna().tolist() == [True, False]
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not parquet at all")
    assert nn.load_corpus(broken)["error"].iloc[0].startswith("cannot read the file")
