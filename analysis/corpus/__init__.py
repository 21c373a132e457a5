"""The corpus desk: identities and aggregates across every analysed article (UI-free).

``CorpusDesk`` keeps per-article rows in ``desk_`` tables of the cache database and answers the
speakers, entities, figures and quotes views with SQL over the scoped articles. See
``identity.py`` for how names become identities, ``measure.py``, ``story.py`` and ``figures.py``
for how figures are grouped, placed in their story and flagged, ``copies.py`` for syndicated
copies and ``quotes.py`` for quotations across articles.

Beyond the agreed API: ``CorpusDesk.indexed(keys)`` (which keys need no analysis) and
``CorpusDesk.close()``.
"""

from analysis.corpus.desk import CorpusDesk
from analysis.corpus.records import (
    Cooccurrence,
    CopyRow,
    DeskFact,
    EntityRow,
    Figure,
    FigureGroup,
    QuoteRow,
    SpeakerRow,
)

__all__ = [
    "Cooccurrence",
    "CopyRow",
    "CorpusDesk",
    "DeskFact",
    "EntityRow",
    "Figure",
    "FigureGroup",
    "QuoteRow",
    "SpeakerRow",
]
