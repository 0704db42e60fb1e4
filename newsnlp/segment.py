"""Word segmentation: jieba on the normalised Simplified text, tokens mapped back to the original.

Traditional input is segmented through its Simplified normalisation, so an article yields the same
word boundaries in either script; each `Token` carries its place in the original text and its
surface form in the article's own script.

jieba is used through a private `jieba.Tokenizer` per process, never jieba's global one: the
bundled news dictionary (``resources/news_words.txt``) and any caller's words change only the
tokenizer they were given to. jieba and its dictionary load on first use, not at import.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from newsnlp import rust_cut
from newsnlp.errors import InputError, NewsnlpError, OptionError
from newsnlp.model import Article, Token
from newsnlp.normalize import Normalized, Variant, convert_script, normalize
from newsnlp.normalize.script import IDEOGRAPHS
from newsnlp.offsets import OffsetMap
from newsnlp.pos_viterbi import cut_run
from newsnlp.resources import read_list, read_set

if TYPE_CHECKING:
    from types import ModuleType

__all__ = [
    "Mode",
    "SegmentationError",
    "Segmenter",
    "UserWord",
    "segment",
    "segment_many",
    "stopwords",
]

Mode = Literal["precise", "search"]
Backend = Literal["auto", "jieba", "rjieba"]
UserWord = tuple[str, int | None, str | None]  # word, frequency (None: just enough), POS tag


class SegmentationError(NewsnlpError):
    """jieba's words do not rebuild the text they were cut from."""


# ----------------------------------------------------------------------------- jieba, lazily


@cache
def _jieba() -> ModuleType:
    """Import jieba quietly: its regexes warn when first compiled and it logs to stderr."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="invalid escape sequence", category=SyntaxWarning)
        warnings.filterwarnings("ignore", message="invalid escape sequence", category=DeprecationWarning)
        # Imported here, not at module level, so that importing newsnlp stays fast and quiet.
        import jieba  # noqa: PLC0415
        import jieba.posseg  # noqa: PLC0415

    logging.getLogger("jieba").setLevel(logging.WARNING)
    module: ModuleType = jieba
    return module


@cache
def _news_words() -> tuple[UserWord, ...]:
    entries: list[UserWord] = []
    for line in read_list("news_words.txt"):
        word, _, tag = line.partition(" ")
        entries.append((word, None, tag or None))
    return tuple(entries)


@cache
def _base_tokenizer() -> Any:
    """The jieba dictionary plus the bundled news words, built once per process."""
    tokenizer = _jieba().Tokenizer()
    tokenizer.initialize()
    for word, frequency, _ in _news_words():
        tokenizer.add_word(word, frequency)
    return tokenizer


@lru_cache(maxsize=16)
def _tokenizer(words: tuple[UserWord, ...], news: bool) -> Any:
    """A tokenizer with the caller's words, sharing nothing mutable with the others."""
    if not news:
        base = _jieba().Tokenizer()
        base.initialize()
    else:
        base = _base_tokenizer()
    if not words:
        return base
    tokenizer = _jieba().Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(base.FREQ), base.total, True
    for word, frequency, _ in words:
        tokenizer.add_word(word, frequency)
    return tokenizer


@cache
def _base_tags() -> dict[str, str]:
    """The jieba part-of-speech table, read once per process."""
    jieba = _jieba()
    tags: dict[str, str] = jieba.posseg.POSTokenizer(_base_tokenizer()).word_tag_tab
    return tags


@cache
def _pos_tokenizer_class() -> type:
    """Jieba's POSTokenizer with its unknown-word decoder swapped for `newsnlp.pos_viterbi` (same output)."""
    posseg = _jieba().posseg
    base: Any = posseg.POSTokenizer

    class POSTokenizer(base):  # type: ignore[misc]
        def _POSTokenizer__cut(self, sentence: str) -> Iterator[Any]:  # jieba's private name
            for word, tag in cut_run(sentence):
                yield posseg.pair(word, tag)

    return POSTokenizer


@lru_cache(maxsize=16)
def _pos_tokenizer(words: tuple[UserWord, ...], news: bool) -> Any:
    tagger: Any = object.__new__(_pos_tokenizer_class())  # skip re-reading the dictionary file
    tagger.tokenizer = _tokenizer(words, news)
    tagger.word_tag_tab = dict(_base_tags())
    extra = (_news_words() if news else ()) + words
    tagger.word_tag_tab.update({word: tag for word, _, tag in extra if tag})
    return tagger


# ----------------------------------------------------------------------------- options


