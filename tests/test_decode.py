from __future__ import annotations

import random

import pytest

from newsnlp.errors import DecodeError
from newsnlp.normalize.decode import decode

TRADITIONAL = "寧德網消息，市委書記梁偉新在會上強調，全市上下要深化拓展行動。"
SIMPLIFIED = "宁德网消息，市委书记梁伟新在会上强调，全市上下要深化拓展行动。"


def random_high_bytes(seed: int, size: int = 300) -> bytes:
    generator = random.Random(seed)
    return bytes(generator.randrange(128, 256) for _ in range(size))


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        pytest.param(SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED, id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + SIMPLIFIED.encode(), "utf-8-sig", SIMPLIFIED, id="utf-8-bom"),
        pytest.param(SIMPLIFIED.encode("utf-16"), "utf-16", SIMPLIFIED, id="utf-16-bom"),
        pytest.param(
            ("1998年" + SIMPLIFIED).encode("utf-16-le"), "utf-16-le", "1998年" + SIMPLIFIED, id="utf-16-le"
        ),
        pytest.param(
            ("1998年" + SIMPLIFIED).encode("utf-16-be"), "utf-16-be", "1998年" + SIMPLIFIED, id="utf-16-be"
        ),
        pytest.param(SIMPLIFIED.encode("gbk"), "gb18030", SIMPLIFIED, id="gbk"),
        pytest.param(SIMPLIFIED.encode("gb2312"), "gb18030", SIMPLIFIED, id="gb2312"),
        pytest.param(TRADITIONAL.encode("big5"), "big5hkscs", TRADITIONAL, id="big5"),
        pytest.param(TRADITIONAL.encode("gb18030"), "gb18030", TRADITIONAL, id="traditional-in-gb18030"),
        pytest.param(
            b'<meta charset="big5">' + TRADITIONAL.encode("big5"),
            "big5hkscs",
            '<meta charset="big5">' + TRADITIONAL,
            id="declared-charset",
        ),
    ],
)
def test_decode(data: bytes, encoding: str, text: str) -> None:
    decoded = decode(data)
    assert (decoded.encoding, decoded.text) == (encoding, text)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x00\x01\x02binary\x00", id="nul-bytes"),
        pytest.param(b"\x00\x07" * 50, id="nul-and-control-bytes"),
        *[pytest.param(random_high_bytes(seed), id=f"random-high-bytes-{seed}") for seed in range(5)],
        pytest.param("café".encode("latin-1"), id="latin-1"),
    ],
)
def test_undecodable_bytes_raise_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError, match=r"binary|decode them yourself"):
        decode(data)


# Longer news sentences for the mis-declared charset tests: the common-character share needs some text.
TAIPEI = (
    "台北市政府今日舉行記者會，市長表示將在明年編列專款，加速推動老舊公寓都市更新計畫，"
    "並協助弱勢家庭申請租屋補貼，預計受惠民眾超過三萬戶。"
)
BEIJING = (
    "新华社北京电，国务院常务会议今天召开，会议研究部署进一步扩大内需的政策措施，"
    "要求各地区各部门加快推进重大项目建设，切实稳定就业和物价水平。"
)


def page(meta: str, body: bytes) -> bytes:
    return f"<html><head>{meta}</head><body><p>".encode("ascii") + body + b"</p></body></html>"


def page_text(meta: str, body: str) -> str:
    return f"<html><head>{meta}</head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("meta", "body", "codec", "encoding"),
    [
        # gb18030 decodes any Big5 bytes strictly, into rare characters: the declaration used to win.
        pytest.param('<meta charset="gb2312">', TAIPEI, "big5", "big5hkscs", id="big5-declared-gb2312"),
        # big5hkscs decodes these GBK bytes strictly too, into rare characters: the declaration used to win.
        pytest.param('<meta charset="big5">', BEIJING, "gbk", "gb18030", id="gbk-declared-big5"),
        pytest.param('<meta charset="big5">', TAIPEI, "gbk", "gb18030", id="traditional-gbk-declared-big5"),
        pytest.param(
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
            BEIJING,
            "gbk",
            "gb18030",
            id="gbk-declared-utf-8",
        ),
        pytest.param('<meta charset="x-klingon-8">', BEIJING, "gbk", "gb18030", id="unknown-charset-gbk"),
        pytest.param('<meta charset="windows-1252">', TAIPEI, "big5", "big5hkscs", id="unknown-charset-big5"),
    ],
)
def test_misdeclared_charset_falls_back_to_scoring(meta: str, body: str, codec: str, encoding: str) -> None:
    decoded = decode(page(meta, body.encode(codec)))
    assert (decoded.encoding, decoded.text) == (encoding, page_text(meta, body))


@pytest.mark.parametrize(
    ("meta", "body", "codec", "encoding"),
    [
        pytest.param('<meta charset="big5">', TAIPEI, "big5", "big5hkscs", id="big5"),
        pytest.param('<meta charset="gb2312">', BEIJING, "gb2312", "gb18030", id="gb2312"),
        pytest.param('<meta charset="GBK">', TAIPEI, "gbk", "gb18030", id="traditional-gbk"),
        pytest.param(
            '<?xml version="1.0" encoding="Big5-HKSCS"?>', TAIPEI, "big5hkscs", "big5hkscs", id="xml"
        ),
    ],
)
def test_correct_declaration_is_honoured(meta: str, body: str, codec: str, encoding: str) -> None:
    decoded = decode(page(meta, body.encode(codec)))
    assert (decoded.encoding, decoded.text) == (encoding, page_text(meta, body))


def test_undecodable_page_names_the_declaration_and_the_guesses() -> None:
    # GB2312 level-2 / Big5 level-2 byte pairs: strict in both codecs, but all rare characters.
    generator = random.Random(7)
    blob = bytes(
        x for _ in range(60) for x in (generator.randrange(0xD8, 0xF8), generator.randrange(0xA1, 0xFF))
    )
    with pytest.raises(DecodeError) as error:
        decode(page('<meta charset="big5">', blob))
    message = str(error.value)
    assert "UTF-8, GB18030 or Big5" in message
    assert "declared charset 'big5' read as big5hkscs" in message
    assert (
        "tried, best guess first: gb18030 (28% common characters), big5hkscs (0% common characters)"
        in message
    )


def test_undecodable_bytes_name_the_codecs_that_fail() -> None:
    with pytest.raises(DecodeError) as error:
        decode(page('<meta charset="koi8-r">', random_high_bytes(0)))
    message = str(error.value)
    assert "declared charset 'koi8-r' not supported" in message
    assert "gb18030 (does not decode), big5hkscs (does not decode)" in message


def test_a_short_page_of_rare_characters_keeps_its_declared_charset() -> None:
    # No codec reads these bytes into common characters: the declaration is the best evidence left.
    data = b'<meta charset="big5">' + "鱻龘".encode("big5hkscs")
    decoded = decode(data)
    assert (decoded.encoding, decoded.text) == ("big5hkscs", '<meta charset="big5">鱻龘')
