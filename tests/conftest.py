"""Shared fixtures: the bundled sample article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

import newsnlp as nn

# Property tests check what happens, not how fast: a loaded machine must not fail them (speed is
# measured by the scripts in benchmarks/).
settings.register_profile("newsnlp", deadline=None)
settings.load_profile("newsnlp")

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample" / "ningde-2024-02-19.txt"


@pytest.fixture(scope="session")
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture(scope="session")
def sample_article(sample_bytes: bytes) -> nn.Article:
    return nn.analyze(sample_bytes)


def sample_as_html(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    nav, title, rest = lines[0], lines[1], lines[2:]
    credits_at = next(index for index, line in enumerate(rest) if line.startswith("來源:閩東日報記者"))
    body = "".join(f"<p>{line}</p>\n" for line in rest[: credits_at + 4])
    footer = "".join(f"<div>{line}</div>" for line in rest[credits_at + 4 :])
    return (
        f"<!DOCTYPE html><html><head><title>{title}_寧德網</title></head><body>"
        f"<nav>{nav}</nav><div class='article'>{body}</div><footer>{footer}</footer></body></html>"
    )