def _read_dictionary(path: str | Path) -> list[UserWord]:
    """Read a jieba user dictionary: one ``word [frequency] [tag]`` per line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        message = f"cannot read the dictionary {path}: {error}"
        raise InputError(message) from error
    entries: list[UserWord] = []
    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        frequency = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        if len(parts) > 3:
            message = f"{path}:{number}: expected 'word [frequency] [tag]', got {line!r}"
            raise InputError(message)
        entries.append((parts[0], frequency, tag))
    return entries


@lru_cache(maxsize=16)
def _user_words(words: tuple[str, ...], dictionaries: tuple[str, ...]) -> tuple[UserWord, ...]:
    """The caller's words and dictionary files, normalised; read once per process per setting."""
    entries: list[UserWord] = [(normalize(word).text, None, None) for word in words]
    for path in dictionaries:
        entries.extend(
            (normalize(word).text, frequency, tag) for word, frequency, tag in _read_dictionary(path)
        )
    return tuple(entry for entry in entries if entry[0])


# ----------------------------------------------------------------------------- cutting

# jieba cuts "2024年" into "2024" + "年"; a number keeps the unit that makes it a date or an age.
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*%?")
_UNITS = frozenset(["年", "月", "日", "号", "周年", "岁", "时", "分", "秒", "%"])
# jieba yields the two halves of the Chinese dash and ellipsis (——, ……) as two tokens.
_DOUBLE_PUNCTUATION = frozenset(["—", "…"])


