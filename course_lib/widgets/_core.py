"""What every widget of the course shares: a figure drawn once and blitted, its PNG, one redraw at a time."""

from __future__ import annotations

import html
import struct
import threading
import zlib

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from course_lib._validation import as_choice, as_real
from course_lib.activations import ACTIVATIONS, Activation


__all__ = []

DPI = 90  # small images render and encode fast
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


def _row(children, **layout) -> widgets.HBox:
    """A row of controls that wraps onto a second line where the output is narrow (a laptop with the
    file browser open) instead of squeezing a slider to nothing or cutting a button's label."""
    for child in children:
        child.layout.flex = "0 0 auto"
    return widgets.HBox(list(children), layout=widgets.Layout(flex_flow="row wrap", align_items="center", **layout))


def _button(label: str, tooltip: str) -> widgets.Button:
    """A button whose text is its label (for a screen reader too) and whose tooltip says what it does;
    as wide as its label, never cut. Unicode symbols, not icons: the static pages lack the icon font."""
    return widgets.Button(description=label, tooltip=tooltip, layout=widgets.Layout(width="auto"))


class _PlayControl:
    """Play and pause as one labelled toggle button ("▶ play" / "❚❚ pause", with a tooltip), driving an
    ``ipywidgets.Play`` whose own buttons (three unlabelled icons) stay hidden.

    The Play widget keeps the time in the browser: its model ticks ``value`` every ``interval`` ms
    while ``playing``, and each tick reaches the kernel. The toggle is linked to ``playing`` in the
    browser (``jslink``), so a click starts the clock without a round trip to a busy kernel; the
    kernel's ``play.playing = False`` (pause, reset, a new network) turns the toggle back too.
    Ticks already on their way when the kernel paused are ignored by :meth:`ticks`.
    """

    def __init__(self, interval: int, maximum: int):
        self.play = widgets.Play(value=0, min=0, max=maximum, step=1, interval=interval, description="play",
                                 show_repeat=False, layout=widgets.Layout(display="none"))
        self.button = widgets.ToggleButton(value=False, description="▶ play", tooltip="play: one step per tick",
                                           layout=widgets.Layout(width="auto"))
        self.link = widgets.jslink((self.button, "value"), (self.play, "playing"))
        self.play.observe(self._label, names="playing")
        self._last_tick = 0

    def _label(self, change=None):
        playing = self.play.playing
        self.button.value = playing  # the link does this in a browser; without one, here
        self.button.description = "❚❚ pause" if playing else "▶ play"
        self.button.tooltip = "pause" if playing else "play: one step per tick"

    def pause(self):
        """Stop the clock; ticks sent before the browser hears of it are ignored."""
        self.play.playing = False
        self._last_tick = self.play.value

    def ticks(self, value) -> int:
        """How many steps a new ``value`` of the Play widget asks for: 0 when paused or rewound."""
        ticks, self._last_tick = value - self._last_tick, value
        return ticks if self.play.playing and ticks > 0 else 0

    @property
    def widgets(self) -> list:
        """What to put in a row: the toggle, and the (hidden) Play widget whose view runs the clock."""
        return [self.button, self.play]


def _description_widget() -> widgets.HTML:
    """A collapsed "describe the figure" text under a widget's image: the alt text of a picture that changes.

    ipywidgets' Image has no alt attribute; this text, rewritten at every redraw, is read by screen
    readers and shown on demand, in JupyterLab and in the static pages alike.
    """
    return widgets.HTML(layout=widgets.Layout(max_width="100%"))


def _describe(widget: widgets.HTML, text: str) -> None:
    """Put ``text`` into a description widget made by :func:`_description_widget`."""
    widget.value = (f'<details class="course-figure-description"><summary>describe the figure</summary>'
                    f"<p>{html.escape(text)}</p></details>")


def _png(figure) -> bytes:
    """The canvas's pixels as PNG bytes, written directly: RGB, no row filter, zlib level 1.

    About twice as fast as Pillow's encoder on these figures (it tries a filter per row), and no
    larger: they are mostly flat colour, which deflate packs well unfiltered. One copy of the pixels
    (into the rows, each after its filter byte 0), handed to zlib as they are.
    """
    rgba = np.asarray(figure.canvas.buffer_rgba())
    height, width, _ = rgba.shape
    rows = np.empty((height, 1 + 3 * width), dtype=np.uint8)
    rows[:, 0] = 0
    rows[:, 1:].reshape(height, width, 3)[...] = rgba[..., :3]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, RGB, deflate, no filter, no interlace
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 1))
            + chunk(b"IEND", b""))


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
