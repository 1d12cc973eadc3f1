"""The estimator contract of scikit-learn, written once for every estimator of the course.

scikit-learn's tools (``clone``, ``Pipeline``, ``cross_val_score``, ``GridSearchCV``) work with
any object that keeps this contract, whatever class it comes from:

- ``__init__`` only stores its keyword arguments, each under its own name; ``fit`` checks them
  and returns ``self``; what is learned ends in ``_`` (``w_``, ``classes_``, ``n_features_in_``);
- ``get_params(deep=True)`` returns the settings, read from the ``__init__`` signature, and
  ``set_params(**settings)`` changes them (``"step__name"`` reaches inside a nested estimator);
- ``__sklearn_tags__()`` tells scikit-learn what kind of estimator this is (a classifier, a
  transformer) and what input it takes;
- predicting before ``fit`` raises an error that is both a ``ValueError`` and an
  ``AttributeError``, as scikit-learn's ``NotFittedError`` is (:class:`NotFittedError`).

:class:`Estimator` holds the first three for :class:`~course_lib.perceptron.Perceptron`,
:class:`~course_lib.gradient_descent.AdalineGD`, the scalers of :mod:`course_lib.preprocessing`
and :class:`~course_lib.mlp.MLPClassifier`. scikit-learn is imported only inside
``__sklearn_tags__``, which only scikit-learn calls: ``import course_lib`` never loads it.
"""

from __future__ import annotations

import difflib
import inspect

from course_lib._validation import NotFittedError

__all__ = ["Estimator", "NotFittedError"]


def _same(value, default) -> bool:
    """Whether a setting still has its default: the same object, or an equal value of the same type."""
    if value is default:
        return True
    if type(value) is not type(default):
        return False
    try:
        return bool(value == default)
    except (TypeError, ValueError):  # an array compares elementwise: treat it as changed
        return False


class Estimator:
    """What every course estimator shares: settings by name, a readable repr, scikit-learn's tags.

    A subclass lists its settings as keyword arguments of ``__init__`` and stores each
    unchanged under its own name; it says what it is with ``_kind`` (``"classifier"`` or
    ``"transformer"``) and, for a classifier of two classes only, ``_binary_only = True``.

    >>> class Model(Estimator):
    ...     def __init__(self, learning_rate=0.1, n_epochs=10):
    ...         self.learning_rate, self.n_epochs = learning_rate, n_epochs
    >>> model = Model(n_epochs=50)
    >>> model, model.get_params()
    (Model(n_epochs=50), {'learning_rate': 0.1, 'n_epochs': 50})
    >>> model.set_params(learning_rate=0.5)
    Model(learning_rate=0.5, n_epochs=50)
    >>> model.set_params(learning_rat=0.5)
    Traceback (most recent call last):
    ...
    ValueError: learning_rat is not a setting of Model; its settings are learning_rate, n_epochs. Did you mean 'learning_rate'?
    """

    _kind: str | None = None        # "classifier" or "transformer": scikit-learn's tags follow from it
    _binary_only: bool = False      # a classifier that separates two classes only

    @classmethod
    def _setting_names(cls) -> list[str]:
        """The names of the settings, in the order of the ``__init__`` signature."""
        if cls.__init__ is object.__init__:
            return []
        parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]  # without self
        for p in parameters:
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                raise TypeError(f"{cls.__name__}.__init__ must list every setting by name; it has *{p.name}.")
        return [p.name for p in parameters]

    def get_params(self, deep=True) -> dict:
        """The settings as a dict ``{name: value}``; with ``deep``, also ``"name__inner"`` for a nested estimator."""
        params = {}
        for name in self._setting_names():
            value = getattr(self, name)
            if deep and hasattr(value, "get_params") and not isinstance(value, type):
                params.update((f"{name}__{key}", inner) for key, inner in value.get_params().items())
            params[name] = value
        return params

    def set_params(self, **params):
        """Change settings by name, ``set_params(learning_rate=0.5)``; return ``self``.

        As in ``__init__``, nothing is checked here: ``fit`` checks the settings.
        """
        names = self._setting_names()
        nested = {}
        for key, value in params.items():
            name, nest, inner = key.partition("__")
            if name not in names:
                close = difflib.get_close_matches(name, names, n=1)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                settings = ", ".join(names) if names else "none (it has no settings)"
                raise ValueError(f"{name} is not a setting of {type(self).__name__}; its settings are "
                                 f"{settings}.{hint}")
            if nest:
                nested.setdefault(name, {})[inner] = value
            else:
                setattr(self, name, value)
        for name, inner in nested.items():
            getattr(self, name).set_params(**inner)
        return self

    def __repr__(self) -> str:
        """The class and the settings that differ from their defaults, e.g. ``Perceptron(n_epochs=20)``."""
        defaults = {name: p.default for name, p in inspect.signature(type(self)).parameters.items()}
        changed = [f"{name}={getattr(self, name)!r}" for name in self._setting_names()
                   if not _same(getattr(self, name), defaults[name])]
        return f"{type(self).__name__}({', '.join(changed)})"

    def __sklearn_tags__(self):
        """scikit-learn's description of this estimator; scikit-learn calls it, and only then is it imported."""
        from sklearn.utils import ClassifierTags, InputTags, Tags, TargetTags, TransformerTags

        tags = Tags(estimator_type=None, target_tags=TargetTags(required=False), input_tags=InputTags())
        if self._kind == "classifier":
            tags.estimator_type = "classifier"
            tags.classifier_tags = ClassifierTags(multi_class=not self._binary_only)
            tags.target_tags.required = True
        elif self._kind == "transformer":
            tags.transformer_tags = TransformerTags(preserves_dtype=["float64"])
        return tags
