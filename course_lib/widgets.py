"""Widgets of lessons 01 and 02: move a slider, see the neuron or the activation change.

Each explorer draws one matplotlib figure once, with the Agg canvas and without
pyplot, and on every change only updates its artists and renders them to the
PNG bytes of an ``ipywidgets.Image``. Nothing depends on a browser or a kernel:
setting ``explorer.w1.value = 2`` in plain Python runs :meth:`update` at once,
so tests can check the plotted data, the title and the image bytes.

Speed (a slider move must cost well under 100 ms): a full ``canvas.draw()`` spends
most of its time laying out and rendering text (ticks, colour bar, labels), which
a slider move never changes. So each explorer *blits*: the artists that change
(image, lines, title, legend) are marked animated, the rest is drawn once as a
background, and each update restores that background and draws only those
artists on it (:class:`_Blitter`). The scales are fixed per activation (colour
limits, y-limits), so only a change of activation redraws the background.
``benchmarks/bench_widgets.py`` times the updates.

A cell whose last line is ``NeuronExplorer()`` shows the widget; to keep a
handle, write ``explorer = NeuronExplorer()`` and then ``explorer`` on the last line.
"""

from __future__ import annotations

import html
import io
import threading

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from course_lib._validation import as_choice, as_real
from course_lib.activations import ACTIVATIONS, Activation
from course_lib.plotting import FunctionPlot, NeuronPlane, decision_line_equation

__all__ = ["NeuronExplorer", "ActivationExplorer", "NEURON_ACTIVATIONS", "PARAMETER_SLIDERS"]

DPI = 90  # small images render and encode fast
NEURON_ACTIVATIONS = ("identity", "binary_step", "sigmoid", "tanh", "relu")
WEIGHT_RANGE = (-3.0, 3.0)  # the sliders of w1, w2 and b
PARAMETER_SLIDERS = {"c": (0.1, 10.0, 0.1), "alpha": (0.0, 2.0, 0.01)}
"""(min, max, step) of the parameter slider, by the parameter's name."""
_WIDE = {"description_width": "initial"}


