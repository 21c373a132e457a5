"""The text of a parsed article, built once per Doc.

spaCy's ``Doc.text`` joins every token's text on each access; the extractors all need the text, so
it is kept in ``doc.user_data`` and shared.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "copydesk.text"


def doc_text(doc: Doc) -> str:
    """The doc's text, computed on the first call and remembered with the doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text``, the string ``doc`` was parsed from, as its text (when it is that string)."""
    if len(doc) == 0:
        return
    last = doc[-1]
    # spaCy's tokenizer is non-destructive: a doc parsed from ``text`` spans all of it.
    if last.idx + len(last.text_with_ws) == len(text) and text.startswith(doc[0].text):
        doc.user_data[_KEY] = text
