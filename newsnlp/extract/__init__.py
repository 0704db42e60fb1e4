"""Extractors: each reads an `Article` and returns a tuple of typed records with spans."""

from __future__ import annotations

from newsnlp.extract.officials import Mention, Official, extract_officials
from newsnlp.extract.slogans import Slogan, extract_slogans

__all__ = ["Mention", "Official", "Slogan", "extract_officials", "extract_slogans"]
