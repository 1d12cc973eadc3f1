"""What a person does in JupyterLab, as Playwright steps: open a notebook, run all, read errors."""

from __future__ import annotations

import time

KERNEL_IDLE = "Python 3 (ipykernel) | Idle"
ERROR_OUTPUTS = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"


def open_notebook(page, lab, name: str, timeout_ms: int = 90_000):
    """Open ``name`` in a fresh workspace and wait for its kernel to be idle."""
    page.goto(lab.url(f"lab/tree/{name}?reset"))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=timeout_ms)
    page.get_by_text(KERNEL_IDLE).first.wait_for(timeout=timeout_ms)


def run_all(page, timeout_s: float = 120.0) -> None:
    """Run → Run All Cells; return once no cell is queued or running and the kernel is idle.

    The command's promise resolves when execution ends (also when a cell fails and the rest
    are cancelled); the prompts and the status bar are then checked as a person would.
    """
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        if not any("*" in prompt for prompt in prompts) and page.get_by_text(KERNEL_IDLE).count():
            return
        time.sleep(0.5)
    raise AssertionError(f"Run All did not finish within {timeout_s:.0f} s; prompts: {prompts}")


def executed_prompts(page) -> list[str]:
    """The execution counts shown beside the code cells, e.g. ``['[1]:', '[2]:', '[ ]:']``."""
    return [p.strip() for p in page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()]


def error_outputs(page) -> list[str]:
    """The text of every error or stderr output shown in the open notebook."""
    return page.locator(ERROR_OUTPUTS).all_inner_texts()
