"""How values read in a failed check: numbers as numbers, large arrays summarised, never a dump.

* :func:`show` gives one short line for any value: ``5`` (never ``np.int64(5)``), ``0.0485``,
  a small array in full, a larger one as its shape and first entries, a DataFrame as its shape;
* :func:`describe_call` writes a call, with the arguments' names and shapes in place of the
  larger arrays (``backward_pass(X (5, 3), Y (5, 3), …, alpha=0.1)``);
* :func:`first_difference` says where two arrays first differ ("row 2, column 0: expected
  0.0485, got 0.2007"), so that a long array never needs printing to show a mistake;
* :func:`shape_problem` says what is wrong with a result's shape, naming the axis that
  disagrees, and mentions the axis of a sum only when the student's code sums.
"""

from __future__ import annotations

import inspect

import numpy as np

SMALL = 8  # arrays with more entries than this are summarised
LONG_CALL = 140  # characters: a call longer than this shows every array by name and shape only


def _number(value, digits: int) -> str:
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return f"{float(value):.{digits}g}"


def _summary(array: np.ndarray, digits: int) -> str:
    """``array (5, 3) [0.35, -1.2, 0.07, …]``: the shape and the first entries."""
    first = ", ".join(_number(v, digits) if np.isscalar(v) or isinstance(v, np.generic) else str(v)
                      for v in array.ravel()[:4])
    return f"array {tuple(array.shape)} [{first}, …]"


def show(value, digits: int = 4) -> str:
    """A short, readable, one-line form of ``value`` for feedback messages.

    >>> show(0.123456789)
    '0.1235'
    >>> show(np.int64(5))
    '5'
    >>> show([1, 2])
    'the list [1, 2]'
    >>> show(np.array([1.0, 2.5]))
    'array([1. , 2.5])'
    >>> show(np.arange(15.0).reshape(5, 3))
    'array (5, 3) [0, 1, 2, 3, …]'
    """
    if isinstance(value, np.ndarray):
        if value.size > SMALL or value.ndim > 2:
            return _summary(value, digits)
        if value.dtype.kind in "iub":
            text = np.array2string(value, separator=", ")
        else:
            text = np.array2string(value, precision=digits, separator=", ", suppress_small=True)
        return f"array({' '.join(text.split())})"  # one line, even for a matrix
    if isinstance(value, (list, tuple)):
        inner = ", ".join(show(item, digits) for item in value[:6]) + (", …" if len(value) > 6 else "")
        opening, closing = ("[", "]") if isinstance(value, list) else ("(", ")")
        return f"the {type(value).__name__} {opening}{inner}{closing}"
    if isinstance(value, (bool, int, float, np.bool_, np.integer, np.floating)):
        return _number(value, digits)
    shape = getattr(value, "shape", None)
    if shape is not None and not isinstance(value, np.generic):  # a pandas DataFrame or Series, say
        module = type(value).__module__.split(".")[0]
        return f"a {module} {type(value).__name__} of shape {tuple(shape)}"
    text = " ".join(repr(value).split())
    return text if len(text) <= 60 else text[:59] + "…"


def parameter_names(function) -> list[str]:
    """The names of ``function``'s positional parameters, or ``[]`` if Python cannot tell."""
    try:
        return [p.name for p in inspect.signature(function).parameters.values()
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        return []


def describe_call(function_name: str, args, kwargs, names=()) -> str:
    """The call, short: small values in full, larger arrays as ``name (shape)``.

    >>> describe_call("f", (np.zeros((5, 3)), 2), {}, ["X", "k"])
    'f(X (5, 3), k=2)'
    """
    names = list(names) + [""] * len(args)

    def part(value, name, brief):
        if isinstance(value, np.ndarray) and (brief or value.size > SMALL or value.ndim > 2):
            return f"{name} {tuple(value.shape)}" if name else f"array {tuple(value.shape)}"
        if brief and name and np.isscalar(value):  # among arrays named by shape, a number is named too
            return f"{name}={show(value)}"
        return show(value)

    large = any(isinstance(v, np.ndarray) and (v.size > SMALL or v.ndim > 2) for v in (*args, *kwargs.values()))
    for brief in (large, True):  # one array shown by shape: all of them, for a call that reads evenly
        parts = [part(a, n, brief) for a, n in zip(args, names)] + [
            f"{k}={part(v, '', brief)}" for k, v in kwargs.items()]
        call = f"{function_name}({', '.join(parts)})"
        if len(call) <= LONG_CALL:
            break
    return call


def first_difference(got, expected, rtol: float = 1e-6, atol: float = 1e-9) -> str | None:
    """Where two arrays of one shape first differ, e.g. 'row 2, column 0: expected 0.0485, got 0.2007'.

    >>> first_difference(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 4.0]))
    'entry 2: expected 4, got 3'
    """
    try:
        got_array, expected_array = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return None
    if got_array.shape != expected_array.shape or got_array.ndim == 0:
        return None
    differs = ~np.isclose(got_array, expected_array, rtol=rtol, atol=atol, equal_nan=True)
    if not differs.any():
        return None
    index = tuple(int(i) for i in np.argwhere(differs)[0])
    if len(index) == 1:
        where = f"entry {index[0]}"
    elif len(index) == 2:
        where = f"row {index[0]}, column {index[1]}"
    else:
        where = f"entry [{', '.join(map(str, index))}]"
    return f"{where}: expected {show(expected_array[index])}, got {show(got_array[index])}"


_REDUCTIONS = ("sum(", "mean(", "max(", "min(", "argmax(", "std(", "var(", ".sum", ".mean")


def _reduces(function) -> bool:
    """Whether the source of ``function`` visibly sums, averages or takes a maximum over an axis."""
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    return any(word in source for word in _REDUCTIONS)


def shape_problem(got_shape, expected_shape, name: str = "", function=None) -> str:
    """What is wrong with a result of shape ``got_shape`` where ``expected_shape`` is asked.

    >>> shape_problem((4, 3), (3, 4), "dW1")
    'dW1 should have shape (3, 4); yours has (4, 3): rows and columns are swapped (transposed?).'
    """
    got_shape, expected_shape = tuple(got_shape), tuple(expected_shape)
    what = name or "The result"
    text = f"{what} should have shape {expected_shape}; yours has {got_shape}"
    if len(got_shape) == 2 and got_shape == expected_shape[::-1]:
        return text + ": rows and columns are swapped (transposed?)."
    if len(got_shape) == len(expected_shape) + 1 and expected_shape in (got_shape[1:], got_shape[:-1]):
        extra = got_shape[0] if got_shape[1:] == expected_shape else got_shape[-1]
        if _reduces(function):
            return text + f": one axis too many (of {extra}). Which axis does your sum or mean run over?"
        return text + (f": one axis too many (of {extra}). Did numpy broadcast a column (n, 1) against a row "
                       "(n,) into a table?")
    if len(got_shape) + 1 == len(expected_shape) and _reduces(function):
        return text + ": one axis too few. Which axis does your sum or mean run over?"
    if len(got_shape) == len(expected_shape):
        axis = next(i for i, (g, e) in enumerate(zip(got_shape, expected_shape)) if g != e)
        if _reduces(function) and len(got_shape) == 1:
            return text + ". Which axis does your sum or mean run over?"
        if len(got_shape) == 1 and abs(got_shape[0] - expected_shape[0]) == 1:
            more = "too many" if got_shape[0] > expected_shape[0] else "too few"
            return text + f": one entry {more}."
        if len(got_shape) == 1:
            return text + "."
        return text + f": axis {axis} has {got_shape[axis]} entries, not {expected_shape[axis]}."
    return text + "."
