"""The widget of lesson 06 · The multilayer perceptron: TensorFlow Playground's training view, in the notebook.

:class:`Playground` trains a :class:`course_lib.mlp.MLPClassifier` one epoch per frame and
shows the network (a heat map per neuron over the plane, connections coloured by the sign of
their weight and as thick as its size), the prediction over the plane with the points, and the
training and test loss. Beside what the Playground offers it has what its users asked for:
softmax over three or more classes, accuracy and a confusion matrix, the student's own data
(``Playground(X, y)``), reset to the same weights with a visible seed, named presets that say why
they work or fail (:data:`PRESETS`), captions on each neuron, the exact weights on demand, the
whole configuration as a one-line dict (:attr:`Playground.config`), and a classroom mode that
shows only the controls of the day (``show=``).

Nothing here comes from the Playground's code: the training is the library's own, so after a
preset and N steps the playground holds exactly what ``MLPClassifier(...).fit`` learns from the
same data (:func:`playground_data`, :func:`feature_matrix`; the tests check it).
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from course_lib._validation import as_bool, as_choice, as_int
from course_lib.mlp import MLPClassifier

from ._core import _button, _describe, _description_widget, _Explorer, _image_widget, _PlayControl, _png, _row
from ._playground_figure import PlaygroundFigure
from ._playground_parts import (ACTIVATIONS, CONTROLS, DATASETS, DEFAULTS, FEATURES, LEARNING_RATES, MAX_CLASSES,
                                MAX_LAYERS, MAX_NEURONS, PRESETS, REGULARIZATION_RATES, YOUR_DATA, check_own_data,
                                check_settings, check_show, feature_matrix, model_settings, playground_data)

__all__ = ["Playground", "PRESETS", "FEATURES", "CONTROLS"]

_WIDE = {"description_width": "initial"}
_SLIDER = {"style": _WIDE, "layout": {"width": "340px"}}  # a track of 100 px or more, even with a deck's large labels
_PAGES = {"data": ("data", "noise", "train_ratio", "seed", "n_classes"), "inputs": ("features",),
          "network": ("hidden_layers", "activation"), "training": ("learning_rate", "regularization", "batch_size"),
          "show": ("show_test", "weights")}
"""The tabs of controls, each with the control groups of :data:`CONTROLS` it holds."""
_STRUCTURE = ("data", "noise", "train_ratio", "seed", "n_classes", "features", "hidden_layers", "activation")


def _each(control) -> tuple:
    """A control group as a tuple of its widgets."""
    return control if isinstance(control, tuple) else (control,)


def _number(v: float) -> str:
    return f"{v:.3f}" if np.isfinite(v) else "—"


class Playground(_Explorer):
    """Train a small network on points in the plane and watch every neuron learn, epoch by epoch.

    Parameters
    ----------
    X, y : array_like, optional
        Your own data: ``X`` of shape (n, 2) (the plane's two coordinates x₁, x₂) and one label per row
        (2 to 6 classes). Without them the data are one of the built-in shapes.
    data : {"circle", "XOR", "gaussians", "spiral", "moons"}, default "circle" ("your data" with X, y)
    noise : int, 0 to 50, default 0
        Per cent of the shape's size.
    train_ratio : int, 10 to 90, default 50
        Per cent of the 500 points (or of yours) that train; the rest test.
    seed : int, default 0
        Seeds the data, the training/test split, the initial weights and the shuffling.
    n_classes : int, 2 to 6, default 2
        Arms of the spiral.
    features : tuple of str, default ("x1", "x2")
        The inputs, any of ``"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"``.
    hidden_layers : tuple of int, default (4, 2)
        Neurons per hidden layer, 0 to 6 layers of 1 to 8 neurons.
    activation : {"relu", "tanh", "sigmoid", "linear"}, default "tanh"
    learning_rate : float on the grid 0.00001 … 10, default 0.3 (the default network learns the circle within
        about 15 epochs, a second or two of ▶; at the Playground's 0.03 it sits near 50 % for about 60)
    regularization : {None, "L1", "L2"}, default None
    regularization_rate : float on the grid 0, 0.001 … 10, default 0
    batch_size : int, 1 to 30, default 10
    show_test : bool, default False
        Draw the test points too (black rims).
    preset : str, optional
        One of :data:`PRESETS`; its settings replace the ones above that it names.
    show : sequence of str, optional
        Classroom mode: only these controls of :data:`CONTROLS` are shown (play, step, reset
        and the readout always are). The others keep their values.

    Attributes
    ----------
    model : MLPClassifier
        The network being trained (``coefs_``, ``intercepts_``, ``loss_curve_`` ...).
    X_train, X_test, y_train, y_test : ndarray
        The points in the plane; the network's inputs are ``feature_matrix(X_train, features)``.
    settings : dict
        The current settings; :attr:`config` as a one-line dict to paste into ``Playground(**config)``.
    play : ipywidgets.Play
        Each tick trains one epoch while ``play.playing`` (its own icon buttons are hidden: see ``play_button``).
    step_button, reset_button, regenerate_button : ipywidgets.Button
    controls : dict of ipywidgets
        One control (or a tuple of them) per entry of :data:`CONTROLS`.
    play_button : ipywidgets.ToggleButton
        "▶ play" / "❚❚ pause", linked in the browser to ``play.playing``.
    readout, confusion, key, caption, weights_view, config_view, why : ipywidgets.HTML
        ``caption`` describes the figure in words (a collapsed "describe the figure", rewritten every frame).
    image : ipywidgets.Image
    widget : ipywidgets.VBox

    Examples
    --------
    >>> playground = Playground(preset="circle with x₁² and x₂²")
    >>> playground.step(50)
    >>> playground.model.n_epochs_, playground.model.score(feature_matrix(playground.X_test, ("x1^2", "x2^2")),
    ...                                                     playground.y_test)
    (50, 1.0)
    >>> playground.config["features"], playground.config["hidden_layers"]
    (('x1^2', 'x2^2'), ())
    """

    def __init__(self, X=None, y=None, *, data=None, noise=0, train_ratio=50, seed=0, n_classes=2,
                 features=("x1", "x2"), hidden_layers=(4, 2), activation="tanh", learning_rate=0.3,
                 regularization=None, regularization_rate=0.0, batch_size=10, show_test=False, preset=None,
                 show=None):
        self._X, self._y = check_own_data(X, y)
        own = self._X is not None
        settings = {"data": (YOUR_DATA if own else "circle") if data is None else data, "noise": noise,
                    "train_ratio": train_ratio, "seed": seed, "n_classes": n_classes, "features": features,
                    "hidden_layers": hidden_layers, "activation": activation, "learning_rate": learning_rate,
                    "regularization": regularization, "regularization_rate": regularization_rate,
                    "batch_size": batch_size}
        if preset is not None:
            preset = as_choice(preset, "preset", PRESETS)
            settings.update(PRESETS[preset].settings)
        self.settings = check_settings(settings, own)
        self._show = check_show(show)
        show_test = as_bool(show_test, "show_test")
        self._syncing, self._message = False, ""
        self._make_controls(own, show_test, preset)
        self._figure = PlaygroundFigure()
        self.figure = self._figure.figure
        self.image = _image_widget(self.figure)
        self.widget = self._layout()
        with self._lock:
            self._rebuild()
        self._connect()

    # ------------------------------------------------------------ controls

    def _make_controls(self, own, show_test, preset):
        s = self.settings
        data_options = (YOUR_DATA, *DATASETS) if own else DATASETS
        c = {
            "preset": widgets.Dropdown(options=[("choose a preset …", "")] + [(n, n) for n in PRESETS],
                                       value=preset or "", description="preset", style=_WIDE,
                                       layout=widgets.Layout(width="330px")),
            "data": widgets.Dropdown(options=data_options, value=s["data"], description="data",
                                     layout=widgets.Layout(width="190px")),
            "noise": widgets.IntSlider(value=s["noise"], min=0, max=50, step=5, description="noise %", **_SLIDER),
            "train_ratio": widgets.IntSlider(value=s["train_ratio"], min=10, max=90, step=10,
                                             description="training %", **_SLIDER),
            "seed": widgets.BoundedIntText(value=s["seed"], min=0, max=2**31 - 1, description="seed",
                                           layout=widgets.Layout(width="150px")),
            "n_classes": widgets.IntSlider(value=s["n_classes"], min=2, max=MAX_CLASSES, description="spiral arms",
                                           **_SLIDER),
            "features": tuple(widgets.Checkbox(value=key in s["features"], description=label, indent=False,
                                               layout=widgets.Layout(width="85px"))
                              for key, (label, _) in FEATURES.items()),
            "hidden_layers": (widgets.IntSlider(value=len(s["hidden_layers"]), min=0, max=MAX_LAYERS,
                                                description="hidden layers", **_SLIDER),
                              *(widgets.BoundedIntText(value=(s["hidden_layers"] + (4,) * MAX_LAYERS)[i], min=1,
                                                       max=MAX_NEURONS, layout=widgets.Layout(width="52px"))
                                for i in range(MAX_LAYERS))),
            "activation": widgets.Dropdown(options=ACTIVATIONS, value=s["activation"], description="activation",
                                           style=_WIDE, layout=widgets.Layout(width="200px")),
            "learning_rate": widgets.SelectionSlider(options=[(f"{v:g}", v) for v in LEARNING_RATES],
                                                     value=s["learning_rate"], description="learning rate",
                                                     **_SLIDER),
            "regularization": (widgets.Dropdown(options=["none", "L1", "L2"], value=s["regularization"] or "none",
                                                description="regularisation", style=_WIDE,
                                                layout=widgets.Layout(width="200px")),
                               widgets.SelectionSlider(options=[(f"{v:g}", v) for v in REGULARIZATION_RATES],
                                                       value=s["regularization_rate"], description="rate", **_SLIDER)),
            "batch_size": widgets.IntSlider(value=s["batch_size"], min=1, max=30, description="batch size",
                                            **_SLIDER),
            "show_test": widgets.Checkbox(value=show_test, description="show test data", indent=False),
            "weights": widgets.Checkbox(value=False, description="show the exact weights", indent=False),
            "config": widgets.HTML(),
        }
        self.controls = c
        self.config_view = c["config"]
        self._player = _PlayControl(interval=100, maximum=10_000_000)
        self.play, self.play_button = self._player.play, self._player.button
        self.step_button = _button("step one epoch", "train one epoch: every training point once, in batches")
        self.reset_button = _button("reset", "back to epoch 0 and the same initial weights")
        self.regenerate_button = _button("regenerate", "new points: the seed plus 1")
        self.readout, self.confusion, self.weights_view, self.why = (widgets.HTML() for _ in range(4))
        self.caption = _description_widget()
        self.key = widgets.HTML(  # what the heat maps and lines are, always in view
            "<small>Left: each small square is one neuron's output over the whole plane (x₁ across, x₂ up): blue "
            "positive, orange negative, white zero; <b>2.3</b> is neuron 3 of layer 2, <b>P(c)</b> the probability "
            "of class c. Each line is a weight: blue positive, orange negative, thicker when larger.</small>",
            layout=widgets.Layout(max_width="100%"))

    def _layout(self) -> widgets.VBox:
        """The controls in tabs above the figure, so that the controls of the day and the figure are in view
        together on a laptop (1280 px, file browser open) and on a 1080 px slide; rows wrap where narrow."""
        c = self.controls
        for name in CONTROLS:
            for control in _each(c[name]):
                control.layout.display = None if name in self._show else "none"
        self.regenerate_button.layout.display = None if "seed" in self._show else "none"
        inputs_label = widgets.HTML("inputs:&nbsp;")
        contents = {"data": [c["data"], c["noise"], c["train_ratio"], c["seed"], self.regenerate_button, c["n_classes"]],
                    "inputs": [inputs_label, *c["features"]],
                    "network": [*c["hidden_layers"], c["activation"]],
                    "training": [c["learning_rate"], *c["regularization"], c["batch_size"]],
                    "show": [c["show_test"], c["weights"]]}
        pages = [(title, _row(contents[title])) for title, names in _PAGES.items()
                 if any(name in self._show for name in names)]
        rows = [_row([*self._player.widgets, self.step_button, self.reset_button, c["preset"]]), self.why]
        if pages:
            rows.append(widgets.Tab(children=[page for _, page in pages], titles=[title for title, _ in pages]))
        # beside the figure where the output is wide (a 1920 px slide), below it where it is not (a laptop)
        self.image.layout.flex = "0 1 auto"
        beside = widgets.VBox([self.key, self.confusion], layout=widgets.Layout(flex="1 1 280px", min_width="280px",
                                                                                 margin="0 0 0 8px"))
        figure = widgets.HBox([self.image, beside], layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        rows += [self.readout, figure, self.caption, self.weights_view, c["config"]]
        return widgets.VBox(rows)

    def _connect(self):
        c = self.controls
        for name in _STRUCTURE:
            for control in _each(c[name]):
                control.observe(self._on_structure, names="value")
        for control in (c["learning_rate"], *c["regularization"], c["batch_size"]):
            control.observe(self._on_training_setting, names="value")
        for control in (c["show_test"], c["weights"]):
            control.observe(lambda _: self._act(lambda: None), names="value")
        c["preset"].observe(self._on_preset, names="value")
        self.play.observe(self._on_tick, names="value")
        self.step_button.on_click(lambda _: self._act(self.step))
        self.reset_button.on_click(lambda _: self._act(self.reset))
        self.regenerate_button.on_click(lambda _: self._act(self.regenerate))

    def _read_controls(self) -> dict:
        c = self.controls
        layers = c["hidden_layers"]
        return {"data": c["data"].value, "noise": c["noise"].value, "train_ratio": c["train_ratio"].value,
                "seed": c["seed"].value, "n_classes": c["n_classes"].value,
                "features": tuple(key for key, box in zip(FEATURES, c["features"]) if box.value),
                "hidden_layers": tuple(box.value for box in layers[1:1 + layers[0].value]),
                "activation": c["activation"].value, "learning_rate": c["learning_rate"].value,
                "regularization": None if c["regularization"][0].value == "none" else c["regularization"][0].value,
                "regularization_rate": c["regularization"][1].value, "batch_size": c["batch_size"].value}

    def _write_controls(self, s: dict):
        """Set every control to the settings ``s`` without reacting to each change."""
        c, self._syncing = self.controls, True
        try:
            for name in ("data", "noise", "train_ratio", "seed", "n_classes", "activation", "learning_rate",
                         "batch_size"):
                c[name].value = s[name]
            for key, box in zip(FEATURES, c["features"]):
                box.value = key in s["features"]
            c["hidden_layers"][0].value = len(s["hidden_layers"])
            for box, n in zip(c["hidden_layers"][1:], s["hidden_layers"]):
                box.value = n
            c["regularization"][0].value = s["regularization"] or "none"
            c["regularization"][1].value = s["regularization_rate"]
        finally:
            self._syncing = False

    # ------------------------------------------------------------ callbacks (one at a time: see _Explorer)

    def _act(self, action):
        with self._lock:
            action()
            self.update()

    def _on_structure(self, change):
        if self._syncing:
            return
        with self._lock:
            if not any(box.value for box in self.controls["features"]):  # the last input cannot go
                self._syncing = True
                change["owner"].value = True
                self._syncing = False
                self._message = "The network needs at least one input: tick another before removing this one."
                self.update()
                return
            self.settings = check_settings(self._read_controls(), self._X is not None)
            self._rebuild()

    def _on_training_setting(self, change):
        if self._syncing:
            return
        with self._lock:
            self.settings = check_settings(self._read_controls(), self._X is not None)
            for key, value in model_settings(self.settings).items():
                setattr(self.model, key, value)                           # read anew by train_epochs
            self.update()

    def _on_preset(self, change):
        if self._syncing or not change["new"]:
            return
        self._act(lambda: self.load_preset(change["new"]))

    def _on_tick(self, change):
        with self._lock:
            ticks = self._player.ticks(change["new"])  # 0 once paused: a new network starts at epoch 0
            if ticks:
                self.step(min(ticks, 100))
                self.update()

    # ------------------------------------------------------------ what the controls do

    def _rebuild(self):
        """New data, features and network from :attr:`settings`, at epoch 0; playing stops."""
        self.pause()
        s = self.settings
        self.X_train, self.X_test, self.y_train, self.y_test = playground_data(s, self._X, self._y)
        self._inputs = (feature_matrix(self.X_train, s["features"]), feature_matrix(self.X_test, s["features"]))
        self.model = MLPClassifier(n_epochs=0, **model_settings(s)).fit(self._inputs[0], self.y_train,
                                                                        self._inputs[1], self.y_test)
        self._figure.build(self.model, s["features"], self.X_train, self.y_train, self.X_test, self.y_test,
                           self.model.classes_)
        self._message = ""
        self.controls["noise"].disabled = s["data"] == YOUR_DATA            # what does not apply, greyed
        self.controls["n_classes"].disabled = s["data"] != "spiral"
        layers = self.controls["hidden_layers"]
        for i, box in enumerate(layers[1:]):  # one box per hidden layer, the rest hidden
            box.layout.display = None if i < len(s["hidden_layers"]) and "hidden_layers" in self._show else "none"
        self._redraw()

    def pause(self):
        """Stop playing (the play button's pause); ticks still on their way are ignored."""
        self._player.pause()

    def step(self, n_epochs=1):
        """Train ``n_epochs`` more epochs (the step button trains one)."""
        n_epochs = as_int(n_epochs, "n_epochs", minimum=1, maximum=100_000)
        with self._lock:
            try:
                self.model.train_epochs(n_epochs)
            except ValueError as error:  # the weights overflowed: the library put them back
                self.pause()
                self._message = f"Training stopped: {error}"

    def reset(self):
        """Back to the same initial weights (same seed, same shuffles) at epoch 0; playing stops."""
        with self._lock:
            self.pause()
            self.model.reset()
            self._message = ""

    def regenerate(self):
        """New points: the seed plus one (also new initial weights, as the seed seeds both)."""
        with self._lock:
            self.controls["seed"].value = (self.settings["seed"] + 1) % 2**31  # its callback rebuilds

    def load_preset(self, name):
        """Start the demonstration ``name`` of :data:`PRESETS` (the other settings back to :data:`DEFAULTS`)."""
        name = as_choice(name, "name", PRESETS)
        with self._lock:
            settings = {**DEFAULTS, "data": self.settings["data"] if self._X is not None else DEFAULTS["data"],
                        **PRESETS[name].settings}
            self.settings = check_settings(settings, self._X is not None)
            self._write_controls(self.settings)
            self._syncing = True
            self.controls["preset"].value = name
            self._syncing = False
            self._rebuild()
            self.why.value = f"<b>{html.escape(name)}</b>: {html.escape(PRESETS[name].why)}"

    @property
    def config(self) -> dict:
        """Every setting as a dict: ``Playground(**config)`` (``Playground(X, y, **config)`` for your data)
        starts the same network on the same data, and ``show`` is there when only some controls are shown."""
        config = dict(self.settings, show_test=self.controls["show_test"].value)
        if self._show != CONTROLS:
            config["show"] = self._show
        return config

    # ------------------------------------------------------------ drawing

    def _redraw(self):
        m, s = self.model, self.settings
        train = self._accuracy(*self._inputs[:1], self.y_train)
        test, confusion = self._accuracy(self._inputs[1], self.y_test, confusion=True)
        losses = (m.loss_curve_[-1] if m.loss_curve_ else np.nan,
                  m.validation_loss_curve_[-1] if m.validation_loss_curve_ else np.nan)
        self._figure.show(m, self.controls["show_test"].value)
        self.image.value = _png(self.figure)
        self.readout.value = self._describe(m, train, test, losses)
        self.confusion.value = self._confusion_table(m, confusion)
        _describe(self.caption, self._alt_text(m, s, test))
        self.weights_view.value = self._weights_table() if self.controls["weights"].value else ""
        self.config_view.value = ("<details><summary>this playground in one line, to paste into a cell</summary>"
                                  f"<code>Playground(**{html.escape(repr(self.config), quote=False)})</code></details>")

    def _accuracy(self, inputs, y, confusion=False):
        predicted = self.model.predict(inputs)
        accuracy = float(np.mean(predicted == y))
        if not confusion:
            return accuracy
        classes = self.model.classes_
        table = np.zeros((classes.size, classes.size), dtype=int)
        np.add.at(table, (np.searchsorted(classes, y), np.searchsorted(classes, predicted)), 1)
        return accuracy, table

    def _describe(self, m, train, test, losses) -> str:
        message = f"<br><b>{html.escape(self._message)}</b>" if self._message else ""
        return (f"<span style='font-size:1.15em'><b>epoch {m.n_epochs_}</b> · loss: training {_number(losses[0])},"
                f" test {_number(losses[1])} · accuracy: training {train:.1%}, test {test:.1%}</span>{message}")

    def _confusion_table(self, m, confusion) -> str:
        names = [html.escape(str(c)) for c in m.classes_]
        head = "".join(f"<th>{n}</th>" for n in names)
        rows = "".join(f"<tr><th>{n}</th>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>"
                       for n, row in zip(names, confusion))
        matrix = (f"<table style='display:inline-table;border-spacing:6px 0;text-align:right'><tr><th>true ↓ "
                  f"predicted →</th>{head}</tr>{rows}</table>")
        return f"<div>test points, confusion matrix: {matrix}</div>"

    def _alt_text(self, m, s, test) -> str:
        inputs = ", ".join(FEATURES[f][0] for f in s["features"])
        hidden = " → ".join(str(n) for n in s["hidden_layers"])
        hidden = f"through {hidden} hidden {s['activation']} neurons" if hidden else "with no hidden layer straight"
        return (
            f"Figure. Left: the network, from {len(s['features'])} inputs ({inputs}) {hidden} to "
            f"{m.classes_.size} softmax outputs. Each small square is one neuron's "
            "output over the whole plane (x₁ across, x₂ up): blue positive, orange negative, white zero; a neuron "
            "labelled 2.3 is neuron 3 of layer 2, P(c) is the probability of class c. Each line is a weight: blue "
            "positive, orange negative, thicker when larger. Right: the network's prediction over the plane, "
            f"coloured by the most probable class and paler where it is unsure, with the {len(self.y_train)} "
            f"training points (white rims){' and test points (black rims)' if self.controls['show_test'].value else ''}"
            f"; below, the training and test loss after each epoch. Now: epoch {m.n_epochs_}, test accuracy "
            f"{test:.0%}.")

    def _weights_table(self) -> str:
        parts = []
        sources = [FEATURES[f][0] for f in self.settings["features"]]
        for l, (W, b) in enumerate(zip(self.model.coefs_, self.model.intercepts_), start=1):
            last = l == len(self.model.coefs_)
            targets = [f"P({c})" if last else f"{l}.{j + 1}" for j, c in
                       enumerate(self.model.classes_ if last else range(W.shape[1]))]
            head = "".join(f"<th>{html.escape(str(t))}</th>" for t in targets)
            rows = "".join(f"<tr><th>{html.escape(str(src))}</th>" + "".join(f"<td>{v:.6g}</td>" for v in row)
                           + "</tr>" for src, row in zip(sources, W))
            rows += "<tr><th>b</th>" + "".join(f"<td>{v:.6g}</td>" for v in b) + "</tr>"
            parts.append(f"<div style='display:inline-block;margin-right:18px;vertical-align:top'><b>W{l}, b{l}</b>"
                         f"<table style='border-spacing:8px 0;text-align:right'><tr><th></th>{head}</tr>{rows}"
                         "</table></div>")
            sources = targets
        return "".join(parts)

    def __repr__(self):
        m = self.model
        loss = f"{m.loss_curve_[-1]:.4f}" if m.loss_curve_ else "none yet"
        return f"Playground(epoch={m.n_epochs_}, training loss={loss}, config={self.config!r})"
