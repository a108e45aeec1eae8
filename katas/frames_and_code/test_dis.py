"""`dis` shows a code object's bytecode as instructions; which instructions depends on the version.

`print(dis.dis(foo))`, a line often seen in examples, prints the listing and then `None`: `dis.dis`
prints, it returns nothing. `dis.get_instructions` gives the same listing as objects you can
inspect. The instruction names are an implementation detail that changes between versions (3.11
replaced `BINARY_ADD` and its friends with one `BINARY_OP`; and the `AWAIT` opcode that some
explanations of `await` mention exists on no version), so rely on what is stable, such as the names
and constants the instructions refer to.
"""

import dis
import sys

from pytest_katas import __


def foo():
    bar()


def bar():
    pass


def example():
    x = 10
    y = 20
    return x + y


def test_what_print_dis_dis_prints_last(capsys):
    print(dis.dis(foo))
    assert capsys.readouterr().out.splitlines()[-1] == __


def test_the_type_of_co_code():
    assert type(foo.__code__.co_code) is __


def test_load_global_names_the_global_a_function_uses():
    names = [ins.argval for ins in dis.get_instructions(foo) if ins.opname == "LOAD_GLOBAL"]
    assert names == __


def test_load_const_loads_values_from_co_consts():
    values = [ins.argval for ins in dis.get_instructions(example) if ins.opname == "LOAD_CONST"]
    assert values == __


def test_the_opcode_for_plus_changed_in_3_11():
    opnames = [ins.opname for ins in dis.get_instructions(example) if "BINARY" in ins.opname]
    assert opnames == (__ if sys.version_info >= (3, 11) else __)
