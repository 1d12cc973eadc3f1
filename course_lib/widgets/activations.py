"""The widget of lesson 02 · Activation functions: pick an activation and its parameter, see f and f'."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from course_lib.activations import ACTIVATIONS
from course_lib.plotting import FunctionPlot
from course_lib.plotting.activations import _describe_function_plot

from ._core import (_WIDE, _Blitter, _choice, _describe, _description_widget, _Explorer, _freeze_layout,
                    _image_widget, _in_range, _new_axes, _png)

__all__ = ["ActivationExplorer", "PARAMETER_SLIDERS"]

PARAMETER_SLIDERS = {"c": (0.1, 10.0, 0.1), "alpha": (0.0, 2.0, 0.01)}
"""(min, max, step) of the parameter slider, by the parameter's name."""


def _slider_values(act):
    """Every value of ``act``'s parameter slider (``(None,)`` without a parameter)."""
    if act.parameter is None:
        return (None,)
    low, high, step = PARAMETER_SLIDERS[act.parameter]
    return np.linspace(low, high, round((high - low) / step) + 1)


class ActivationExplorer(_Explorer):
    """Pick an activation and its parameter; see the function ``f`` and its derivative ``f'``.

    Parameters
    ----------
    activation : str, default "sigmoid"
        A name from ``ACTIVATIONS``.
    parameter : float, optional
        Its parameter (``c`` or ``alpha``), within the slider's range
        (``PARAMETER_SLIDERS``); ``None`` uses the default. Each parameter has its
        own slider, shown only for the activations that use it; it goes back to
        the activation's default whenever the choice changes.

    Attributes
    ----------
    choice : ipywidgets.Dropdown
    parameter : ipywidgets.FloatSlider
        The chosen activation's slider (a disabled one for activations without a parameter).
    image : ipywidgets.Image
    figure : matplotlib.figure.Figure
    widget : ipywidgets.VBox
    """

    def __init__(self, activation="sigmoid", parameter=None):
        activation = _choice(activation, ACTIVATIONS)
        act = ACTIVATIONS[activation]
        if parameter is not None:
            if act.parameter is None:
                raise ValueError(f"{activation} has no parameter; got parameter={parameter!r}. Leave parameter=None.")
            parameter = _in_range(parameter, f"parameter {act.parameter}", *PARAMETER_SLIDERS[act.parameter][:2])
        self.choice = widgets.Dropdown(options=list(ACTIVATIONS), value=activation, description="f")
        # One slider per parameter, each with its own fixed range and step, and only the chosen
        # activation's shown. Reconfiguring one slider's range, step and value at each choice raced
        # with the browser, which clamped the new value to the old step and sent that back (leaky_relu
        # showed the sigmoid's c = 1.00, or 0.10, instead of its alpha = 0.01).
        self._sliders = {name: widgets.FloatSlider(value=low, min=low, max=high, step=step,
                                                   description=name.replace("alpha", "α"), style=_WIDE)
                         for name, (low, high, step) in PARAMETER_SLIDERS.items()}
        self._sliders[None] = widgets.FloatSlider(description="no parameter", disabled=True, readout=False,
                                                  style=_WIDE)
        self.figure, ax = _new_axes((6.4, 4.0))
        self._plot = plot = FunctionPlot(ax)
        _freeze_layout(self.figure, ax, "one line", ylim=(-0.0125, 0.0125))  # y tick labels such as -0.0125
        self._blitter = _Blitter(self.figure, [plot.f_line, plot.df_line, ax.title, plot.legend])
        self._ylims = {}  # y-limits by activation name
        self.image = _image_widget(self.figure)
        self.description = _description_widget()
        self.widget = widgets.VBox([widgets.HBox([self.choice, *self._sliders.values()]), self.image, self.description])
        self._configuring = False
        self._configure_parameter(parameter)
        self.choice.observe(self._on_choice, names="value")
        for slider in self._sliders.values():
            slider.observe(self._on_parameter, names="value")
        self.update()

    @property
    def parameter(self) -> widgets.FloatSlider:
        """The slider of the chosen activation's parameter (a disabled one if it has none)."""
        return self._sliders[ACTIVATIONS[self.choice.value].parameter]

    def _configure_parameter(self, value=None):
        """Show the chosen activation's slider, at ``value`` or the activation's default."""
        act = ACTIVATIONS[self.choice.value]
        self._configuring = True  # the slider's own change must not redraw before the choice is complete
        try:
            for name, slider in self._sliders.items():
                slider.layout.display = None if name == act.parameter else "none"
            if act.parameter is not None:
                self._sliders[act.parameter].value = act.default if value is None else value
        finally:
            self._configuring = False

    def _on_choice(self, change):
        with self._lock:  # a parameter moved meanwhile must not redraw the half-configured choice
            self._configure_parameter()
            self.update()

    def _on_parameter(self, change):
        if not self._configuring and change["owner"] is self.parameter:
            self.update()

    def _redraw(self):
        """Redraw the image for the current activation and parameter."""
        act = ACTIVATIONS[self.choice.value]
        if act.name not in self._ylims:  # fixed for all values of the slider: see FunctionPlot.y_limits
            self._ylims[act.name] = self._plot.y_limits(act, _slider_values(act))
        if self._plot.ax.get_ylim() != self._ylims[act.name]:  # set_ylim, even unchanged, stales the background
            self._plot.ax.set_ylim(self._ylims[act.name])
        self._plot.set(act, self.parameter.value if act.parameter else None, autoscale=False)
        self._blitter.render()  # new y-limits redraw the background
        _describe(self.description, _describe_function_plot(self._plot))
        self.image.value = _png(self.figure)

    def __repr__(self):
        act = ACTIVATIONS[self.choice.value]
        parameter = f", parameter={self.parameter.value:g}" if act.parameter else ""
        return f"ActivationExplorer(activation={act.name!r}{parameter})"
