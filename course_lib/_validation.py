"""Input checks shared by every module of ``course_lib``.

Each helper either returns a clean value or raises a ``TypeError`` (wrong kind
of value) or ``ValueError`` (right kind, wrong value) whose message names the
parameter, says what was expected, what arrived and how to fix it:
"``<name>`` must be …; got …. <how to fix>". A student never meets a numpy
traceback from deep inside, a warning or a NaN.

The helpers, for each kind of input:

- one number: :func:`as_real` (finite, optionally bounded or positive);
- an integer or a count: :func:`as_int`, :func:`as_positive_int`;
- numbers of any shape: :func:`as_float_array` (``finite=True`` refuses ±inf),
  :func:`as_finite_array` (of a given number of dimensions), :func:`as_vector`,
  :func:`as_matrix` (with a reshape hint);
- a seed: :func:`as_generator` (an integer >= 0, or a numpy ``Generator``);
- a bool: :func:`as_bool` (numpy's ``np.True_`` and ``np.False_`` count);
- a name from a registry: :func:`as_choice` (case-insensitive, a list refused clearly);
- a range: :func:`as_interval`; an axes: :func:`as_axes`; a path: :func:`as_path`;
- a function the student passed in: :func:`call_user_function` calls it so that its
  failure, or a result that is None, of the wrong shape, not numbers, or not finite
  where the input was, becomes a message naming the parameter.
- class labels: :func:`as_class_labels` (any two or more, numbers or text; a column or a
  continuous ``y`` refused), :func:`as_sign_labels` (-1 and +1 only); :func:`label_text` and
  :func:`labels_text` print them as written, never as ``np.float64(1.0)``;
- samples to learn from: :func:`as_samples` (at least one sample and one feature);
- an overflow: :func:`in_float_range`, :func:`product_plus_bias`, whose messages show the values
  got (:func:`largest`, :func:`sizes_text`);
- an estimator used before ``fit``: :func:`require_fitted` raises :class:`NotFittedError`
  (a ``ValueError`` and an ``AttributeError``, as scikit-learn's is); :func:`check_fitted`
  also checks the number of features of ``X``.
"""

from __future__ import annotations

import difflib
import numbers
import os
import warnings
from pathlib import Path

import numpy as np

LARGEST = np.finfo(float).max


def _describe(value) -> str:
    """A short description of ``value`` for error messages: its type and value, or an array's shape."""
    if isinstance(value, np.generic):  # np.float64(2.0) shows as float64 2.0, as a student wrote it
        return f"{type(value).__name__} {value.item()!r}"[:120]
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        return f"a {type(value).__name__} of names {value!r}"[:120]
    return f"{type(value).__name__} {value!r}"[:120]


def _index(array: np.ndarray, mask: np.ndarray):
    """The first index where ``mask`` holds, as ``(i,)`` or ``(i, j)``; ``()`` for a 0-d array."""
    return tuple(int(i) for i in np.argwhere(mask)[0]) if array.ndim else ()


def _where(name: str, index: tuple) -> str:
    return f"{name}[{', '.join(map(str, index))}]" if index else name


def _is_number(value) -> bool:
    return isinstance(value, (numbers.Real, np.bool_)) and not isinstance(value, (str, bytes))


def _first_non_number(value, array: np.ndarray, name: str) -> str:
    """Where the first entry that is not a number sits, naming the column of a table."""
    columns = getattr(value, "columns", None)
    if columns is not None and hasattr(value, "dtypes"):  # a pandas DataFrame: name the column
        for column in columns:
            sample = next((v for v in value[column] if not _is_number(v)), None)
            if sample is not None:
                return (f"column {column!r} holds {type(sample).__name__} values such as {sample!r}. "
                        f"Drop it ({name} = table.drop(columns={column!r})) or encode it as numbers")
    text_number = None
    for index in np.ndindex(array.shape):
        entry = array[index]
        if isinstance(entry, str) and _parses(entry):  # numpy turns [1.5, "a"] into text throughout
            text_number = text_number or (index, entry)
            continue
        if not _is_number(entry):
            where = f"column {index[1]} ({_where(name, index)})" if array.ndim == 2 else _where(name, index)
            entry = str(entry) if isinstance(entry, str) else entry  # np.str_('a') -> 'a'
            return (f"{where} is {type(entry).__name__} {entry!r}"[:160]
                    + ". Every entry must be a number: convert, replace or drop that one")
    if text_number:
        return (f"{_where(name, text_number[0])} is the text {str(text_number[1])!r}. "
                f"Write numbers without quotes, or convert with np.asarray({name}, dtype=float)")
    return f"got {_describe(array)}"


