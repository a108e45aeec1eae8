"""A module can find its package's root from `__file__`: go up while the folder is a package.

`Path(__file__).resolve().parent` is the folder of the module's file. A folder is a regular
package when it holds an `__init__.py`, so the top-level package is the last folder, going up, that
still has one. Code that needs files shipped with its package should start from there, never from
the current directory, which is wherever the user happened to be when they started Python.
"""

from pathlib import Path

import pytest

from pytest_katas import __


def package_root(module_file):
    """Return the folder of the top-level package that contains the file `module_file`.

    `module_file` is a str, as `__file__` is. Start at the file's folder and go up while the folder
    holds an `__init__.py`; return the last folder that did, as a resolved (absolute, symlink-free)
    Path. Raise ValueError when the file's own folder is not a package.
    """
    __


def make_files(root, *names):
    """Create each named (empty) file under root, with its folders."""
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")


def test_a_module_at_the_top_of_a_package(tmp_path):
    make_files(tmp_path, "src/shop/__init__.py", "src/shop/config.py")
    assert package_root(str(tmp_path / "src" / "shop" / "config.py")) == tmp_path / "src" / "shop"


def test_a_module_in_a_subpackage_finds_the_top_package(tmp_path):
    make_files(
        tmp_path, "src/shop/__init__.py", "src/shop/cart/__init__.py", "src/shop/cart/items.py"
    )
    items = tmp_path / "src" / "shop" / "cart" / "items.py"
    assert package_root(str(items)) == tmp_path / "src" / "shop"


def test_a_script_outside_any_package_has_no_root(tmp_path):
    make_files(tmp_path, "src/shop/__init__.py", "src/run.py")
    with pytest.raises(ValueError):
        package_root(str(tmp_path / "src" / "run.py"))


def test_a_path_through_a_symlink_gives_the_real_folder(tmp_path):
    make_files(tmp_path, "src/shop/__init__.py", "src/shop/config.py")
    (tmp_path / "link").symlink_to(tmp_path / "src", target_is_directory=True)
    config = tmp_path / "link" / "shop" / "config.py"
    assert package_root(str(config)) == tmp_path / "src" / "shop"
