"""Bundled word lists, read once per process with importlib.resources.

Each list is a UTF-8 text file in this folder: one entry per line, ``#`` starts a comment,
entries are written in Simplified characters (the form the analysers read).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["read_list", "read_set", "read_table"]


def _entries(name: str) -> list[str]:
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


@cache
def read_list(name: str) -> tuple[str, ...]:
    """The entries of a one-column list, in file order.

    >>> "返回首页" in read_list("boilerplate.txt")
    True
    """
    return tuple(_entries(name))


@cache
def read_set(name: str) -> frozenset[str]:
    """The entries of a one-column list, for membership tests.

    >>> "欧阳" in read_set("surnames.txt")
    True
    """
    return frozenset(read_list(name))


@cache
def read_table(name: str) -> dict[str, str]:
    """A two-column, tab-separated table as a dict from the first column to the second.

    >>> read_table("credit_roles.tsv")["责任编辑"]
    'editors'
    """
    table: dict[str, str] = {}
    for entry in _entries(name):
        key, value = entry.split("\t")
        table[key.strip()] = value.strip()
    return table
