"""Releases in `except Exception` and after the loop: GeneratorExit is not an Exception, so close()
and dropping the generator leave the resource open."""


def read_lines(name, log):
    resource = FakeResource(name, log)
    try:
        for line in resource.lines():
            yield line
    except Exception:
        resource.close()
        raise
    resource.close()
