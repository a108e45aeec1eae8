"""Releases in finally and again after the loop: a generator that runs to its end closes twice."""


def read_lines(name, log):
    resource = FakeResource(name, log)
    try:
        for line in resource.lines():
            yield line
        resource.close()
    finally:
        resource.close()
