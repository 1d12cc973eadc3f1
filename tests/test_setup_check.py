"""Lesson 00's environment check reports what it checked and explains what is wrong."""

from course_lib import setup_check


def test_the_course_installed_here_is_reported_ready(capsys):
    setup_check.check_setup()
    out = capsys.readouterr().out
    assert "✔ Everything the course needs is here" in out and "data/iris.csv present and intact" in out


def test_requirements_come_from_the_installed_project_metadata():
    assert ("numpy", "2.4") in setup_check.requirements()
    assert {name for name, _ in setup_check.requirements()} >= {"jupyterlab", "ipywidgets", "pandas", "matplotlib"}


def test_an_old_package_is_named_with_the_fix(monkeypatch, capsys):
    monkeypatch.setattr(setup_check.metadata, "version", lambda name: "1.0")
    setup_check.check_setup()
    out = capsys.readouterr().out
    assert "✘ Something needs fixing" in out and "numpy 1.0 is older than 2.4" in out and "course.py open" in out


def test_a_missing_package_is_named_with_the_fix(monkeypatch, capsys):
    def missing(name):
        raise setup_check.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(setup_check.metadata, "version", missing)
    setup_check.check_setup()
    assert "numpy is missing. Run `python3 course.py open`" in capsys.readouterr().out


def test_a_damaged_data_file_is_reported(monkeypatch, capsys):
    monkeypatch.setitem(setup_check.datasets.CHECKSUMS, "iris.csv", "0" * 64)
    setup_check.check_setup()
    assert "has been changed" in capsys.readouterr().out


def test_version_parts_compare_numerically():
    assert setup_check._version_tuple("3.11.2") > setup_check._version_tuple("3.9")
    assert setup_check._version_tuple("2.4.0rc1") == (2, 4, 0)
