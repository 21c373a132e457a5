"""Optional dependencies: the ``cluster`` extra (Dask, pyarrow) for ``--engine dask``, Parquet.

Importing them lazily keeps the plain install light; a missing extra is a clear message naming the
pip command, never an ImportError traceback.
"""

from __future__ import annotations

import importlib

CLUSTER_EXTRA = "copydesk[cluster]"
# The modules each feature needs, and what it is called in the message.
_NEEDS = {
    "dask": ("--engine dask", ("dask", "distributed")),
    "parquet": ("--format parquet", ("pyarrow", "pyarrow.parquet")),
}


class MissingExtra(Exception):
    """A feature needs an optional dependency that is not installed."""

    def __init__(self, feature: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional {module!r} package; install it with: "
            f"pip install '{CLUSTER_EXTRA}'"
        )
        self.feature = feature
        self.module = module

    def __reduce__(self):  # keep the two-argument constructor through pickling
        return (MissingExtra, (self.feature, self.module))


def require(feature: str) -> None:
    """Raise :class:`MissingExtra` unless what ``feature`` ("dask", "parquet") needs imports."""
    label, modules = _NEEDS[feature]
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            raise MissingExtra(label, module.split(".")[0]) from None
