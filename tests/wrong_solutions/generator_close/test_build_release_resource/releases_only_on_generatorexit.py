"""Releases in `except GeneratorExit` and after the loop: close() and running to the end are
covered, but an exception thrown in with throw() leaves the resource open."""


def read_lines(name, log):
    resource = FakeResource(name, log)
    try:
        for line in resource.lines():
            yield line
    except GeneratorExit:
        resource.close()
        raise
    resource.close()
