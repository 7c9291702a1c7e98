"""Errors the library raises.  The CLI turns each into one line: ``Error: <where>: <what> — <fix>``.

Every message says what is wrong and what the user can do about it; the library never prints.
"""

from __future__ import annotations


class ZhglossError(Exception):
    """A problem the user can fix.  ``where`` is usually a file path, ``fix`` a hint."""

    def __init__(self, what: str, fix: str = "", where: str | None = None):
        super().__init__(what)
        self.what = what
        self.fix = fix
        self.where = where

    def line(self) -> str:
        head = f"{self.where}: " if self.where else ""
        tail = f" — {self.fix}" if self.fix else ""
        return f"Error: {head}{self.what}{tail}"

    def at(self, where: str) -> "ZhglossError":
        """Return the same error, located at ``where`` unless it already is."""
        if self.where is None:
            self.where = where
        return self


class InputError(ZhglossError):
    """The input file cannot be read as an article."""


class NotChineseError(InputError):
    """The article has (almost) no Chinese text."""


class DataError(ZhglossError):
    """A data file (knowledge base, lexicon, glossary, gold) is malformed."""


class OutputError(ZhglossError):
    """Output cannot be written."""


class MissingDependency(ZhglossError):
    """An optional package is needed for this feature."""

    def __init__(self, package: str, feature: str):
        super().__init__(
            f"{feature} needs the optional package '{package}'",
            f"install it with: pip install {package}",
        )
