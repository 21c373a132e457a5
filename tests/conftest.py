"""Shared fixtures: the spaCy pipeline (loaded once per session) and paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def nlp():
    from analysis.pipeline import load_nlp

    return load_nlp()


@pytest.fixture
def shared_corpus() -> Path:
    if not (CORPUS / "corpus.jsonl").exists():
        pytest.skip("../shared/corpus/ is absent (it ships beside the project in CI)")
    return CORPUS


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own cache directory; the user's cache is never touched."""
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
