r"""Lesson 08 · Capstone: the student's own lesson-06 functions, trained by the student's own loop.

Lesson 08 trains a network on the digits with the functions the student wrote in lesson 06.
They are read from the student's own notebook, which sits beside lesson 08 (``my-lessons/``
in JupyterLab, ``lessons/`` or ``solutions/`` in the repository): one source of truth, so a
fix made in lesson 06 reaches lesson 08 when its loading cell runs again, and nothing has
to be pasted twice. :func:`load_functions` reads the notebook's imports and ``def``
statements only (never the cells that train or plot), checks each function on a small
network against the course's version, and hands back the student's where it is written
and right, the course's (:data:`COURSE_06`) where it is still a stub, missing or wrong, so
that lesson 08 runs top to bottom for everyone and says which is which.

The course's versions follow lesson 06's conventions: a tanh hidden layer and a softmax
output, weights ``(n_in, n_out)``, one-hot targets, the loss averaged over the batch, the
parameters travelling as one list ``[W1, b1, W2, b2]``.

.. math::  Z_1 = X W_1 + b_1,\quad A_1 = \tanh Z_1,\quad \hat Y = \operatorname{softmax}(A_1 W_2 + b_2)
"""

from __future__ import annotations

import ast
import json
import linecache
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from course_lib import mlp
from course_lib.activations import tanh

# The course's versions of the students' functions (layer_forward ... minibatch_epoch) are reached through
# COURSE_06, load_functions and yours_or_course; like the references of course_lib.checks, they trust their input.
__all__ = ["COURSE_06", "is_stub", "load_functions", "yours_or_course"]

_STUB_TEXT = "replace this line with your code"  # what every generated stub raises (course_tools.lessons)


# ------------------------------------------------------------------------- the course's lesson-06 functions

def layer_forward(A_prev, W, b):
    """Exercise 6.1: the hidden layer, ``(Z, A)`` with :math:`Z = A_{prev} W + b` and :math:`A = \\tanh Z`."""
    Z = mlp.forward(A_prev, [W], [b], "tanh", "identity")[0][0]
    return Z, tanh(Z)


def softmax_cross_entropy(Z, Y):
    """Exercise 6.2: the softmax cross-entropy of the logits ``Z`` for one-hot ``Y``, averaged over the rows."""
    return mlp.cross_entropy(Y, Z)


def backward_pass(X, Y, W1, b1, W2, b2, alpha):
    """Exercise 6.5: ``(dW1, db1, dW2, db2)`` for the batch, the L2 term ``alpha * W`` included."""
    Zs, As = mlp.forward(X, [W1, W2], [b1, b2], "tanh")
    dWs, dbs = mlp.backward(Y, Zs, As, [W1, W2], "tanh", alpha=alpha)
    return dWs[0], dbs[0], dWs[1], dbs[1]


def gradient_step(params, grads, learning_rate):
    """Exercise 6.6: a new list :math:`\\theta - \\eta\\, g` for every parameter of ``[W1, b1, W2, b2]``."""
    return [p - learning_rate * g for p, g in zip(params, grads)]


def predict(X, params):
    """Lesson 06's prediction: the class of each row of ``X``, the output unit with the largest logit."""
    W1, b1, W2, b2 = params
    return mlp.forward(X, [W1, W2], [b1, b2], "tanh")[0][-1].argmax(axis=1)


COURSE_06 = {"layer_forward": layer_forward, "softmax_cross_entropy": softmax_cross_entropy,
             "backward_pass": backward_pass, "gradient_step": gradient_step, "predict": predict}
"""The course's versions of the lesson-06 functions lesson 08 uses, in the order it unpacks them."""


# ------------------------------------------------------------------------- the course's lesson-08 functions

def one_hot(labels, n_classes):
    """Exercise 8.1: row ``i`` holds a 1 in column ``labels[i]`` and 0 elsewhere.

    >>> one_hot(np.array([1, 0]), 3)
    array([[0., 1., 0.],
           [1., 0., 0.]])
    """
    return np.eye(n_classes)[np.asarray(labels)]


def minibatches(n_samples, batch_size, random_state):
    """Exercise 8.2: one seeded permutation of the sample indices, cut into batches of ``batch_size``.

    ``random_state`` is a seed or a ``numpy.random.Generator``, which ``np.random.default_rng``
    hands back unchanged: passing the generator that drew the initial weights continues its
    stream, exactly as :class:`~course_lib.mlp.MLPClassifier` does epoch after epoch.

    >>> [len(rows) for rows in minibatches(10, 4, 0)]
    [4, 4, 2]
    """
    order = np.random.default_rng(random_state).permutation(n_samples)
    return [order[start:start + batch_size] for start in range(0, n_samples, batch_size)]


