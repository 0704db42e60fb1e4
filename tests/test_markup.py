from __future__ import annotations

import pytest

from newsnlp.normalize.markup import decode_entities, html_to_text, looks_like_html
from tests.invariants import check_map

PAGE = """<!DOCTYPE html>
<html><head><title>標題 &amp; 副標_寧德網</title>
<meta property="article:published_time" content="2024-02-19T15:57:00+08:00">
<meta property="og:url" content="https://example.cn/a.html">
<style>p { color: red; }</style></head>
<body><nav><a href="/">首頁</a> &gt; 新聞</nav>
<h1>標題</h1>
<p>第一段，
市委書記&nbsp;梁偉新&#24375;調。</p>
<p>第二<b>段</b>。<br>第三段</p>
<script>var s = "<p>不是正文</p>";</script>
<footer>版權所有</footer></body></html>"""


def test_html_to_text_keeps_visible_blocks_one_per_line() -> None:
    page = html_to_text(PAGE)
    lines = [line.strip() for line in page.text.split("\n") if line.strip()]
    assert lines == ["標題", "第一段， 市委書記\xa0梁偉新強調。", "第二段。", "第三段"]


def test_html_to_text_reads_head_metadata() -> None:
    meta = html_to_text(PAGE).meta
    assert meta["html_title"] == "標題 & 副標_寧德網"
    assert meta["article:published_time"] == "2024-02-19T15:57:00+08:00"
    assert meta["og:url"] == "https://example.cn/a.html"


@pytest.mark.parametrize(
    ("visible", "markup"),
    [
        pytest.param("梁偉新", "梁偉新", id="text"),
        pytest.param("強", "&#24375;", id="character-reference"),
        pytest.param("第二段", "第二<b>段", id="across-inline-tags"),
    ],
)
def test_html_text_maps_into_the_markup(visible: str, markup: str) -> None:
    page = html_to_text(PAGE)
    check_map(page.offsets)
    start = page.text.index(visible)
    raw_start, raw_end = page.offsets.to_raw(start, start + len(visible))
    assert PAGE[raw_start:raw_end] == markup


def test_decode_entities() -> None:
    text, offsets = decode_entities("A&amp;B&#x4e2d;&unknown;")
    assert text == "A&B中&unknown;"
    assert offsets.to_raw(3, 4) == (7, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<html><body>新聞</body></html>", True, id="document"),
        pytest.param("<div>新聞</div><p>第二段</p>", True, id="fragment"),
        pytest.param("縣(市、區) a < b > c", False, id="plain-text"),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected
