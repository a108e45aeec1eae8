"""`__name__` is `'__main__'` in the file Python runs, and the module's dotted name when imported.

That is what the main guard `if __name__ == "__main__":` relies on: its block runs when the file is
the program, and is skipped when the same file is imported, because `__name__` is then the package
path plus the file name without `.py` (here `'shop.cart'`). Each step runs a fresh Python in a
temporary folder that holds a package `shop` with a module `cart.py`.
"""

import os
import subprocess
import sys

from pytest_katas import __

CART = """\
print(__name__)
if __name__ == "__main__":
    print("main guard ran")
"""


def make_shop(root):
    """Create root/shop/__init__.py and root/shop/cart.py."""
    (root / "shop").mkdir()
    (root / "shop" / "__init__.py").write_text("")
    (root / "shop" / "cart.py").write_text(CART)


def run_python(cwd, *args):
    """Run this Python with `args` in `cwd`, without your PYTHON* variables; return stdout lines."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTHON", "COVERAGE_"))
    }
    done = subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_the_name_of_the_file_python_runs(tmp_path):
    make_shop(tmp_path)
    assert run_python(tmp_path, "shop/cart.py") == ["__main__", "main guard ran"]


def test_the_name_of_an_imported_module(tmp_path):
    make_shop(tmp_path)
    assert run_python(tmp_path, "-c", "import shop.cart") == ["shop.cart"]


def test_the_names_in_a_program_that_imports_a_module(tmp_path):
    make_shop(tmp_path)
    (tmp_path / "main.py").write_text("import shop.cart\nprint(__name__)\n")
    assert run_python(tmp_path, "main.py") == ["shop.cart", "__main__"]
