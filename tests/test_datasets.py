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


def test_a_missing_file_in_another_folder_says_to_copy_it_there_not_to_use_git(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"is missing\. Copy the course's own data/iris\.csv into .*or leave data_dir out"):
        datasets.load_iris(data_dir=tmp_path)


def test_a_missing_file_in_the_course_folder_says_how_to_restore_it_with_git(monkeypatch, tmp_path):
    monkeypatch.setattr(datasets, "DATA_DIR", tmp_path)
    with pytest.raises(FileNotFoundError, match=r"is missing\. Restore it: in the course folder run `git checkout -- data/iris\.csv`"):
        datasets.load_iris()


def test_a_crlf_copy_of_iris_as_on_a_windows_checkout_loads_and_equals_the_original(tmp_path):
    raw = (ROOT / "data" / "iris.csv").read_bytes()
    assert b"\r\n" not in raw  # the repository copy is LF (and .gitattributes keeps it so)
    (tmp_path / "iris.csv").write_bytes(raw.replace(b"\n", b"\r\n"))
    assert hashlib.sha256((tmp_path / "iris.csv").read_bytes()).hexdigest() != datasets.CHECKSUMS["iris.csv"]
    assert datasets.data_path("iris.csv", tmp_path) == tmp_path / "iris.csv"
    assert datasets.load_iris(data_dir=tmp_path).equals(datasets.load_iris())


def test_a_crlf_copy_with_a_changed_value_is_still_refused_and_mentions_line_endings(tmp_path):
    raw = (ROOT / "data" / "iris.csv").read_bytes().replace(b"5.1,3.5", b"5.2,3.5", 1)
    (tmp_path / "iris.csv").write_bytes(raw.replace(b"\n", b"\r\n"))
    with pytest.raises(ValueError, match=r"has been changed: .*also with its line endings turned from CRLF to LF.*"
                                         r"Save a copy first .* copy the course's own data/iris\.csv"):
        datasets.load_iris(data_dir=tmp_path)


def test_gitattributes_keeps_the_data_files_byte_exact_on_every_system():
    import subprocess

    out = subprocess.run(["git", "check-attr", "text", "data/iris.csv"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("not a git checkout")
    assert out.stdout.strip() == "data/iris.csv: text: unset"


def test_data_dir_given_the_csv_file_itself_names_the_folder_to_pass_instead():
    with pytest.raises(ValueError, match=r"data_dir must be the folder that holds iris\.csv, not a file; got .*iris\.csv\. "
                                         r"Pass its folder: data_dir='.*data'"):
        datasets.load_iris(data_dir=ROOT / "data" / "iris.csv")


def test_data_dir_that_does_not_exist_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"data_dir must be an existing folder; got .*nowhere, which does not exist"):
        datasets.load_iris(data_dir=tmp_path / "nowhere")


@pytest.mark.parametrize("data_dir", [123, b"data", ["data"], ""])
def test_data_dir_that_is_not_a_path_gets_our_type_error(data_dir):
    with pytest.raises(TypeError, match=r"data_dir must be a path \(a str such as 'data' or a pathlib\.Path\); got "):
        datasets.load_iris(data_dir=data_dir)


def test_data_dir_as_a_string_works():
    assert datasets.load_iris(data_dir=str(ROOT / "data")).shape == (150, 5)


def test_data_path_given_a_list_asks_for_the_name_without_brackets():
    with pytest.raises(TypeError, match=r"name must be one name such as 'iris\.csv'; got a list of names \['iris\.csv'\]\. "
                                        r"Pass the name itself, without brackets"):
        datasets.data_path(["iris.csv"])


def test_data_path_matches_names_case_insensitively_and_suggests_close_ones():
    assert datasets.data_path("Iris.CSV").name == "iris.csv"
    with pytest.raises(ValueError, match=r"name must be one of digits\.csv, iris\.csv; got 'iris\.txt'\. Did you mean 'iris\.csv'\?"):
        datasets.data_path("iris.txt")


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
        ({"random_state": -1}, ValueError, r"random_state must be a seed of at least 0; got -1\. Use a seed such as 0"),
        ({"noise": 1e300}, ValueError, r"noise must be at most 1e\+06; got 1e\+300"),
        ({"noise": float("inf")}, ValueError, "noise must be finite"),
        ({"n_samples": 10**12}, ValueError, "n_samples must be at most"),
        ({"n_samples": "many"}, TypeError, r"n_samples must be an integer; got str 'many'\. Write a whole number"),
    ],
)
def test_generators_explain_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        datasets.make_moons(**kwargs)


@pytest.mark.parametrize("make", [datasets.make_moons, datasets.make_xor])
def test_generators_accept_numpy_bools_and_integers_as_the_rest_of_numpy_gives_them(make):
    X, y = make(n_samples=np.int64(8), noise=np.float64(0.1), shuffle=np.bool_(False), random_state=np.int32(3))
    X2, y2 = make(n_samples=8, noise=0.1, shuffle=False, random_state=3)
    assert np.array_equal(X, X2) and np.array_equal(y, y2)


@pytest.mark.parametrize("make", [datasets.make_moons, datasets.make_xor])
def test_generators_with_the_largest_noise_allowed_stay_finite(make):
    X, _ = make(n_samples=50, noise=datasets.MAX_NOISE)
    assert np.isfinite(X).all()


NEW_GENERATORS = [datasets.make_spirals, datasets.make_circles, datasets.make_gaussians]


@pytest.mark.parametrize("make", NEW_GENERATORS)
def test_the_playground_generators_are_seeded_shaped_and_balanced(make):
    X, y = make(n_samples=90, random_state=5)
    X2, y2 = make(n_samples=90, random_state=5)
    assert X.shape == (90, 2) and y.shape == (90,) and np.issubdtype(y.dtype, np.integer)
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    assert not np.array_equal(X, make(n_samples=90, random_state=6)[0])
    counts = np.bincount(y)
    assert counts.max() - counts.min() <= 1
    assert np.isfinite(make(n_samples=20, noise=datasets.MAX_NOISE)[0]).all()


def test_spirals_have_one_arm_per_class_from_the_centre_to_radius_one():
    X, y = datasets.make_spirals(n_samples=100, n_classes=4, noise=0.0, shuffle=False)
    assert sorted(set(y)) == [0, 1, 2, 3]
    radius = np.hypot(X[:, 0], X[:, 1])
    assert radius.min() == 0.0 and radius.max() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="n_samples must be at least n_classes"):
        datasets.make_spirals(n_samples=2, n_classes=3)


def test_circles_put_class_1_inside_and_gaussians_put_the_classes_on_either_side():
    X, y = datasets.make_circles(n_samples=200, noise=0.0, factor=0.3)
    np.testing.assert_allclose(np.hypot(X[:, 0], X[:, 1]), np.where(y == 1, 0.3, 1.0))
    with pytest.raises(ValueError, match="factor must lie strictly between 0 and 1"):
        datasets.make_circles(factor=1.0)
    X, y = datasets.make_gaussians(n_samples=200, noise=0.1, distance=4.0)
    assert np.array_equal(X.sum(axis=1) > 0, y == 1)


def test_the_digits_are_the_1797_images_of_the_uci_test_set_and_match_scikit_learns_copy():
    from sklearn.datasets import load_digits as sklearn_digits

    images, labels = datasets.load_digits()
    reference = sklearn_digits()
    assert images.shape == (1797, 8, 8) and labels.shape == (1797,)
    assert np.array_equal(images, reference.images) and np.array_equal(labels, reference.target)
    assert np.bincount(labels).tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert images.min() == 0 and images.max() == 16
