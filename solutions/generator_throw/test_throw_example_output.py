"""A classic throw() example prints four lines: the URL, "download error", 2 and 3.

It is often said of this example that throw() returns 2 "but the code does not print it". It
does print it: the program prints throw()'s return value, print(gen.throw(...)), and that value
is 2, the next value the generator yields after handling the exception. The example is usually
written with the old gen.throw(Exception, "download error") form, deprecated since Python 3.12
(the last kata of this topic); the program below passes an exception instance, which behaves the
same on every version.
"""

from pytest_katas import __


def gen_func():
    try:
        yield "http://projectsedu.com"
    except Exception as e:
        print(e)
    yield 2
    yield 3
    return "bobby"


def main():
    """The example's `if __name__ == "__main__":` block."""
    gen = gen_func()
    print(next(gen))
    print(gen.throw(Exception("download error")))
    print(next(gen))


def test_the_generator_prints_the_exception_it_caught(capsys):
    gen = gen_func()
    next(gen)
    gen.throw(Exception("download error"))
    assert capsys.readouterr().out.splitlines() == ["download error"]


def test_the_program_prints_four_lines(capsys):
    main()
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["http://projectsedu.com", "download error", "2", "3"]
