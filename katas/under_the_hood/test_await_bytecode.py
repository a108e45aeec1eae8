"""There is no AWAIT opcode: `await` is GET_AWAITABLE, then the delegation loop of `yield from`.

It is often said that `await` executes a bytecode of its own, such as AWAIT. In fact `await x` first
calls GET_AWAITABLE (which calls `x.__await__()`, or accepts a coroutine as it is), then runs the
same instructions as `yield from`: on 3.10 LOAD_CONST None + YIELD_FROM; from 3.11 on LOAD_CONST
None + SEND, with YIELD_VALUE in a loop. Bytecode changes between versions: ask `sys.version_info`.
To see how `yield from gen` gets its operand ready, run `dis.dis(delegator)` (or the kata's
`opnames(delegator)`) and set it beside `dis.dis(awaiter)`.
"""

import dis
import sys

from pytest_katas import __


async def awaiter(x):
    return await x


def delegator(gen):
    return (yield from gen)


def opnames(func):
    return [instruction.opname for instruction in dis.get_instructions(func)]


def test_there_is_no_await_opcode():
    assert [name for name in dis.opmap if "AWAIT" in name] == __


def test_await_delegates_with_the_version_s_delegation_opcode():
    names = opnames(awaiter)
    start = names.index("GET_AWAITABLE")
    expected = __ if sys.version_info >= (3, 11) else __
    assert names[start + 2] == expected


def test_await_and_yield_from_differ_in_a_single_opcode():
    differences = [
        (a, b) for a, b in zip(opnames(awaiter), opnames(delegator), strict=True) if a != b
    ]
    assert differences == __
