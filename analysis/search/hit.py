"""One search result: a quote, claim, entity, number, sentence or title, with its citation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Hit:
    """A search result; ``start``/``end`` index the article's text, ``matched`` indexes ``text``."""

    kind: str  # "quote" | "claim" | "entity" | "number" | "sentence" | "article"
    text: str
    score: float  # 0-100, higher is better
    article_id: str
    path: str
    title: str | None
    start: int
    end: int
    speaker: str | None = None
    label: str | None = None
    value: object = None
    cue: str | None = None  # of a quote or claim (not in the JSONL line: SPEC §1)
    matched: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The SPEC §1 ``copydesk search --format jsonl`` line of this hit."""
        d: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "score": round(self.score, 1),
            "article_id": self.article_id,
            "path": self.path,
            "title": self.title,
            "start": self.start,
            "end": self.end,
        }
        if self.kind in ("quote", "claim"):
            d["speaker"] = self.speaker
        if self.kind == "claim":
            d["claim_kind"] = self.label  # speech, belief or intent (SPEC §2 claims[].kind)
        elif self.kind == "entity":
            d["label"] = self.label
        elif self.kind == "number":
            d["value"] = self.value
        return d
