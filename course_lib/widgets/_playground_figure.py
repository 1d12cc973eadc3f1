"""The playground's figure: the network with a heat map per neuron, the output over the plane, the loss.

Built once per network shape (:meth:`PlaygroundFigure.build`); every frame after that only
hands new arrays to persistent artists (``set_data`` on two images and two lines, new colours and
widths for the connections) and blits them over the stored background (:meth:`PlaygroundFigure.render`).
Every hidden and output neuron's heat map is a square of one RGBA image, so a 6 × 8 network costs
one image draw, not fifty.
"""

from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure

from course_lib.mlp import _forward
from course_lib.plotting.perceptron import CLASS_COLORS, CLASS_MARKERS

from ._core import DPI
from ._playground_parts import FEATURES, feature_matrix

POSITIVE, NEGATIVE = CLASS_COLORS[0], CLASS_COLORS[1]  # blue and orange, as the weights' signs
NEURON_CMAP = LinearSegmentedColormap.from_list("neuron", [NEGATIVE, "white", POSITIVE])
GRID = 48  # the output's heat map is GRID × GRID; each neuron's every second point of it
SQUARE = GRID // 2
COLUMN, HALF = 1.8, 0.36  # distance between layers and half a neuron's square, in the diagram's units
EPOCH_AXIS = 50


def _rows(n: int) -> np.ndarray:
    return (n - 1) / 2 - np.arange(n)  # centred, top to bottom


