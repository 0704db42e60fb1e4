"""Persons: every person an article names, officials or not, with every mention.

Officials and credited staff come from `extract_officials`. Other people are words the
segmentation tags as personal names (jieba's ``nr`` family) that the context confirms: jieba's
dictionary tags common words as names (文明, 阳光), so a dictionary word needs a cue (a post or a
role noun before it, 同志 or 说 after it) or a place in a 、-list with a name, while a name jieba's
HMM made up stands on its own (see `_names_in`). Names in parts joined by a middle dot
(萨阿东·哈马迪) are read whole. Each name is then looked for everywhere else in the body on word
boundaries; a reference by surname and post (江主席) is a mention of the surname, as a name tagger
marks it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsnlp.errors import InputError
from newsnlp.extract.officials import (
    _MIDDLE_DOTS,
    Mention,
    Official,
    _lexicon,
    _post_of,
    officials_from_tokens,
)
from newsnlp.model import Article, Token, _plain
from newsnlp.normalize.script import IDEOGRAPHS
from newsnlp.page import analyze
from newsnlp.resources import read_set
from newsnlp.segment import _base_tags, _base_tokenizer, segment, stopwords

__all__ = ["Person", "extract_persons", "persons_from_tokens"]

_NAME_TAGS = frozenset(["nr", "nrfg", "nrt"])
# Words written right after a person's name, and nouns for people written right before one.
_HONORIFICS = frozenset(["同志", "先生", "女士", "夫人", "小姐", "老人", "大爷", "大娘", "师傅"])
_SPEECH = frozenset(["说", "指出", "表示", "强调", "认为", "介绍", "告诉", "谈到", "回忆", "等人", "一行"])
_LIST_JOINERS = frozenset(["、", "和", "与", "及"])
_DOTTED = re.compile("[·・•‧]")
# A three-character dictionary "name" ending like a place or a thing (罗家镇, 仲裁法) is not one.
_PLACE_END = re.compile("[省市县区镇乡村州街路山河湖江岛港湾法酒]$")
_ROLE_NOUNS = frozenset(
    ["记者", "通讯员", "农民", "工人", "教师", "老师", "学生", "队员", "选手", "村民", "战士"]
)


@dataclass(frozen=True)
class Person:
    """A person named in an article, in the article's own script.

    ``key`` is the name in Simplified characters, for grouping across articles; ``mentions`` are
    every place the person is named (body mentions carry spans in ``article.text``); ``official``
    says whether `extract_officials` reports the person too (with a post, or as credited staff).
    """

    name: str
    key: str
    mentions: tuple[Mention, ...]
    official: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The person as plain values."""
        plain: dict[str, Any] = _plain(self)
        return plain


@cache
def _surnames() -> frozenset[str]:
    return frozenset(read_set("surnames.txt"))


def _has_surname(text: str) -> bool:
    surnames = _surnames()
    return 2 <= len(text) <= 4 and (text[:1] in surnames or text[:2] in surnames)


def _is_candidate(token: Token, posts: tuple[str, ...]) -> bool:
    text = token.text
    return bool(IDEOGRAPHS.fullmatch(text)) and text not in stopwords() and not _post_of(text, posts)


def _has_cue(tokens: tuple[Token, ...], index: int, posts: tuple[str, ...], *, weak: bool) -> bool:
    """Whether the words around a token say it is a person: a post or 同志 (or, when ``weak``, 说)."""
    before = tokens[index - 1].text if index else ""
    after = tokens[index + 1].text if index + 1 < len(tokens) else ""
    if after in _HONORIFICS or _post_of(before, posts) == before != "" or before in _ROLE_NOUNS:
        return True
    return weak and after in _SPEECH


def _is_reference(text: str, posts: tuple[str, ...]) -> bool:
    """A surname and a post or honorific written as one word: 周总理, 韩女士."""
    surnames = _surnames()
    for size in (2, 1):
        rest = text[size:]
        if text[:size] in surnames and rest and (rest in _HONORIFICS or _post_of(rest, posts) == rest):
            return True
    return False


def _dictionary_name(text: str) -> bool:
    """A three-character dictionary word tagged as a name whose given name is no common word.

    高水平 and 米老鼠 are tagged as names too; their last two characters are words of their own.
    """
    given, frequencies = text[1:], _base_tokenizer().FREQ
    return (
        len(text) == 3
        and not _PLACE_END.search(text)
        and not (frequencies.get(given) and _base_tags().get(given, "nr") not in _NAME_TAGS)
    )


