r"""Figures for the lessons, one call each, styled for a projector.

Every ``plot_*`` function returns a :class:`matplotlib.figure.Figure`; a notebook
cell whose last line is the call shows it once. Colours come from the
Okabe–Ito palette and images use ``cividis``, both readable with any colour
vision; fonts are 11–14 pt and figures fit a 16:9 slide (at most 10 × 5.5 in).

The artists of :func:`plot_neuron_plane` and :func:`plot_function_and_derivative`
are drawn by two small classes, :class:`NeuronPlane` and :class:`FunctionPlot`,
which can also update them in place: :mod:`course_lib.widgets` redraws with them.

One module per lesson concept (``neuron``, ``activations``, ``perceptron``, ``gradient_descent``) and a
shared ``_core``; every public name is importable from ``course_lib.plotting``.
"""


from ._core import COLORS, OKABE_ITO, style
from .activations import FunctionPlot, plot_activation_grid, plot_function_and_derivative
from .backprop import plot_hidden_lines, plot_loss_race
from .digits import plot_confusion_matrix, plot_digits, plot_learning_curves, plot_misclassified
from .gradient_descent import CostSurface, plot_cost_per_epoch, plot_cost_surface, plot_descent_1d
from .mlp import (plot_computational_graph, plot_datasets, plot_decision_regions_grid, plot_learning_slowdown,
                  plot_loss_curves)
from .neuron import NeuronPlane, colour_scale, decision_line_equation, plot_neuron_plane
from .perceptron import ClassesPlot, plot_decision_regions, plot_training_curves, plot_two_classes
from .preprocessing import plot_cost_surfaces_side_by_side, plot_costs_together

__all__ = [
    "OKABE_ITO", "COLORS", "style", "decision_line_equation",
    "plot_activation_grid", "plot_function_and_derivative", "plot_neuron_plane",
    "NeuronPlane", "FunctionPlot", "colour_scale",
    "plot_two_classes", "plot_decision_regions", "plot_training_curves", "ClassesPlot",
    "plot_datasets", "plot_computational_graph", "plot_learning_slowdown", "plot_decision_regions_grid",
    "plot_loss_curves", "plot_hidden_lines", "plot_loss_race",
    "plot_cost_surface", "CostSurface", "plot_descent_1d", "plot_cost_per_epoch",
    "plot_cost_surfaces_side_by_side", "plot_costs_together",
    "plot_digits", "plot_learning_curves", "plot_confusion_matrix", "plot_misclassified",
]