def as_float_array(value, name: str, *, allow_nan: bool = False, finite: bool = False, ndim: int | None = None) -> np.ndarray:
    """Return ``value`` as a new float ndarray (a scalar becomes a 0-d array).

    ``finite=True`` also refuses ±inf; ``ndim`` fixes the number of dimensions.

    >>> as_float_array([1, 2], "x")
    array([1., 2.])
    >>> as_float_array([[5.1, "setosa"]], "X")
    Traceback (most recent call last):
    ...
    TypeError: X must contain numbers only; column 1 (X[0, 1]) is str 'setosa'. Every entry must be a number: convert, replace or drop that one.
    """
    if value is None or isinstance(value, (str, bytes)):
        hint = " Write numbers without quotes." if isinstance(value, str) else ""
        raise TypeError(f"{name} must be a number or an array of numbers; got {_describe(value)}.{hint}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a generator or a dict becomes an object array: refused below
            array = np.array(value)
    except (ValueError, TypeError) as err:  # ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular array of numbers (every row the same length); got a ragged sequence ({err})."
        ) from None
    if array.dtype == object and array.ndim == 0 and not _is_number(value):
        raise TypeError(f"{name} must be a number or an array of numbers; got {_describe(value)}.")
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        if array.dtype == object and all(_is_number(v) for v in array.flat):
            pass  # e.g. a list mixing Python ints and numpy floats: converted below
        else:
            raise TypeError(f"{name} must contain numbers only; {_first_non_number(value, array, name)}.")
    if np.iscomplexobj(array):
        raise TypeError(f"{name} must be real; got complex values. Keep the real part with np.real({name}).")
    try:
        array = array.astype(float)
    except OverflowError:  # a Python int beyond the float range
        raise ValueError(f"{name} must hold numbers below {LARGEST:.3g}; got an integer too large for a float.") from None
    if not allow_nan and np.isnan(array).any():
        raise ValueError(
            f"{name} must not contain NaN; got NaN at {_where(name, _index(array, np.isnan(array)))}. "
            "Remove or replace missing values before calling this function."
        )
    if finite and np.isinf(array).any():
        index = _index(array, np.isinf(array))
        raise ValueError(
            f"{name} must be finite; got {array[index]} at {_where(name, index)}. "
            "Replace infinite values (np.isinf finds them), or check the computation that produced them."
        )
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D; got {array.ndim}-D, shape {array.shape}.")
    return array


def as_finite_array(value, name: str, *, ndim: int | None = None) -> np.ndarray:
    """Return ``value`` as a float ndarray of finite numbers (no NaN, no ±inf), ``ndim``-D if given.

    >>> as_finite_array([[1, 2]], "X", ndim=2)
    array([[1., 2.]])
    """
    return as_float_array(value, name, finite=True, ndim=ndim)


def as_matrix(value, name: str, *, rows: str = "n_samples", cols: str = "n_features", finite: bool = False) -> np.ndarray:
    """Return ``value`` as a 2-D float array, or explain why it is not one."""
    array = as_float_array(value, name, finite=finite)
    if array.ndim != 2:
        hint = (
            f" Reshape your data: for a single sample use {name}.reshape(1, -1); for a single feature use "
            f"{name}.reshape(-1, 1)."
            if array.ndim == 1
            else ""
        )
        raise ValueError(
            f"{name} must be 2-D with shape ({rows}, {cols}); got shape {array.shape}.{hint}"
        )
    return array


def as_samples(value, name: str = "X") -> np.ndarray:
    """Return ``value`` as a finite 2-D float array with at least one sample and one feature (what ``fit`` learns from).

    >>> as_samples(np.empty((0, 2)))
    Traceback (most recent call last):
    ...
    ValueError: X must hold at least one sample and one feature to learn from; got 0 sample(s) and 2 feature(s) (shape=(0, 2)) while a minimum of 1 is required of each.
    """
    X = as_matrix(value, name, finite=True)
    if X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"{name} must hold at least one sample and one feature to learn from; got {X.shape[0]} "
                         f"sample(s) and {X.shape[1]} feature(s) (shape={X.shape}) while a minimum of 1 is required "
                         "of each.")
    return X


