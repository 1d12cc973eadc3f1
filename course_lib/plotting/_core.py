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

    A notebook shows it as usual (the inline backend adds the PNG); the description becomes
    its plain-text form, the PNG's ``alt`` text (``output.metadata['image/png']['alt']``),
    which the course's slides and handouts put on the ``<img>``, and the ``alt`` of an
    ``<img>`` in its ``text/html`` form: JupyterLab shows ``text/html`` before ``image/png``
    and its image renderer reads no ``alt`` from the metadata, so this ``<img>`` is the one
    a screen reader meets there (stored untrusted notebooks too: the sanitiser keeps it).
    """

    description = ""

    def _repr_mimebundle_(self, include=None, exclude=None):
        if not self.description:
            return {}, {}
        data = {"text/plain": self.description}
        png = _inline_png(self)
        if png is not None:
            data["text/html"] = described_image_html(png, self.description)
        return data, {"image/png": {"alt": self.description}}


def described_image_html(png: bytes | str, description: str) -> str:
    """An ``<img>`` showing ``png`` (raw bytes, or already base64) with ``description`` as its alt text.

    >>> described_image_html(b"PNG", 'a "b" < c & d')
    '<img alt="a &quot;b&quot; &lt; c &amp; d" src="data:image/png;base64,UE5H">'
    """
    if isinstance(png, bytes):
        png = base64.b64encode(png).decode("ascii")
    return f'<img alt="{html.escape(description, quote=True)}" src="data:image/png;base64,{png.strip()}">'


def _inline_png(fig: Figure) -> bytes | str | None:
    """The PNG of ``fig`` exactly as IPython's own ``image/png`` formatter makes it, or None outside IPython.

    Asking IPython's formatter (the inline backend's, with its dpi and tight bounding box) keeps the
    HTML's image the same as the stored ``image/png``; where no formatter draws figures as PNG, the
    figure is not being shown as an image, so there is no ``<img>`` to describe.
    """
    try:
        from IPython import get_ipython  # only reached when something displays the figure
    except ImportError:
        return None
    shell = get_ipython()
    if shell is None:
        return None
    formatter = shell.display_formatter.formatters.get("image/png")
    if formatter is None or not formatter.enabled:
        return None
    try:
        printer = formatter.lookup(fig)
    except KeyError:
        return None
    png = printer(fig)
    if isinstance(png, tuple):  # the 'retina' format returns (data, metadata)
        png = png[0]
    return png or None


def _check_range(value, name: str) -> tuple[float, float]:
    """``value`` as a pair of finite reals ``(low, high)`` with ``low < high``, within ±``MAX_COORDINATE``."""
    return as_interval(value, name, limit=MAX_COORDINATE)


MAX_COORDINATE = 1e100  # matplotlib's autoscaling overflows for data near 1e300
MAX_PARAMETER = 1e6  # |c| or |alpha| beyond this draws nothing new, and the curves could overflow
