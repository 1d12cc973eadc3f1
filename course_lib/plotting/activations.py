"""Figures of lesson 02 · Activation functions: the grid of activations, and a function with its derivative."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np

from course_lib._validation import LARGEST, as_axes, as_bool, as_int, as_real
from course_lib.activations import _evaluate, _lookup

from ._core import COLORS, MAX_PARAMETER, TICK_SIZE, DescribedFigure, _check_range, _num, style

__all__ = ["plot_activation_grid", "plot_function_and_derivative", "FunctionPlot"]

GRID_NAMES = ("identity", "binary_step", "sigmoid", "tanh", "arctan", "relu", "leaky_relu", "elu", "softplus")
GRID_PARAMETERS = {"leaky_relu": 0.5}  # alpha = 0.5, as in the figure of lesson 02


def _from_to(values, x) -> str:
    """'from 0.01 at z = −5 to 0.99 at z = 5': the first and last finite ``values`` over ``x``."""
    finite = np.flatnonzero(np.isfinite(values))
    if not finite.size:
        return "not finite"
    first, last = finite[0], finite[-1]
    return f"from {_num(values[first])} at z = {_num(x[first])} to {_num(values[last])} at z = {_num(x[last])}"


def _describe_function_plot(plot) -> str:
    """One sentence on what a :class:`FunctionPlot` shows now, from its lines' data."""
    z, f, df = plot.z, np.asarray(plot.f_line.get_ydata(), float), np.asarray(plot.df_line.get_ydata(), float)
    text = f"{plot.ax.title.get_text()} for z from {_num(z[0])} to {_num(z[-1])}: f(z), solid, goes {_from_to(f, z)}"
    finite = np.isfinite(df)
    if finite.any():
        bottom, top = np.min(df[finite]), np.max(df[finite])
        at = z[finite & np.isclose(df, top)]
        where = f"at z = {_num(at[0])}" if at.size == 1 else f"for z from {_num(at[0])} to {_num(at[-1])}"
        text += (f"; f\u2032(z), dashed, is {_num(top)} throughout" if np.isclose(bottom, top) else
                 f"; f\u2032(z), dashed, lies between {_num(bottom)} and {_num(top)}, largest {where}")
    return text + "."


def _parameter_kwargs(act, parameter, name: str = "parameter") -> dict:
    """Keyword arguments for ``act.function``: ``{}`` or ``{act.parameter: value}``."""
    if act.parameter is None:
        if parameter is not None:
            raise ValueError(f"{act.name} has no parameter; got {name}={parameter!r}. Leave {name}=None.")
        return {}
    label = f"{name} {act.parameter}" if name == "parameter" else f"{name} ({act.parameter})"
    value = act.default if parameter is None else as_real(
        parameter, label, minimum=-MAX_PARAMETER, maximum=MAX_PARAMETER)
    return {act.parameter: value}


def _title(act, kwargs: dict) -> str:
    """'sigmoid (c = 1)' or 'tanh'."""
    name = act.parameter.replace("alpha", "\u03b1") if act.parameter else ""
    return f"{act.name} ({name} = {_num(kwargs[act.parameter])})" if kwargs else act.name


class FunctionPlot:
    """The lines of an activation ``f`` and its derivative ``f'`` on ``ax``; :meth:`set` redraws them.

    ``f_line``, ``df_line`` and ``legend`` are the artists, ``z`` the x values of both lines.
    """

    def __init__(self, ax, x_range=(-5, 5), n_points=401):
        self.ax = ax = as_axes(ax)
        n_points = as_int(n_points, "n_points", minimum=2, maximum=100_000)
        self.z = np.linspace(*_check_range(x_range, "x_range"), n_points)
        (self.f_line,) = ax.plot(self.z, self.z, color=COLORS["function"], linewidth=2.5, label="f(z)")
        (self.df_line,) = ax.plot(self.z, self.z, color=COLORS["derivative"], linewidth=2.5,
                                  linestyle="--", label="f\u2032(z)")
        style(ax, "", "z", "f(z), f\u2032(z)")
        self.legend = ax.legend(fontsize=TICK_SIZE, loc="upper left", framealpha=0.9)

    def _curves(self, act, parameter):
        kwargs = _parameter_kwargs(act, parameter)
        return kwargs, _evaluate(act, self.z, **kwargs), _evaluate(act, self.z, derivative=True, **kwargs)

    def y_limits(self, activation, parameters=(None,), margin=0.05):
        """Y-limits ``(low, high)`` that hold ``f`` and ``f'`` for every value in ``parameters``.

        Over this plot's x range, with ``margin`` (a fraction of the span, as
        matplotlib's autoscaling) added at both ends; ``None`` in ``parameters``
        stands for the default. Fixed limits let a change of the parameter show
        as a change of the curve instead of a change of the axis.
        """
        act, margin = _with_derivative(activation), as_real(margin, "margin", minimum=0.0, maximum=10.0)
        if isinstance(parameters, np.ndarray):
            parameters = parameters.tolist()
        if not isinstance(parameters, (list, tuple)) or not parameters:
            raise TypeError(
                "parameters must be a non-empty list of parameter values (None for the default), "
                f"such as [None] or [0.5, 1.0]; got {parameters!r}"[:200] + "."
            )
        for i, p in enumerate(parameters):
            _parameter_kwargs(act, p, f"parameters[{i}]")
        values = np.concatenate([np.concatenate(self._curves(act, p)[1:]) for p in parameters])
        values = values[np.isfinite(values)]
        low, high = (float(values.min()), float(values.max())) if values.size else (-1.0, 1.0)
        pad = margin * (high - low) if high > low else 0.5
        with np.errstate(over="ignore"):  # curves near the float limit: keep the limits finite
            return float(np.clip(low - pad, -LARGEST, LARGEST)), float(np.clip(high + pad, -LARGEST, LARGEST))

    def set(self, activation, parameter=None, *, autoscale=True):
        """Show ``activation`` (a name) with ``parameter`` (``None``: its default); return ``self``.

        With ``autoscale=False`` the y-limits stay as they are (see :meth:`y_limits`).
        """
        act, autoscale = _with_derivative(activation), as_bool(autoscale, "autoscale")
        kwargs, f, df = self._curves(act, parameter)
        self.f_line.set_ydata(f)
        self.df_line.set_ydata(df)
        self.ax.title.set_text(_title(act, kwargs))  # font set by style(); set_title would also touch the other titles
        if autoscale:
            self.ax.relim()
            self.ax.autoscale_view()
        return self