def minibatch_epoch(X, Y, params, learning_rate, batches):
    """Exercise 8.3: one gradient step per batch of row indices, each from where the last one left off.

    >>> X, Y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.eye(2)
    >>> params = [np.full((2, 2), 0.1), np.zeros(2), np.full((2, 2), 0.1), np.zeros(2)]
    >>> [p.shape for p in minibatch_epoch(X, Y, params, 0.5, [np.array([1]), np.array([0])])]
    [(2, 2), (2,), (2, 2), (2,)]
    """
    for rows in batches:
        grads = backward_pass(X[rows], Y[rows], *params, 0.0)        # this batch's gradients, no L2
        params = gradient_step(params, grads, learning_rate)          # θ ← θ − η g, from the last step's θ
    return params


_COURSE_08 = {"one_hot": one_hot, "minibatches": minibatches, "minibatch_epoch": minibatch_epoch}


# ------------------------------------------------------------------------- stubs

def is_stub(function) -> bool:
    """Whether ``function`` is still a lesson's empty stub (it raises "Exercise N.M: replace this line …").

    >>> def stub():
    ...     raise NotImplementedError("Exercise 8.3: replace this line with your code, then run this cell.")
    >>> is_stub(stub), is_stub(np.mean)
    (True, False)
    """
    code = getattr(function, "__code__", None)
    return bool(code is not None and "NotImplementedError" in code.co_names
                and any(isinstance(c, str) and _STUB_TEXT in c for c in code.co_consts))


def _stub_exercise(function) -> str:
    text = next(c for c in function.__code__.co_consts if isinstance(c, str) and _STUB_TEXT in c)
    return text.split(":", 1)[0]  # "Exercise 6.5"


def yours_or_course(*functions) -> SimpleNamespace:
    """Each of ``functions`` once it is written; while one is still a stub, the course's of the same name.

    Lets a lesson run top to bottom before its exercises are done, and says which stand-in it uses:
    ``use = yours_or_course(one_hot, minibatches)``, then ``use.one_hot(...)``.

    >>> def one_hot(labels, n_classes):
    ...     raise NotImplementedError("Exercise 8.1: replace this line with your code, then run this cell.")
    >>> use = yours_or_course(one_hot)
    ◻ Exercise 8.1 not attempted yet: `one_hot` is still its stub, so the course's runs in its place.
    >>> use.one_hot([1], 2)
    array([[0., 1.]])
    """
    chosen = {}
    for function in functions:
        if not callable(function) or not hasattr(function, "__name__"):
            raise TypeError(f"yours_or_course takes your functions themselves, with no brackets after their names; "
                            f"got {type(function).__name__} {str(function)[:60]}.")
        name = function.__name__
        if is_stub(function):
            if name not in _COURSE_08:
                raise ValueError(f"the course has no version of {name!r} to stand in; write it first.")
            print(f"◻ {_stub_exercise(function)} not attempted yet: `{name}` is still its stub, so the course's runs "
                  "in its place.")
            function = _COURSE_08[name]
        chosen[name] = function
    return SimpleNamespace(**chosen)


# ------------------------------------------------------------------------- reading another lesson's functions

def _code_cells(notebook: Path):
    """(cell number from 1, source) of every code cell, IPython's ``%`` and ``!`` lines blanked."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            yield number, "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                                    for line in source.splitlines())


def _read(notebook: Path) -> tuple[dict, list[str]]:
    """The namespace made of the notebook's imports and ``def`` statements, in cell order; and what was skipped."""
    namespace, skipped = {"__name__": f"lesson:{notebook.stem}", "np": np}, []
    for number, source in _code_cells(notebook):
        filename = f"{notebook.name}, cell {number}"
        try:
            tree = ast.parse(source, filename=filename)
        except SyntaxError as error:
            skipped.append(f"cell {number} does not run (SyntaxError: {error.msg}, line {error.lineno})")
            continue
        linecache.cache[filename] = (len(source), None, [line + "\n" for line in source.splitlines()], filename)
        for node in tree.body:  # imports and functions only: never a cell's training, plots or prints
            if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef)):
                try:
                    exec(compile(ast.Module(body=[node], type_ignores=[]), filename, "exec"), namespace)  # noqa: S102
                except ImportError:
                    pass  # a check or figure the functions do not need; one they need fails their test by name
                except Exception as error:  # noqa: BLE001 - a def whose decorator or default fails, reported
                    skipped.append(f"cell {number}, line {node.lineno}: {type(error).__name__}: {error}")
    return namespace, skipped


def _stub_in(function, namespace: dict, seen=None) -> str | None:
    """"Exercise 6.5" if ``function`` is a stub, "needs Exercise 6.1" if a function of the notebook it calls is."""
    seen = set() if seen is None else seen
    if id(function) in seen:
        return None
    seen.add(id(function))
    if is_stub(function):
        return _stub_exercise(function)
    for name in function.__code__.co_names:
        called = namespace.get(name)
        if getattr(called, "__globals__", None) is namespace and (found := _stub_in(called, namespace, seen)):
            return found if found.startswith("needs ") else f"needs {found}"
    return None


_RNG = np.random.default_rng(8)
_X, _Y = _RNG.normal(size=(5, 3)).round(2), np.eye(4)[[0, 3, 1, 2, 3]]
_PARAMS = [_RNG.normal(size=(3, 6)).round(2), _RNG.normal(size=6).round(2) / 4,
           _RNG.normal(size=(6, 4)).round(2), _RNG.normal(size=4).round(2) / 4]
