"""The blank `__` that katas ship with, and how a failure caused by one is recognised.

A kata is a test module with blanks in it. A *predict* blank stands where an expression goes
(`assert next(gen) == __`); a *build* blank is a function whose whole body is the statement `__`,
for the learner to write. The blank refuses to be compared, tested for truth, iterated or used in
any other way, so that a step fails on the line where the blank is used, and `diagnose` turns that
failure into the instruction a learner needs: which line to fill in, or which function to write.
"""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import NoReturn

BLANK_NAME = "__"


class BlankError(Exception):
    """Raised when a kata uses a blank that the learner has not filled in yet."""


class _Blank:
    """The placeholder for an answer: any use of it raises `BlankError`."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise BlankError("this blank (__) is waiting for your answer")

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __bool__ = __len__ = __iter__ = __contains__ = __call__ = __getitem__ = _refuse
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _refuse
    __truediv__ = __rtruediv__ = __floordiv__ = __mod__ = __neg__ = _refuse
    __index__ = __int__ = __float__ = __str__ = __format__ = __fspath__ = _refuse
    __enter__ = __exit__ = __await__ = __next__ = _refuse

    def __hash__(self) -> int:
        raise BlankError("this blank (__) is waiting for your answer")

    def __getattr__(self, name: str) -> NoReturn:
        raise BlankError("this blank (__) is waiting for your answer")

    def __repr__(self) -> str:
        return "__"


__ = _Blank()
