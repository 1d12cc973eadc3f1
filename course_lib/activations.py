r"""Activation functions and their derivatives (lesson 02).

Every activation here except :func:`softmax` is *elementwise*: it takes a number,
a list or an array ``z`` of any shape and returns a new float ndarray of the same
shape (0-d for a single number, so ``float(relu(3))`` works). The input is never
modified. Each function ``f`` sits beside its derivative ``f_grad``, which takes
the same parameters.

Conventions
-----------
* Steps fire at the threshold: ``binary_step(0) = 1`` and ``unit_step(0) = +1``.
* At a kink the derivative takes the slope from the left: ``relu_grad(0) = 0``,
  ``leaky_relu_grad(0) = alpha`` and ``elu_grad(0) = alpha``.
* Finite inputs, however large, never give a warning, ``nan`` or ``inf`` (with one
  exception: ``leaky_relu`` and ``elu`` with an ``alpha`` so large that ``alpha * z``
  is beyond the float range give ``-inf``, as float arithmetic does, without a warning).
  ``±inf`` gives the limit, e.g. ``relu(inf) = inf``, ``sigmoid(-inf) = 0``,
  ``leaky_relu(-inf, alpha=0) = 0``; ``softmax`` shares the probability among the
  scores that are ``+inf``. NaN is refused with a ``ValueError``.
  :func:`naive_sigmoid` and :func:`naive_softmax` are the textbook formulas, kept
  so that the lesson can *show* the overflow that the stable versions avoid: they
  are the only functions of ``course_lib`` that warn, on purpose.

:data:`ACTIVATIONS` maps names to :class:`Activation` records and
:func:`get_activation` looks one up. Softmax is not in the registry: each of its
outputs depends on the whole vector of scores, so its derivative is a Jacobian
matrix (:func:`softmax_grad`), not a slope that backprop multiplies elementwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from course_lib._validation import as_choice, as_float_array, as_int, as_real, call_user_function

__all__ = [
    "identity", "identity_grad", "binary_step", "binary_step_grad", "unit_step", "unit_step_grad",
    "sigmoid", "sigmoid_grad", "tanh", "tanh_grad", "arctan", "arctan_grad", "relu", "relu_grad",
    "leaky_relu", "leaky_relu_grad", "elu", "elu_grad", "softplus", "softplus_grad",
    "softmax", "softmax_grad", "naive_sigmoid", "naive_softmax",
    "Activation", "ACTIVATIONS", "get_activation",
]


def _logistic(u: np.ndarray) -> np.ndarray:
    r""":math:`1 / (1 + e^{-u}) = e^{-\log(1 + e^{-u})}`; ``logaddexp`` never overflows."""
    return np.exp(-np.logaddexp(0.0, -u))


def identity(z):
    r"""Identity :math:`f(z) = z`: the neuron passes on its weighted sum.

    >>> identity([-1.5, 2])
    array([-1.5,  2. ])
    """
    return as_float_array(z, "z")  # a new array: the caller's z is never shared


def identity_grad(z):
    r""":math:`f'(z) = 1`.

    >>> identity_grad([-1.5, 2])
    array([1., 1.])
    """
    return np.ones_like(as_float_array(z, "z"))


def binary_step(z):
    r"""Binary step :math:`f(z) = 1` if :math:`z \ge 0`, else :math:`0`.

    >>> binary_step([-2.0, 0.0, 3.0])
    array([0., 1., 1.])
    """
    return np.where(as_float_array(z, "z") >= 0.0, 1.0, 0.0)


def binary_step_grad(z):
    r""":math:`f'(z) = 0` for :math:`z \ne 0`; undefined at 0, where we return 0 too.

    This is why a step neuron cannot learn by gradient descent (lesson 04).

    >>> binary_step_grad([-2.0, 0.0, 3.0])
    array([0., 0., 0.])
    """
    return np.zeros_like(as_float_array(z, "z"))


def unit_step(z):
    r"""The perceptron's modified unit step: :math:`+1` if :math:`z \ge 0`, else :math:`-1`.

    >>> unit_step([-2.0, 0.0, 3.0])
    array([-1.,  1.,  1.])
    """
    return np.where(as_float_array(z, "z") >= 0.0, 1.0, -1.0)


def unit_step_grad(z):
    r""":math:`f'(z) = 0` for :math:`z \ne 0`; undefined at 0, where we return 0 too.

    >>> unit_step_grad([-2.0, 0.0, 3.0])
    array([0., 0., 0.])
    """
    return np.zeros_like(as_float_array(z, "z"))


def _times(c: float, z: np.ndarray) -> np.ndarray:
    """``c * z`` with ``0 * (±inf) = 0`` (the limit of a zero slope); beyond the float range, ±inf without a warning."""
    if c == 0.0:
        return np.zeros_like(z)
    with np.errstate(over="ignore"):
        return np.asarray(c * z)


def _scaled(z, c) -> np.ndarray:
    """``c * z`` after checking both; a product beyond the float range becomes ±inf."""
    z, c = as_float_array(z, "z"), as_real(c, "c")
    return _times(c, z)  # sigmoid(±inf) is exactly 1 or 0, so inf is harmless


def sigmoid(z, c=1.0):
    r"""Logistic sigmoid :math:`\sigma(z) = 1 / (1 + e^{-c z})`, values in (0, 1).

    The steepness ``c`` is any finite number: ``c = 1`` (the default) is the
    logistic function, and a large ``c`` approaches :func:`binary_step`.

    >>> sigmoid(0.0)
    array(0.5)
    >>> sigmoid([-1e4, 1e4])  # no overflow warning
    array([0., 1.])
    """
    return np.asarray(_logistic(_scaled(z, c)))


def sigmoid_grad(z, c=1.0):
    r""":math:`\frac{d}{dz}\sigma = c\,\sigma(cz)\,(1 - \sigma(cz))`, peaking at :math:`c/4` at 0.

    Computed as :math:`c\,\sigma(cz)\,\sigma(-cz)`, which keeps tiny values accurate.

    >>> sigmoid_grad(0.0)
    array(0.25)
    """
    u = _scaled(z, c)
    return np.asarray(float(c) * _logistic(u) * _logistic(-u))


def tanh(z):
    r"""Hyperbolic tangent :math:`\tanh z = (e^z - e^{-z}) / (e^z + e^{-z})`, values in (-1, 1).

    It is a rescaled sigmoid: :math:`\tanh z = 2\sigma(2z) - 1`.

    >>> tanh(0.0)
    array(0.)
    """
    return np.asarray(np.tanh(as_float_array(z, "z")))


def tanh_grad(z):
    r""":math:`\tanh'(z) = 1 - \tanh^2 z`.

    >>> tanh_grad(0.0)
    array(1.)
    """
    t = np.tanh(as_float_array(z, "z"))
    return np.asarray(1.0 - t * t)


def arctan(z):
    r"""Inverse tangent :math:`f(z) = \arctan z`, values in :math:`(-\pi/2, \pi/2)`.

    >>> float(arctan(1.0)) == np.pi / 4
    True
    """
    return np.asarray(np.arctan(as_float_array(z, "z")))


def arctan_grad(z):
    r""":math:`f'(z) = 1 / (1 + z^2)`.

    >>> arctan_grad([0.0, 1.0])
    array([1. , 0.5])
    """
    r = 1.0 / np.hypot(1.0, as_float_array(z, "z"))  # 1/sqrt(1 + z^2); z*z would overflow
    return np.asarray(r * r)


def relu(z):
    r"""Rectified linear unit :math:`f(z) = \max(0, z)`, values in :math:`[0, \infty)`.

    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    z = as_float_array(z, "z")
    return np.where(z > 0.0, z, 0.0)


