"""What every figure of the course shares: colours, font sizes, styling, and figures that describe themselves."""

from __future__ import annotations

import base64
import html

from matplotlib.figure import Figure

from course_lib._validation import as_axes, as_bool, as_interval

__all__ = ["OKABE_ITO", "COLORS", "style"]

OKABE_ITO = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
"""Okabe & Ito's colour-blind-safe palette: black, orange, sky blue, bluish green,
yellow, blue, vermillion, reddish purple."""
COLORS = {"function": "#0072B2", "derivative": "#D55E00", "line": "#D55E00", "zero": "0.82"}
CMAP = "cividis"  # perceptually uniform and colour-blind safe
TITLE_SIZE, LABEL_SIZE, TICK_SIZE = 14, 13, 12


def style(ax, title=None, xlabel=None, ylabel=None, *, zero_lines=True):
    """Give ``ax`` the course's font sizes, labels and light-grey zero lines; return ``ax``."""
    ax, zero_lines = as_axes(ax), as_bool(zero_lines, "zero_lines")
    if title is not None:
        ax.set_title(title, fontsize=TITLE_SIZE)
    if xlabel is not None:
        ax.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    if ylabel is not None:
        ax.set_ylabel(ylabel, fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    if zero_lines:
        ax.axhline(0.0, color=COLORS["zero"], linewidth=1.0, zorder=0)
        ax.axvline(0.0, color=COLORS["zero"], linewidth=1.0, zorder=0)
    return ax


def _num(value: float) -> str:
    """``value`` rounded for a title: 1.0 -> '1', -0.25 -> '−0.25' (with a true minus sign)."""
    text = f"{round(float(value), 2) + 0.0:g}"  # + 0.0 turns -0.0 into 0.0
    return text.replace("-", "\u2212")


class DescribedFigure(Figure):
    """A figure that carries a short description of what it shows, written from its data.

    Shown in a notebook, it is an ``<img>`` in its ``text/html`` form, whose ``alt`` is the
    description: JupyterLab shows ``text/html`` before ``image/png`` and its image renderer reads
    no ``alt`` from an output's metadata, and its sanitiser keeps this ``<img>`` in stored,
    untrusted notebooks. The PNG inside is the inline backend's own, drawn once, and no separate
    ``image/png`` is stored (it would double the notebook). The description is also the figure's
    plain text and, for any tool that reads it there, ``output.metadata['image/png']['alt']``.
    """

    description = ""

    def _repr_mimebundle_(self, include=None, exclude=None):
        if not self.description:
            return {}, {}
        data = {"text/plain": self.description}
        image = _inline_png(self)
        if image is not None:
            data["text/html"] = described_image_html(*image, self.description)
        return data, {"image/png": {"alt": self.description}}


def described_image_html(png: bytes | str, size: dict, description: str) -> str:
    """An ``<img>`` showing ``png`` (raw bytes, or already base64) with ``description`` as its alt text.

    ``size`` holds the ``width`` and ``height`` to show it at, if any (a 'retina' PNG is drawn at twice them).

    >>> described_image_html(b"PNG", {}, 'a "b" < c & d')
    '<img alt="a &quot;b&quot; &lt; c &amp; d" src="data:image/png;base64,UE5H">'
    """
    if isinstance(png, bytes):
        png = base64.b64encode(png).decode("ascii")
    shown_at = "".join(f' {name}="{int(size[name])}"' for name in ("width", "height") if name in size)
    return f'<img alt="{html.escape(description, quote=True)}"{shown_at} src="data:image/png;base64,{png.strip()}">'


def _inline_png(fig: Figure) -> tuple[bytes | str, dict] | None:
    """The PNG of ``fig`` as IPython's ``image/png`` formatter draws any figure, and the size to show it at;
    None outside IPython, or where figures are not shown as PNG (then there is no ``<img>`` to describe).

    The first time, it also tells that formatter to leave out the ``image/png`` of a described figure,
    whose PNG its ``text/html`` holds: the PNG is drawn once, and a notebook stores it once.
    """
    try:
        from IPython import get_ipython  # only reached when something displays the figure
    except ImportError:
        return None
    shell = get_ipython()
    formatter = shell.display_formatter.formatters.get("image/png") if shell is not None else None
    printer = _figure_printer(formatter)
    if printer is None:
        return None
    if DescribedFigure not in formatter.type_printers:
        formatter.for_type(DescribedFigure, _png_unless_described(formatter))
    image = printer(fig)
    png, size = image if isinstance(image, tuple) else (image, {})  # 'retina' gives (data, metadata)
    return (png, size or {}) if png else None


def _figure_printer(formatter):
    """What ``formatter`` (IPython's ``image/png`` one) draws a plain matplotlib Figure with, if anything."""
    if formatter is None or not formatter.enabled:
        return None
    try:
        return formatter.lookup_by_type(Figure)
    except KeyError:
        return None


def _png_unless_described(formatter):
    """An ``image/png`` printer for DescribedFigure: none for a described figure, whose ``text/html``
    carries its PNG; otherwise the PNG any figure gets (looked up each time, as a user may change it)."""

    def printer(fig):
        draw = _figure_printer(formatter)
        if fig.description or draw is None:
            return None
        return draw(fig)

    return printer


def _check_range(value, name: str) -> tuple[float, float]:
    """``value`` as a pair of finite reals ``(low, high)`` with ``low < high``, within ±``MAX_COORDINATE``."""
    return as_interval(value, name, limit=MAX_COORDINATE)


MAX_COORDINATE = 1e100  # matplotlib's autoscaling overflows for data near 1e300
MAX_PARAMETER = 1e6  # |c| or |alpha| beyond this draws nothing new, and the curves could overflow
