"""`pyvenv.cfg` is what makes a folder a venv: its python reads that file at every start.

When a python starts, it looks for `pyvenv.cfg` beside its executable or one folder up. If it
finds one, it is a venv's python: `home` says where the base interpreter lives (to find the
standard library) and `include-system-site-packages` says whether the base installation's
site-packages join `sys.path` too, after the venv's own, so that the venv's packages win (by
default, `false`, they do not). 3.10 writes three keys (`home`, `include-system-site-packages`,
`version`); 3.11 added `executable` (the base python) and `command` (how to recreate the venv).
The venv's `python` is the base interpreter's own program: on POSIX, `python -m venv` makes it
a symlink to the base interpreter, while `venv.create()` and `python -m venv --copies` copy it
(`venv.create(DIR, symlinks=True)` links, as the command line does). Take `pyvenv.cfg` away from
a symlinked one and it starts as the plain base python again.
"""

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

from pytest_katas import __


def clean_env():
    """The current environment without the learner's PYTHON* variables."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}


def make_venv(env_dir):
    """Make a venv without pip with this python, in-process, as `python -m venv --without-pip
    env_dir` would: its python is a symlink on POSIX, a copy on Windows."""
    venv.create(env_dir, with_pip=False, symlinks=os.name != "nt")


def venv_python(env_dir):
    """The venv's own interpreter."""
    if sys.platform == "win32":
        return env_dir / "Scripts" / "python.exe"
    return env_dir / "bin" / "python"


def run(python, code):
    """Run `code` with `python` and return what it prints, without the final newline."""
    result = subprocess.run(
        [python, "-c", code], env=clean_env(), capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def read_cfg(env_dir):
    """pyvenv.cfg as a dict: one `key = value` per line."""
    text = (env_dir / "pyvenv.cfg").read_text()
    return dict(line.split(" = ", 1) for line in text.splitlines() if " = " in line)


PREFIXES = "import json, sys; print(json.dumps([sys.prefix, sys.base_prefix]))"


def prefixes(python, env_dir):
    """[sys.prefix, sys.base_prefix] as `python` reports them, each shown as "myenv" when it is
    env_dir, "base" when it is this python's sys.base_prefix (the base installation)."""
    names = {Path(env_dir): "myenv", Path(sys.base_prefix): "base"}
    return [names.get(Path(path), path) for path in json.loads(run(python, PREFIXES))]


# Which installations the site-packages folders on sys.path belong to, in sys.path order:
# "venv" for sys.prefix (the venv), "base" for sys.base_prefix (the base installation).
WHOSE_SITE_PACKAGES = """\
import json, sys
whose = []
for entry in sys.path:
    if entry.endswith("-packages"):
        if entry.startswith(sys.prefix):
            owner = "venv"
        elif entry.startswith(sys.base_prefix):
            owner = "base"
        else:
            continue
        if owner not in whose:
            whose.append(owner)
print(json.dumps(whose))
"""


def test_the_keys_it_holds(tmp_path):
    make_venv(tmp_path / "myenv")
    keys = sorted(read_cfg(tmp_path / "myenv"))
    assert keys == (__ if sys.version_info >= (3, 11) else __)


def test_whose_site_packages_by_default_and_after_switching_the_flag_on(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    whose = [json.loads(run(venv_python(env_dir), WHOSE_SITE_PACKAGES))]
    cfg_file = env_dir / "pyvenv.cfg"
    cfg_file.write_text(cfg_file.read_text().replace("= false", "= true"))
    whose.append(json.loads(run(venv_python(env_dir), WHOSE_SITE_PACKAGES)))
    assert whose == __


def test_the_prefixes_with_it_and_without_it(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    seen = [prefixes(venv_python(env_dir), env_dir)]
    (env_dir / "pyvenv.cfg").unlink()
    seen.append(prefixes(venv_python(env_dir), env_dir))
    assert seen == __