def relu_grad(z):
    r""":math:`f'(z) = 1` if :math:`z > 0`, else :math:`0`; we define ``relu_grad(0) = 0``.

    >>> relu_grad([-2.0, 0.0, 3.0])
    array([0., 0., 1.])
    """
    return np.where(as_float_array(z, "z") > 0.0, 1.0, 0.0)


def leaky_relu(z, alpha=0.01):
    r"""Leaky ReLU :math:`f(z) = z` if :math:`z > 0`, else :math:`\alpha z`.

    ``alpha`` is the slope for negative ``z`` (any finite number; ``0`` gives
    :func:`relu`). PReLU is the same function with ``alpha`` learned in
    training; the figure of lesson 02 uses ``alpha = 0.5``.

    >>> leaky_relu([-2.0, 3.0], alpha=0.5)
    array([-1.,  3.])
    """
    z, alpha = as_float_array(z, "z"), as_real(alpha, "alpha")
    return np.where(z > 0.0, z, _times(alpha, np.minimum(z, 0.0)))


def leaky_relu_grad(z, alpha=0.01):
    r""":math:`f'(z) = 1` if :math:`z > 0`, else :math:`\alpha` (also at 0).

    >>> leaky_relu_grad([-2.0, 0.0, 3.0], alpha=0.5)
    array([0.5, 0.5, 1. ])
    """
    z, alpha = as_float_array(z, "z"), as_real(alpha, "alpha")
    return np.where(z > 0.0, 1.0, alpha)