def _merge_pieces(pieces: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Join what jieba cuts apart but a reader takes as one word: 2024年, 3.5%, ——."""
    merged: list[tuple[str, str | None]] = []
    for word, tag in pieces:
        previous = merged[-1][0] if merged else ""
        if word in _UNITS and _NUMBER.fullmatch(previous):
            merged[-1] = (previous + word, "t" if word != "%" else "m")
        elif word in _DOUBLE_PUNCTUATION and previous and set(previous) == {word}:
            merged[-1] = (previous + word, merged[-1][1])
        else:
            merged.append((word, tag))
    return merged


# Parts of speech that do not continue a name (verbs, prepositions, particles, numbers...).
_NOT_IN_NAMES = re.compile("^(?:v|vd|p|c|u[a-z]*|d|r|m|q|f|y|e|o|t)$")


@cache
def _title_pattern() -> re.Pattern[str]:
    """A word that ends in a post of ``resources/titles.tsv``: a name may follow it (市长张永宁)."""
    posts = (row.split("\t", 1)[0] for row in read_list("titles.tsv"))  # post, level, system
    return re.compile("(?:" + "|".join(map(re.escape, posts)) + ")$")


def _merge_names(pieces: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Join a name that jieba cut in two after a title: 市长 张/永宁 → 市长 张永宁.

    Two or more pieces after a title are joined when together they are two or three Chinese
    characters, start with a surname and hold no verb, preposition, particle or number.
    """
    surnames = read_set("surnames.txt")
    title = _title_pattern()
    merged: list[tuple[str, str | None]] = []
    index = 0
    while index < len(pieces):
        merged.append(pieces[index])
        if title.search(pieces[index][0]):
            name, count = "", 0
            for word, tag in pieces[index + 1 : index + 4]:
                # A surname's own tag says nothing: 张 is also a measure word, 王 a noun.
                surname = count == 0 and word in surnames
                # jieba often tags a given name as an adverb (许 立新/d): the last two characters.
                given = count == 1 and len(word) == 2 and tag == "d"
                blocked = bool(tag and _NOT_IN_NAMES.match(tag)) and not (surname or given)
                if not IDEOGRAPHS.fullmatch(word) or blocked or len(name + word) > 3:
                    break
                name, count = name + word, count + 1
            if count >= 2 and (name[0] in surnames or name[:2] in surnames):
                merged.append((name, "nr"))
                index += count
        index += 1
    return merged


def _cut(
    text: str, words: tuple[UserWord, ...], *, news: bool, fast: bool, rust: bool = False
) -> list[tuple[str, str | None]]:
    """Cut with jieba's part-of-speech model, or with its plain model when ``fast``.

    The part-of-speech model's HMM keeps more unknown names whole and scores higher on all four
    SIGHAN 2005 sets, at under a third of the speed (BENCHMARKS.md). With ``fast`` the tags come
    from the dictionary alone, and ``rust`` cuts through rjieba, with the same words. Quoted
    catch-phrases (“深学争优”) are not forced whole here: that cost 0.3 F1 points on every set; the
    slogan extractor reads them as spans.
    """
    pieces: list[tuple[str, str | None]]
    if fast:
        tags = _pos_tokenizer(words, news).word_tag_tab
        tokenizer = _tokenizer(words, news)
        if rust:
            cut = rust_cut.cut(text, (_news_words() if news else ()) + words, tokenizer.FREQ)
        else:
            cut = tokenizer.cut(text)
        pieces = [(word, tags.get(word, "x")) for word in cut]
    else:
        pieces = [(pair.word, pair.flag) for pair in _pos_tokenizer(words, news).cut(text)]
    if "".join(word for word, _ in pieces) != text:
        message = "jieba's words do not rebuild the text; this is a bug, please report the text"
        raise SegmentationError(message)
    return _merge_names(_merge_pieces(pieces))


def _search_pieces(
    word: str, start: int, tag: str | None, frequencies: dict[str, int], tags: dict[str, str]
) -> Iterator[tuple[str, int, str | None]]:
    """Search mode as jieba does it: the dictionary words of two and three characters in a word."""
    for size in (2, 3):
        if len(word) > size:
            for offset in range(len(word) - size + 1):
                piece = word[offset : offset + size]
                if frequencies.get(piece):
                    yield piece, start + offset, tags.get(piece, tag)


@dataclass(frozen=True)
class _Document:
    """The text a segmenter reads, its map to the original, and the original's repaired form."""

    text: str
    offsets: OffsetMap
    repaired: str
    repaired_offsets: OffsetMap


def _document(source: Article | Normalized | str) -> _Document:
    if isinstance(source, Article | Normalized):
        return _Document(source.text, source.offsets, source.repaired, source.repaired_offsets)
    if isinstance(source, str):
        return _document(normalize(source))
    message = f"segment() takes an Article or a str, not {type(source).__name__}"
    raise InputError(message)


@dataclass(frozen=True)
class Segmenter:
    """Segmentation settings: extra words, dictionary files, the bundled news dictionary, speed.

    ``fast=True`` cuts with jieba's plain model: faster, fewer unknown names kept whole, lower F1
    (BENCHMARKS.md). ``backend`` chooses what runs the fast mode: ``"auto"`` (rjieba when it is
    installed, else jieba), ``"jieba"`` or ``"rjieba"`` (an `OptionError` when it is missing).
    rjieba gives the same tokens as jieba (`newsnlp.rust_cut`), several times faster; the default
    mode always runs jieba, whose part-of-speech model rjieba lacks. Holds no jieba object, so it
    pickles and crosses process boundaries; the tokenizers for its settings are built once per
    process, on first use.

    >>> segmenter = Segmenter(words=("深学争优",))
    >>> [token.text for token in segmenter.segment("全市深學爭優行動")]
    ['全市', '深学争优', '行动']
    """

    words: tuple[str, ...] = ()
    dictionaries: tuple[str, ...] = ()
    news_dictionary: bool = True
    fast: bool = False
    backend: Backend = "auto"

    def uses_rjieba(self) -> bool:
        """Whether this segmenter cuts through rjieba: ``fast=True`` and rjieba chosen or installed.

        >>> Segmenter().uses_rjieba()
        False
        """
        if self.backend not in get_args(Backend):
            message = f"unknown backend {self.backend!r}; choose one of: {', '.join(get_args(Backend))}"
            raise OptionError(message)
        if self.backend == "rjieba" and not self.fast:
            message = "backend='rjieba' needs fast=True: rjieba has no part-of-speech model to cut with"
            raise OptionError(message)
        if self.backend == "rjieba" and not rust_cut.available():
            message = "backend='rjieba' but rjieba is not installed; pip install 'newsnlp[fast]'"
            raise OptionError(message)
        return self.fast and self.backend != "jieba" and rust_cut.available()

    def segment(
        self, source: Article | str, *, pos: bool = False, mode: Mode = "precise"
    ) -> tuple[Token, ...]:
        """Segment an article or a text; see `segment`."""
        if mode not in get_args(Mode):
            message = f"unknown mode {mode!r}; choose one of: {', '.join(get_args(Mode))}"
            raise OptionError(message)
        if source is None:
            message = "segment() got None; pass an Article or a str"
            raise InputError(message)
        document = _document(source)
        if isinstance(self.words, str) or isinstance(self.dictionaries, str):
            message = "words and dictionaries must be lists, not one string"
            raise InputError(message)
        words = _user_words(tuple(self.words), tuple(self.dictionaries))
        pieces = _cut(
            document.text, words, news=self.news_dictionary, fast=self.fast, rust=self.uses_rjieba()
        )
        frequencies = _tokenizer(words, self.news_dictionary).FREQ
        tags = _pos_tokenizer(words, self.news_dictionary).word_tag_tab
        found: list[tuple[str, int, str | None]] = []
        position = 0
        for word, tag in pieces:
            start, position = position, position + len(word)
            if word.isspace():
                continue
            if mode == "search":
                found.extend(_search_pieces(word, start, tag, frequencies, tags))
            found.append((word, start, tag))
        spans = [(start, start + len(word)) for word, start, _ in found]
        raw_spans = document.offsets.to_raw_many(spans)
        surface_spans = document.repaired_offsets.to_raw_many(spans)
        repaired = document.repaired
        return tuple(
            [
                Token(
                    word,
                    start,
                    end,
                    raw_start,
                    raw_end,
                    repaired[surface_start:surface_end],
                    tag if pos else None,
                )
                for (word, _, tag), (start, end), (raw_start, raw_end), (surface_start, surface_end) in zip(
                    found, spans, raw_spans, surface_spans, strict=True
                )
            ]
        )


def segment(
    source: Article | str,
    *,
    pos: bool = False,
    mode: Mode = "precise",
    words: Sequence[str] = (),
    dictionaries: Sequence[str | Path] = (),
    fast: bool = False,
    backend: Backend = "auto",
) -> tuple[Token, ...]:
    """Cut an article's text (or a string) into words.

    ``mode="precise"`` gives each character to exactly one word; ``mode="search"`` adds the
    dictionary words of two and three characters inside longer words, for indexing. ``pos=True``
    tags each word (jieba's ICTCLAS tags). ``words`` and ``dictionaries`` (jieba user-dictionary
    files) add words for this call only; ``fast`` trades accuracy for speed and ``backend`` picks
    the engine of the fast mode (see `Segmenter`).
    Whitespace is not returned as tokens; punctuation is. An empty text gives no tokens.

    >>> [token.text for token in segment("市委書記梁偉新在會上強調，2024年要實干爭效。")][:8]
    ['市委书记', '梁伟新', '在', '会上', '强调', '，', '2024年', '要']
    >>> [token.surface for token in segment("市委書記梁偉新在會上強調")]
    ['市委書記', '梁偉新', '在', '會上', '強調']
    >>> token = segment("常務副市長李彥")[0]
    >>> token.text, token.surface, (token.raw_start, token.raw_end)
    ('常务副市长', '常務副市長', (0, 5))
    """
    if isinstance(words, str) or isinstance(dictionaries, str):
        message = "words and dictionaries must be lists, not one string"
        raise InputError(message)
    segmenter = Segmenter(tuple(words), tuple(str(path) for path in dictionaries), fast=fast, backend=backend)
    return segmenter.segment(source, pos=pos, mode=mode)


def segment_many(
    sources: Iterable[Article | str],
    *,
    n_jobs: int = 1,
    progress: bool = False,
    pos: bool = False,
    mode: Mode = "precise",
    segmenter: Segmenter | None = None,
) -> list[tuple[Token, ...]]:
    """Segment many articles or texts, in order, in ``n_jobs`` processes.

    >>> [len(tokens) for tokens in segment_many(["市委书记", "全市上下要深化拓展"])]
    [1, 5]
    """
    items = list(sources)
    if n_jobs < 1:
        message = f"n_jobs must be 1 or more, not {n_jobs}"
        raise OptionError(message)
    work = partial((segmenter or Segmenter()).segment, pos=pos, mode=mode)
    bar = _progress_bar(len(items)) if progress else None
    results: list[tuple[Token, ...]] = []
    if n_jobs == 1:
        for item in items:
            results.append(work(item))
            if bar is not None:
                bar.update()
    else:
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            for tokens in pool.map(work, items, chunksize=max(1, len(items) // (n_jobs * 8))):
                results.append(tokens)
                if bar is not None:
                    bar.update()
    if bar is not None:
        bar.close()
    return results


def _progress_bar(total: int) -> Any:
    from tqdm.auto import tqdm  # noqa: PLC0415  (imported only when the caller asks for a bar)

    return tqdm(total=total, desc="segment", unit="text")


@cache
def stopwords(script: Literal["simplified", "traditional"] = "simplified") -> frozenset[str]:
    """The bundled stopword list in one script.

    >>> "的" in stopwords(), "這些" in stopwords("traditional")
    (True, True)
    """
    words = read_list("stopwords.txt")
    if script == "traditional":
        # Generic OpenCC writes 因爲; Taiwan and Hong Kong write 因為: keep every form.
        variants: tuple[Variant, ...] = ("generic", "taiwan", "hongkong")
        return frozenset(
            convert_script(word, target="traditional", variant=variant)[0]
            for word in words
            for variant in variants
        )
    if script != "simplified":
        message = f"unknown script {script!r}; choose one of: simplified, traditional"
        raise OptionError(message)
    return frozenset(words)
