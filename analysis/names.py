"""Name keys: one spelling-insensitive form of a name, shared by entity merging and the desk.

Kept out of ``analysis.entities`` so code that only compares names (the corpus desk, the CLI
views) does not import spaCy.
"""

from __future__ import annotations

import re
import unicodedata

_KEY_DROP = re.compile(r"[^\w ]+")


def name_key(text: str) -> str:
    """Accent-, case- and punctuation-free key: "U.S." -> "us", "Brudziński" -> "brudzinski"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _KEY_DROP.sub("", plain.replace("-", " ").replace("’", "'").casefold())
    return " ".join(plain.split())