class PlaygroundFigure:
    """The figure and its persistent artists; :meth:`build` for a new network, :meth:`show` per frame.

    Speed: the axes of the prediction and of the loss are made once, with their ticks, labels, title
    and legend, and only their limits change; a rebuild redraws into the stored background only the
    regions whose axes changed (the network's always; the prediction's when the plane's extent
    changes; the loss's when its limits do), each a band of the figure that no other axes draws into
    (:attr:`regions`), instead of the whole figure. Then, as every frame, the changing artists are
    drawn over it (the blitting of :class:`._core._Blitter`). The tests check that the pixels are
    those of a full drawing.
    """

    def __init__(self):
        self.figure = Figure(figsize=(11.5, 5.0), dpi=DPI)
        FigureCanvasAgg(self.figure)
        grid = self.figure.add_gridspec(2, 2, width_ratios=[1.45, 1], height_ratios=[2.4, 1], left=0.01, right=0.985,
                                        bottom=0.1, top=0.93, wspace=0.12, hspace=0.45)
        self.net_ax = self.figure.add_subplot(grid[:, 0])
        self.out_ax = self.figure.add_subplot(grid[0, 1])
        self.loss_ax = self.figure.add_subplot(grid[1, 1])
        self.extent, self.classes, self.background, self.regions = None, None, None, None
        self._stale = set()                                      # axes whose region must be drawn again
        self._build_output_axes()
        self._build_loss()
        self._class_artists = [*self.train_points, *self.test_points]

    # ------------------------------------------------------------ once per network and data

    def build(self, model, features, X_train, y_train, X_test, y_test, classes):
        """Draw everything that stays until the network, the features or the data change."""
        for artist in [*self.net_ax.texts, *self.net_ax.images, *self.net_ax.collections]:  # cheaper than clear()
            artist.remove()
        self.features, self.classes = features, classes
        codes_train, codes_test = np.searchsorted(classes, y_train), np.searchsorted(classes, y_test)
        points = np.vstack([X_train, X_test])
        low, high = points.min(axis=0), points.max(axis=0)
        margin = 0.08 * np.maximum(high - low, 1e-9)
        extent = (low[0] - margin[0], high[0] + margin[0], low[1] - margin[1], high[1] + margin[1])
        g1, g2 = np.meshgrid(np.linspace(*extent[:2], GRID), np.linspace(*extent[2:], GRID))
        self.grid_inputs = feature_matrix(np.column_stack([g1.ravel(), g2.ravel()]), features)   # (GRID², d)
        self._class_rgb = np.array([to_rgb(CLASS_COLORS[k]) for k in range(len(classes))])   # (k, 3)
        self._build_network(model)
        self._stale.add(self.net_ax)
        if extent != self.extent:
            self.extent = extent
            self.out_ax.set_xlim(*extent[:2])
            self.out_ax.set_ylim(*extent[2:])
            self.output_image.set_extent(extent)
            self._stale.add(self.out_ax)
        self._set_points(X_train, codes_train, X_test, codes_test)
        self._set_loss_limits(EPOCH_AXIS, 1.2 * np.log(max(len(classes), 2)) + 0.2)
        self.train_line.set_data([], [])
        self.test_line.set_data([], [])

    def _build_network(self, model):
        """Inputs, labels and headings in the background; every other neuron's heat map is a square of
        one RGBA image over the whole diagram (one image to draw per frame, however many neurons)."""
        ax = self.net_ax
        ax.set_axis_off()
        sizes = [len(self.features), *[W.shape[1] for W in model.coefs_]]
        self.positions = [np.column_stack([np.full(n, c * COLUMN), _rows(n)]) for c, n in enumerate(sizes)]
        tallest = max(max(sizes), 4)
        inputs_grid = self.grid_inputs.reshape(GRID, GRID, -1)[::2, ::2]
        pixel = 2 * HALF / SQUARE                                           # one value of a neuron's map
        x0, y0 = -0.75, -tallest / 2 - 0.2
        width = int(np.ceil(((len(sizes) - 1) * COLUMN + 0.75 - x0) / pixel))
        height = int(np.ceil((tallest / 2 + 0.75 - y0) / pixel))
        self.diagram = np.zeros((height, width, 4), dtype=np.uint8)          # transparent between the squares
        self.squares, self.neuron_values = [], []
        for c, (where, n) in enumerate(zip(self.positions, sizes)):
            last, first = c == len(sizes) - 1, c == 0
            head = ("inputs" if first else "outputs" if last else f"layer {c}\n{n} {model.activation}")
            ax.text(c * COLUMN, tallest / 2 + 0.1, head, ha="center", va="bottom", fontsize=12)
            for j, (x, y) in enumerate(where):
                if first:  # the inputs never change: drawn in the background
                    values = inputs_grid[..., j]
                    ax.imshow(values / max(np.abs(values).max(), 1e-12), cmap=NEURON_CMAP, vmin=-1, vmax=1,
                              extent=(x - HALF, x + HALF, y - HALF, y + HALF), origin="lower", interpolation="nearest")
                    ax.text(x - HALF - 0.08, y, FEATURES[self.features[j]][0], ha="right", va="center", fontsize=13)
                else:
                    row, col = int(round((y - HALF - y0) / pixel)), int(round((x - HALF - x0) / pixel))
                    self.squares.append((slice(row, row + SQUARE), slice(col, col + SQUARE)))
                    label = f"P({self.classes[j]})" if last else f"{c}.{j + 1}"
                    ax.text(x, y - HALF - 0.02, label, ha="center", va="top", fontsize=8.5, color="0.2",
                            zorder=-0.5)  # under the heat maps and connections, as blitted over the background
        self.n_hidden = len(self.squares) - len(self.classes)
        self.neuron_image = ax.imshow(self.diagram, extent=(x0, x0 + width * pixel, y0, y0 + height * pixel),
                                      origin="lower", interpolation="nearest", zorder=0)
        segments = []
        for c in range(len(sizes) - 1):
            for a in self.positions[c]:
                for b in self.positions[c + 1]:
                    segments.append([(a[0] + HALF, a[1]), (b[0] - HALF, b[1])])
        self.connections = LineCollection(segments, zorder=0.5)
        ax.add_collection(self.connections, autolim=False)
        ax.set_xlim(-1.7, (len(sizes) - 1) * COLUMN + 0.75)             # after imshow; room for "sin x₁" on the left
        ax.set_ylim(-tallest / 2 - 0.2, tallest / 2 + 0.75)
        ax.set_aspect("equal", adjustable="box")
        for artist in (self.neuron_image, self.connections):
            artist.set_animated(True)

    def _build_output_axes(self):
        """The prediction's axes, once: labels, title, the image, and a pair of point sets per possible class."""
        ax = self.out_ax
        ax.tick_params(labelsize=11)
        ax.set_xlabel("x₁", fontsize=12, labelpad=1)
        ax.set_ylabel("x₂", fontsize=12, labelpad=1)
        self.output_image = ax.imshow(np.full((GRID, GRID, 3), 255, dtype=np.uint8), extent=(0, 1, 0, 1),
                                      origin="lower", interpolation="bilinear", aspect="auto", zorder=0)
        self.train_points, self.test_points = [], []
        for k in range(len(CLASS_COLORS)):
            colour, marker = CLASS_COLORS[k], CLASS_MARKERS[k]
            self.train_points.append(ax.scatter([], [], s=22, c=colour, marker=marker, edgecolors="white",
                                                linewidths=0.6, zorder=2))
            self.test_points.append(ax.scatter([], [], s=22, c=colour, marker=marker, edgecolors="black",
                                               linewidths=0.9, zorder=2))
        ax.set_title("the prediction over the plane", fontsize=13)
        in_drawing_order = [points for pair in zip(self.train_points, self.test_points) for points in pair]
        self.output_artists = [self.output_image, *in_drawing_order, *ax.spines.values()]

    def _set_points(self, X_train, codes_train, X_test, codes_test):
        for k, (train, test) in enumerate(zip(self.train_points, self.test_points)):
            train.set_offsets(X_train[codes_train == k])
            test.set_offsets(X_test[codes_test == k])

    def _build_loss(self):
        ax = self.loss_ax
        ax.tick_params(labelsize=11)
        ax.set_xlabel("epoch", fontsize=12, labelpad=1)
        ax.grid(alpha=0.3)
        (self.train_line,) = ax.plot([], [], color="0.15", linewidth=2, label="training")
        (self.test_line,) = ax.plot([], [], color=CLASS_COLORS[2], linewidth=2, linestyle="--", label="test")
        ax.legend(fontsize=10, loc="upper right", framealpha=0.9)
        ax.set_title("loss per epoch", fontsize=12)

    def _set_loss_limits(self, epochs, top):
        if self.loss_ax.get_xlim() != (0, epochs) or self.loss_ax.get_ylim() != (0, top):
            self.loss_ax.set_xlim(0, epochs)
            self.loss_ax.set_ylim(0, top)
            self._stale.add(self.loss_ax)

    @property
    def animated(self) -> list:
        """The artists drawn at every frame, over the background."""
        return [self.neuron_image, self.connections, *self.output_artists, self.train_line, self.test_line]

    # ------------------------------------------------------------ every frame

    def show(self, model, show_test: bool):
        """Update every changing artist from ``model`` and render the frame (no layout, no text measuring)."""
        Zs, As = _forward(self.grid_inputs, model.coefs_, model.intercepts_, model._act, "softmax")
        maps = np.concatenate([A.reshape(GRID, GRID, -1)[::2, ::2] for A in As[1:]], axis=-1)  # (S, S, neurons)
        maps = np.moveaxis(maps, -1, 0)                                   # (neurons, S, S)
        hidden = maps[:self.n_hidden]
        if model.activation == "sigmoid":
            hidden = 2.0 * hidden - 1.0                                   # 0..1 → −1..1
        elif model.activation in ("relu", "linear"):                      # each neuron on its own scale
            hidden = hidden / np.maximum(np.abs(hidden).max(axis=(1, 2), keepdims=True), 1e-12)
        probabilities = maps[self.n_hidden:]                              # white 0 … its class's colour 1
        self.neuron_values = [*hidden, *probabilities]
        white_to_class = [255.0 * (1.0 - p[..., None] * (1.0 - np.append(self._class_rgb[k], 1.0)))
                          for k, p in enumerate(probabilities)]                # (S, S, 4) each, alpha 1
        colours = [*NEURON_CMAP(0.5 * (hidden + 1.0), bytes=True),
                   *(c.round().astype(np.uint8) for c in white_to_class)]
        for (rows, cols), rgba in zip(self.squares, colours):
            self.diagram[rows, cols] = rgba
        self.neuron_image.set_data(self.diagram)
        weights = np.concatenate([W.ravel() for W in model.coefs_])     # (i, j) order = the segments' order
        self.connections.set_color(np.where(weights[:, None] > 0, to_rgb(POSITIVE), to_rgb(NEGATIVE)))
        self.connections.set_linewidth(0.3 + 3.7 * np.abs(weights) / max(np.abs(weights).max(), 1.0))  # ≤ 4 pt
        P = As[-1]                                                        # (GRID², k) class probabilities
        k = P.shape[1]
        confidence = (P.max(axis=1) - 1.0 / k) / (1.0 - 1.0 / k)         # 0 undecided … 1 sure
        rgb = 255.0 * (1.0 - 0.75 * confidence[:, None] * (1.0 - self._class_rgb[P.argmax(axis=1)]))
        self.output_image.set_data(rgb.round().astype(np.uint8).reshape(GRID, GRID, 3))
        for points in self.test_points:
            points.set_visible(show_test)
        epochs = np.arange(1, len(model.loss_curve_) + 1)
        self._fit_loss_axes(model)
        self.train_line.set_data(epochs, model.loss_curve_)
        self.test_line.set_data(epochs, model.validation_loss_curve_)
        self.render()

    def _fit_loss_axes(self, model):
        """Widen the epoch axis (doubling) or raise the loss axis when the curves leave them: a new background."""
        limit = EPOCH_AXIS
        while limit < model.n_epochs_:
            limit *= 2
        top = max([*model.loss_curve_[-1:], *model.validation_loss_curve_[-1:], 0.0])
        self._set_loss_limits(limit, 2 * top if top > self.loss_ax.get_ylim()[1] else self.loss_ax.get_ylim()[1])

    # ------------------------------------------------------------ rendering

    def render(self):
        """Bring the canvas's pixels up to date: the stale regions of the background, then the changing artists."""
        canvas = self.figure.canvas
        for artist in self.animated:
            artist.set_animated(True)
        if self.background is not None and self._stale and self.regions is not None:
            canvas.restore_region(self.background)
            renderer, pixels = canvas.get_renderer(), np.asarray(canvas.buffer_rgba())
            for ax in sorted(self._stale, key=self.regions.index_of):
                rows, cols = self.regions[ax]
                pixels[rows, cols] = 255                            # the figure's white, then this axes alone
                ax.draw(renderer)
            if not self._regions_hold(renderer):         # wider tick labels (your data): draw it all
                self.background = None
        elif self._stale:
            self.background = None
        if self.background is None:                                 # the first time, or no regions: the whole figure
            canvas.draw()
            self.regions = self._find_regions(canvas.get_renderer())
        if self.background is None or self._stale:
            self.background = canvas.copy_from_bbox(self.figure.bbox)
            self._stale.clear()
        else:
            canvas.restore_region(self.background)
        for ax in (self.net_ax, self.out_ax, self.loss_ax):
            for artist in sorted((a for a in self.animated if a.axes is ax), key=lambda a: a.get_zorder()):
                if artist.get_visible():
                    ax.draw_artist(artist)
        self.figure.stale = False

    def _find_regions(self, renderer) -> _Regions | None:
        """The band of pixels each axes draws into, ticks and titles included, from a full drawing: the
        network's column on the left (its whole grid cell: the diagram grows with the network, within
        it); on the right, the prediction above and the loss below."""
        height, width = int(self.figure.bbox.height), int(self.figure.bbox.width)
        out, loss = (ax.get_tightbbox(renderer) for ax in (self.out_ax, self.loss_ax))
        net = self.net_ax.get_subplotspec().get_position(self.figure).transformed(self.figure.transFigure)  # its cell
        split_x = int(round((net.x1 + min(out.x0, loss.x0)) / 2))
        split_y = height - int(round((out.y0 + loss.y1) / 2))       # pixel rows count from the top
        if not (net.x1 < split_x < min(out.x0, loss.x0) and loss.y1 < height - split_y < out.y0):
            return None                                             # they overlap: draw the whole figure each time
        return _Regions({self.net_ax: (slice(0, height), slice(0, split_x)),
                         self.out_ax: (slice(0, split_y), slice(split_x, width)),
                         self.loss_ax: (slice(split_y, height), slice(split_x, width))})

    def _regions_hold(self, renderer) -> bool:
        """Whether what the stale axes drew lies inside their regions. Only the prediction's y tick labels and
        label can grow (wider numbers, towards the network's region); the tick labels' extents are the
        ones the drawing just measured, a cheap look-up, unlike a tight bounding box."""
        for ax in self._stale:
            if ax is not self.out_ax:
                continue
            texts = [tick.label1 for tick in ax.yaxis.get_major_ticks() if tick.label1.get_visible()]
            left = min(text.get_window_extent(renderer).x0 for text in [*texts, ax.yaxis.label])
            if left < self.regions[ax][1].start:
                return False
        return True


class _Regions(dict):
    """Axes → (rows, columns) of the figure's pixels; drawn in the order a full drawing draws them."""

    def index_of(self, ax) -> int:
        return list(self).index(ax)