def elu(z, alpha=1.0):
    r"""Exponential linear unit :math:`f(z) = z` if :math:`z > 0`, else :math:`\alpha (e^z - 1)`.

    Values in :math:`(-\alpha, \infty)` for :math:`\alpha > 0`.

    >>> elu([-1.0, 0.0, 2.0]).round(4)
    array([-0.6321,  0.    ,  2.    ])
    """
    z, alpha = as_float_array(z, "z"), as_real(alpha, "alpha")
    # exp only on min(z, 0): np.where evaluates both branches, and exp(1e300) would overflow
    return np.where(z > 0.0, z, alpha * np.expm1(np.minimum(z, 0.0)))


def elu_grad(z, alpha=1.0):
    r""":math:`f'(z) = 1` if :math:`z > 0`, else :math:`\alpha e^z` (so :math:`\alpha` at 0).

    >>> elu_grad([0.0, 2.0], alpha=0.5)
    array([0.5, 1. ])
    """
    z, alpha = as_float_array(z, "z"), as_real(alpha, "alpha")
    return np.where(z > 0.0, 1.0, alpha * np.exp(np.minimum(z, 0.0)))


def softplus(z):
    r"""Softplus :math:`f(z) = \log(1 + e^z)`, a smooth ReLU with values in :math:`(0, \infty)`.

    >>> round(float(softplus(0.0)), 4)  # log 2
    0.6931
    >>> softplus(1e300)  # log(1 + e^z) = z to machine precision; no overflow
    array(1.e+300)
    """
    return np.asarray(np.logaddexp(0.0, as_float_array(z, "z")))


def softplus_grad(z):
    r""":math:`f'(z) = e^z / (1 + e^z) = \sigma(z)`, the logistic sigmoid.

    >>> softplus_grad(0.0)
    array(0.5)
    """
    return np.asarray(_logistic(as_float_array(z, "z")))


def _class_axis(z: np.ndarray, axis) -> int:
    """Check ``axis`` against ``z`` and return it as an int."""
    axis = as_int(axis, "axis")
    if z.ndim == 0:
        raise ValueError(
            "z must hold a vector of scores (at least 1-D); got a single number. "
            "Softmax of one score is always 1; pass a list such as [2.0, 1.0, 0.1]."
        )
    if not -z.ndim <= axis < z.ndim:
        raise ValueError(f"axis must be between {-z.ndim} and {z.ndim - 1} for z of shape {z.shape}; got {axis}.")
    if z.shape[axis] == 0:
        raise ValueError(f"z must have at least one score along axis {axis}; got shape {z.shape}.")
    return axis


