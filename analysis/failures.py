"""Articles whose analysis failed: how they are described, reported and counted.

An article that makes the spaCy pipeline or an extractor raise is skipped with a warning naming
its path, and the run goes on; the same words whichever engine ran it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from analysis.model import Article


def describe(exc: BaseException) -> str:
    """One line for an exception: its class and message, shortened to 200 characters."""
    message = " ".join(str(exc).split())
    if len(message) > 200:
        message = message[:199] + "…"
    return f"{exc.__class__.__name__}: {message}" if message else exc.__class__.__name__


def skipped_warning(path: str, reason: str) -> str:
    """The warning for one skipped article."""
    return f"{path}: analysis failed, skipped ({reason})"


def skipped_summary(n: int) -> str:
    """The closing warning of a run that skipped ``n`` articles."""
    return (f"{n} article{'s' if n != 1 else ''} could not be analysed and "
            f"{'were' if n != 1 else 'was'} skipped (see the warnings above)")


@dataclass
class Skipped:
    """Collects skipped articles as ``(path, reason)``, warning about each as it comes."""

    warn: Callable[[str], None]
    failed: list[tuple[str, str]] = field(default_factory=list)

    def __call__(self, article: Article, reason: str) -> None:
        self.failed.append((article.path, reason))
        self.warn(skipped_warning(article.path, reason))
