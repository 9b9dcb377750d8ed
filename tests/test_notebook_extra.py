"""The notebook needs Jupyter: the ``notebook`` extra installs it and docs/notebook.md says so."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_notebook_extra_installs_jupyter_and_a_kernel() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]
    names = {
        re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0] for requirement in extras["notebook"]
    }
    assert {"jupyterlab", "ipykernel"} <= names


def test_the_notebook_docs_say_how_to_install_it() -> None:
    docs = (ROOT / "docs" / "notebook.md").read_text("utf-8")
    assert "pip install 'wxguard[notebook]'" in docs and "jupyter lab" in docs