def softmax(z, axis=-1):
    r"""Softmax :math:`s_i = e^{z_i} / \sum_j e^{z_j}` along ``axis``: positive, sums to 1.

    Not elementwise: each output depends on every score along ``axis``. With
    one sample per row of a 2-D ``z``, the default ``axis=-1`` makes each row a
    probability distribution. Computed as :math:`e^{z_i - m} / \sum_j e^{z_j - m}`
    with :math:`m = \max_j z_j`, which gives the same values without overflow.

    >>> softmax([0.0, 0.0])
    array([0.5, 0.5])
    >>> softmax([[1000.0, 1000.0], [0.0, 0.0]], axis=0)
    array([[1., 1.],
           [0., 0.]])
    >>> softmax([np.inf, 1.0])
    array([1., 0.])
    """
    z = as_float_array(z, "z")
    axis = _class_axis(z, axis)
    top = z.max(axis=axis, keepdims=True)
    if np.isneginf(top).any():
        raise ValueError(
            f"z must have at least one score above -inf along axis {axis}; got only -inf. "
            "Softmax of scores that are all -inf is undefined: give at least one finite score."
        )
    if np.isposinf(top).any():  # the limit: the +inf scores share the probability equally
        z = np.where(np.isposinf(top), np.where(np.isposinf(z), 0.0, -np.inf), z)
        top = z.max(axis=axis, keepdims=True)
    with np.errstate(over="ignore"):  # scores ~1e308 apart give -inf, and exp(-inf) = 0 is right
        shifted = z - top
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def softmax_grad(z, axis=-1):
    r"""Jacobian of :func:`softmax`: :math:`\partial s_i / \partial z_j = s_i(\delta_{ij} - s_j)`.

    For a vector of ``k`` scores this is the ``(k, k)`` matrix
    :math:`\operatorname{diag}(s) - s s^\top`; for ``z`` of shape ``(n, k)`` it is
    an ``(n, k, k)`` stack, one matrix per row. Only ``axis=-1`` is supported.

    >>> softmax_grad([0.0, 0.0])
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
    """
    z = as_float_array(z, "z")
    axis = _class_axis(z, axis)
    if axis % z.ndim != z.ndim - 1:
        raise ValueError(
            f"softmax_grad supports only axis=-1 (scores along the last axis); got axis={axis}. "
            f"Move the scores last first: softmax_grad(np.moveaxis(z, {axis}, -1))."
        )
    s = softmax(z)[..., :, np.newaxis]  # (..., k, 1)
    return s * np.eye(s.shape[-2]) - s * np.swapaxes(s, -1, -2)  # (..., k, k)


def naive_sigmoid(z):
    r"""Textbook :math:`1 / (1 + e^{-z})`, **deliberately unstable**: do not use it.

    For large negative ``z``, ``np.exp(-z)`` overflows to ``inf`` and numpy warns
    ``RuntimeWarning: overflow encountered in exp``. Lesson 02 uses it to show
    that warning; :func:`sigmoid` gives the same values without it.

    >>> naive_sigmoid(0.0)
    array(0.5)
    """
    return np.asarray(1.0 / (1.0 + np.exp(-as_float_array(z, "z"))))


def naive_softmax(z, axis=-1):
    r"""Textbook :math:`e^{z_i} / \sum_j e^{z_j}`, **deliberately unstable**: do not use it.

    Scores above about 709 overflow ``np.exp`` (``RuntimeWarning``) and the
    result becomes ``nan``. Lesson 02 uses it to show that failure;
    :func:`softmax` subtracts the largest score first and never overflows.

    >>> naive_softmax([0.0, 0.0])
    array([0.5, 0.5])
    """
    z = as_float_array(z, "z")
    axis = _class_axis(z, axis)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


@dataclass(frozen=True)
class Activation:
    """An activation function with its derivative and the facts a plot needs.

    ``function(z, **{parameter: value})`` computes it and ``derivative`` (same
    arguments, ``None`` if unknown) its slope; ``parameter`` names the optional
    keyword (``"c"``, ``"alpha"`` or ``None``) and ``default`` its default value;
    ``output_range`` is text for plot titles and tables.

    >>> act = ACTIVATIONS["sigmoid"]
    >>> act.parameter, act.default, act.output_range
    ('c', 1.0, '(0, 1)')
    """

    name: str
    function: Callable
    derivative: Callable | None
    parameter: str | None = None
    default: float | None = None
    output_range: str = "unknown"

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name.strip():
            raise TypeError(f"name must be a non-empty str such as 'my_relu'; got {self.name!r}.")
        for field, value in [("function", self.function), ("derivative", self.derivative)]:
            if not (callable(value) or (field == "derivative" and value is None)):
                hint = (f" For a built-in activation use get_activation({value!r}) instead of building one."
                        if isinstance(value, str) else "")
                raise TypeError(f"{field} must be a function such as np.tanh; got {type(value).__name__} {value!r}.{hint}")
        if self.parameter is not None and not isinstance(self.parameter, str):
            raise TypeError(f"parameter must be the name of a keyword (a str such as 'alpha') or None; got {self.parameter!r}.")
        if self.default is not None:
            as_real(self.default, "default")
        if not isinstance(self.output_range, str):
            raise TypeError(f"output_range must be a str such as '(0, 1)'; got {self.output_range!r}.")


