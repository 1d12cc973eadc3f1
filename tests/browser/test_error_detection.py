"""Guard: the browser checks can fail. A notebook that raises, or warns, is caught."""

from .jupyterlab import error_outputs, executed_prompts, open_notebook, run_all


def test_an_exception_in_a_cell_is_detected(lab, page):
    open_notebook(page, lab, "zz-raises.ipynb")
    run_all(page)
    errors = error_outputs(page)
    assert len(errors) == 1 and "ZeroDivisionError" in errors[0]
    assert executed_prompts(page)[2] == "[ ]:", "Run All stops at the failing cell, as for a student"


def test_a_warning_written_by_a_cell_is_detected(lab, page):
    open_notebook(page, lab, "zz-warns.ipynb")
    run_all(page)
    assert any("something odd" in text for text in error_outputs(page))
