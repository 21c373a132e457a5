"""CorpusDesk: incremental indexing, scope, version rebuild and the speakers/entities views."""

from __future__ import annotations

import sqlite3

from desk_helpers import entity, entry, quote

from analysis.corpus import CorpusDesk
from analysis.corpus.schema import ensure_schema
from analysis.model import Claim

T1 = ('Mayor Ana Ruiz said "the river is rising". Ruiz met the Red Cross. '
      '"We evacuate tonight," Ana Ruiz said.')
T2 = 'Ana Ruiz said "help is coming". Tom Berg of the Red Cross said "we have boats".'
T3 = 'Tom Berg said "the water is falling".'


def _entries():
    e1 = entry(1, T1, [entity(T1, "Ana Ruiz", "PERSON", "Ana Ruiz", "Ruiz"),
                       entity(T1, "Red Cross", "ORG")],
               [quote(T1, "the river is rising", "Ana Ruiz"),
                quote(T1, "We evacuate tonight,", "Ana Ruiz")], date="2024-05-02")
    e2 = entry(2, T2, [entity(T2, "Ana Ruiz", "PERSON"), entity(T2, "Tom Berg", "PERSON"),
                       entity(T2, "Red Cross", "ORG")],
               [quote(T2, "help is coming", "Ana Ruiz"), quote(T2, "we have boats", "Tom Berg")],
               date="2024-05-01")
    e3 = entry(3, T3, [entity(T3, "Tom Berg", "PERSON")],
               [quote(T3, "the water is falling", "Tom Berg")])
    return [e1, e2, e3]


def test_speakers_counts_sort_filter_and_facts():
    desk = CorpusDesk.in_memory()
    desk.add(_entries())
    rows = desk.speakers()
    assert [(r.name, r.quotes, r.claims, r.articles) for r in rows] == [
        ("Ana Ruiz", 3, 0, 2), ("Tom Berg", 2, 0, 2)]
    assert [r.name for r in desk.speakers(sort="name", limit=1)] == ["Ana Ruiz"]
    assert [r.name for r in desk.speakers(filter="berg")] == ["Tom Berg"]
    assert [r.name for r in desk.speakers(filter="Tom Brg")] == ["Tom Berg"]  # a typo
    facts = desk.speaker_facts(rows[0].speaker_id)
    # By date: article 2 (May 1) before article 1 (May 2), then by offset.
    assert [(f.article_id, f.text) for f in facts] == [
        ("art2", "help is coming"), ("art1", "the river is rising"),
        ("art1", "We evacuate tonight,")]
    for f in facts:
        text = T1 if f.article_id == "art1" else T2
        assert text[f.start:f.end] == f.text and f.kind == "quote" and f.speaker == "Ana Ruiz"


def test_speech_of_no_named_speaker_comes_last_as_unattributed():
    text = ('A spokesperson said "no comment". "Stay home," police said. "Go," it read. '
            'Ana Ruiz said "we leave at dawn". "Vote," Mrs. Ruiz\'s campaign said.')
    desk = CorpusDesk.in_memory()
    desk.add(_entries() + [entry(9, text, [entity(text, "Ana Ruiz", "PERSON")],
                                 [quote(text, "no comment", "a spokesperson"),
                                  quote(text, "Stay home,", "police"),
                                  quote(text, "Go,", None),
                                  quote(text, "we leave at dawn", "Ana Ruiz"),
                                  quote(text, "Vote,", "Mrs. Ruiz's campaign")])])
    rows = desk.speakers()
    assert [(r.speaker_id is None, r.name, r.quotes, r.articles) for r in rows] == [
        (False, "Ana Ruiz", 4, 3), (False, "Tom Berg", 2, 2), (True, "unattributed", 4, 1)]
    assert desk.speakers(sort="name")[-1].speaker_id is None
    assert [r.name for r in desk.speakers(filter="berg")] == ["Tom Berg"]
    facts = desk.speaker_facts(None)
    assert [(f.text, f.speaker) for f in facts] == [
        ("no comment", "a spokesperson"), ("Stay home,", "police"), ("Go,", None),
        ("Vote,", "Mrs. Ruiz's campaign")]