def as_vector(value, name: str, *, length_name: str = "n", finite: bool = False) -> np.ndarray:
    """Return ``value`` as a 1-D float array, or explain why it is not one."""
    array = as_float_array(value, name, finite=finite)
    if array.ndim != 1:
        hint = f" For one sample of a batch use {name}[0]." if array.ndim == 2 else ""
        raise ValueError(f"{name} must be 1-D with shape ({length_name},); got shape {array.shape}.{hint}")
    return array


def check_matching(size_a: int, name_a: str, size_b: int, name_b: str, *, hint: str = "") -> None:
    """Raise ``ValueError`` when two sizes that must agree do not; ``hint`` says how to fix this pair.

    >>> check_matching(3, "the samples of X", 2, "y", hint="Give one target per sample.")
    Traceback (most recent call last):
    ...
    ValueError: the samples of X and y must have matching sizes; got 3 and 2. Give one target per sample.
    """
    if size_a != size_b:
        raise ValueError(f"{name_a} and {name_b} must have matching sizes; got {size_a} and {size_b}." +
                         (f" {hint}" if hint else ""))


def _bounds(value, name, minimum, maximum, positive) -> None:
    if positive and not value > 0:
        raise ValueError(f"{name} must be greater than 0; got {value:g}.")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum:g}; got {value:g}.")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum:g}; got {value:g}.")


