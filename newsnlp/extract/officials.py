"""Officials: names with their titles and organisations, every later mention linked.

Part of issue 4. What it reads:

- a title phrase (an organ, then a post: 市委书记, 市政府常务副市长, 美国总统), or a chain of them
  joined by 、 or 兼, right before a name: 市委常委、市政府常务副市长李彦;
- a bare post right after a name: 李鹏总理;
- a title phrase in apposition, after a name and a comma or in brackets, when it ends its clause:
  张永宁，市长， / 梁伟新（市委书记） (but not 张永宁，市长李彦, where 市长 is 李彦's);
- a post given in an election or appointment clause: 选举A、B为市政协副主席, A当选省委书记,
  当选为省委常委的还有A、B;
- later mentions of the same name wherever the segmentation has a word boundary on both sides,
  and a surname followed by one of the official's posts (江主席) when no other official shares it;
- the credits of the page (reporters, photographers, editors, reviewers) as ``role="staff"``.

Posts come from ``resources/titles.tsv`` and organs from ``resources/organs.tsv``, each word with
its level (central, province, city, county, township, village) and system (party, government,
people's congress, CPPCC, courts, procuratorates, army, state-owned enterprises, mass
organisations, foreign states, international bodies); callers add both per call (``posts=``,
``organs=``). Words the organ table does not list still count as organs by their part of speech
and last character (…局, …委, …厅). Each title's level and system are on the record
(``Official.levels``, ``Official.systems``).

A name is a word jieba tags as a person (``nr``) that starts with a surname from
``resources/surnames.txt``, a word it tags as a transliterated name (``nrt``), or, after a
foreign post (美国总统, 以色列外长), any word of two to six characters that is not a verb,
particle or stopword. Before an apposition, a name jieba cut in pieces (梁伟/新) is joined.

Not yet done (see the issue): a ``persons`` helper for names without a post,
and a name jieba glued to the word before it (有张/永宁). ``benchmarks/bench_officials.py``
measures the rest on hand-annotated People's Daily articles.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal, cast, get_args

from newsnlp.errors import InputError
from newsnlp.model import Article, Token, _plain
from newsnlp.normalize import convert_script, normalize
from newsnlp.normalize.script import IDEOGRAPHS
from newsnlp.page import analyze
from newsnlp.resources import read_list, read_set, read_table
from newsnlp.segment import segment, stopwords

__all__ = ["Level", "Mention", "Official", "System", "extract_officials"]

Role = Literal["official", "staff"]
Level = Literal["central", "province", "city", "county", "township", "village", "any"]
System = Literal[
    "party",
    "government",
    "congress",
    "cppcc",
    "court",
    "procuratorate",
    "army",
    "soe",
    "mass",
    "foreign",
    "international",
    "any",
]
_LEVELS: frozenset[str] = frozenset(get_args(Level))
_SYSTEMS: frozenset[str] = frozenset(get_args(System))
_UNKNOWN: Literal["any"] = "any"  # a level or system the lexicons do not give
# A lexicon entry: a post or organ word with its level and system (titles.tsv, organs.tsv).
_Entry = tuple[str, Level, System]

# Tokens that may stand inside a title phrase before the post: places and organs, the words
# that open a central organ's name, and the modifiers of a post (常务, 前).
_ORGAN_TAGS = frozenset(["ns", "nt"])
_ORGAN_WORDS = frozenset(
    ["中共", "中国", "国家", "中央", "全国", "常务", "常务副", "副", "代理", "执行", "第一", "前", "原"]
)
_DOMESTIC = re.compile("委|人大|政协|党|政府|书记|[省市县区镇乡]长")
_ORGAN_END = re.compile("[委会院部局厅府办司社团军区省市县镇乡村州党组队]$")
# Parts of speech that never start or make a name.
_NOT_A_NAME = re.compile("^(?:v|vd|vn|p|c|u[a-z]*|d|r|m|q|f|y|e|o|t|x|a|ad)$")
_LINKS = frozenset(["、", "兼"])
# Words that make up a department's name before its 局, 委 or 厅 (生态环境局, 卫生健康委).
_DEPARTMENT_TAGS = frozenset(["n", "l", "an", "a", "nz", "vn", "j", "b"])
_JOINERS = frozenset(["和", "与"])
_LEVEL = re.compile("[省市县区州乡镇村]")
# The words of a title that name its tier when its organ word does not (市 in 市公安局局长).
_LEVEL_MARK = re.compile(
    "(?P<central>中央|全国|国家)|(?P<province>自治区|省)|(?P<city>地区|自治州|市|州|盟)"
    "|(?P<county>县|旗|区)|(?P<township>镇|乡|街道)|(?P<village>村)"
)
_STAFF_TITLES = {"reporters": "记者", "photographers": "摄影", "editors": "编辑", "reviewers": "审核"}


@dataclass(frozen=True)
class Mention:
    """One place a name, slogan or keyword is written.

    ``start``/``end`` are in ``article.text`` (None for a place outside the body, such as a
    credit or a headline); ``raw_start``/``raw_end`` in ``article.raw``; ``text`` is as written
    there.
    """

    text: str
    start: int | None
    end: int | None
    raw_start: int
    raw_end: int

    @classmethod
    def in_body(cls, article: Article, start: int, end: int) -> Mention:
        """The mention of ``article.text[start:end]``, with its place and text in the original."""
        raw_start, raw_end = article.to_raw(start, end)
        return cls(article.original((start, end)), start, end, raw_start, raw_end)


@dataclass(frozen=True)
class Official:
    """A person named with a post in an article, in the article's own script.

    ``titles`` are the full posts as written (市委常委, 市政府常務副市長); ``organizations`` their
    organ parts (市委, 市政府); ``key`` the name in Simplified characters, for grouping across
    articles; ``role`` is "staff" for the reporters, photographers, editors and reviewers credited.
    ``levels`` and ``systems`` go with ``titles``, one each: the tier (central, province, city,
    county, township, village) and the hierarchy (party, government, congress, cppcc, court,
    procuratorate, army, soe, mass, foreign, international) the title belongs to, from
    ``resources/organs.tsv`` and ``resources/titles.tsv``, "any" where they do not say.
    """

    name: str
    key: str
    titles: tuple[str, ...]
    organizations: tuple[str, ...]
    mentions: tuple[Mention, ...]
    role: Role = "official"
    levels: tuple[Level, ...] = ()
    systems: tuple[System, ...] = ()

    @property
    def first_mention(self) -> Mention:
        """The first place the official is named."""
        return self.mentions[0]

    def to_dict(self) -> dict[str, Any]:
        """The official as plain values, with the first mention."""
        return {**_plain(self), "first_mention": _plain(self.first_mention)}


def _entry(word: str, level: str, system: str, *, source: str) -> _Entry:
    """A post or organ word with its level and system, checked against the closed sets."""
    if level not in _LEVELS or system not in _SYSTEMS:
        message = (
            f"{source}: {word!r} has level {level!r} and system {system!r}; levels are "
            f"{', '.join(get_args(Level))}; systems are {', '.join(get_args(System))}"
        )
        raise InputError(message)
    return word, cast("Level", level), cast("System", system)


@cache
def _read_entries(name: str) -> tuple[_Entry, ...]:
    """The rows of ``titles.tsv`` or ``organs.tsv``: word, level, system."""
    entries = []
    for line in read_list(name):
        word, level, system = (part.strip() for part in line.split("\t"))
        entries.append(_entry(word, level, system, source=name))
    return tuple(entries)


def _caller_entries(items: Sequence[str | tuple[str, str, str]], *, source: str) -> tuple[_Entry, ...]:
    """The caller's posts or organs, normalised: a bare word is of any level and any system."""
    if isinstance(items, str):
        message = f"{source} must be a list of words, not one string"
        raise InputError(message)
    entries = []
    for item in items:
        word, level, system = (item, "any", "any") if isinstance(item, str) else item
        entries.append(_entry(normalize(word).text, level, system, source=source))
    return tuple(entries)


