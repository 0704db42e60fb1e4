"""Extractors: each reads an `Article` and returns a tuple of typed records with spans."""

from __future__ import annotations

from newsnlp.extract.dates import DateMention, extract_dates
from newsnlp.extract.officials import Mention, Official, extract_officials
from newsnlp.extract.persons import Person, extract_persons
from newsnlp.extract.slogans import Slogan, extract_slogans

__all__ = [
    "DateMention",
    "Mention",
    "Official",
    "Person",
    "Slogan",
    "extract_dates",
    "extract_officials",
    "extract_persons",
    "extract_slogans",
]
