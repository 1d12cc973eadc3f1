"""Check cells: immediate, friendly feedback on the student's own functions.

Each lesson's exercises are followed by a cell such as
``check_celsius_to_fahrenheit(celsius_to_fahrenheit)``. See ``_core`` for the
contract every check follows.
"""

from ._core import NOT_ATTEMPTED, PASSED
from ._feedback import CheckFailed
from ._pending import uses_your_functions
from .activations import check_relu, check_sigmoid, check_sigmoid_grad, check_softmax
from .backprop import check_gradient_step, check_train
from .capstone import check_minibatch_epoch
from .gradient_descent import check_cost_gradient, check_gradient_descent_step, check_linear_cost, check_train_adaline
from .digits import check_accuracy, check_confusion_matrix, check_minibatches, check_one_hot
from .generalisation import check_early_stopping, check_l2_penalty, check_momentum_step
from .mlp import (check_backward_pass, check_hidden_delta, check_layer_forward, check_output_gradients,
                  check_softmax_cross_entropy)
from .neuron import check_layer_net_input, check_step_neuron, check_two_layer_forward, check_weighted_sum
from .perceptron import check_count_misclassified, check_perceptron_update, check_predict_sign, check_train_epoch
from .preprocessing import check_split_train_test, check_standardise, check_standardise_with_train
from .welcome import check_celsius_to_fahrenheit

__all__ = [
    "NOT_ATTEMPTED",
    "PASSED",
    "CheckFailed",
    "uses_your_functions",
    "check_celsius_to_fahrenheit",
    # lesson 01 · The artificial neuron
    "check_weighted_sum",
    "check_step_neuron",
    "check_layer_net_input",
    "check_two_layer_forward",
    # lesson 02 · Activation functions
    "check_sigmoid",
    "check_relu",
    "check_sigmoid_grad",
    "check_softmax",
    # lesson 03 · The perceptron learning rule
    "check_predict_sign",
    "check_perceptron_update",
    "check_train_epoch",
    "check_count_misclassified",
    # lesson 04 · Gradient descent
    "check_linear_cost",
    "check_cost_gradient",
    "check_gradient_descent_step",
    "check_train_adaline",
    # lesson 05 · Standardisation
    "check_standardise",
    "check_split_train_test",
    "check_standardise_with_train",
    # lesson 06 · Backpropagation
    "check_layer_forward",
    "check_softmax_cross_entropy",
    "check_output_gradients",
    "check_hidden_delta",
    "check_backward_pass",
    "check_gradient_step",
    "check_train",
    # lesson 07 · Generalisation
    "check_early_stopping",
    "check_l2_penalty",
    "check_momentum_step",
    # lesson 08 · Capstone: handwritten digits
    "check_one_hot",
    "check_minibatches",
    "check_minibatch_epoch",
    "check_accuracy",
    "check_confusion_matrix",
]
