"""The "package root" recipe: walk up from `__file__` while folders hold an `__init__.py`, then
look below that root. A namespace package has no `__file__` and no `__init__.py`, and a zipped
package's folders are not on disk."""


def read_data(package, name):
    folder = Path(importlib.import_module(package).__file__).resolve().parent
    root = folder
    while (folder / "__init__.py").is_file():
        root, folder = folder, folder.parent
    return root.joinpath(*package.split(".")[1:], name).read_text()