@dataclass(frozen=True, eq=False)
class _Lexicon:
    """The post and organ words of one call: the bundled tables with the caller's additions."""

    posts: tuple[str, ...]  # longest first, so that a title's post is its longest matching suffix
    post_kinds: dict[str, tuple[Level, System]]
    organ_kinds: dict[str, tuple[Level, System]]
    organ_words: tuple[str, ...]  # longest first
    organs: re.Pattern[str]  # any organ word, longest first
    foreign_organs: tuple[str, ...]  # whose officials are named like foreign ones (联合国秘书长安南)


@lru_cache(maxsize=16)
def _lexicon(extra_posts: tuple[_Entry, ...] = (), extra_organs: tuple[_Entry, ...] = ()) -> _Lexicon:
    post_kinds = {
        word: (level, system) for word, level, system in (*_read_entries("titles.tsv"), *extra_posts)
    }
    organ_kinds = {
        word: (level, system) for word, level, system in (*_read_entries("organs.tsv"), *extra_organs)
    }
    organs = sorted(organ_kinds, key=len, reverse=True)
    return _Lexicon(
        posts=tuple(sorted(post_kinds, key=len, reverse=True)),
        post_kinds=post_kinds,
        organ_kinds=organ_kinds,
        organ_words=tuple(organs),
        organs=re.compile("|".join(map(re.escape, organs))),
        foreign_organs=tuple(word for word in organs if organ_kinds[word][1] in ("foreign", "international")),
    )


