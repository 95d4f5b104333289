"""Errors the pipeline reports to a user: each carries one plain-language line."""
from __future__ import annotations


class HandbookError(Exception):
    """A problem with one input file that stops its conversion. str(error) is the user message."""


class UnsupportedFormat(HandbookError):
    pass


class ReadError(HandbookError):
    """The file could not be read as the format its name claims (damaged, encrypted, no text...)."""


class ParseError(HandbookError):
    """The file was read but does not hold a handbook the parser can make sense of."""


class LevelsAgain(ParseError):
    """A competency table's rows start a level that already holds indicators: the levels of
    another competency whose name is missing, never to be added to the one before."""


class MatrixJoined(ParseError):
    """A competency table starts with the head row of a competency matrix ('Competentie | ...'):
    the matrix and the table were drawn as one, and reading on would lose a name and the matrix."""


class ValidationError(HandbookError):
    """The parsed handbook breaks the schema or an integrity rule; `problems` lists each one."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        first = problems[0] if problems else "invalid handbook"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{first}{more}")
