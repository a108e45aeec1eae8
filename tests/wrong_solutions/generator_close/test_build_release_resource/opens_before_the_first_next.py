"""A plain function that opens the resource and returns an inner generator: the resource is opened
by the call itself, before anyone asks for a line."""


def read_lines(name, log):
    resource = FakeResource(name, log)

    def lines():
        try:
            yield from resource.lines()
        finally:
            resource.close()

    return lines()
