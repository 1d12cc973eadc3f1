"""pyproject.toml, environment.yml and constraints.txt describe the same environment."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _bounds(lines):
    """{package: lowest version} from requirement strings such as 'numpy>=2.4'."""
    pairs = (re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*>=\s*([\d.]+)", line.strip()) for line in lines)
    return {m.group(1).lower(): m.group(2) for m in pairs if m}


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_environment_yml_lists_the_same_packages_and_bounds_as_pyproject():
    conda = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    conda_bounds = _bounds(d for d in conda if isinstance(d, str))
    python = conda_bounds.pop("python")
    assert conda_bounds == _bounds(_pyproject()["dependencies"])
    assert _pyproject()["requires-python"] == f">={python}"


def test_every_dependency_has_only_a_lower_bound_in_pyproject():
    dependencies = _pyproject()["dependencies"]
    assert len(_bounds(dependencies)) == len(dependencies), dependencies


def test_constraints_pin_every_dependency_at_or_above_its_lower_bound():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    for package, lowest in _bounds(_pyproject()["dependencies"]).items():
        assert package in pins, f"{package} is not pinned in constraints.txt: run `python3 course.py lock`"
        version = tuple(int(p) for p in re.findall(r"\d+", pins[package])[:3])
        assert version >= tuple(int(p) for p in lowest.split(".")), (package, pins[package], lowest)


def test_importing_every_course_lib_module_never_imports_scikit_learn():
    # scikit-learn is for the bridge cells and the benchmarks; the course's own code never needs it.
    import subprocess
    import sys
    code = ("import pkgutil, importlib, sys, course_lib\n"
            "for m in pkgutil.walk_packages(course_lib.__path__, 'course_lib.'): importlib.import_module(m.name)\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] in ('sklearn', 'scipy')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
