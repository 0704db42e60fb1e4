"""The records newsnlp returns: frozen dataclasses with ``to_dict()``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from newsnlp.normalize.script import Script
from newsnlp.offsets import OffsetMap

__all__ = ["Article", "Meta", "Region", "RegionRole", "Span", "Token"]


def _plain(value: Any) -> Any:
    """A JSON-friendly copy of a record field."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    return value


@dataclass(frozen=True)
class Span:
    """A piece of an article's normalised text: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The span as plain values."""
        return dict(_plain(self))


@dataclass(frozen=True)
class Token:
    """A word of a segmented text.

    ``text`` is the word in the normalised (Simplified) text, ``start``/``end`` its place there;
    ``raw_start``/``raw_end`` its place in the original input; ``surface`` the word as the
    original writes it (its own script, artifacts repaired); ``pos`` the jieba (ICTCLAS) part of
    speech when asked for.
    """

    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    surface: str
    pos: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The token as plain values."""
        return dict(_plain(self))


RegionRole = Literal["navigation", "title", "dateline", "deck", "image", "body", "credits", "boilerplate"]


@dataclass(frozen=True)
class Region:
    """One line of the page, what the parser took it for, and where it is in ``Article.raw``.

    Every non-blank line of the page is accounted for by a region, so nothing the parser left
    out of the body is lost: ``article.raw[region.raw_start:region.raw_end]`` is where the line
    stands in the input (on an HTML page, with its markup) and ``text`` is the line as read.
    """

    role: RegionRole
    raw_start: int
    raw_end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The region as plain values."""
        return dict(_plain(self))


@dataclass(frozen=True)
class Meta:
    """What a news page says about its article, in the article's own script.

    ``kicker`` is the line above the headline (引题), ``subtitle`` the line below it (副题);
    ``deck`` holds every headline line that is not the title, in page order.
    ``published`` is timezone-aware (Asia/Shanghai unless the page or caller says otherwise).
    """

    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    deck: tuple[str, ...] = ()
    published: datetime | None = None
    source: str | None = None
    reporters: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()
    url: str | None = None
    encoding: str | None = None
    script: Script = "none"

    def to_dict(self) -> dict[str, Any]:
        """The metadata as plain values (``published`` as an ISO 8601 string)."""
        return dict(_plain(self))


@dataclass(frozen=True)
class Article:
    """A parsed news article.

    - ``raw``: the input as given (decoded when bytes were given).
    - ``text``: the body, normalised and in Simplified characters, one paragraph per line;
      every analyser reads this text.
    - ``offsets``: maps spans of ``text`` into ``raw``.
    - ``body`` (a property): the body paragraphs of ``repaired``, one string each.
    - ``repaired`` and ``repaired_offsets``: the body in its own script, one paragraph per line,
      and the map from ``text`` into it, which `original` reads.
    - ``regions``: every line of the page and the role the parser gave it.
    """

    raw: str
    text: str
    offsets: OffsetMap
    meta: Meta
    repaired: str
    repaired_offsets: OffsetMap
    regions: tuple[Region, ...] = ()

    @property
    def body(self) -> tuple[str, ...]:
        """The body paragraphs in the article's own script, artifacts repaired."""
        return tuple(paragraph.strip() for paragraph in self.repaired.split("\n") if paragraph.strip())

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``raw`` that produced ``text[start:end]``."""
        return self.offsets.to_raw(start, end)

    def original(self, span: Span | tuple[int, int]) -> str:
        """A span's text in the article's own script, artifacts repaired.

        >>> from newsnlp import analyze
        >>> article = analyze("市委書記梁偉新在會上強調(diào)，要深化拓展行動。")
        >>> start = article.text.index("强调")
        >>> article.original((start, start + 2))
        '強調'
        """
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        repaired_start, repaired_end = self.repaired_offsets.to_raw(start, end)
        return self.repaired[repaired_start:repaired_end]

    def to_dict(self) -> dict[str, Any]:
        """The article's metadata, body and text as plain values (no offsets)."""
        return {**self.meta.to_dict(), "body": list(self.body), "text": self.text}
