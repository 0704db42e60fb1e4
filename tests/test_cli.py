from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsnlp.cli import main
from tests.conftest import SAMPLE


def test_parse_prints_one_json_line_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), str(SAMPLE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["path"] == str(SAMPLE)
    assert record["source"] == "閩東日報"
    assert record["published"] == "2024-02-19T15:57:00+08:00"
    assert record["reviewers"] == ["陳小蝦", "周邦在"]
    assert "閩東日報" in lines[0]  # not escaped


def test_parse_reports_bad_files_and_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    status = main(["parse", str(empty), str(tmp_path / "missing.txt"), str(SAMPLE)])
    captured = capsys.readouterr()
    assert status == 1
    assert f"newsnlp: {empty}: the page is empty" in captured.err
    assert "missing.txt" in captured.err
    assert len(captured.out.splitlines()) == 1


def test_published_option_overrides_the_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--published", "2024-03-01T10:00", str(SAMPLE)]) == 0
    assert json.loads(capsys.readouterr().out)["published"] == "2024-03-01T10:00:00+08:00"


def test_command_reads_standard_input_and_writes_utf8() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsnlp", "parse", "-"],
        input=SAMPLE.read_bytes(),
        capture_output=True,
        check=True,
        env={"PYTHONIOENCODING": "ascii", "PATH": ""},
    )
    record = json.loads(result.stdout.decode("utf-8"))
    assert record["title"].startswith("全市“深學爭優")


def test_usage_errors_exit_with_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse"])
    assert exit_info.value.code == 2
    assert "FILE" in capsys.readouterr().err