def _new_axes(figsize):
    """A figure on its own Agg canvas (no pyplot: nothing to close, no inline display) and its axes."""
    figure = Figure(figsize=figsize, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _freeze_layout(figure, ax, title, ylim=None):
    """Lay the figure out once, with placeholders as wide as any later text, then keep that layout.

    Constrained layout would take half of each update's time; with the widest tick
    labels and a two-line ``title`` in place, the layout fits every later state.
    The title is then drawn by :class:`_Blitter`, which never lays anything out:
    the placeholder must be as tall as any later title.
    """
    ax.title.set_text(title)  # keeps the title's font size
    if ylim is not None:
        ax.set_ylim(*ylim)
    figure.canvas.draw()
    figure.set_layout_engine("none")
    ax.autoscale(True)  # set_ylim switched autoscaling off


class _Blitter:
    """Render a figure by drawing its changing ``artists`` over a stored background.

    The artists are marked animated, so ``canvas.draw()`` leaves them out: the
    first :meth:`render` draws the rest once and keeps it (``copy_from_bbox``);
    later ones restore it and draw only the artists, by zorder as a full draw
    would, which gives the same pixels (the tests check it). Give every artist
    that a changing one overlaps and that a full draw puts above it (the spines
    over an image), or its pixels get painted over.

    Changes to animated artists never make the figure stale, so ``figure.stale``
    before a render means that the background changed (colour limits, y-limits,
    ticks): then it is drawn and stored again.
    """

    def __init__(self, figure, artists):
        self.figure, self.background = figure, None
        self.artists = tuple(sorted(artists, key=lambda artist: artist.get_zorder()))  # stable
        for artist in self.artists:
            artist.set_animated(True)

    def render(self):
        """Bring the canvas's pixels up to date with the figure."""
        canvas = self.figure.canvas
        if self.background is None or self.figure.stale:
            canvas.draw()
            self.background = canvas.copy_from_bbox(self.figure.bbox)
        else:
            canvas.restore_region(self.background)
        for artist in self.artists:
            if artist.get_visible():
                artist.axes.draw_artist(artist)
        # drawing the legend moves its (not animated) parts, which would flag the figure as stale
        self.figure.stale = False


def _image_widget(figure) -> widgets.Image:
    """An Image shown at the figure's own size in pixels: never blown up (blurry, taller than a
    slide) by a wide output area, only shrunk where the space is narrower."""
    width = int(round(figure.get_figwidth() * figure.dpi))
    return widgets.Image(format="png", layout=widgets.Layout(width=f"{width}px", max_width="100%", height="auto"))


def _png(figure) -> bytes:
    """The pixels of the figure's canvas as PNG bytes (RGB: the figure is opaque; light compression: faster)."""
    pixels = np.asarray(figure.canvas.buffer_rgba())[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def _in_range(value, name: str, low: float, high: float) -> float:
    """``value`` as a float in ``[low, high]``, the range of its slider."""
    value = as_real(value, name)
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low:g} and {high:g} (the slider's range); got {value:g}.")
    return value


def _choice(activation, options) -> str:
    """The dropdown option that ``activation`` names, as :func:`~course_lib.neuron.neuron` accepts
    it: a name in any capitalisation (``'ReLU'``) or a built-in :class:`Activation`."""
    if isinstance(activation, Activation) and ACTIVATIONS.get(activation.name) is activation:
        activation = activation.name
    elif callable(activation) and not isinstance(activation, str):
        raise TypeError(
            f"activation must be the name of one of the dropdown's functions ({', '.join(options)}); got "
            f"{type(activation).__name__} {getattr(activation, '__name__', activation)!r}. The explorer draws only "
            "those; try your own function with neuron(x, w, b, activation=your_function)."
        )
    return as_choice(activation, "activation", options)


def _slider_values(act):
    """Every value of ``act``'s parameter slider (``(None,)`` without a parameter)."""
    if act.parameter is None:
        return (None,)
    low, high, step = PARAMETER_SLIDERS[act.parameter]
    return np.linspace(low, high, round((high - low) / step) + 1)


class _Explorer:
    """What both explorers share: one redraw at a time, display in a notebook, a short text form.

    JupyterLab 4.6 with ipykernel 7 may deliver widget messages on kernel subshells, i.e. on
    other threads than the main one, so two controls moved in quick succession can run their
    callbacks at the same time. matplotlib's canvas is not safe to draw from two threads at once
    (measured: frames with missing ticks, an empty colour bar, titles drawn over one another), so
    :meth:`update` holds a lock and subclasses draw in :meth:`_redraw`.
    """

    widget: widgets.Box

    @property
    def _lock(self) -> threading.RLock:
        return self.__dict__.setdefault("_redraw_lock", threading.RLock())  # setdefault is atomic

    def update(self):
        """Redraw the image for the controls' current values (one redraw at a time)."""
        with self._lock:
            self._redraw()

    def _redraw(self):
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        """Show :attr:`widget`, with ``repr(self)`` as the plain-text form (no image bytes)."""
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        return bundle


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
        self.widget = widgets.VBox([controls, self.image])
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
        self.image.value = _png(self.figure)

    def __repr__(self):
        return (f"NeuronExplorer(w1={self.w1.value:g}, w2={self.w2.value:g}, b={self.b.value:g}, "
                f"activation={self.activation.value!r})")


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
        self.widget = widgets.VBox([widgets.HBox([self.choice, *self._sliders.values()]), self.image])
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
        self.image.value = _png(self.figure)

    def __repr__(self):
        act = ACTIVATIONS[self.choice.value]
        parameter = f", parameter={self.parameter.value:g}" if act.parameter else ""
        return f"ActivationExplorer(activation={act.name!r}{parameter})"
