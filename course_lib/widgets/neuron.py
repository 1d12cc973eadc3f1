"""The widget of lesson 01 · The artificial neuron: sliders for the weights and the bias of a two-input neuron."""

from __future__ import annotations

import html

import ipywidgets as widgets

from course_lib.plotting import NeuronPlane, decision_line_equation
from course_lib.plotting.neuron import _describe_neuron_plane

from ._core import (_Blitter, _choice, _describe, _description_widget, _Explorer, _freeze_layout, _image_widget,
                    _in_range, _new_axes, _png)

__all__ = ["NeuronExplorer", "NEURON_ACTIVATIONS"]

NEURON_ACTIVATIONS = ("identity", "binary_step", "sigmoid", "tanh", "relu")
WEIGHT_RANGE = (-3.0, 3.0)  # the sliders of w1, w2 and b


class NeuronExplorer(_Explorer):
    r"""A two-input neuron :math:`a = f(w_1 x_1 + w_2 x_2 + b)` with sliders for the weights and bias.

    The image shows the output over the input plane and the decision line
    :math:`w_1 x_1 + w_2 x_2 + b = 0`; a line of text gives its equation.

    Parameters
    ----------
    w1, w2, b : float, default 1.0, 1.0, 0.0
        Initial values, between -3 and 3.
    activation : str, default "sigmoid"
        One of ``NEURON_ACTIVATIONS``.

    Attributes
    ----------
    w1, w2, b : ipywidgets.FloatSlider
    activation : ipywidgets.Dropdown
    readout : ipywidgets.HTML
        The decision line's equation.
    image : ipywidgets.Image
    figure : matplotlib.figure.Figure
    widget : ipywidgets.VBox
        Everything together; what a notebook cell displays.
    """

    def __init__(self, w1=1.0, w2=1.0, b=0.0, activation="sigmoid"):
        values = {name: _in_range(v, name, *WEIGHT_RANGE) for name, v in [("w1", w1), ("w2", w2), ("b", b)]}
        activation = _choice(activation, NEURON_ACTIVATIONS)
        low, high = WEIGHT_RANGE
        self.w1, self.w2, self.b = (
            widgets.FloatSlider(value=values[name], min=low, max=high, step=0.1, description=label)
            for name, label in [("w1", "w₁"), ("w2", "w₂"), ("b", "b")]
        )
        self.activation = widgets.Dropdown(options=NEURON_ACTIVATIONS, value=activation, description="f")
        self.readout = widgets.HTML()
        self.figure, ax = _new_axes((5.6, 4.6))
        self._plane = plane = NeuronPlane(ax).set((3.0, 3.0), -3.0, "tanh")  # colour-bar labels such as −0.75
        _freeze_layout(self.figure, ax, "two\nlines")
        changing = [plane.image, plane.line, *ax.spines.values(), ax.title, plane.legend]  # spines: over the image
        self._blitter = _Blitter(self.figure, changing)
        self.image = _image_widget(self.figure)
        controls = widgets.HBox([widgets.VBox([self.w1, self.w2, self.b]), widgets.VBox([self.activation, self.readout])])
        self.description = _description_widget()
        self.widget = widgets.VBox([controls, self.image, self.description])
        for control in (self.w1, self.w2, self.b, self.activation):
            control.observe(self._on_change, names="value")
        self.update()

    def _on_change(self, change):
        self.update()

    def _redraw(self):
        """Redraw the image and the readout for the controls' current values."""
        w, b = (self.w1.value, self.w2.value), self.b.value
        self._plane.set(w, b, self.activation.value)
        equation = decision_line_equation(w, b)
        prefix = "" if equation.startswith("no ") else "<b>decision line</b>: "
        self.readout.value = prefix + html.escape(equation)
        self._blitter.render()  # a new activation (colour bar) redraws the background
        _describe(self.description, _describe_neuron_plane(self._plane, w, b, self.activation.value))
        self.image.value = _png(self.figure)

    def __repr__(self):
        return (f"NeuronExplorer(w1={self.w1.value:g}, w2={self.w2.value:g}, b={self.b.value:g}, "
                f"activation={self.activation.value!r})")