def as_int(value, name: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return ``value`` as an ``int``, checking its type and bounds.

    >>> as_int(np.int64(3), "n_samples")
    3
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        hint = ""
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            hint = f" Write {int(value)} without the decimal point."
        elif isinstance(value, str):
            hint = " Write a whole number such as 100, without quotes."
        raise TypeError(f"{name} must be an integer; got {_describe(value)}.{hint}")
    value = int(value)
    _bounds(value, name, minimum, maximum, False)
    return value


def as_positive_int(value, name: str, *, maximum: int | None = None) -> int:
    """Return ``value`` as an ``int`` of at least 1 (a count).

    >>> as_positive_int(0, "n_points")
    Traceback (most recent call last):
    ...
    ValueError: n_points must be at least 1; got 0.
    """
    return as_int(value, name, minimum=1, maximum=maximum)


def as_real(value, name: str, *, minimum: float | None = None, maximum: float | None = None,
            positive: bool = False) -> float:
    """Return ``value`` as a finite ``float``, checking its type and bounds.

    A 0-d array (what :func:`course_lib.activations.sigmoid` returns for a number) counts as a number.

    >>> as_real(np.array(0.5), "b")
    0.5
    >>> as_real("6", "z_max")
    Traceback (most recent call last):
    ...
    TypeError: z_max must be a real number; got str '6'. Write the number without quotes: 6.
    """
    if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype != bool:
        value = value[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        hint = ""
        if isinstance(value, str):
            hint = " Write the number without quotes" + (f": {value.strip()}." if _parses(value) else ".")
        elif isinstance(value, (list, tuple, np.ndarray)):
            hint = " Give one number, not a sequence."
        raise TypeError(f"{name} must be a real number; got {_describe(value)}.{hint}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite; got {value}. Use a finite number such as 1.0.")
    _bounds(value, name, minimum, maximum, positive)
    return value


def _parses(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def as_generator(random_state, name: str = "random_state") -> np.random.Generator:
    """Return a numpy ``Generator`` from an integer seed (>= 0) or an existing generator.

    ``None`` is refused on purpose: the course fixes every seed so that every
    run shows the same numbers and figures.

    >>> as_generator(-1)
    Traceback (most recent call last):
    ...
    ValueError: random_state must be a seed of at least 0; got -1. Use a seed such as 0 or 42.
    """
    if isinstance(random_state, np.random.Generator):
        return random_state
    if isinstance(random_state, bool) or not isinstance(random_state, numbers.Integral):
        raise TypeError(
            f"{name} must be an integer seed (such as 0) or a numpy Generator; got "
            f"{_describe(random_state)}. The course fixes every seed so that every run "
            "shows the same numbers."
        )
    if random_state < 0:
        raise ValueError(f"{name} must be a seed of at least 0; got {random_state}. Use a seed such as 0 or 42.")
    return np.random.default_rng(int(random_state))


def as_bool(value, name: str) -> bool:
    """Return ``value`` as a ``bool``; numpy's ``np.True_`` and ``np.False_`` count.

    >>> as_bool(np.bool_(False), "shuffle")
    False
    """
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise TypeError(f"{name} must be True or False; got {_describe(value)}.")


def as_choice(value, name: str, options, *, example: str | None = None) -> str:
    """Return the option that ``value`` names, matched case-insensitively, with spaces trimmed.

    >>> as_choice(" ReLU", "activation", ["relu", "tanh"])
    'relu'
    >>> as_choice(["relu"], "activation", ["relu", "tanh"])
    Traceback (most recent call last):
    ...
    TypeError: activation must be one name such as 'relu'; got a list of names ['relu']. Pass the name itself, without brackets: 'relu'.
    """
    options = list(options)
    example = example or options[0]
    if not isinstance(value, str):
        hint = ""
        if isinstance(value, (list, tuple)) and len(value) == 1 and isinstance(value[0], str):
            hint = f" Pass the name itself, without brackets: {value[0]!r}."
        elif isinstance(value, (list, tuple, np.ndarray)):
            hint = " Pass a single name."
        raise TypeError(f"{name} must be one name such as {example!r}; got {_describe(value)}.{hint}")
    by_key = {option.lower(): option for option in options}
    key = value.strip().lower()
    if key in by_key:
        return by_key[key]
    close = difflib.get_close_matches(key, list(by_key), n=1)
    hint = f" Did you mean {by_key[close[0]]!r}?" if close else ""
    raise ValueError(f"{name} must be one of {', '.join(options)}; got {value!r}.{hint}")


def as_interval(value, name: str, *, example: str = "(-5, 5)", limit: float | None = None) -> tuple[float, float]:
    """Return ``value`` as a pair of finite reals ``(low, high)`` with ``low < high``.

    The width ``high - low`` must itself be a finite float, and wide enough that
    the points drawn between ``low`` and ``high`` differ; with ``limit``, both ends
    lie within ``[-limit, limit]`` (matplotlib's autoscaling overflows near 1e300).

    >>> as_interval([-3, 3], "extent")
    (-3.0, 3.0)
    """
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise TypeError(f"{name} must be a pair (low, high) such as {example}; got {_describe(value)}.")
    low, high = as_real(value[0], f"{name}[0]"), as_real(value[1], f"{name}[1]")
    if not low < high:
        raise ValueError(f"{name} must satisfy low < high; got {value!r}. Swap the two numbers.")
    if limit is not None and max(abs(low), abs(high)) > limit:
        raise ValueError(f"{name} must lie within ±{limit:g}; got {value!r}. Use a range such as {example}.")
    width = high - low  # Python floats: beyond the range this is inf, without a warning
    if not np.isfinite(width):
        raise ValueError(f"{name} must be narrower than the float range; got {value!r}. Use a range such as {example}.")
    if width < 1e-9 * max(abs(low), abs(high)):
        raise ValueError(
            f"{name} must be wide enough for its points to differ; got {value!r}. Use a range such as {example}."
        )
    return low, high


def as_axes(ax, name: str = "ax"):
    """Return ``ax`` if it is one matplotlib ``Axes``; explain an array of axes or a figure.

    >>> as_axes("left")
    Traceback (most recent call last):
    ...
    TypeError: ax must be one matplotlib Axes (from fig, ax = plt.subplots()); got str 'left'.
    """
    from matplotlib.axes import Axes
    from matplotlib.figure import FigureBase

    if isinstance(ax, Axes):
        return ax
    hint = ""
    if isinstance(ax, (np.ndarray, list, tuple)) and any(isinstance(a, Axes) for a in np.ravel(np.array(ax, dtype=object))):
        shape = np.shape(np.array(ax, dtype=object))
        first = ", ".join("0" for _ in shape)
        hint = f" Pass one of them, e.g. {name}=axes[{first}]."
        what = f"an array of {int(np.prod(shape))} Axes of shape {shape}"
    elif isinstance(ax, FigureBase):
        what, hint = "a Figure", f" Pass one of its axes, e.g. {name}=fig.axes[0] or {name}=fig.add_subplot()."
    else:
        what = _describe(ax)
    raise TypeError(f"{name} must be one matplotlib Axes (from fig, ax = plt.subplots()); got {what}.{hint}")


def as_path(value, name: str) -> Path:
    """Return ``value`` as a ``Path``; it must be a ``str`` or a path object.

    >>> as_path(123, "data_dir")
    Traceback (most recent call last):
    ...
    TypeError: data_dir must be a path (a str such as 'data' or a pathlib.Path); got int 123.
    """
    if isinstance(value, str) and value.strip():
        return Path(value)
    if isinstance(value, os.PathLike) and not isinstance(value, bytes):
        return Path(value)
    raise TypeError(f"{name} must be a path (a str such as 'data' or a pathlib.Path); got {_describe(value)}.")


def call_user_function(function, z: np.ndarray, name: str, *, kwargs: dict | None = None,
                       expects: str = "take one array z and return an array of the same shape") -> np.ndarray:
    """Call a student's ``function(z, **kwargs)`` and check what comes back; return it as a float array.

    Any exception, numpy floating-point problem or warning inside the call becomes a
    ``ValueError`` (``TypeError`` if the call itself was wrong, e.g. the number of
    arguments) naming ``name``; so does a result that is ``None``, not numbers,
    of another shape than ``z``, or not finite where ``z`` is finite.

    >>> call_user_function(lambda z: None, np.array([1.0]), "activation")
    Traceback (most recent call last):
    ...
    TypeError: activation must return an array of numbers; it returned None for z of shape (1,). Is a `return` statement missing?
    """
    z = np.asarray(z, dtype=float)
    kwargs = kwargs or {}
    call = f"{name}(z{''.join(f', {k}={v!r}' for k, v in kwargs.items())}) with z of shape {z.shape}"
    try:
        with warnings.catch_warnings(), np.errstate(all="raise"):
            warnings.simplefilter("error")
            result = function(z.copy(), **kwargs)
    except Exception as err:
        kind, must = (TypeError, expects) if isinstance(err, TypeError) else (ValueError, "work for every z it is given")
        if isinstance(err, (FloatingPointError, Warning)):
            must = "compute without overflow or invalid values (numpy's warning is an error here)"
        raise kind(
            f"{name} must {must}; calling {call} raised {type(err).__name__}: {err}"[:600]
            + ". Fix the function (try it on np.linspace(-5, 5, 11) first), or pass a name such as 'relu'."
        ) from err
    if result is None:
        raise TypeError(
            f"{name} must return an array of numbers; it returned None for z of shape {z.shape}. "
            "Is a `return` statement missing?"
        )
    result = as_float_array(result, f"the result of {name}", allow_nan=True)
    if result.shape != z.shape:
        raise ValueError(
            f"{name} must keep the shape of its input {z.shape}; it returned shape {result.shape}. "
            "Compute elementwise with numpy (np.maximum(z, 0), np.exp(-z)), not with max() or a loop."
        )
    bad = ~np.isfinite(result) & np.isfinite(z)
    if bad.any():
        index = _index(z, bad)
        raise ValueError(
            f"{name} must return finite values for finite input; it returned {result[index]} for z = {z[index]:g}. "
            "Use a formula that cannot overflow (see course_lib.activations.sigmoid)."
        )
    return result


def _one_per_sample(labels: np.ndarray, name: str, n_samples: int | None, samples_name: str) -> np.ndarray:
    """``labels`` if 1-D with ``n_samples`` entries; a column ``(n, 1)`` is refused with the fix, ``y.ravel()``."""
    if labels.ndim != 1:
        hint = f" For a column of labels use {name}.ravel()." if labels.ndim == 2 and 1 in labels.shape else ""
        raise ValueError(f"{name} must be 1-D with one label per sample; got shape {labels.shape}.{hint}")
    if n_samples is not None and labels.size != n_samples:
        raise ValueError(f"{name} must hold one label per sample of {samples_name}: {samples_name} has "
                         f"{n_samples} samples but {name} has {labels.size} labels.")
    return labels


def as_sign_labels(value, name: str = "y", *, n_samples: int | None = None, samples_name: str = "X") -> np.ndarray:
    """Return ``value`` as a 1-D float array of the labels -1 and +1 (one per sample of ``samples_name``).

    >>> as_sign_labels([1, -1, 1])
    array([ 1., -1.,  1.])
    >>> as_sign_labels([0, 1, 1])
    Traceback (most recent call last):
    ...
    ValueError: y must hold only the labels -1 and +1; got the values [0, 1]. Map them first, e.g. y = np.where(y == 0, -1, 1).
    """
    labels = _one_per_sample(as_float_array(value, name, finite=True), name, n_samples, samples_name)
    found = np.unique(labels)
    if not np.isin(found, (-1.0, 1.0)).all():
        shown = [int(v) if float(v).is_integer() else float(v) for v in found[:6]]
        raise ValueError(f"{name} must hold only the labels -1 and +1; got the values {shown}. "
                         "Map them first, e.g. y = np.where(y == 0, -1, 1).")
    return labels


def label_text(label) -> str:
    """A class label as a student wrote it: ``1.0``, ``-1`` or ``'setosa'``, never ``np.float64(1.0)``.

    >>> label_text(np.float64(1.0)), label_text(np.str_("setosa")), label_text(np.int64(-1))
    ('1.0', "'setosa'", '-1')
    """
    return repr(label.item() if isinstance(label, np.generic) else label)


def labels_text(labels, limit: int = 6) -> str:
    """Labels as a short list, ``[-1, 1]`` or ``['setosa', 'versicolor', ...]`` (the first ``limit``).

    >>> labels_text(np.array([0.0, 1.0, 2.0]))
    '[0.0, 1.0, 2.0]'
    """
    labels = list(labels)
    shown = ", ".join(label_text(v) for v in labels[:limit])
    return f"[{shown}{', ...' if len(labels) > limit else ''}]"


_LABEL_TYPES = (str, bool, np.bool_, int, float, np.number)


def as_class_labels(y, name: str = "y", *, n_samples: int | None = None, samples_name: str = "X") -> np.ndarray:
    """Return ``y`` as a 1-D array of class labels of any kind (numbers, text, bools), one per sample.

    A column of shape ``(n, 1)`` is refused with the fix (``y.ravel()``), not flattened silently;
    numbers that are not whole (0.37) are refused as measurements, not classes.

    >>> as_class_labels(["setosa", "versicolor"])
    array(['setosa', 'versicolor'], dtype='<U10')
    >>> as_class_labels([0.5, 1.25, 2.0])
    Traceback (most recent call last):
    ...
    ValueError: y must hold class labels; got numbers that are not whole, such as 0.5: these look like continuous measurements (a regression target), not classes. A classifier needs labels such as 0, 1, 2 or 'setosa'.
    """
    if y is None:
        raise ValueError(f"{name} must be an array of class labels, one per sample of {samples_name}; got None. A "
                         f"classifier requires {name} to be passed, but the target {name} is None: pass the labels, "
                         "as in fit(X, y).")
    if (isinstance(y, (str, bytes, dict)) or callable(y)
            or not (hasattr(y, "__len__") or hasattr(y, "__array__"))):
        raise TypeError(f"{name} must be a 1-D array of class labels, one per sample of {samples_name}; "
                        f"got {_describe(y)}.")
    try:
        labels = np.asarray(y.to_numpy() if hasattr(y, "to_numpy") else y)
    except ValueError:
        raise ValueError(f"{name} must be a 1-D array of class labels; got a ragged sequence.") from None
    labels = _one_per_sample(labels, name, n_samples, samples_name)
    if labels.dtype == object:
        bad = next((v for v in labels if not isinstance(v, _LABEL_TYPES)), None)
        if bad is not None:
            raise TypeError(f"{name} must hold labels that are numbers or text; got {type(bad).__name__} {str(bad)[:40]}.")
        if len({type(v) is str for v in labels}) > 1:
            raise TypeError(f"{name} must hold labels of one kind, all numbers or all text; got a mixture.")
    if np.iscomplexobj(labels):
        raise TypeError(f"{name} must hold real labels; got complex numbers.")
    if labels.dtype.kind not in "biufUSO":
        raise TypeError(f"{name} must hold labels that are numbers or text; got dtype {labels.dtype}.")
    floats = labels.dtype.kind == "f" or labels.dtype == object and all(isinstance(v, (float, np.floating)) for v in labels)
    if floats and labels.size:
        values = labels.astype(float)
        if not np.isfinite(values).all():
            raise ValueError(f"{name} must hold finite labels; got NaN or inf. Drop those samples first.")
        fractional = values != np.round(values)
        if fractional.any():
            raise ValueError(f"{name} must hold class labels; got numbers that are not whole, such as "
                             f"{label_text(labels[fractional][0])}: these look like continuous measurements (a "
                             "regression target), not classes. A classifier needs labels such as 0, 1, 2 or 'setosa'.")
    return labels


def largest(values) -> str:
    """The entry of ``values`` largest in size, for a message: ``'1e+300'`` (``'inf'`` if one is infinite).

    >>> largest([[1.0, -3e200], [2.0, 5.0]])
    '-3e+200'
    """
    flat = np.ravel(np.asarray(values, dtype=float))
    if flat.size == 0:
        return "nothing"
    return f"{flat[int(np.argmax(np.abs(flat)))]:.3g}"


def sizes_text(**arrays) -> str:
    """How large each input is, for an overflow message: ``'X as large as 1e+300 and w as large as 2'``.

    A list of arrays (the weights of every layer) counts as all its entries.

    >>> sizes_text(X=[[1.0, -3e200]], weights=[[1.0], [[2.0, 5.0]]])
    'X as large as -3e+200 and weights as large as 5'
    """
    parts = []
    for name, value in arrays.items():
        if isinstance(value, (list, tuple)) and value and not np.isscalar(value[0]):
            value = np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in value])
        parts.append(f"{name} as large as {largest(value)}")
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def in_float_range(z, inputs: str, *, detail: str = ""):
    """``z`` unchanged if finite; a net input beyond the float range is explained, never returned as inf or nan.

    ``detail`` says what was got, e.g. ``"learning_rate = 1e+308"``; it ends the message.
    """
    if not np.all(np.isfinite(z)):
        raise ValueError(
            f"{inputs} must be small enough for their products to stay below {np.finfo(float).max:.3g}; "
            "the net input overflowed. Scale the inputs (for example, standardise each feature) "
            "or use smaller weights." + (f" Got {detail}." if detail else "")
        )
    return z


def product_plus_bias(A: np.ndarray, W: np.ndarray, b, inputs: str) -> np.ndarray:
    """``A @ W + b``, with an overflow explained by :func:`in_float_range` instead of a RuntimeWarning.

    >>> product_plus_bias(np.array([[1e300, 1.0]]), np.array([1e300, 0.0]), 0.0, "X, w and b")
    Traceback (most recent call last):
    ...
    ValueError: X, w and b must be small enough for their products to stay below 1.8e+308; the net input overflowed. Scale the inputs (for example, standardise each feature) or use smaller weights. Got inputs as large as 1e+300 and weights as large as 1e+300.
    """
    with np.errstate(all="ignore"):
        Z = A @ W + b
    if np.all(np.isfinite(Z)):
        return Z
    return in_float_range(Z, inputs, detail=f"inputs as large as {largest(A)} and weights as large as {largest(W)}")


class NotFittedError(ValueError, AttributeError):
    """An estimator was used before ``fit``. Both a ``ValueError`` and an ``AttributeError``, as
    scikit-learn's ``NotFittedError`` is, so that scikit-learn's tools recognise it too."""


def require_fitted(estimator, attribute: str, *, call: str = "fit(X, y)") -> None:
    """Raise :class:`NotFittedError` if ``estimator`` has not learned its ``attribute`` yet, saying what to call.

    >>> class Model: pass
    >>> require_fitted(Model(), "w_")
    Traceback (most recent call last):
    ...
    course_lib._validation.NotFittedError: This Model is not fitted yet: call fit(X, y) first.
    """
    if not hasattr(estimator, attribute):
        raise NotFittedError(f"This {type(estimator).__name__} is not fitted yet: call {call} first.")


def check_fitted(estimator, X, attribute: str, *, name: str = "X", call: str = "fit(X, y)") -> np.ndarray:
    """``X`` as a finite 2-D array with the number of features ``estimator`` was fitted on.

    An estimator without its learned ``attribute`` is not fitted yet (:func:`require_fitted`).

    >>> class Model: n_features_in_ = 2; w_ = None
    >>> check_fitted(Model(), [[1.0]], "w_")
    Traceback (most recent call last):
    ...
    ValueError: X has 1 features, but Model is expecting 2 features as input, the number it was fitted with. Give it the same features, in the same order.
    """
    require_fitted(estimator, attribute, call=call)
    X = as_matrix(X, name, finite=True)
    if X.shape[1] != estimator.n_features_in_:
        raise ValueError(f"{name} has {X.shape[1]} features, but {type(estimator).__name__} is expecting "
                         f"{estimator.n_features_in_} features as input, the number it was fitted with. Give it the "
                         "same features, in the same order.")
    return X
