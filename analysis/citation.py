"""Citations: a fact as a reader copies it, with who said it and where it was published."""

from __future__ import annotations

from analysis.model import Article, Entity, Mention, NumberFact, Quote
from analysis.sanitize import strip_controls


def source_of(article: Article) -> str:
    """The article as cited: its title, then its date (or its path when it has no date)."""
    title = article.title or article.path
    where = article.date or article.path
    return f"“{title}”, {where}" if where != title else f"“{title}”"


def describe_number(fact: NumberFact) -> str:
    """Value, qualifier, unit and what is counted, in a few words."""
    parts = []
    if fact.qualifier and fact.qualifier != "exact":
        parts.append(fact.qualifier)
    if fact.value is not None:
        value = fact.value if fact.value_max is None else f"{fact.value}–{fact.value_max}"
        parts.append(str(value))
    if fact.unit and fact.unit not in ("%",):
        parts.append(fact.unit)
    elif fact.unit == "%":
        parts[-1:] = [f"{parts[-1]}%"] if parts else ["%"]
    if fact.counted:
        parts.append(fact.counted)
    return " ".join(parts) + f" ({fact.kind})"


def cite(article: Article, fact: Quote | NumberFact | Entity | Mention) -> str:
    """The fact's text verbatim with its citation; control characters removed."""
    source = source_of(article)
    if isinstance(fact, Quote):
        speaker = fact.speaker or "unattributed"
        text = f"“{fact.text}” — {speaker}, {source}"
    elif isinstance(fact, NumberFact):
        text = f"{fact.text} [{describe_number(fact)}] — {source}"
    elif isinstance(fact, Entity):
        text = f"{fact.name} ({fact.label}) — {source}"
    else:
        text = f"{fact.text} — {source}"
    return strip_controls(text)
