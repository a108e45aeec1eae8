"""Builds the path from the package's `__file__`: a namespace package has none (`None`), and inside
a zip archive that path goes through the archive, which the operating system cannot open."""


def read_data(package, name):
    module = importlib.import_module(package)
    return (Path(module.__file__).parent / name).read_text()
