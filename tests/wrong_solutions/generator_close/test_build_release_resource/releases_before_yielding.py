"""Reads every line, releases, then yields: the resource is closed while the caller still reads."""


def read_lines(name, log):
    resource = FakeResource(name, log)
    lines = resource.lines()
    resource.close()
    yield from lines
