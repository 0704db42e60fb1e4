"""HTML: entities, and the visible text of a page with exact offsets into its markup.

The page text comes from the standard library's `html.parser`, the one well-kept parser that
reports where in the source each piece of text sits; lxml, html5lib and selectolax build trees
without character offsets, so results could no longer point into the original page. Scripts,
styles, forms and the page's ``<nav>``, ``<header>``, ``<footer>`` and ``<aside>`` elements are
left out; block elements and ``<br>`` end a line, so the text has one paragraph per line, ready
for the same line-based page parser that reads plain-text pages.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from newsnlp.offsets import OffsetMap, OffsetMapBuilder, substitute

__all__ = ["PUBLISHED_KEYS", "HtmlPage", "decode_entities", "html_to_text", "looks_like_html"]

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> tuple[str, OffsetMap]:
    """Decode HTML character references (``&amp;``, ``&#20013;``, ``&nbsp;``).

    >>> decode_entities("中&#22269;&amp;AI")[0]
    '中国&AI'
    """
    return substitute(text, _ENTITY, lambda match: html.unescape(match.group()))


_HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<head|<body|<!--)", re.IGNORECASE)
_HTML_TAGS = re.compile(r"</?(?:p|div|br|span|a|table|td|li|h[1-6])\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when a text is an HTML document or a fragment with several block tags.

    >>> looks_like_html("<p>新聞</p><p>第二段</p>"), looks_like_html("縣(市、區)")
    (True, False)
    """
    if _HTML_START.match(text):
        return True
    return len(_HTML_TAGS.findall(text[:20000])) >= 2


_SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "option",
        "textarea",
        "iframe",
        "svg",
        "canvas",
        "object",
    ]
)
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
# <meta> names that carry the publication time, most specific first.
PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "pubdate",
    "publishdate",
    "publish_date",
    "published_time",
    "dc.date",
    "date",
)
_META_NAMES = frozenset(
    [
        "title",
        "og:title",
        "description",
        "og:description",
        "author",
        "article:author",
        "source",
        "og:url",
        "canonical",
        "keywords",
        *PUBLISHED_KEYS,
    ]
)
_NEWLINES = re.compile(r"\s*\n\s*")
# "]" then ">": the end of a doctype's internal subset (<!DOCTYPE html [<!ENTITY ...>]>).
_SUBSET_END = re.compile(r"\]\s*>")


@dataclass
class HtmlPage:
    """The visible text of a page, its map back to the markup, and its head metadata.

    ``meta`` holds the page's ``<title>`` under "html_title" and ``<meta>``/``<link>`` values
    under their lower-cased names (``og:title``, ``article:published_time``, ``canonical``…).
    """

    text: str
    offsets: OffsetMap
    meta: dict[str, str] = field(default_factory=dict)