def _kind(title: str, post: str, lexicon: _Lexicon, *, foreign: bool) -> tuple[Level, System]:
    """The level and system of a title (Simplified): its innermost organ's, else its post's.

    The organ nearest the post says most (福建省宁德市委 is a city's committee, 市委组织部 a party
    department); an organ of any level takes the tier a word before it names (市公安局).
    ``foreign`` is the extractor's guess from the place names around the title: it holds only
    when neither a domestic organ nor a tier word is written (以色列外长, not 福建省公安厅厅长).
    """
    organ = title[: len(title) - len(post)]
    tiers: list[tuple[int, int, Level]] = []  # (end, length, level): the rightmost, longest wins
    system: System = "any"
    covered: set[int] = set()
    for match in lexicon.organs.finditer(organ):
        level, organ_system = lexicon.organ_kinds[match.group()]
        covered.update(range(match.start(), match.end()))
        if level != "any":
            tiers.append((match.end(), len(match.group()), level))
        if organ_system not in ("foreign", "international"):
            foreign = False  # a domestic organ (中央, 公安局)
        if organ_system != "any":
            system = organ_system
    marks = [
        (match.end(), len(match.group()), cast("Level", match.lastgroup))
        for match in _LEVEL_MARK.finditer(organ)
        if match.start() not in covered  # 盟 in 欧盟 is no tier
    ]
    foreign = foreign and not marks
    post_level, post_system = lexicon.post_kinds.get(post, ("any", "any"))
    if system == "any":
        system = post_system
    if foreign and system != "international":
        system = "foreign"
    return (max(tiers + marks)[2] if tiers + marks else post_level), system


def _post_of(title: str, posts: tuple[str, ...]) -> str | None:
    """The longest post that ends ``title``, if any."""
    known, longest = _post_index(posts)
    for size in range(min(len(title), longest), 0, -1):
        if title[-size:] in known:
            return title[-size:]
    return None


@lru_cache(maxsize=16)
def _post_index(posts: tuple[str, ...]) -> tuple[frozenset[str], int]:
    # Looking up each suffix of a title beats trying every post: this was officials' main cost.
    return frozenset(posts), max(map(len, posts), default=0)


def _starts_with_surname(name: str) -> bool:
    return name[:1] in read_set("surnames.txt") or name[:2] in read_set("surnames.txt")


@dataclass
class _Found:
    key: str
    titles: list[tuple[int, int]] = field(default_factory=list)  # spans in article.text
    names: list[tuple[int, int]] = field(default_factory=list)
    foreign: set[tuple[int, int]] = field(default_factory=set)  # titles of a foreign state's post


def _is_organ(token: Token, lexicon: _Lexicon) -> bool:
    """An organ word of the lexicon (宁德市委 ends in 市委), else one by its tag or last character."""
    text = token.text
    return bool(IDEOGRAPHS.fullmatch(text)) and (
        text.endswith(lexicon.organ_words)
        or token.pos in _ORGAN_TAGS
        or text in _ORGAN_WORDS
        or _ORGAN_END.search(text) is not None
    )