ACTIVATIONS: dict[str, Activation] = {
    act.name: act
    for act in [
        Activation("identity", identity, identity_grad, output_range="(-inf, inf)"),
        Activation("binary_step", binary_step, binary_step_grad, output_range="{0, 1}"),
        Activation("unit_step", unit_step, unit_step_grad, output_range="{-1, +1}"),
        Activation("sigmoid", sigmoid, sigmoid_grad, "c", 1.0, "(0, 1)"),
        Activation("tanh", tanh, tanh_grad, output_range="(-1, 1)"),
        Activation("arctan", arctan, arctan_grad, output_range="(-pi/2, pi/2)"),
        Activation("relu", relu, relu_grad, output_range="[0, inf)"),
        Activation("leaky_relu", leaky_relu, leaky_relu_grad, "alpha", 0.01, "(-inf, inf)"),
        Activation("elu", elu, elu_grad, "alpha", 1.0, "(-alpha, inf)"),
        Activation("softplus", softplus, softplus_grad, output_range="(0, inf)"),
    ]
}
"""The elementwise activations by name (softmax is separate: see the module docstring)."""


def get_activation(activation) -> Activation:
    """Return the :class:`Activation` for a name, or wrap a callable in one.

    Names are case-insensitive. A callable gets ``derivative=None``; an
    :class:`Activation` is returned unchanged.

    >>> get_activation("ReLU").function([-1.0, 2.0])
    array([0., 2.])
    >>> get_activation(np.sin).name
    'sin'
    """
    return _lookup(activation, "activation")


def _lookup(activation, name: str) -> Activation:
    """:func:`get_activation`, with ``name`` (the caller's parameter) in its messages."""
    if isinstance(activation, Activation):
        return activation
    if isinstance(activation, str) and activation.strip().lower() == "softmax":
        raise ValueError(
            f"{name} cannot be 'softmax': softmax is not elementwise, so it is not in ACTIVATIONS; call "
            "softmax(z) and softmax_grad(z) directly (with cross-entropy the output delta is y_hat - y)."
        )
    if callable(activation) and not isinstance(activation, str):
        label = str(getattr(activation, "__name__", type(activation).__name__))
        return Activation(name=label or "activation", function=activation, derivative=None)
    try:
        return ACTIVATIONS[as_choice(activation, name, ACTIVATIONS, example="relu")]
    except TypeError:
        raise TypeError(
            f"{name} must be a name such as 'relu' or a function; got "
            f"{type(activation).__name__} {activation!r}"[:200]
            + (". Pass the name itself, without brackets." if isinstance(activation, (list, tuple)) else ".")
        ) from None


def _evaluate(act: Activation, z, *, name: str = "activation", derivative: bool = False, **kwargs) -> np.ndarray:
    """``act.function(z, **kwargs)`` (or its derivative) as a float array.

    A built-in activation is called directly; any other function, which a student
    wrote, through :func:`course_lib._validation.call_user_function`, so that its
    failure or a bad result becomes a message that names ``name``.
    """
    function = act.derivative if derivative else act.function
    name = f"the derivative of {name}" if derivative else name
    if ACTIVATIONS.get(act.name) is act:
        return np.asarray(function(z, **kwargs), dtype=float)
    return call_user_function(function, np.asarray(z, dtype=float), name, kwargs=kwargs)