def _judge(tokens: tuple[Token, ...], index: int, posts: tuple[str, ...]) -> tuple[bool, bool]:
    """(a name on its own, shaped like a name that a list may confirm) for one token."""
    token = tokens[index]
    text, tag = token.text, token.pos
    if tag not in _NAME_TAGS and not _has_surname(text):  # the cheap test first: most words
        return False, False
    if not _is_candidate(token, posts) or _is_reference(text, posts):
        return False, False
    made_up = not _base_tokenizer().FREQ.get(text)
    if tag == "nrt":  # a transliterated name, or a foreign place jieba tags the same way
        shaped = 2 <= len(text) <= 6
        return shaped and (made_up or _has_cue(tokens, index, posts, weak=False)), shaped and made_up
    if tag in _NAME_TAGS and _has_surname(text):
        alone = made_up or _dictionary_name(text) or _has_cue(tokens, index, posts, weak=True)
        return alone, True
    return _has_surname(text) and _has_cue(tokens, index, posts, weak=False), False


def _names_in(tokens: tuple[Token, ...], posts: tuple[str, ...]) -> dict[str, str]:
    """Names found in the tokens (key -> name as written) from their tags and the words around them.

    jieba's dictionary tags many common two-character words as names (文明, 阳光, 祝贺) and some
    names as other words (周恩来 as a time word): such a word is a name only next to a cue (a
    post, 同志, 说) or in a list with a name. A name jieba's HMM made up, and a three-character
    dictionary name with a surname, stand on their own.
    """
    judged = [_judge(tokens, index, posts) for index in range(len(tokens))]
    accepted = {index for index, (alone, _) in enumerate(judged) if alone}
    # Lists: name-shaped words joined by 、 or 和 are names when one of them is.
    chain: list[int] = []
    named = False  # whether the chain holds a name (then all of it is accepted already)
    for index, (alone, shaped) in enumerate(judged):
        if not (alone or shaped):
            continue
        if not (chain and chain[-1] == index - 2 and tokens[index - 1].text in _LIST_JOINERS):
            chain, named = [], False
        chain.append(index)
        if named:
            accepted.add(index)
        elif alone:
            accepted.update(chain)
            named = True
    names = _dotted_names(tokens, posts)
    inside = {index for first, last in names.values() for index in range(first, last + 1)}
    found: dict[str, str] = {key: _surface(tokens, first, last) for key, (first, last) in names.items()}
    for index in sorted(accepted - inside):
        found.setdefault(tokens[index].text, tokens[index].surface)
    return found


