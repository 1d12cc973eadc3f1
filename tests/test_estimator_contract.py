"""The course's estimators keep scikit-learn's contract (course_lib._estimator), so scikit-learn's
own tools run them: clone, cross_val_score, cross_val_predict, GridSearchCV and a Pipeline, on Iris.

scikit-learn is imported here, by the tests; course_lib itself imports it only when scikit-learn
asks an estimator for its tags (tests/test_environment_files.py guards ``import course_lib``).
"""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from sklearn.base import clone, is_classifier
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.utils import get_tags

from course_lib._estimator import Estimator, NotFittedError
from course_lib.datasets import load_iris
from course_lib.gradient_descent import AdalineGD
from course_lib.mlp import MLPClassifier
from course_lib.perceptron import Perceptron
from course_lib.preprocessing import MinMaxScaler, StandardScaler

ESTIMATORS = [Perceptron, AdalineGD, StandardScaler, MinMaxScaler, MLPClassifier]
CV = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)


@pytest.fixture(scope="module")
def iris():
    table = load_iris()
    return table.iloc[:, :4].to_numpy(), table["species"].to_numpy()


@pytest.fixture(scope="module")
def iris_two(iris):
    """Setosa (-1) against versicolor (+1), the lessons' perceptron data with all four features."""
    X, species = iris
    keep = species != "virginica"
    return X[keep], np.where(species[keep] == "setosa", -1, 1)


@pytest.mark.parametrize("cls", ESTIMATORS)
def test_every_estimator_shares_the_one_contract(cls):
    assert issubclass(cls, Estimator)
    for method in ("get_params", "set_params", "__repr__", "__sklearn_tags__"):
        assert method not in vars(cls), f"{cls.__name__} repeats {method}: it belongs to course_lib._estimator"


@pytest.mark.parametrize("cls", ESTIMATORS)
def test_get_params_lists_the_init_settings_and_set_params_changes_them(cls):
    model = cls()
    params = model.get_params()
    assert list(params) == list(cls.__init__.__code__.co_varnames[1:cls.__init__.__code__.co_argcount
                                                                     + cls.__init__.__code__.co_kwonlyargcount]) \
        if cls.__init__ is not object.__init__ else params == {}
    for name, value in params.items():
        assert getattr(model, name) is value
    if params:
        name = next(iter(params))
        assert model.set_params(**{name: 7}) is model and getattr(model, name) == 7


def test_repr_shows_only_the_changed_settings_in_signature_order():
    assert repr(Perceptron()) == "Perceptron()"
    assert repr(Perceptron(n_epochs=20, learning_rate=0.5)) == "Perceptron(learning_rate=0.5, n_epochs=20)"
    assert repr(MLPClassifier((8,), learning_rate=0.1, alpha=1e-3)) == "MLPClassifier(hidden_layer_sizes=(8,), alpha=0.001)"
    assert repr(MLPClassifier(n_epochs=200.0)) == "MLPClassifier(n_epochs=200.0)"  # a float where an int goes shows
    assert repr(StandardScaler()) == "StandardScaler()"


def test_a_misspelt_setting_is_named_with_the_right_spelling():
    with pytest.raises(ValueError, match=r"learning_rat is not a setting of MLPClassifier.*Did you mean 'learning_rate'"):
        MLPClassifier().set_params(learning_rat=0.5)
    with pytest.raises(ValueError, match="StandardScaler; its settings are none"):
        StandardScaler().set_params(with_mean=False)


def test_set_params_reaches_inside_a_pipeline():
    pipe = make_pipeline(StandardScaler(), Perceptron())
    pipe.set_params(perceptron__n_epochs=3)
    assert pipe.get_params()["perceptron__n_epochs"] == 3


@pytest.mark.parametrize("cls", [Perceptron, AdalineGD, MLPClassifier])
def test_predicting_before_fit_is_recognisably_not_fitted(cls):
    with pytest.raises(NotFittedError, match=f"This {cls.__name__} is not fitted yet: call fit") as caught:
        cls().predict([[1.0, 2.0]])
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, AttributeError)


@pytest.mark.parametrize("cls", [StandardScaler, MinMaxScaler])
def test_transforming_before_fit_is_recognisably_not_fitted(cls):
    with pytest.raises(NotFittedError, match=r"call fit\(X_train\) first"):
        cls().transform([[1.0, 2.0]])


def test_the_tags_say_what_each_estimator_is():
    assert is_classifier(MLPClassifier()) and is_classifier(Perceptron()) and is_classifier(AdalineGD())
    assert get_tags(MLPClassifier()).classifier_tags.multi_class
    assert not get_tags(Perceptron()).classifier_tags.multi_class  # two classes only
    assert get_tags(StandardScaler()).transformer_tags is not None and not is_classifier(StandardScaler())


@pytest.mark.parametrize("cls", ESTIMATORS)
def test_clone_gives_an_unfitted_copy_with_the_same_settings(cls, iris_two):
    model = cls().fit(*iris_two)
    copy = clone(model)
    assert type(copy) is cls and copy.get_params() == model.get_params()
    assert not hasattr(copy, "n_features_in_")
    assert type(pickle.loads(pickle.dumps(model))) is cls


def test_cross_val_score_runs_the_course_perceptron_and_adaline(iris_two):
    perceptron = cross_val_score(Perceptron(n_epochs=10), *iris_two, cv=CV)
    adaline = cross_val_score(make_pipeline(StandardScaler(), AdalineGD(learning_rate=0.001)), *iris_two, cv=CV)
    assert perceptron.shape == adaline.shape == (5,)
    assert perceptron.min() == 1.0 and adaline.min() == 1.0  # setosa is linearly separable from versicolor


def test_cross_val_score_and_predict_run_a_pipeline_of_course_estimators_on_three_species(iris):
    pipe = make_pipeline(StandardScaler(), MLPClassifier((8,), learning_rate=0.5, n_epochs=100))
    scores = cross_val_score(pipe, *iris, cv=CV)
    predicted = cross_val_predict(pipe, *iris, cv=CV)
    assert scores.shape == (5,) and scores.mean() > 0.9
    assert set(predicted) == {"setosa", "versicolor", "virginica"}
    assert np.mean(predicted == iris[1]) > 0.9


def test_grid_search_picks_a_learning_rate_for_the_course_mlp(iris):
    pipe = make_pipeline(MinMaxScaler(), MLPClassifier((8,), n_epochs=100))
    search = GridSearchCV(pipe, {"mlpclassifier__learning_rate": [0.01, 1.0]}, cv=CV).fit(*iris)
    assert search.best_params_ == {"mlpclassifier__learning_rate": 1.0}  # 100 epochs at 0.01 barely move
    assert search.best_estimator_.score(*iris) > 0.9


def test_a_course_scaler_works_in_front_of_a_scikit_learn_model(iris):
    from sklearn.linear_model import LogisticRegression

    assert cross_val_score(make_pipeline(StandardScaler(), LogisticRegression()), *iris, cv=CV).mean() > 0.9
