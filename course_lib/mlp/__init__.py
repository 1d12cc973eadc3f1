r"""Lesson 06 · The multilayer perceptron and backpropagation.

A network of layers :math:`Z_l = A_{l-1} W_l + b_l,\ A_l = f(Z_l)`, :math:`A_0 = X`,
learns by gradient descent on a loss; backpropagation is the chain rule, layer by layer
from the output back. The lesson's pieces, one module each:

- :mod:`course_lib.mlp.network`, the maths as plain functions on lists of weights and
  biases: :func:`init_params`, :func:`forward`, :func:`cross_entropy`,
  :func:`squared_error`, :func:`backward`;
- :mod:`course_lib.mlp.gradcheck`: :func:`gradient_check`, which holds any backward pass
  (the library's, or a student's function) against central differences and names the
  layer, parameter and index that disagree most;
- :mod:`course_lib.mlp.slowdown`: :func:`learning_slowdown`, one sigmoid neuron trained
  with either loss;
- :mod:`course_lib.mlp.classifier`: :class:`MLPClassifier`, the estimator built on them
  (softmax output, cross-entropy), which a widget can also train step by step.

Every name is importable from here, as the lessons do: ``from course_lib.mlp import MLPClassifier``.
"""

from __future__ import annotations

from course_lib.mlp.classifier import MLPClassifier, _labels  # _forward and _labels: for the playground widget
from course_lib.mlp.gradcheck import GradientCheck, gradient_check
from course_lib.mlp.network import _forward, backward, cross_entropy, forward, init_params, squared_error
from course_lib.mlp.slowdown import learning_slowdown

__all__ = ["init_params", "forward", "cross_entropy", "squared_error", "backward", "gradient_check",
           "learning_slowdown", "MLPClassifier"]
