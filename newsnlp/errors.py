"""Errors raised by newsnlp.

Every error a caller can provoke with bad input or options is a `NewsnlpError`, so one
``except newsnlp.NewsnlpError`` catches them all. The subclasses also inherit the built-in
exception a Python programmer would expect (``ValueError``, ``TypeError``, ``UnicodeError``).
"""

from __future__ import annotations

__all__ = ["DecodeError", "InputError", "NewsnlpError", "OptionError"]


class NewsnlpError(Exception):
    """Base class of every error newsnlp raises on purpose."""


class InputError(NewsnlpError, ValueError):
    """The input cannot be analysed: None, empty, not Chinese, not text, or too large."""


class DecodeError(NewsnlpError, UnicodeError):
    """Bytes that decode as none of the supported encodings (UTF-8, GB18030, Big5)."""


class OptionError(NewsnlpError, ValueError):
    """An option outside its closed set of choices; the message names the valid ones."""
