"""Under `python -m` the module is called `__main__`, but its `__spec__` keeps its real name.

`python -m package_a.module_a` imports `package_a`, then runs `module_a` under the name
`'__main__'` so that `if __name__ == "__main__":` works; `__spec__.name` still says
`'package_a.module_a'`. A script has no import behind it, so its `__spec__` is `None`. The module
is registered in `sys.modules` only as `'__main__'`: a later `import package_a.module_a` would not
find it there and would run the file a second time, as a different module object.
"""

import json
import os
import subprocess
import sys

from pytest_katas import __

MODULE_A = """\
import json
import sys

print(json.dumps({
    "__name__": __name__,
    "__spec__.name": None if __spec__ is None else __spec__.name,
    "package_a modules loaded": sorted(m for m in sys.modules if m.startswith("package_a")),
}))
"""


def make_project(tmp_path):
    """project/package_a/__init__.py (empty) and project/package_a/module_a.py."""
    project = tmp_path / "project"
    (project / "package_a").mkdir(parents=True)
    (project / "package_a" / "__init__.py").write_text("")
    (project / "package_a" / "module_a.py").write_text(MODULE_A)
    return project


def run(project, *args):
    """Run `python *args` inside project/ and return what module_a reports."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    result = subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_a_script_has_no_spec(tmp_path):
    seen = run(make_project(tmp_path), "package_a/module_a.py")
    assert seen["__spec__.name"] == __


def test_under_python_m_the_spec_has_the_real_name(tmp_path):
    seen = run(make_project(tmp_path), "-m", "package_a.module_a")
    assert seen["__spec__.name"] == __


def test_under_python_m_the_name_is_still_main(tmp_path):
    seen = run(make_project(tmp_path), "-m", "package_a.module_a")
    assert seen["__name__"] == __


def test_under_python_m_only_the_package_is_in_sys_modules(tmp_path):
    seen = run(make_project(tmp_path), "-m", "package_a.module_a")
    assert seen["package_a modules loaded"] == __
