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
