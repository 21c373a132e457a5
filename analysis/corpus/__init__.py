"""The corpus desk: identities and aggregates across every analysed article (UI-free).

``CorpusDesk`` keeps per-article rows in ``desk_`` tables of the cache database and answers the
speakers, entities and figures views with SQL over the scoped articles. See ``identity.py`` for
how names become identities, ``measure.py``, ``story.py`` and ``figures.py`` for how figures are
grouped, placed in their story and flagged.

Beyond the agreed API: ``CorpusDesk.indexed(keys)`` (which keys need no analysis) and
``CorpusDesk.close()``.
"""

from analysis.corpus.desk import CorpusDesk
from analysis.corpus.records import (
    Cooccurrence,
    DeskFact,
    EntityRow,
    Figure,
    FigureGroup,
    SpeakerRow,
)

__all__ = [
    "Cooccurrence",
    "CorpusDesk",
    "DeskFact",
    "EntityRow",
    "Figure",
    "FigureGroup",
    "SpeakerRow",
]
