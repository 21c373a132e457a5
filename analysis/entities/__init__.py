"""Named entities: one record per real-world thing, with its fullest name and every mention.

``add_entity_components`` adds the gazetteer/pattern component once after ``spacy.load``;
``extract_entities`` trims and reconciles candidate spans (:mod:`.candidates`), merges them
(:mod:`.merge`), finds further mentions of the names it knows (:mod:`.propagate`) and returns
entities in order of first mention with ids "e1", "e2", ...
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from analysis.doctext import doc_text
from analysis.entities.candidates import NUMERIC_LABELS, Candidate, find_candidates
from analysis.entities.component import COMPONENT_NAME
from analysis.entities.evidence import disease, shape_label
from analysis.entities.gazetteer import load_gazetteer
from analysis.entities.headline import title_case_headline, used_in_body
from analysis.entities.merge import best_name, merge_candidates, vote_label
from analysis.entities.propagate import propagate
from analysis.model import Article, Entity, Mention

__all__ = ["NUMERIC_LABELS", "add_entity_components", "extract_entities"]


def add_entity_components(nlp: Language) -> None:
    """Add the place/organisation matcher component after the NER (idempotent)."""
    if COMPONENT_NAME in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT_NAME, after="ner")
    else:
        nlp.add_pipe(COMPONENT_NAME, last=True)


def extract_entities(doc: Doc, article: Article) -> list[Entity]:
    """The named entities of one parsed article, merged, in order of first mention."""
    text = doc_text(doc)
    cands = _drop_headline_guesses(find_candidates(doc), text)
    dateline = _dateline_candidate(doc, text, article)
    if dateline is not None:
        cands = [c for c in cands if c.end_char <= dateline.start_char
                 or c.start_char >= dateline.end_char]
        cands.append(dateline)
        cands.sort(key=lambda c: c.start_char)
    groups = merge_candidates(doc, text, cands)
    groups = [g for g in groups if not _disease(text, g)]
    labels = [vote_label(doc, g) for g in groups]
    groups = propagate(doc, text, groups, labels)
    entities = []
    order = sorted(range(len(groups)), key=lambda i: min(c.start_char for c in groups[i]))
    for i in order:
        group = groups[i]
        mentions = sorted({(c.start_char, c.end_char) for c in group})
        entities.append(Entity(
            f"e{len(entities) + 1}",
            _display_name(group),
            labels[i],
            [Mention(s, e, text[s:e]) for s, e in mentions],
        ))
    return entities


def _disease(text: str, group: list[Candidate]) -> bool:
    """A disease ("COVID-19 pandemic"): left out, unless a gazetteer place or an organisation's
    name ("Wuhan outbreak", "Ebola Treatment Centre")."""
    if not disease(text, [(c.start_char, c.end_char) for c in group]):
        return False
    return not any(c.place is not None or shape_label(c.text) for c in group)


def _drop_headline_guesses(cands: list[Candidate], text: str) -> list[Candidate]:
    """Names found only in a title-case headline are the NER reading capitals, not names."""
    headline = title_case_headline(text)
    if headline is None:
        return cands
    start, end = headline
    return [c for c in cands if not (start <= c.start_char and c.end_char <= end)
            or used_in_body(c.text, text, end)]


def _display_name(group: list[Candidate]) -> str:
    name = best_name(group)
    if name.isupper() and len(name) > 3 and all(c.source == "dateline" for c in group):
        place = load_gazetteer().lookup(name)
        return place.name if place else name.title()
    return name


def _dateline_candidate(doc: Doc, text: str, article: Article) -> Candidate | None:
    span = article.dateline_span
    if not span:
        return None
    s, e = span
    if not (0 <= s < e <= len(text)) or not text[s:e].strip():
        return None
    toks = doc.char_span(s, e, alignment_mode="expand")
    if toks is None:
        return None
    place = load_gazetteer().lookup(text[s:e])
    return Candidate(toks.start, toks.end, s, e, text[s:e], "GPE", "dateline", place)
