"""The spiral of lesson 07 (wider or deeper), printed as the lesson prints it.

    python3 -m course_tools.blas_kernels course_tools/stability_runs/spiral.py

must say "the same under every setting". Before issue 17 the spiral was one run of a 2-64-3
ReLU network with η = 0.5 and momentum 0.9, which gave training accuracy 0.93, 0.91 and 0.93
under the Haswell, Sandybridge and Prescott kernels: full-batch steps that large are chaotic.
Lesson 07's runs (η = 0.05) print the same two figures under every kernel, one thread, and
with the inputs moved by up to 1e-13 of their size.
"""

from course_lib.datasets import make_spirals
from course_lib.mlp import MLPClassifier


def main():
    X_spiral, y_spiral = make_spirals(n_samples=300, random_state=0)
    X_spiral_val, y_spiral_val = make_spirals(n_samples=300, random_state=1)
    for shape in [(64,), (16, 16)]:
        net = MLPClassifier(shape, "relu", learning_rate=0.05, momentum=0.9, n_epochs=3000, random_state=0)
        net.fit(X_spiral, y_spiral)
        print(f"{str(shape):8s} training {net.score(X_spiral, y_spiral):.2f}, "
              f"validation {net.score(X_spiral_val, y_spiral_val):.2f}")


if __name__ == "__main__":
    main()
