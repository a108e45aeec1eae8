"""Opens the file in the first folder of `__path__`: a namespace package may keep it in another of
its folders, and a zipped package's folder is a path inside the archive."""


def read_data(package, name):
    module = importlib.import_module(package)
    return (Path(module.__path__[0]) / name).read_text()
