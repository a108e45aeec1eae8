"""`import` searches the folders on `sys.path`, and runs a module once per name in `sys.modules`.

`import greeting` first looks in `sys.modules`, the cache of every module imported so far. Only on
a miss does it search the folders of `sys.path` in order, run the module's file and store the new
module in the cache. So a second `import` of the same module runs nothing and binds whatever the
cache holds under that name (normally the same module object, but the cache is an ordinary dict that
anyone can write to), and removing the module from `sys.modules` makes the next import run its body
again.
Each step runs a `main.py` in a fresh Python; `greeting.py` sits in a `libs` folder beside it.
"""

import os
import subprocess
import sys

from pytest_katas import __

GREETING = 'print("running greeting.py")\nWORD = "hello"\n'

PRELUDE = """\
import os
import sys

LIBS = os.path.join(os.path.dirname(__file__), "libs")
"""


def run_main(root, source):
    """Write libs/greeting.py and main.py (the PRELUDE, then `source`), run main.py, return its
    output lines."""
    (root / "libs").mkdir()
    (root / "libs" / "greeting.py").write_text(GREETING)
    (root / "main.py").write_text(PRELUDE + source)
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTHON", "COVERAGE_"))
    }
    done = subprocess.run(
        [sys.executable, "main.py"], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_before_and_after_appending_a_folder_to_sys_path(tmp_path):
    source = """\
try:
    import greeting
except ImportError as error:
    print(type(error).__name__)
sys.path.append(LIBS)
import greeting
print(greeting.WORD)
"""
    assert run_main(tmp_path, source) == __


def test_importing_the_same_name_again_and_again(tmp_path):
    source = """\
sys.path.append(LIBS)
import greeting
import greeting
sys.modules["greeting"] = "what the cache holds"
import greeting
print(greeting)
del sys.modules["greeting"]
import greeting
print(greeting.WORD)
"""
    assert run_main(tmp_path, source) == __
