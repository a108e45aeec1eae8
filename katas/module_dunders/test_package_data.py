"""Reach the files shipped in a package with `importlib.resources.files(package)`, not `__file__`.

A common recipe finds a package's data by starting at `Path(__file__).parent` and walking up the
folders that hold an `__init__.py` to "the package root", then opening files from there. That works
only for regular packages that are plain folders on disk. A *namespace package* (PEP 420: a folder
without `__init__.py`) has no `__init__.py` to find, its `__file__` is `None`, and it may be spread
over several folders of `sys.path`, all listed in its `__path__`. A package imported from a zip
archive on `sys.path` has a `__file__` such as `…/app.zip/shop/__init__.py`: a path the operating
system cannot open, because `app.zip` is a file, not a folder. And the current directory is no
better: it is wherever the user happened to be when they started Python.
`importlib.resources.files(package)` asks the package's own loader instead (importing the package
if needed) and returns a *traversable* for it: join it with `/`, then call `.read_text()`,
`.read_bytes()`, `.is_file()` or `.iterdir()`. It is a `pathlib.Path` for a folder on disk, a
`zipfile.Path` inside a zip, and a view over every folder of a namespace package. (Where a real file
on disk is needed, `importlib.resources.as_file(...)` provides one.)
"""

import importlib
import importlib.resources
import sys
import zipfile
from pathlib import Path

import pytest

from pytest_katas import __


def read_data(package, name):
    """Return the text of the file `name` shipped inside the package `package` (a dotted module
    name such as 'shop' or 'shop.cart'), wherever and however that package is imported."""
    __


@pytest.fixture
def importable(tmp_path, monkeypatch):
    """tmp_path, with its folder 'lib' put first on sys.path; the modules imported during the step
    are forgotten after it."""
    (tmp_path / "lib").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    before = set(sys.modules)
    yield tmp_path
    for name in set(sys.modules) - before:
        del sys.modules[name]


def make_files(root, files):
    """Create each file of `files` ({relative path: text}) under root, with its folders."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


SHOP = {
    "shop/__init__.py": "",
    "shop/prices.csv": "apple,3\n",
    "shop/cart/__init__.py": "",
    "shop/cart/sizes.csv": "small,1\n",
}


def test_a_regular_package_in_a_folder(importable):
    make_files(importable / "lib", SHOP)
    assert read_data("shop", "prices.csv") == "apple,3\n"


def test_the_current_directory_does_not_matter(importable, monkeypatch):
    make_files(importable / "lib", SHOP)
    (importable / "elsewhere").mkdir()
    monkeypatch.chdir(importable / "elsewhere")
    assert read_data("shop", "prices.csv") == "apple,3\n"


def test_a_subpackage_has_files_of_its_own(importable):
    make_files(importable / "lib", SHOP)
    assert read_data("shop.cart", "sizes.csv") == "small,1\n"


def test_a_namespace_package_spread_over_two_folders(importable, monkeypatch):
    make_files(importable / "lib", {"plugins/readme.txt": "plugins for shop\n"})
    make_files(importable / "extra", {"plugins/colors.txt": "red\n"})
    monkeypatch.syspath_prepend(str(importable / "extra"))
    plugins = importlib.import_module("plugins")
    folders = [Path(folder).parent.name for folder in plugins.__path__]
    assert (plugins.__file__, folders) == __


def test_files_reads_from_every_folder_of_a_namespace_package(importable, monkeypatch):
    make_files(importable / "lib", {"plugins/readme.txt": "plugins for shop\n"})
    make_files(importable / "extra", {"plugins/colors.txt": "red\n"})
    monkeypatch.syspath_prepend(str(importable / "extra"))
    assert read_data("plugins", "readme.txt") == "plugins for shop\n"
    assert read_data("plugins", "colors.txt") == "red\n"


def zip_shop(root, monkeypatch):
    """Write root/app.zip holding the shop package, and put the archive first on sys.path."""
    with zipfile.ZipFile(root / "app.zip", "w") as archive:
        for name, text in SHOP.items():
            archive.writestr(name, text)
    monkeypatch.syspath_prepend(str(root / "app.zip"))


def test_the_file_of_a_package_in_a_zip(importable, monkeypatch):
    zip_shop(importable, monkeypatch)
    shop = importlib.import_module("shop")
    assert Path(shop.__file__).relative_to(importable).parts == __


def test_files_reads_inside_a_zip(importable, monkeypatch):
    zip_shop(importable, monkeypatch)
    assert read_data("shop", "prices.csv") == "apple,3\n"
    assert read_data("shop.cart", "sizes.csv") == "small,1\n"
