"""Reference implementations for *Neural Networks from Scratch*.

One module per concept, in the order the lessons teach them; the notebooks
build each idea by hand, check it against the module, then import it.
"""

__version__ = "0.1.0"
