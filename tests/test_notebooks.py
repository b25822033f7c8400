"""The notebooks in notebooks/ run from top to bottom on the shipped data (so they never rot)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
CELL_LIMIT_SECONDS = 1800
"""How long one notebook cell may run before the kernel counts as hung."""


@pytest.mark.slow
# each notebook is a group of its own, so that two workers run them side by side (tests/conftest.py)
@pytest.mark.parametrize("path", [pytest.param(p, marks=pytest.mark.xdist_group(f"notebook-{p.stem}"))
                                  for p in NOTEBOOKS], ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(path, as_version=4)
    # the kernel inherits the environment: the error-analysis notebook screens the dev split only (the held-out
    # packets are screened by tests/test_corpus.py; all of them in one kernel would take over half an hour). The
    # limit only stops a hung kernel, it asserts nothing about speed.
    monkeypatch.setenv("CORPUS_SPLITS", "dev")
    client = nbclient.NotebookClient(notebook, timeout=CELL_LIMIT_SECONDS, kernel_name="python3",
                                     resources={"metadata": {"path": str(REPO / "notebooks")}})
    client.execute()
    errors = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors
    printed = "".join(o.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
                      for o in cell.get("outputs", []) if o.get("output_type") == "stream")
    assert printed.strip()  # every notebook prints figures