class _TextCollector(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.builder = OffsetMapBuilder(source)
        self.meta: dict[str, str] = {}
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", source)]
        self._skipping: list[str] = []
        # How many of each tag `_skipping` holds: end tags are checked against it in constant time.
        self._open_skipped: Counter[str] = Counter()
        self._in_title = False
        self._title: list[str] = []
        # Where the next doctype internal subset ends; past the end of the page when none is left.
        self._subset_end = 0

    def parse_html_declaration(self, i: int) -> int:
        """Skip a doctype's internal subset whole; other declarations go to `HTMLParser`."""
        # html.parser ends a doctype at its first ">", which in <!DOCTYPE html [<!ENTITY x ...>]>
        # is the entity's: the "]>" after it came out as page text. The subset is never read, so
        # its entities are neither expanded nor fetched.
        rawdata = self.rawdata
        first_gt = rawdata.find(">", i)
        if (
            rawdata[i : i + 9].lower() == "<!doctype"
            and first_gt >= 0
            and rawdata.find("[", i, first_gt) >= 0
        ):
            # One search per subset, remembered: a page of unclosed subsets stays linear.
            if self._subset_end <= i:
                match = _SUBSET_END.search(rawdata, i)
                self._subset_end = match.end() if match else len(rawdata) + 1
            if self._subset_end <= len(rawdata):
                self.handle_decl(rawdata[i + 2 : self._subset_end - 1])
                return self._subset_end
        return super().parse_html_declaration(i)

    def _position(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _break_line(self) -> None:
        position = self._position()
        self.builder.replace(position, position, "\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link"):
            self._read_meta(dict(attrs))
        if tag == "title":
            self._in_title = True
        if tag in _SKIPPED and tag not in ("br", "hr"):
            self._skipping.append(tag)
            self._open_skipped[tag] += 1
        elif not self._skipping and tag in _BLOCKS:
            self._break_line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link"):
            self._read_meta(dict(attrs))
        elif not self._skipping and tag in _BLOCKS:
            self._break_line()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._open_skipped[tag]:
            # Close the innermost open element of that name, and anything left open inside it.
            # Scanning back in place (no reversed copy, no `in` over the list) costs no more than
            # the elements it closes, so 100,000 nested <nav> elements take linear, not quadratic, time.
            index = len(self._skipping) - 1
            while self._skipping[index] != tag:
                index -= 1
            self._open_skipped.subtract(self._skipping[index:])
            del self._skipping[index:]
        elif not self._skipping and tag in _BLOCKS:
            self._break_line()

    def _read_meta(self, attrs: dict[str, str | None]) -> None:
        name = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("rel")
        value = attrs.get("content") or attrs.get("href")
        if name and value and name.lower() in _META_NAMES:
            self.meta.setdefault(name.lower(), html.unescape(value).strip())

    def handle_data(self, data: str) -> None:
        start = self._position()
        if self._in_title:
            self._title.append(self.source[start : start + len(data)])
        if self._skipping:
            return
        # Line breaks inside the markup of a paragraph are not paragraph breaks.
        position = start
        for match in _NEWLINES.finditer(data):
            self.builder.copy(position, start + match.start())
            self.builder.replace(start + match.start(), start + match.end(), " ")
            position = start + match.end()
        self.builder.copy(position, start + len(data))

    def _reference(self, prefix_length: int, name: str) -> None:
        """Handle ``&name;`` (prefix ``&``) or ``&#name;`` (prefix ``&#``); the ``;`` is optional."""
        start = self._position()
        end = start + prefix_length + len(name)
        if self.source[end : end + 1] == ";":
            end += 1
        reference = self.source[start:end]
        if self._in_title:
            self._title.append(html.unescape(reference))
        if not self._skipping:
            self.builder.replace(start, end, html.unescape(reference))

    def handle_entityref(self, name: str) -> None:
        self._reference(1, name)

    def handle_charref(self, name: str) -> None:
        self._reference(2, name)

    def finish(self) -> HtmlPage:
        self.close()
        title = " ".join("".join(self._title).split())
        if title:
            self.meta["html_title"] = title
        text, offsets = self.builder.build()
        return HtmlPage(text, offsets, self.meta)


def html_to_text(markup: str) -> HtmlPage:
    """Extract the visible text of an HTML page, one block per line, with offsets.

    >>> page = html_to_text("<html><title>標題</title><p>第一段&amp;</p><nav>首頁</nav><p>第二段</p>")
    >>> page.text.split(), page.meta["html_title"]
    (['第一段&', '第二段'], '標題')
    """
    collector = _TextCollector(markup)
    # html.parser retries every "<" it cannot close against the rest of the page, so a page that
    # ends in thousands of unclosed tags (<p title="<p title="...) took quadratic time. After the
    # last ">" no tag or comment can close: those "<" are fed as text, and the entities after them
    # are decoded like any text's. The stand-in has the same length, and the collector copies text
    # from the page itself, so the "<" come out as written.
    cut = markup.rfind(">") + 1
    collector.feed(markup[:cut] + markup[cut:].replace("<", "\ufffd"))
    return collector.finish()
