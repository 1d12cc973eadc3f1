"""The bundled and generated data: intact, documented, deterministic, with clear errors."""

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from course_lib import datasets

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL = ROOT.parent / "shared" / "data" / "iris.data"


def test_iris_has_150_flowers_50_per_species_and_readable_columns():
    iris = datasets.load_iris()
    assert list(iris.columns) == datasets.IRIS_FEATURES + ["species"]
    assert iris["species"].value_counts().to_dict() == {s: 50 for s in datasets.IRIS_SPECIES}
    assert iris[datasets.IRIS_FEATURES].dtypes.eq(float).all()


def test_iris_keeps_the_uci_errata_in_rows_35_and_38():
    iris = datasets.load_iris()
    assert iris.loc[34, datasets.IRIS_FEATURES].tolist() == [4.9, 3.1, 1.5, 0.1]  # Fisher: petal width 0.2
    assert iris.loc[37, datasets.IRIS_FEATURES].tolist() == [4.9, 3.1, 1.5, 0.1]  # Fisher: 4.9, 3.6, 1.4, 0.1


@pytest.mark.skipif(not ORIGINAL.exists(), reason="the original UCI file lives in ../shared/ beside the course's authors' checkout")
def test_iris_csv_holds_exactly_the_measurements_of_the_uci_file():
    rows = [line.split(",") for line in ORIGINAL.read_text().splitlines() if line]
    iris = datasets.load_iris()
    assert iris[datasets.IRIS_FEATURES].to_numpy().tolist() == [[float(v) for v in r[:4]] for r in rows]
    assert iris["species"].tolist() == [r[4].removeprefix("Iris-") for r in rows]


def test_data_readme_lists_the_checksum_the_loader_verifies():
    readme = (ROOT / "data" / "README.md").read_text()
    for name, digest in datasets.CHECKSUMS.items():
        assert re.search(rf"`{re.escape(name)}` \| `{digest}`", readme)
        assert hashlib.sha256((ROOT / "data" / name).read_bytes()).hexdigest() == digest
    assert "CC BY 4.0" in readme


def test_a_missing_data_file_says_how_to_restore_it(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"git checkout -- data/iris.csv"):
        datasets.load_iris(data_dir=tmp_path)


def test_an_altered_data_file_is_refused_with_an_explanation(tmp_path):
    shutil.copy(ROOT / "data" / "iris.csv", tmp_path / "iris.csv")
    with open(tmp_path / "iris.csv", "a") as handle:
        handle.write("5.0,3.0,1.0,0.1,setosa\n")
    with pytest.raises(ValueError, match=r"has been changed: its SHA-256 is"):
        datasets.load_iris(data_dir=tmp_path)


@pytest.mark.parametrize("make", [datasets.make_moons, datasets.make_xor])
def test_generators_are_deterministic_for_a_seed_and_differ_across_seeds(make):
    X1, y1 = make(n_samples=40, random_state=3)
    X2, y2 = make(n_samples=40, random_state=3)
    X3, _ = make(n_samples=40, random_state=4)
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2)
    assert not np.array_equal(X1, X3)
    assert X1.shape == (40, 2) and y1.shape == (40,) and set(y1) == {0, 1}


@pytest.mark.parametrize("make", [datasets.make_moons, datasets.make_xor])
def test_generators_balance_the_two_classes(make):
    _, y = make(n_samples=101, random_state=0)
    assert abs(int(y.sum()) - (101 - int(y.sum()))) <= 1


def test_noiseless_moons_lie_on_their_arcs():
    X, y = datasets.make_moons(n_samples=50, noise=0.0)
    upper, lower = X[y == 0], X[y == 1]
    assert np.allclose(np.hypot(upper[:, 0], upper[:, 1]), 1.0)
    assert np.allclose(np.hypot(lower[:, 0] - 1.0, lower[:, 1] - 0.5), 1.0)


def test_xor_labels_follow_the_nearest_corner():
    X, y = datasets.make_xor(n_samples=400, noise=0.1, random_state=1)
    nearest = np.argmin(((X[:, None, :] - datasets.XOR_CORNERS) ** 2).sum(axis=2), axis=1)
    assert (datasets.XOR_LABELS[nearest] == y).mean() > 0.95


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"n_samples": 0}, ValueError, "n_samples must be at least"),
        ({"n_samples": 10.5}, TypeError, "n_samples must be an integer"),
        ({"noise": -0.1}, ValueError, "noise must be at least 0"),
        ({"random_state": None}, TypeError, "random_state must be an integer seed"),
        ({"shuffle": "yes"}, TypeError, "shuffle must be True or False"),
    ],
)
def test_generators_explain_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        datasets.make_moons(**kwargs)
