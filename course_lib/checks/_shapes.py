"""Shape errors explained with shapes.

When the student's line raises numpy's "matmul: … mismatch in its core dimension", "operands
could not be broadcast together" or "shapes … not aligned", :func:`explain_shape_error` reads
the failing line, works out the shape of every operand from the student's own variables (the
frame's namespace, without calling anything of theirs) and names the product that fails::

    dZ2 @ W2: dZ2 is (5, 3), W2 is (4, 3); @ needs the 3 columns of dZ2 to match the 4 rows of W2.

It evaluates only names, ``.T``, indexing, arithmetic and numpy functions without side
effects (``np.tanh``, ``.sum(axis=1)`` …), so nothing of the student's runs twice.
"""

from __future__ import annotations

import ast

import numpy as np

_SHAPE_ERRORS = ("matmul", "could not be broadcast", "not aligned", "shapes")
_OPERATORS = {ast.MatMult: "@", ast.Mult: "*", ast.Add: "+", ast.Sub: "-", ast.Div: "/", ast.Pow: "**"}
_WORDS = {"+": "adding", "-": "subtracting", "/": "dividing"}  # "- works …" reads badly
# numpy functions and array methods without side effects, which may be evaluated to learn a shape
_PURE = {"tanh", "exp", "log", "sqrt", "abs", "maximum", "minimum", "cosh", "sinh", "square", "sum", "mean",
         "max", "min", "dot", "matmul", "transpose", "where", "ones_like", "zeros_like", "reshape", "sign",
         "argmax", "outer", "log1p", "expm1", "clip", "std", "var", "eye", "array", "asarray"}


def is_shape_error(error: BaseException) -> bool:
    return isinstance(error, ValueError) and any(text in str(error) for text in _SHAPE_ERRORS)


def _safe(node: ast.AST) -> bool:
    """Whether ``node`` can be evaluated without side effects: names, .T, indexing, arithmetic, pure numpy calls."""
    if isinstance(node, (ast.Name, ast.Constant)):
        return True
    if isinstance(node, ast.Attribute):
        return node.attr in ("T",) and _safe(node.value)
    if isinstance(node, ast.Subscript):
        return _safe(node.value) and all(_safe(n) for n in ast.walk(node.slice)
                                         if not isinstance(n, (ast.Slice, ast.Tuple, ast.Load)))
    if isinstance(node, ast.BinOp):
        return type(node.op) in _OPERATORS and _safe(node.left) and _safe(node.right)
    if isinstance(node, ast.UnaryOp):
        return _safe(node.operand)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _PURE:
        owner = node.func.value
        return ((isinstance(owner, ast.Name) and owner.id in ("np", "numpy")) or _safe(owner)) and all(
            _safe(a) for a in node.args) and all(_safe(k.value) for k in node.keywords)
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_safe(e) for e in node.elts)
    return False


def _value(node: ast.AST, namespace: dict):
    if not _safe(node):
        return None
    try:
        with np.errstate(all="ignore"):
            return eval(compile(ast.Expression(node), "<shape>", "eval"), {"__builtins__": {}}, namespace)  # noqa: S307
    except Exception:
        return None


def _shape(value):
    return tuple(np.shape(value)) if isinstance(value, (np.ndarray, list)) else None


def _products(tree: ast.AST):
    """Every ``a @ b``, ``a * b`` … and ``np.dot(a, b)`` in ``tree``, innermost first."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            found.append((node, _OPERATORS[type(node.op)], node.left, node.right))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("dot", "matmul") and len(node.args) == 2):
            found.append((node, "@", node.args[0], node.args[1]))
    return sorted(found, key=lambda item: -getattr(item[0], "col_offset", 0) - 1000 * _depth(item[0], tree))


def _depth(target: ast.AST, tree: ast.AST) -> int:
    def walk(node, level):
        if node is target:
            return level
        for child in ast.iter_child_nodes(node):
            found = walk(child, level + 1)
            if found is not None:
                return found
        return None
    return walk(tree, 0) or 0


def _fits(operator: str, left: tuple, right: tuple) -> bool:
    if operator == "@":
        if not left or not right:
            return False
        return left[-1] == (right[0] if len(right) == 1 else right[-2])
    try:
        np.broadcast_shapes(left, right)
        return True
    except ValueError:
        return False


def explain_shape_error(error: BaseException, source: str, namespace: dict | None) -> str | None:
    """One sentence naming the operation on ``source`` whose operands' shapes do not fit, or ``None``."""
    if not is_shape_error(error) or not namespace or not source:
        return None
    tree = _parse(source)
    if tree is None:
        return None
    for node, operator, left_node, right_node in _products(tree):
        left, right = _value(left_node, namespace), _value(right_node, namespace)
        left_shape, right_shape = _shape(left), _shape(right)
        if left_shape is None or right_shape is None or _fits(operator, left_shape, right_shape):
            continue
        a, b = _written(left_node), _written(right_node)
        if len(a) + len(b) > 24:  # long operands: name them once, then "the left" and "the right"
            shown = f"{a} {operator} {b}: the left is {left_shape}, the right {right_shape}"
            a, b = "the left", "the right"
        else:
            shown = f"{a} {operator} {b}: {a} is {left_shape}, {b} is {right_shape}"
        if operator == "@":
            inner = right_shape[0] if len(right_shape) == 1 else right_shape[-2]
            text = f"{shown}; @ needs the {left_shape[-1]} columns of {a} to match the {inner} rows of {b}."
            if left_shape == right_shape:
                text += " (Equal shapes would fit an entry-by-entry product, *.)"
            return text
        axis = _disagreeing_axis(left_shape, right_shape)
        text = f"{shown}; {_WORDS.get(operator, operator)} works entry by entry, and {axis}."
        if len(right_shape) == len(left_shape) - 1 and right_shape == left_shape[:-1]:
            text += f" A column of {b} needs the shape {right_shape + (1,)}."
        if len(left_shape) == 2 and len(right_shape) == 2 and left_shape[-1] == right_shape[0]:
            text += " (These shapes would fit a matrix product, @.)"
        return text
    return None


def _parse(source: str):
    """The failing line as a syntax tree, also when it is one line of a longer statement (or of a lambda)."""
    text = source.strip().removeprefix("return ").rstrip(":")
    for cut in range(0, 8):
        for opening, closing in (("", ""), ("(", ""), ("", ")"), ("", "))")):
            try:
                return ast.parse(opening + (text[:len(text) - cut] if cut else text) + closing, mode="exec")
            except SyntaxError:
                continue
    return None


def _written(node: ast.AST) -> str:
    """An operand as the student wrote it, in brackets when it is itself an operation."""
    text = ast.unparse(node)
    return f"({text})" if isinstance(node, ast.BinOp) else text


def _disagreeing_axis(left: tuple, right: tuple) -> str:
    """'axis 1 has 3 against 4': the first axis, counted from the end as broadcasting does, that disagrees."""
    for back in range(1, min(len(left), len(right)) + 1):
        l, r = left[-back], right[-back]
        if l != r and 1 not in (l, r):
            axis = len(left) - back
            return f"axis {axis} has {l} against {r}"
    return "the shapes do not broadcast"
