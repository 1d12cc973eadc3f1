"""The course's widgets: move a control, see the neuron, the activation or the training change.

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

One module per lesson concept (``neuron``, ``activations``, ``perceptron``, ``gradient_descent``,
``playground``) and a shared
``_core``; every public name is importable from ``course_lib.widgets``.
"""


from .activations import PARAMETER_SLIDERS, ActivationExplorer
from .gradient_descent import BATCH_MODES, GradientDescentExplorer
from .neuron import NEURON_ACTIVATIONS, NeuronExplorer
from .perceptron import TRAINING_SETS, PerceptronTrainer
from .playground import PRESETS, Playground

__all__ = ["NeuronExplorer", "ActivationExplorer", "PerceptronTrainer", "Playground", "NEURON_ACTIVATIONS",
           "PARAMETER_SLIDERS", "TRAINING_SETS", "PRESETS", "GradientDescentExplorer", "BATCH_MODES"]
