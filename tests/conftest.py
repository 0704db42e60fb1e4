"""Shared fixtures: the bundled sample article."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsnlp as nn

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample" / "ningde-2024-02-19.txt"


@pytest.fixture(scope="session")
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture(scope="session")
def sample_article(sample_bytes: bytes) -> nn.Article:
    return nn.analyze(sample_bytes)