def _is_foreign(tokens: tuple[Token, ...], start: int, end: int, lexicon: _Lexicon) -> bool:
    """A post of a foreign state or international organ: a place name in or just before the phrase.

    jieba tags Chinese place names the same way, so a phrase naming a party committee, people's
    congress or CPPCC (宁德市委书记) is domestic whatever place it names.
    """
    if any(_DOMESTIC.search(token.text) for token in tokens[start : end + 1]):
        return False
    window = tokens[max(0, start - 3) : end + 1]
    return any(token.pos == "ns" or token.text.endswith(lexicon.foreign_organs) for token in window)


def _title_phrase(tokens: tuple[Token, ...], end: int, lexicon: _Lexicon) -> int:
    """Index of the first token of the title phrase whose post is ``tokens[end]``.

    An organ is a run of organ words (市委, 旅游局). A department's name may run further left
    through plain words and 和 (市 + 文化 和 旅游局, 市 + 生态环境 + 局局长 where jieba glued the
    department's 局 to the post): that happens only after a department word that does not open
    with a level (旅游局, not 市委) or a post that carries the organ's last character.
    """
    posts = lexicon.posts
    first = tokens[end].text
    department = len(first) > 1 and _ORGAN_END.match(first[0]) is not None and first[1:] in posts
    start = end
    while start > 0:
        previous = tokens[start - 1]
        if _post_of(previous.text, posts) is not None or not IDEOGRAPHS.fullmatch(previous.text):
            break
        if _is_organ(previous, lexicon):
            department = _LEVEL.match(previous.text) is None
            start -= 1
        elif department and (
            (previous.pos in _DEPARTMENT_TAGS and previous.text not in stopwords())
            or (previous.text in _JOINERS and start >= 2 and tokens[start - 2].pos in _DEPARTMENT_TAGS)
        ):
            start -= 1
        else:
            break
    return start


def _is_name(token: Token, posts: tuple[str, ...], *, foreign: bool) -> bool:
    text = token.text
    if not IDEOGRAPHS.fullmatch(text) or text in stopwords() or _post_of(text, posts):
        return False
    if token.pos == "nrt":  # jieba's tag for a transliterated foreign name
        return 2 <= len(text) <= 6
    if token.pos in ("nr", "nrfg"):
        return 2 <= len(text) <= 6 if foreign else 2 <= len(text) <= 4 and _starts_with_surname(text)
    # An organ after a foreign post is no name: 俄总统新闻局 (the president's press office).
    organ = _ORGAN_END.search(text) is not None
    return foreign and 2 <= len(text) <= 6 and not organ and not (token.pos and _NOT_A_NAME.match(token.pos))


def _foreign_post(title: str, lexicon: _Lexicon) -> bool:
    """A post only foreign states have (首相, 总统): 日本首相 is one word, with no place tag to see."""
    post = _post_of(title, lexicon.posts)
    return post is not None and lexicon.post_kinds[post][1] == "foreign"


_MIDDLE_DOTS = frozenset(["·", "・", "•", "‧"])


def _dotted_end(tokens: tuple[Token, ...], first: int, posts: tuple[str, ...]) -> int:
    """The last token of a foreign name written in parts joined by a middle dot (斯坦利·费希尔)."""
    last = first
    while (
        last + 2 < len(tokens)
        and tokens[last + 1].text in _MIDDLE_DOTS
        and _is_name(tokens[last + 2], posts, foreign=True)
    ):
        last += 2
    return last