def test_claims_are_counted_apart_from_quotes():
    text = "The ministry said the dam held. Ana Ruiz said so too."
    key, art, analysis = entry(7, text, [entity(text, "Ana Ruiz", "PERSON")])
    start = text.index("the dam held")
    analysis.claims.append(Claim(start, start + 12, "the dam held", speaker="Ana Ruiz"))
    start = text.index("so too")
    analysis.claims.append(Claim(start, start + 6, "so too", speaker="Ana Ruiz", kind="belief"))
    desk = CorpusDesk.in_memory()
    desk.add(_entries() + [(key, art, analysis)])
    ruiz = desk.speakers()[0]
    assert (ruiz.quotes, ruiz.claims, ruiz.articles) == (3, 2, 3)
    # statements apart from beliefs and intentions
    assert (ruiz.statements, ruiz.beliefs, ruiz.intentions) == (1, 1, 0)
    facts = desk.speaker_facts(ruiz.speaker_id)
    assert sorted(f.kind for f in facts) == ["claim", "claim", "quote", "quote", "quote"]
    assert sorted(str(f.claim_kind) for f in facts) == [
        "None", "None", "None", "belief", "speech"]


def test_entities_articles_and_cooccurrence():
    desk = CorpusDesk.in_memory()
    desk.add(_entries())
    rows = {r.name: r for r in desk.entities()}
    assert (rows["Ana Ruiz"].articles, rows["Ana Ruiz"].mentions) == (2, 3)
    assert rows["Red Cross"].label == "ORG"
    first = desk.entity_articles(rows["Ana Ruiz"].entity_id)
    assert [(f.article_id, f.text, f.kind) for f in first] == [
        ("art2", "Ana Ruiz", "mention"), ("art1", "Ana Ruiz", "mention")]
    co = desk.cooccurring(rows["Red Cross"].entity_id)
    assert [(c.name, c.articles) for c in co] == [("Ana Ruiz", 2), ("Tom Berg", 1)]
    assert desk.cooccurring(rows["Red Cross"].entity_id, limit=1)[0].name == "Ana Ruiz"


def test_add_is_incremental_and_idempotent():
    desk = CorpusDesk.in_memory()
    e1, e2, e3 = _entries()
    desk.add([e1])
    assert [(r.name, r.quotes) for r in desk.speakers()] == [("Ana Ruiz", 2)]
    ids = {r.name: r.speaker_id for r in desk.speakers()}
    desk.add([e1, e2, e3])
    desk.add([e2])
    rows = {r.name: r for r in desk.speakers()}
    assert (rows["Ana Ruiz"].quotes, rows["Tom Berg"].quotes) == (3, 2)
    assert rows["Ana Ruiz"].speaker_id == ids["Ana Ruiz"]  # ids are stable
    assert desk.indexed(["key1", "key9"]) == {"key1"}


def test_scope_and_progress():
    desk = CorpusDesk.in_memory()
    e1, e2, e3 = _entries()
    desk.add([e1, e2])
    desk.scope(["key2", "key3"])
    assert desk.progress() == (1, 2)
    assert {r.name: r.quotes for r in desk.speakers()} == {"Ana Ruiz": 1, "Tom Berg": 1}
    desk.add([e3])  # analysed later: joins the scope
    assert desk.progress() == (2, 2)
    assert {r.name: r.quotes for r in desk.speakers()} == {"Ana Ruiz": 1, "Tom Berg": 2}


def test_tables_persist_and_rebuild_when_the_analysis_version_changes(tmp_path):
    path = tmp_path / "cache.sqlite3"
    conn = sqlite3.connect(path)
    desk = CorpusDesk(conn)
    desk.add(_entries())
    desk.close()
    again = CorpusDesk(sqlite3.connect(path))
    assert again.progress() == (3, 3)
    again.close()
    raw = sqlite3.connect(path)
    ensure_schema(raw, version="another-version")
    assert raw.execute("SELECT count(*) FROM desk_article").fetchone()[0] == 0
    raw.close()


def test_a_scattered_scope_gives_the_same_counts(monkeypatch):
    import analysis.corpus.desk as desk_module

    entries = _entries()
    desk = CorpusDesk.in_memory()
    desk.add(entries)
    desk.scope(["key1", "key3"])  # two id ranges
    by_ranges = (desk.speakers(), desk.entities(), [len(g.figures) for g in desk.figures()])
    monkeypatch.setattr(desk_module, "MAX_RANGES", 0)
    desk.scope(["key3", "key1"])  # read through the scope table
    assert (desk.speakers(), desk.entities(),
            [len(g.figures) for g in desk.figures()]) == by_ranges
    assert {r.name: r.quotes for r in by_ranges[0]} == {"Ana Ruiz": 2, "Tom Berg": 1}