def _dotted_names(tokens: tuple[Token, ...], posts: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Names written in parts joined by a middle dot (萨阿东·哈马迪, 司马义·艾买提): key -> token range.

    Transliterated names, Uyghur and Tibetan names among them, are written so; jieba cuts them at
    the dot. The parts must be words of one to six characters, one of them tagged as a name.
    """
    found: dict[str, tuple[int, int]] = {}
    index = 0
    while index < len(tokens):
        last = index
        while (
            last + 2 < len(tokens)
            and tokens[last + 1].text in _MIDDLE_DOTS
            and _is_name_part(tokens[last], posts)
            and _is_name_part(tokens[last + 2], posts)
        ):
            last += 2
        parts = tokens[index : last + 1 : 2]
        if last > index and any(part.pos in _NAME_TAGS for part in parts):
            found.setdefault("".join(token.text for token in tokens[index : last + 1]), (index, last))
        index = last + 1
    return found


def _is_name_part(token: Token, posts: tuple[str, ...]) -> bool:
    return 1 <= len(token.text) <= 6 and _is_candidate(token, posts)


def _surface(tokens: tuple[Token, ...], first: int, last: int) -> str:
    return "".join(token.surface for token in tokens[first : last + 1])


def _references(tokens: tuple[Token, ...], posts: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """References by surname: 周总理, 江主席, 韩女士 (the surname's span), 小王, 老李 (the whole word)."""
    surnames = _surnames()
    found = []
    for token in tokens:
        text = token.text
        if len(text) == 2 and text[0] in "小老" and text[1] in surnames and token.pos in _NAME_TAGS:
            found.append((text, token.start, token.end))
            continue
        if _is_reference(text, posts):
            size = 2 if text[:2] in surnames else 1
            found.append((text[:size], token.start, token.start + size))
    return found


def _name_span(article: Article, mention: Mention, key: str) -> tuple[int, int] | None:
    """The span of the name itself in a body mention: the surname in a reference like 江主席."""
    if mention.start is None or mention.end is None:
        return None
    written = article.text[mention.start : mention.end]
    if written == key:
        return mention.start, mention.end
    size = next((size for size in (2, 1) if written[:size] == key[:size] and key[:size] in _surnames()), 0)
    return (mention.start, mention.start + size) if size else (mention.start, mention.end)


Spans = dict[str, set[tuple[int, int]]]  # key -> body spans


def _on_boundaries(text: str, key: str, starts: set[int], ends: set[int]) -> Iterable[tuple[int, int]]:
    position = text.find(key)
    while position != -1:
        if position in starts and position + len(key) in ends:
            yield position, position + len(key)
        position = text.find(key, position + 1)


def _always_inside_a_longer_name(text: str, key: str, names: dict[str, str]) -> bool:
    """Whether every place ``key`` is written starts a longer known name (梁伟 in 梁伟新 cut as 梁伟|新)."""
    longer = [name for name in names if len(name) > len(key) and name.startswith(key)]
    if not longer:
        return False
    position = text.find(key)
    while position != -1:
        if not any(text.startswith(name, position) for name in longer):
            return False
        position = text.find(key, position + 1)
    return True


def _from_officials(
    article: Article, officials: tuple[Official, ...]
) -> tuple[dict[str, str], Spans, dict[str, list[Mention]]]:
    """Officials' names, their body spans, and their mentions outside the body (headline, credits)."""
    names: dict[str, str] = {}
    spans: Spans = {}
    outside: dict[str, list[Mention]] = {}
    for official in officials:
        names.setdefault(official.key, official.name)
        for mention in official.mentions:
            span = _name_span(article, mention, official.key)
            if span is None:
                outside.setdefault(official.key, []).append(mention)
            else:
                spans.setdefault(official.key, set()).add(span)
    return names, spans, outside


def _add_references(
    article: Article, tokens: tuple[Token, ...], posts: tuple[str, ...], names: dict[str, str], spans: Spans
) -> None:
    """A surname reference belongs to the one person of that surname, or stands for itself."""
    by_surname: dict[str, list[str]] = {}
    for key in names:
        for size in (1, 2):
            if len(key) > size:
                by_surname.setdefault(key[:size], []).append(key)
    for written, start, end in _references(tokens, posts):
        owners = by_surname.get(written, [])
        key = owners[0] if len(owners) == 1 else written
        if len(owners) != 1:
            names.setdefault(key, article.original((start, end)))
        spans.setdefault(key, set()).add((start, end))


def _fold_name_parts(names: dict[str, str], spans: Spans) -> None:
    """Give a dotted name's part its mentions (哈马迪 → 萨阿东·哈马迪), and drop spans inside longer names."""
    owners: dict[str, list[str]] = {}
    for key in names:
        for part in re.split("[·・•‧]", key) if _DOTTED.search(key) else ():
            owners.setdefault(part, []).append(key)
    for part, keys in owners.items():
        if part in names and len(keys) == 1:
            spans[keys[0]].update(spans.pop(part, set()))
            del names[part]
    longer = sorted(
        ((start, end) for key in names for start, end in spans.get(key, ())), key=lambda span: span[0]
    )
    covering = _covering(longer)
    for key in names:
        spans[key] = {span for span in spans.get(key, set()) if not covering(span)}


def _covering(all_spans: list[tuple[int, int]]) -> Callable[[tuple[int, int]], bool]:
    """A test: is a span strictly inside a longer one of ``all_spans`` (sorted by start)?"""
    starts = [start for start, _ in all_spans]
    reach: list[int] = []  # the furthest end among the spans up to each one
    for _, end in all_spans:
        reach.append(max(end, reach[-1]) if reach else end)

    def inside(span: tuple[int, int]) -> bool:
        start, end = span
        before = bisect_left(starts, start) - 1  # the last span starting before this one
        same = bisect_right(starts, start) - 1  # the last span starting where this one does
        return (before >= 0 and reach[before] >= end) or (same >= 0 and reach[same] > end)

    return inside


def persons_from_tokens(
    article: Article, tokens: tuple[Token, ...], officials: tuple[Official, ...] | None = None
) -> tuple[Person, ...]:
    """`extract_persons` on tokens already cut with parts of speech (and officials already found)."""
    if officials is None:
        officials = officials_from_tokens(article, tokens)
    posts = _lexicon().posts
    names, spans, outside = _from_officials(article, officials)
    for key, name in _names_in(tokens, posts).items():
        if not _always_inside_a_longer_name(article.text, key, names):
            names.setdefault(key, name)
    starts, ends = {token.start for token in tokens}, {token.end for token in tokens}
    for key in names:
        spans.setdefault(key, set()).update(_on_boundaries(article.text, key, starts, ends))
    _add_references(article, tokens, posts, names, spans)
    _fold_name_parts(names, spans)
    official_keys = {official.key for official in officials}
    persons = []
    for key, name in names.items():
        mentions = outside.get(key, []) + [Mention.in_body(article, *span) for span in sorted(spans[key])]
        if mentions:
            persons.append(Person(name, key, tuple(mentions), key in official_keys))
    persons.sort(key=lambda person: min(mention.raw_start for mention in person.mentions))
    return tuple(persons)


def extract_persons(source: Article | str) -> tuple[Person, ...]:
    """Find the people an article names, officials or not, in order of first mention.

    A string is parsed with `analyze` first.

    >>> persons = extract_persons("市長張永寧主持會議。農民李大勇說，今年收成好。李大勇家有五口人。")
    >>> [(person.name, len(person.mentions), person.official) for person in persons]
    [('張永寧', 1, True), ('李大勇', 2, False)]
    """
    if source is None:
        message = "extract_persons() got None; pass an Article or a str"
        raise InputError(message)
    article = source if isinstance(source, Article) else analyze(source)
    return persons_from_tokens(article, segment(article, pos=True))