def _read_titled_names(tokens: tuple[Token, ...], lexicon: _Lexicon) -> dict[str, _Found]:
    posts = lexicon.posts
    found: dict[str, _Found] = {}
    index = 0
    while index < len(tokens):
        if _post_of(tokens[index].text, posts) is None or not IDEOGRAPHS.fullmatch(tokens[index].text):
            index += 1
            continue
        # A chain of title phrases: 市委常委、市政府常务副市长, then the name.
        titles = [(_title_phrase(tokens, index, lexicon), index)]
        after = index + 1
        while after + 1 < len(tokens) and tokens[after].text in _LINKS:
            post = next(
                (
                    position
                    for position in range(after + 1, min(after + 5, len(tokens)))
                    if _post_of(tokens[position].text, posts)
                ),
                None,
            )
            if post is None or any(
                not _is_organ(tokens[position], lexicon) for position in range(after + 1, post)
            ):
                break
            titles.append((after + 1, post))
            after = post + 1
        foreign = any(
            _is_foreign(tokens, start, end, lexicon) or _foreign_post(tokens[end].text, lexicon)
            for start, end in titles
        )
        if after < len(tokens) and _is_name(tokens[after], posts, foreign=foreign):
            last = _dotted_end(tokens, after, posts) if foreign else after
            name_text = "".join(token.text for token in tokens[after : last + 1])
            entry = found.setdefault(name_text, _Found(name_text))
            entry.names.append((tokens[after].start, tokens[last].end))
            entry.titles.extend((tokens[start].start, tokens[end].end) for start, end in titles)
            if foreign:
                entry.foreign.update((tokens[start].start, tokens[end].end) for start, end in titles)
            index = last + 1
            continue
        # A bare post after a name: 李鹏总理.
        previous = tokens[index - 1] if index else None
        if (
            previous is not None
            and previous.pos == "nr"
            and _post_of(tokens[index].text, posts) == tokens[index].text
        ) and _is_name(previous, posts, foreign=False):
            entry = found.setdefault(previous.text, _Found(previous.text))
            entry.names.append((previous.start, previous.end))
            entry.titles.append((tokens[index].start, tokens[index].end))
        index += 1
    return found


# Parts of speech that never continue a name cut into pieces (张/q 永宁/ns is 张永宁; 了 is not).
_NOT_IN_NAMES = re.compile("^(?:v|vd|vn|p|c|u[a-z]*|d|r|m|q|f|y|e|o|t|x)$")
_APPOSITION = {"，": "，。；！？\n", "(": ")", "（": "）"}  # the mark after a name, the marks that close


def _name_before(tokens: tuple[Token, ...], stop: int, lexicon: _Lexicon) -> tuple[int, int] | None:
    """The token range of a person's name that ends right before ``tokens[stop]``, if one does.

    A name is one word tagged as a person's, or up to three pieces jieba cut it into (梁伟/nr 新/a,
    张/q 永宁/ns) that together make two or three characters (four with a compound surname), start
    with a surname and hold no verb, particle, number or post.
    """
    surnames = read_set("surnames.txt")
    for count in (1, 2, 3):
        first = stop - count
        if first < 0:
            return None
        pieces = tokens[first:stop]
        text = "".join(piece.text for piece in pieces)
        if not IDEOGRAPHS.fullmatch(text) or len(text) > 4:
            return None
        if count == 1:
            if _is_name(pieces[0], lexicon.posts, foreign=False):
                return first, stop
            continue
        head = pieces[0]
        surname = head.text in surnames or (
            head.pos in ("nr", "nrfg", "nrt") and (head.text[:1] in surnames or head.text[:2] in surnames)
        )
        compound = text[:2] in surnames
        if (
            surname
            and 2 <= len(text) <= (4 if compound else 3)
            and text not in stopwords()
            and not any(_post_of(piece.text, lexicon.posts) for piece in pieces)
            and not any(piece.pos and _NOT_IN_NAMES.match(piece.pos) for piece in pieces[1:])
        ):
            return first, stop
    return None


def _title_chain(
    tokens: tuple[Token, ...], start: int, lexicon: _Lexicon
) -> tuple[list[tuple[int, int]], int]:
    """The title phrases that begin at ``tokens[start]``, joined by 、 or 兼, and the index after them.

    Each phrase must be whole, from an organ word or the post itself up to its post
    (市委常委、常务副市长); a verb before the organ (后任地质部副部长) means it is no apposition.
    """
    titles: list[tuple[int, int]] = []
    position = start
    while position < len(tokens):
        post = next(
            (
                index
                for index in range(position, min(position + 5, len(tokens)))
                if IDEOGRAPHS.fullmatch(tokens[index].text) and _post_of(tokens[index].text, lexicon.posts)
            ),
            None,
        )
        if (
            post is None
            or _title_phrase(tokens, post, lexicon) > position
            or (post > position and not _is_organ(tokens[position], lexicon))  # 后任地质部部长
        ):
            return [], start  # a chain that breaks off is a list, not a title
        titles.append((position, post))
        if post + 2 < len(tokens) and tokens[post + 1].text in _LINKS:
            position = post + 2
            continue
        return titles, post + 1
    return [], start


