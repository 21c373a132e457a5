"""Rows of the desk tables from one analysed article (see ``schema.py``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from analysis.corpus import stories
from analysis.corpus.measure import interval, measure_of
from analysis.corpus.story import ArticleContext
from analysis.entities.evidence import STRONG, label_strength
from analysis.model import Analysis, Article, Claim, NumberFact, Quote
from analysis.names import name_key

_PRONOUNS = frozenset(
    "he she him her his hers they them their it its we us our i me my you your this that these "
    "those who whom which".split()
)
_ARTICLE_WORDS = ("the ", "a ", "an ")
# "No upper bound" in SQL (infinity does not survive every SQLite round trip).
BIG = 1e300


def is_alias(text: str) -> bool:
    """A mention written as a name (capitalised, not a pronoun or a description)."""
    words = text.split()
    pronoun = text.lower() in _PRONOUNS and not (len(text) > 1 and text.isupper())  # WHO, US
    return bool(
        words and text[:1].isupper() and not pronoun
        and not text.lower().startswith(_ARTICLE_WORDS)
    )


class Names:
    """The ``desk_name`` table seen through a dictionary: name key -> nid, new names inserted."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.ids: dict[str, int] = dict(conn.execute("SELECT nkey, nid FROM desk_name"))

    def nid(self, name: str) -> int | None:
        key = name_key(name)
        if not key:
            return None
        nid = self.ids.get(key)
        if nid is None:
            # OR IGNORE + SELECT: another process sharing the cache may have added it meanwhile.
            self.conn.execute("INSERT OR IGNORE INTO desk_name (nkey, name) VALUES (?, ?)",
                              (key, name))
            row = self.conn.execute("SELECT nid FROM desk_name WHERE nkey = ?", (key,)).fetchone()
            nid = self.ids[key] = int(row[0])
        return nid


def source_of(number: NumberFact, speech: list[Quote | Claim]) -> str | None:
    """Who gives a figure: its ``source``, else the speaker of the quote or claim holding it."""
    if number.source:
        return number.source
    for fact in speech:
        if fact.speaker and fact.start <= number.start and number.end <= fact.end:
            return fact.speaker
    return None


def mention_rows(aid: int | None, nid_of: Callable[[str], int | None], analysis: Analysis
                 ) -> tuple[list[list], set[tuple[int, str]]]:
    """``desk_mention`` rows (one per name key: two entities of one article with one key are
    summed, the label of the one with more mentions kept) and ``desk_alias`` rows."""
    rows: dict[int, list] = {}  # nid -> [aid, nid, label, mentions, start, end, text]
    aliases: set[tuple[int, str]] = set()
    for ent in analysis.entities:
        nid = nid_of(ent.name)
        if nid is None or not ent.mentions:
            continue
        first = min(ent.mentions, key=lambda m: m.start)
        row = rows.get(nid)
        if row is None:
            rows[nid] = [aid, nid, ent.label, len(ent.mentions), first.start, first.end,
                         first.text]
        else:
            if len(ent.mentions) > row[3]:
                row[2] = ent.label
            row[3] += len(ent.mentions)
            if first.start < row[4]:
                row[4:7] = [first.start, first.end, first.text]
        aliases.update((nid, m.text) for m in ent.mentions if m.text != ent.name
                       and is_alias(m.text))
    return list(rows.values()), aliases


def label_strengths(nid_of: Callable[[str], int | None], text: str, analysis: Analysis
                    ) -> dict[tuple[int, str], float]:
    """(nid, label) -> how strongly the article's text supports that label for that name (the
    strongest of its entities with that name key; see ``evidence.label_strength``)."""
    out: dict[tuple[int, str], float] = {}
    for ent in analysis.entities:
        nid = nid_of(ent.name)
        if nid is None or not ent.mentions:
            continue
        spans = [(m.start, m.end) for m in ent.mentions if 0 <= m.start < m.end <= len(text)]
        w = label_strength(text, ent.name, ent.label, spans)
        out[(nid, ent.label)] = max(w, out.get((nid, ent.label), 0.0))
    return out


def insert_article(conn: sqlite3.Connection, names: Names, key: str, article: Article,
                   analysis: Analysis) -> bool:
    """Insert one article's rows; False (and nothing written) when ``key`` is indexed already."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO desk_article (key, article_id, path, title, date)"
        " VALUES (?, ?, ?, ?, ?)",
        (key, article.id, article.path, article.title, article.date),
    )
    if cur.rowcount == 0:
        return False
    aid = cur.lastrowid
    mentions, aliases = mention_rows(aid, names.nid, analysis)
    conn.executemany("INSERT INTO desk_mention VALUES (?, ?, ?, ?, ?, ?, ?)", mentions)
    strength = label_strengths(names.nid, article.text, analysis)
    conn.executemany(
        "INSERT INTO desk_label VALUES (?, ?, 1, ?, ?) ON CONFLICT (nid, label) DO UPDATE SET"
        " articles = articles + 1, strong = strong + excluded.strong,"
        " weight = weight + excluded.weight",
        [(m[1], m[2], int(w >= STRONG), w) for m in mentions
         for w in [strength.get((m[1], m[2]), 1.0)]])
    conn.executemany("INSERT OR IGNORE INTO desk_alias VALUES (?, ?)", aliases)
    speech_rows = list(_speech_rows(names, aid, analysis))
    conn.executemany("INSERT INTO desk_speech VALUES (?, ?, ?, ?, ?, ?, ?)", speech_rows)
    conn.executemany("INSERT OR IGNORE INTO desk_speaker VALUES (?)",
                     {(row[2],) for row in speech_rows if row[2] is not None})
    conn.executemany(
        "INSERT INTO desk_number VALUES"
        " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        number_rows(aid, article, analysis, names.nid),
    )
    stories.insert_rows(conn, names.nid, aid, article, analysis)  # copies and quotes
    return True


def _speech_rows(names: Names, aid: int | None, analysis: Analysis) -> Iterable[tuple]:
    for kind, facts in (("quote", analysis.quotes), ("claim", analysis.claims)):
        for fact in facts:
            # no speaker: kept with a NULL name, for the view's "unattributed" row
            nid = names.nid(fact.speaker) if fact.speaker else None
            yield (aid, kind, nid, fact.start, fact.end, fact.text,
                   fact.kind if isinstance(fact, Claim) else None)


def number_rows(aid: int | None, article: Article, analysis: Analysis,
                nid_of: Callable[[str], int | None]) -> list[tuple]:
    """``desk_number`` rows of one article: each number with its measure and its story."""
    speech: list[Quote | Claim] = [*analysis.quotes, *analysis.claims]
    context: ArticleContext | None = None
    rows = []
    for n in analysis.numbers:
        text = article.text
        measure = measure_of(text, n.start, n.end, n.kind, n.unit, n.counted)
        story: tuple = (None,) * 5
        lo = hi = None
        if measure is not None:
            context = context or ArticleContext(article, analysis, nid_of)
            s = context.story(n)
            story = (" ".join(map(str, s.places)), int(s.own_place), s.when, int(s.own_when),
                     s.role)
            span = interval(n.value, n.value_max, n.qualifier, n.text)
            if span is not None:
                lo, hi = span[0], min(span[1], BIG)
        rows.append((aid, n.start, n.end, n.text, n.value, n.value_max, n.value_from,
                     n.qualifier, n.kind, n.unit, n.counted, source_of(n, speech),
                     measure.key if measure else None, *story, lo, hi))
    return rows
