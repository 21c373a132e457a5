"""The spaCy pipeline: load a model once, run articles through ``nlp.pipe``, extract facts."""

from __future__ import annotations

import gc
import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from analysis.attributes import use_fast_attributes
from analysis.claims import assign_sources, extract_claims
from analysis.doctext import remember_text
from analysis.entities import add_entity_components, extract_entities
from analysis.errors import ModelNotFound
from analysis.lemmas import use_fast_lemmas
from analysis.model import Analysis, Article
from analysis.numbers import extract_numbers
from analysis.quotes import extract_quotes, speaker_index
from analysis.version import DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline (once per process) with copydesk's components added."""
    try:
        installed = _is_path(name) or importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        installed = False
    if not installed:
        raise ModelNotFound(name)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelNotFound(name) from exc
    add_entity_components(nlp)
    use_fast_attributes(nlp)
    use_fast_lemmas(nlp)
    # The model and its tables live as long as the process: move them out of the collector's
    # generations, so that full collections during a long run do not walk them again and again.
    gc.collect()
    gc.freeze()
    return nlp


def _is_path(name: str) -> bool:
    return "/" in name or name.startswith(".")


def analyze_doc(doc: Doc, article: Article) -> Analysis:
    """Extract entities, quotes, claims and numbers (with their sources) from one article."""
    remember_text(doc, article.text)
    entities = extract_entities(doc, article)
    index = speaker_index(doc, entities)
    quotes = extract_quotes(doc, entities, index)
    claims = extract_claims(doc, index, quotes)
    numbers = extract_numbers(doc, article)
    assign_sources(numbers, quotes, claims)
    return Analysis(entities=entities, quotes=quotes, numbers=numbers, claims=claims)


def analyze_articles(
    articles: Iterable[Article], nlp: Language, batch_size: int = 16
) -> Iterator[tuple[Article, Analysis]]:
    """Parse articles with ``nlp.pipe`` and yield each with its analysis, in input order."""
    stream = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield article, analyze_doc(doc, article)
