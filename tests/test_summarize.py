from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

import newsnlp as nn
from newsnlp.cli import main
from newsnlp.errors import InputError, OptionError
from newsnlp.summarize import Summary, summarize
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample_summary(sample_article: nn.Article) -> Summary:
    return summarize(sample_article)


def test_sample_summary_names_the_meeting_people_slogan_and_date(sample_summary: Summary) -> None:
    assert len(sample_summary.sentences) == 3
    assert "行動總結部署會暨2024年項目建設攻堅行動動員部署大會召開" in sample_summary.text
    assert "梁偉新" in sample_summary.text
    assert "深學爭優、敢為爭先、實干爭效" in sample_summary.text
    assert {"梁偉新", "張永寧"} <= {official.name for official in sample_summary.officials}
    assert ("2月18日", "2024-02-18") in [(d.text, d.value) for d in sample_summary.dates]
    assert sample_summary.slogans[0].text == "深學爭優、敢為爭先、實干爭效"
    assert sample_summary.title is not None
    assert sample_summary.title.startswith("全市“深學爭優")
    assert sample_summary.source == "閩東日報"
    assert sample_summary.script == "traditional"


def test_sample_summary_holds_no_page_furniture(sample_summary: Summary) -> None:
    for furniture in ("首頁", "版權所有", "ICP", "返回頂部", "責任編輯", "0593"):
        assert furniture not in sample_summary.text
        assert furniture not in sample_summary.to_markdown().split("## Keywords")[0]


def test_sentences_come_in_article_order_and_point_into_the_page(
    sample_article: nn.Article, sample_summary: Summary
) -> None:
    starts = [sentence.start for sentence in sample_summary.sentences]
    assert starts == sorted(starts)
    for sentence in sample_summary.sentences:
        assert sample_article.original((sentence.start, sentence.end)) == sentence.text
        raw = sample_article.raw[sentence.raw_start : sentence.raw_end]
        assert raw.startswith(sentence.text[:2])
        assert raw.endswith(sentence.text[-1])


def test_to_dict_markdown_and_frame(sample_summary: Summary) -> None:
    record = sample_summary.to_dict()
    assert record["text"] == sample_summary.text
    assert json.loads(json.dumps(record, ensure_ascii=False))["published"] == "2024-02-19T15:57:00+08:00"
    markdown = sample_summary.to_markdown()
    for heading in ("## Summary", "## Keywords", "## Officials", "## Slogans", "## Dates"):
        assert heading in markdown
    assert "- 今年: 2024 (year, 2×)" in markdown
    frame = sample_summary.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert frame.shape[0] == 1
    assert frame.loc[0, "summary"] == sample_summary.text
    assert "梁偉新" in frame.loc[0, "officials"]


def test_published_resolves_relative_dates() -> None:
    text = "標題\n今年是新中國成立75周年，昨天全市召開大會。"
    summary = summarize(text, published="2024-02-19 15:57")
    assert summary.published == datetime.fromisoformat("2024-02-19T15:57:00+08:00")
    assert [(d.text, d.value) for d in summary.dates] == [
        ("今年", "2024"),
        ("新中國成立75周年", "2024-10-01"),
        ("昨天", "2024-02-18"),
    ]
    later = summarize(nn.analyze(text), published="2025-01-01")
    assert later.dates[0].value == "2025"


def test_short_articles_give_every_sentence() -> None:
    one = summarize("全市召開項目建設攻堅大會。")
    assert [s.text for s in one.sentences] == ["全市召開項目建設攻堅大會。"]
    assert summarize("標題\n會議召開。", n_sentences=5).text == "會議召開。"


def test_repeated_sentences_are_not_picked_twice() -> None:
    text = "全市召開項目建設攻堅大會，部署全年工作。全市召開項目建設攻堅大會，部署全年工作！另有安排。"
    summary = summarize(text, n_sentences=2)
    assert summary.text.count("全市召開") == 1


def test_bad_input() -> None:
    with pytest.raises(InputError, match="None"):
        summarize(None)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="empty"):
        summarize("   ")
    with pytest.raises(OptionError, match="n_sentences"):
        summarize("會議召開。", n_sentences=0)


def test_cli_summarize_markdown_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", "--format", "markdown", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 全市“深學爭優")
    assert "## Officials" in out
    assert main(["summarize", "--sentences", "1", str(SAMPLE)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["path"] == str(SAMPLE)
    assert len(record["sentences"]) == 1
    assert main(["summarize", "--sentences", "0", str(SAMPLE)]) == 1
    assert "--sentences" in capsys.readouterr().err


def test_cli_corpus_writes_tables_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tables"
    assert main(["corpus", str(SAMPLE.parent), "--out", str(out), "--topics", "0", "--no-progress"]) == 0
    report = capsys.readouterr().out
    assert "articles: 1 analysed, 0 failed" in report
    assert "梁偉新" in report
    assert "深學爭優、敢為爭先、實干爭效 (5)" in report
    assert (out / "officials.parquet").exists()
    assert (out / "slogans.csv").exists()
    assert main(["corpus", str(tmp_path / "missing"), "--out", str(out)]) == 1
    assert "no such file" in capsys.readouterr().err
