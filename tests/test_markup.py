from __future__ import annotations

import socket

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


# Scraped pages are hostile input: absurd nesting, external entities and megabytes of link lists.
DEPTH = 100_000
STORY = "市政府今日召開記者會，說明颱風過後的復原進度與補助申請方式。"


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param("<div>" * DEPTH + STORY, id="unclosed"),
        pytest.param("<div>" * DEPTH + STORY + "</div>" * DEPTH, id="closed"),
    ],
)
def test_deeply_nested_divs_do_not_recurse(markup: str) -> None:
    page = html_to_text(markup)
    assert page.text.strip() == STORY
    start = page.text.index(STORY)
    raw_start, raw_end = page.offsets.to_raw(start, start + len(STORY))
    assert markup[raw_start:raw_end] == STORY


def test_deeply_nested_skipped_elements_are_left_out() -> None:
    # Each </nav> used to search a reversed copy of the open-element stack: quadratic, 15 s here.
    markup = "<nav>" * DEPTH + "首頁 > 新聞" + "</nav>" * DEPTH + f"<p>{STORY}</p>"
    assert html_to_text(markup).text.strip() == STORY


EXTERNAL = """<!DOCTYPE html [
<!ENTITY x SYSTEM "http://example.com/x">
<!ENTITY y "內部實體">
]>
<html><head><title>外部資源&x;</title>
<link rel="stylesheet" href="http://example.com/site.css">
<link rel="canonical" href="http://example.com/news/1.html">
<script src="http://example.com/app.js"></script></head>
<body><img src="http://example.com/photo.jpg" alt="照片"><p>正文&x;與&y;結束</p></body></html>"""


def test_external_references_are_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    page = html_to_text(EXTERNAL)
    # The internal subset is skipped whole (its "]>" used to leak into the text); unknown entity
    # references stay as written, neither expanded nor fetched.
    assert page.text.split() == ["正文&x;與&y;結束"]
    assert page.meta["html_title"] == "外部資源&x;"
    assert page.meta["canonical"] == "http://example.com/news/1.html"
    check_map(page.offsets)


SOUP_SIZE = 2_000_000  # bytes of markup: enough to show the cost stays linear, quick enough for the suite
NAV_LINK = '<li class="item"><a href="/news/{0}.html" title="新聞{0}">新聞中心&nbsp;{0}</a></li>\n'
MENU = (
    '<div class="menu"><!-- 選單 --><ul>{links}</ul>'
    '<script>var m = "<a href=/x>{0}</a>";</script><span class="sep">&gt;</span></div>\n'
)


def test_megabytes_of_navigation_soup() -> None:
    # SIZE bytes of link lists, most of them in <nav>, <header> and <footer>, the story last.
    nav = "<nav><ul>" + "".join(NAV_LINK.format(index) for index in range(200)) + "</ul></nav>"
    menu = MENU.replace("{links}", "".join(NAV_LINK.format(index) for index in range(20)))
    parts = [f"<html><head><title>導航</title></head><body><header>{nav}</header>"]
    size = len(parts[0])
    menus = 0
    while size < SOUP_SIZE:
        block = menu.format(len(parts)) if len(parts) % 10 == 0 else f"<footer>{nav}</footer>"
        menus += block.startswith("<div")
        parts.append(block)
        size += len(block)
    markup = "".join([*parts, f"<article><p>{STORY}</p></article></body></html>"])
    page = html_to_text(markup)
    check_map(page.offsets)
    lines = [line.strip() for line in page.text.split("\n") if line.strip()]
    assert lines[-1] == STORY
    assert "新聞中心\xa0199" not in page.text  # only in <nav>: left out
    assert lines.count("新聞中心\xa019") == menus  # the last link of each visible menu
    assert lines.count(">") == menus
    assert "var m" not in page.text


def test_text_after_an_unclosed_tag_is_kept_as_written() -> None:
    # After the last ">" no tag can close: the "<" stay text and point back into the page.
    markup = '<p>正文</p><p>尾巴<p title="&amp;x<!--y'
    page = html_to_text(markup)
    assert page.text.split("\n")[-1] == '尾巴<p title="&x<!--y'
    start = page.text.index("<p title")
    assert page.offsets.to_raw(start, start + 2) == (
        markup.index('<p title="&'),
        markup.index('<p title="&') + 2,
    )


def test_a_page_of_unclosed_tags_is_read_whole() -> None:
    # html.parser alone retries each of these against the rest of the page: quadratic time.
    markup = "<html><p>正文</p>" + '<p title="' * 20_000
    page = html_to_text(markup)
    assert page.text.startswith("\n正文")
    assert page.text.count('<p title="') == 20_000