def _with_derivative(activation, name: str = "activation"):
    """The :class:`Activation` for ``activation``, which must have a known derivative."""
    act = _lookup(activation, name)
    if act.derivative is None:
        raise ValueError(
            f"{name} must have a known derivative; {act.name} has none. Choose a name from ACTIVATIONS, "
            "or pass Activation(name, f, f_grad) with your own derivative."
        )
    return act


def plot_activation_grid(names=None, x_range=(-5, 5)):
    """The activations in a grid of three columns, one titled panel each.

    Parameters
    ----------
    names : sequence of str, optional
        Names from ``ACTIVATIONS``; by default the nine of lesson 02, with
        ``leaky_relu`` drawn at ``alpha = 0.5`` (``GRID_PARAMETERS``).
    x_range : (float, float), default (-5, 5)

    Returns
    -------
    matplotlib.figure.Figure
    """
    names = GRID_NAMES if names is None else names
    if isinstance(names, str) or not isinstance(names, (list, tuple)) or not names:
        raise TypeError(f"names must be a non-empty list of activation names such as ['relu', 'tanh']; got {names!r}.")
    acts = [_lookup(name, f"names[{i}]") for i, name in enumerate(names)]
    z = np.linspace(*_check_range(x_range, "x_range"), 401)
    n_rows = math.ceil(len(acts) / 3)
    fig, axes = plt.subplots(n_rows, 3, figsize=(10, min(5.5, 1.9 * n_rows)), sharex=True,
                             layout="constrained", squeeze=False, FigureClass=DescribedFigure)
    for i, ax in enumerate(axes.flat):
        if i >= len(acts):
            ax.set_visible(False)
            continue
        kwargs = _parameter_kwargs(acts[i], GRID_PARAMETERS.get(acts[i].name))
        ax.plot(z, acts[i].function(z, **kwargs), color=COLORS["function"], linewidth=2.5)
        last_row = i + 3 >= len(acts)
        style(ax, _title(acts[i], kwargs), "z" if last_row else None, "f(z)" if i % 3 == 0 else None)
        ax.xaxis.set_tick_params(labelbottom=last_row)
    titles = ", ".join(ax.title.get_text() for ax in axes.flat[:len(acts)])
    fig.description = (f"{len(acts)} activation function{'s' if len(acts) > 1 else ''} f(z) for z from "
                       f"{_num(z[0])} to {_num(z[-1])}, one panel each: {titles}.")
    plt.close(fig)
    return fig


def plot_function_and_derivative(name, parameter=None, x_range=(-5, 5), ax=None):
    """An activation ``f`` and its derivative ``f'`` on one axes, with a legend.

    Parameters
    ----------
    name : str
        A name from ``ACTIVATIONS``.
    parameter : float, optional
        ``c`` for sigmoid, ``alpha`` for leaky_relu and elu; ``None`` uses the default.
    x_range : (float, float), default (-5, 5)
    ax : matplotlib.axes.Axes, optional
        Draw there instead of on a new figure.

    Returns
    -------
    matplotlib.figure.Figure
    """
    act = _with_derivative(name, "name")
    if ax is not None:
        FunctionPlot(as_axes(ax), x_range).set(act, parameter)
        return ax.figure
    fig, ax = plt.subplots(figsize=(7, 4.5), layout="constrained", FigureClass=DescribedFigure)
    try:
        fig.description = _describe_function_plot(FunctionPlot(ax, x_range).set(act, parameter))
    finally:
        plt.close(fig)  # even on a bad argument, so that no half-drawn figure lingers
    return fig