def _read_appositions(tokens: tuple[Token, ...], found: dict[str, _Found], lexicon: _Lexicon) -> None:
    """Add titles written after a name and a comma or in brackets: 张永宁，市长； 梁伟新（市委书记）.

    The title phrase must end its clause (a comma, stop or closing bracket after it), so that the
    post of the next clause (张永宁，市长李彦出席) is never taken for an apposition.
    """
    for index, mark in enumerate(tokens):
        closers = _APPOSITION.get(mark.text)
        if closers is None:
            continue
        span = _name_before(tokens, index, lexicon)
        if span is None:
            continue
        titles, after = _title_chain(tokens, index + 1, lexicon)
        ends = after == len(tokens) and "。" in closers
        if not titles or not (ends or (after < len(tokens) and tokens[after].text in closers)):
            continue
        first, stop = tokens[span[0]], tokens[span[1] - 1]
        key = "".join(token.text for token in tokens[span[0] : span[1]])
        entry = found.setdefault(key, _Found(key))
        if (first.start, stop.end) not in entry.names:
            entry.names.append((first.start, stop.end))
        for start, end in titles:
            title = (tokens[start].start, tokens[end].end)
            entry.titles.append(title)
            if _is_foreign(tokens, start, end, lexicon):
                entry.foreign.add(title)


_ELECTION_VERB = re.compile("选举|任命|推选|补选|增补|提名")