_EXAMPLES = {  # a batch of 5 samples, 3 features, 6 hidden units, 4 classes: no two sizes equal
    "layer_forward": (_X, _PARAMS[0], _PARAMS[1]),
    "softmax_cross_entropy": (_X @ _PARAMS[0][:, :4], _Y),
    "backward_pass": (_X, _Y, *_PARAMS, 0.01),
    "gradient_step": (_PARAMS, [p / 3 for p in _PARAMS], 0.5),
    "predict": (_X, _PARAMS),
}


def _agrees(function, reference, args) -> str | None:
    """``None`` when ``function`` gives what ``reference`` gives on ``args``; else what went wrong, in a phrase."""
    try:
        with np.errstate(all="raise"):
            got = function(*[a.copy() if isinstance(a, np.ndarray) else [p.copy() for p in a]
                              if isinstance(a, list) else a for a in args])
    except Exception as error:  # noqa: BLE001 - whatever the student's code raises, reported
        return f"it raised {type(error).__name__}: {error}"[:160]
    expected = reference(*args)
    parts = list(expected) if isinstance(expected, (tuple, list)) else [expected]
    got_parts = list(got) if isinstance(got, (tuple, list)) else [got]
    try:
        same = len(got_parts) == len(parts) and all(
            np.shape(g) == np.shape(e) and np.allclose(g, e, rtol=1e-6, atol=1e-9) for g, e in zip(got_parts, parts))
    except (TypeError, ValueError):
        same = False
    return None if same else "it gives other numbers than the course's on a small network"


@dataclass
class LessonFunctions:
    """The functions :func:`load_functions` hands out, which are whose, and why; prints as a short report."""

    notebook: str
    functions: dict
    yours: list = field(default_factory=list)
    not_attempted: dict = field(default_factory=dict)   # name -> "Exercise 6.5"
    wrong: dict = field(default_factory=dict)           # name -> what went wrong
    missing: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    found: bool = True

    def __iter__(self):
        return iter(self.functions.values())

    def __repr__(self) -> str:
        if not self.found:
            return (f"◻ {self.notebook} is not in this folder, so these are the course's: "
                    f"{', '.join(self.functions)}. Work through that lesson first (or give the name of your copy "
                    "of it), then run this cell again.")
        lines = []
        if self.yours:
            lines.append(f"✔ Yours, from {self.notebook}: {', '.join(self.yours)}.")
        if self.not_attempted:
            which = ", ".join(f"{n} ({e})" for n, e in self.not_attempted.items())
            lines.append(f"◻ Not attempted yet in {self.notebook}: {which}. The course's are used until you write "
                         "them there, save, and run this cell again.")
        for name, problem in self.wrong.items():
            lines.append(f"✘ Your {name} is not used: {problem}. The course's is used instead; its check in "
                         f"{self.notebook} shows what differs.")
        if self.missing:
            lines.append(f"◻ Not defined in {self.notebook}: {', '.join(self.missing)}. The course's are used.")
        lines += [f"  (skipped {s})" for s in self.skipped[:3]]
        return "\n".join(lines)

    __str__ = __repr__


def load_functions(notebook="06-backpropagation.ipynb", course_versions=None) -> LessonFunctions:
    """The student's own functions from ``notebook``, checked; the course's where theirs are not ready.

    Reads only the imports and ``def`` statements of the notebook's code cells, in order, into a
    namespace of their own (a later definition replaces an earlier one, as when the cells run).
    A function counts as the student's when it, and every function of the notebook it calls, is
    no longer a stub, and when it agrees with the course's version on a small network.

    Parameters
    ----------
    notebook : str or Path
        The lesson's notebook, relative to the folder this runs in (the lessons' folder).
    course_versions : dict of name -> function, default :data:`COURSE_06`
        The functions wanted, in order, with the course's version of each.

    Returns
    -------
    LessonFunctions
        Unpacks into the functions in the order of ``course_versions``; prints which are whose.
    """
    course_versions = COURSE_06 if course_versions is None else course_versions
    if not isinstance(course_versions, dict) or not all(callable(f) for f in course_versions.values()):
        raise TypeError("course_versions must be a dict of function names to the course's functions; got "
                        f"{type(course_versions).__name__}.")
    if not isinstance(notebook, (str, Path)) or not str(notebook).endswith(".ipynb"):
        raise TypeError(f"notebook must be the file name of a lesson, such as '06-backpropagation.ipynb'; got "
                        f"{notebook!r}"[:160] + ".")
    path = Path(notebook)
    result = LessonFunctions(path.name, dict(course_versions))
    if not path.is_file():
        result.found = False
        return result
    namespace, result.skipped = _read(path)
    for name, course in course_versions.items():
        function = namespace.get(name)
        if not callable(function):
            result.missing.append(name)
        elif stub := _stub_in(function, namespace):
            result.not_attempted[name] = stub
        elif name in _EXAMPLES and (problem := _agrees(function, course, _EXAMPLES[name])):
            result.wrong[name] = problem
        else:
            result.functions[name] = function
            result.yours.append(name)
    return result