@lru_cache(maxsize=16)
def _appointment_patterns(posts: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Posts given in the predicate: 选举A为市政协副主席, A当选省委书记, 接受A辞去市长职务."""
    alternatives = "|".join(re.escape(post) for post in posts)
    name = r"[\u4e00-\u9fff·]{2,8}(?:\([^()]{1,4}\))?"
    names = rf"(?P<names>{name}(?:、{name})*)"
    title = rf"(?P<title>[^，。；：、\s]{{0,24}}?(?:{alternatives}))"
    # A second post joined by 、 (任命A为市政府副市长、代理市长).
    more = rf"(?:、(?P<more>[^，。；：、\s]{{0,24}}?(?:{alternatives})))?"
    end = r"(?=[，。；、的\s]|$)"
    return (
        # Within a sentence that elects or appoints, every "A、B为<post>" clause; the verb is not
        # part of the first name (，任命A为…).
        re.compile(
            rf"(?:，(?:{_ELECTION_VERB.pattern})?|{_ELECTION_VERB.pattern}){names}为{title}{more}{end}"
        ),
        re.compile(rf"(?:^|(?<=[，。；\s])){names}当选(?:为)?{title}{end}"),
        re.compile(rf"当选为{title}的(?:还有|是|有){names}(?=[，。；\s]|$)"),
        # A resignation names the post left: 接受A因工作调动辞去市人民政府市长职务的请求.
        re.compile(
            rf"(?:接受|同意|批准)(?P<names>[\u4e00-\u9fff]{{2,4}}?)(?:因[^，。；辞]{{1,10}})?辞去{title}{more}职务"
        ),
    )


_NAME_NOTE = re.compile(r"\([^()]*\)$")
_SENTENCE = re.compile("[^。；！？\n]+")


def _read_appointments(text: str, found: dict[str, _Found], posts: tuple[str, ...]) -> None:
    """Add the officials whose post is given in the predicate of an election or appointment."""
    for sentence in _SENTENCE.finditer(text):
        if not _ELECTION_VERB.search(sentence.group()) and not re.search("当选|辞去", sentence.group()):
            continue
        for pattern in _appointment_patterns(posts):
            for match in pattern.finditer(text, sentence.start(), sentence.end()):
                position = match.start("names")
                for item in match.group("names").split("、"):
                    name = _NAME_NOTE.sub("", item)  # 钱易(女)
                    if (_starts_with_surname(name) and len(name) <= 4) or "·" in name:
                        entry = found.setdefault(name, _Found(name))
                        entry.names.append((position, position + len(name)))
                        entry.titles.append(match.span("title"))
                        if "more" in match.re.groupindex and match.group("more"):
                            entry.titles.append(match.span("more"))
                    position += len(item) + 1


def _boundaries(tokens: tuple[Token, ...]) -> tuple[frozenset[int], frozenset[int]]:
    return frozenset(token.start for token in tokens), frozenset(token.end for token in tokens)


def _later_mentions(
    article: Article, tokens: tuple[Token, ...], found: dict[str, _Found], posts: tuple[str, ...]
) -> None:
    """Add every other place a name is written on word boundaries, and 江主席-style references."""
    starts, ends = _boundaries(tokens)
    text = article.text
    for entry in found.values():
        # A foreign name written with a middle dot is named again by its last part (费希尔).
        parts = re.split("[·・•‧]", entry.key)
        written = [entry.key] + ([parts[-1]] if len(parts) > 1 and len(parts[-1]) >= 2 else [])
        for name in written:
            position = text.find(name)
            while position != -1:
                span = (position, position + len(name))
                inside = name != entry.key and text[position - 1 : position] in _MIDDLE_DOTS
                if position in starts and span[1] in ends and span not in entry.names and not inside:
                    entry.names.append(span)
                position = text.find(name, position + 1)
    by_reference: dict[str, list[_Found]] = {}
    for entry in found.values():
        for start, end in entry.titles:
            post = _post_of(article.text[start:end], posts)
            if post:
                by_reference.setdefault(entry.key[0] + post, []).append(entry)
    # A reference is one word (江主席) or a surname word and a post word (王 + 市长).
    candidates = [(token.text, token.start, token.end) for token in tokens]
    candidates += [
        (first.text + second.text, first.start, second.end)
        for first, second in itertools.pairwise(tokens)
        if first.text in read_set("surnames.txt") and _post_of(second.text, posts) == second.text
    ]
    for reference, start, _ in candidates:
        owners = {id(entry): entry for entry in by_reference.get(reference, [])}
        if len(owners) == 1:
            # The mention is the surname, as a name tagger marks it: 江 in 江主席.
            entry = next(iter(owners.values()))
            if (start, start + 1) not in entry.names:
                entry.names.append((start, start + 1))


def _official(article: Article, entry: _Found, lexicon: _Lexicon) -> Official:
    titles: list[str] = []
    organizations: list[str] = []
    kinds: list[tuple[Level, System]] = []
    for start, end in sorted(set(entry.titles)):
        title = article.original((start, end))
        if title not in titles:
            titles.append(title)
            post = _post_of(article.text[start:end], lexicon.posts) or ""
            kinds.append(_kind(article.text[start:end], post, lexicon, foreign=(start, end) in entry.foreign))
            organ = article.original((start, end - len(post))) if end - len(post) > start else ""
            if organ and organ not in organizations:
                organizations.append(organ)
    full = next(span for span in sorted(entry.names) if article.text[span[0] : span[1]] == entry.key)
    name = article.original(full)
    in_body = [Mention.in_body(article, start, end) for start, end in sorted(entry.names)]
    # The headline block names officials too (梁偉新講話 張永寧主持): those mentions come first.
    in_headline = [mention for mention, _ in _occurrences(article, name, ("title", "deck"))]
    return Official(
        name,
        entry.key,
        tuple(titles),
        tuple(organizations),
        (*in_headline, *in_body),
        levels=tuple(level for level, _ in kinds),
        systems=tuple(system for _, system in kinds),
    )


def _occurrences(article: Article, name: str, roles: tuple[str, ...]) -> list[tuple[Mention, str]]:
    """Where ``name`` is written in the page lines of the given roles, with the text before it."""
    found = []
    for region in article.regions:
        if region.role in roles:
            line = article.raw[region.raw_start : region.raw_end]  # with its markup on an HTML page
            position = line.find(name)
            while position != -1:
                raw_start = region.raw_start + position
                mention = Mention(name, None, None, raw_start, raw_start + len(name))
                found.append((mention, line[:position]))
                position = line.find(name, position + 1)
    return found


@cache
def _credit_words() -> dict[str, str]:
    """Credit words in every script form, mapped to their Meta field (编辑, 編輯 → editors)."""
    words: dict[str, str] = {}
    for word, role in read_table("credit_roles.tsv").items():
        for variant in ("generic", "taiwan", "hongkong"):
            words[convert_script(word, target="traditional", variant=variant)[0]] = role
        words[word] = role
    return words


def _staff_title(before: str, role: str, fallback: str) -> str:
    """The credit word written nearest before a name on its line, if it is for this role."""
    words = _credit_words()
    # The word that ends nearest the name, the longest among equals (責任編輯 over 編輯).
    found = [(before.rfind(word) + len(word), len(word), word) for word in words if word in before]
    if found:
        word = max(found)[2]
        if words[word] == role:
            return word
    return fallback


def _staff(article: Article) -> list[Official]:
    """The people the page credits, with the credit words written before their names."""
    traditional = article.meta.script == "traditional"
    staff: dict[str, Official] = {}
    for role, label in _STAFF_TITLES.items():
        fallback = convert_script(label, target="traditional", variant="taiwan")[0] if traditional else label
        for name in getattr(article.meta, role):
            occurrences = _occurrences(article, name, ("credits", "dateline"))
            titles = tuple(dict.fromkeys(_staff_title(before, role, fallback) for _, before in occurrences))
            mentions = tuple(mention for mention, _ in occurrences)
            if name in staff:
                known = staff[name]
                titles, mentions = tuple(dict.fromkeys((*known.titles, *titles))), known.mentions
            if mentions:
                unknown = tuple(_UNKNOWN for _ in titles)  # a credit is no post
                staff[name] = Official(
                    name,
                    convert_script(name)[0],
                    titles,
                    (),
                    mentions,
                    "staff",
                    levels=unknown,
                    systems=unknown,
                )
    return list(staff.values())


def extract_officials(
    source: Article | str,
    *,
    posts: Sequence[str | tuple[str, str, str]] = (),
    organs: Sequence[str | tuple[str, str, str]] = (),
) -> tuple[Official, ...]:
    """Find the officials an article names, with their posts and every mention.

    A string is parsed with `analyze` first. Officials come in order of first mention, then the
    staff the page credits. ``posts`` adds post words to ``resources/titles.tsv`` and ``organs``
    organ words to ``resources/organs.tsv`` for this call, in either script: a word, or a
    (word, level, system) triple with the values those files use.

    >>> officials = extract_officials("市委常委、市政府常務副市長李彥介紹情況。李彥指出，要抓落實。")
    >>> [(official.name, official.titles, len(official.mentions)) for official in officials]
    [('李彥', ('市委常委', '市政府常務副市長'), 2)]
    >>> officials[0].organizations, officials[0].levels, officials[0].systems
    (('市委', '市政府'), ('city', 'city'), ('party', 'government'))
    """
    if source is None:
        message = "extract_officials() got None; pass an Article or a str"
        raise InputError(message)
    article = source if isinstance(source, Article) else analyze(source)
    extra_posts = _caller_entries(posts, source="posts")
    extra_organs = _caller_entries(organs, source="organs")
    # The caller's words are kept whole by the segmentation.
    words = tuple(word for word, _, _ in (*extra_posts, *extra_organs))
    tokens = segment(article, pos=True, words=words)
    return officials_from_tokens(article, tokens, extra_posts, extra_organs)


def officials_from_tokens(
    article: Article,
    tokens: tuple[Token, ...],
    extra_posts: tuple[_Entry, ...] = (),
    extra_organs: tuple[_Entry, ...] = (),
) -> tuple[Official, ...]:
    """`extract_officials` on tokens already cut with parts of speech (for callers that reuse them)."""
    lexicon = _lexicon(extra_posts, extra_organs)
    found = _read_titled_names(tokens, lexicon)
    _read_appositions(tokens, found, lexicon)
    _read_appointments(article.text, found, lexicon.posts)
    _later_mentions(article, tokens, found, lexicon.posts)
    officials = [_official(article, entry, lexicon) for entry in found.values()]
    officials.sort(key=lambda official: official.first_mention.raw_start)
    return (*officials, *_staff(article))
