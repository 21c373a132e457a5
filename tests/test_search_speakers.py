"""A query that names a speaker ranks that speaker's quotes among the first hits (issue 26), even
when dozens of sentences name them and their quotes never do (no spaCy: facts written by hand)."""

from __future__ import annotations

import pytest

from analysis.model import Analysis, Article, Entity, Mention, Quote
from analysis.search import SearchIndex

NAME = "Olena Marchenkova"
SAID = ["We will rebuild the grain terminal before the winter",
        "Nobody leaves the port while the sirens sound",
        "The ferries run again on Monday"]


def story(n: int) -> tuple[Article, Analysis]:
    """An article naming the minister twice; the first three also quote her (words without her
    name: "she said")."""
    naming = f"Minister {NAME} visited the harbour on day {n}. Later {NAME} met the crews. "
    said = f"“{SAID[n]},” she said." if n < len(SAID) else ""
    text = f"Harbour diary {n}\n\n{naming}{said}"
    first = text.index(NAME)
    mentions = [Mention(first, first + len(NAME), NAME)]
    quotes = []
    if said:
        start = text.index(SAID[n])
        quotes.append(Quote(start, start + len(SAID[n]), SAID[n], "direct", NAME, "e1",
                            Mention(text.index("she"), text.index("she") + 3, "she"), "said"))
    return (Article(id=f"a{n}", path=f"/news/a{n}.txt", text=text, title=f"Harbour diary {n}"),
            Analysis(entities=[Entity("e1", NAME, "PERSON", mentions)], quotes=quotes))


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    ix = SearchIndex()
    for n in range(30):
        ix.add(*story(n))
    return ix


@pytest.mark.parametrize("query", ["marchenkova", "Marchenkowa", "olena marchenkova"])
def test_a_speakers_name_ranks_their_quotes_among_the_first_hits(index, query):
    hits = index.search(query, limit=10)
    lead = next(i for i, h in enumerate(hits) if h.kind != "entity")
    assert 1 <= lead <= 2 and all(h.text == NAME for h in hits[:lead])  # the person first
    quotes = hits[lead : lead + len(SAID)]
    assert [q.text for q in quotes] == SAID  # then what she said, in article order
    for q in quotes:
        assert q.kind == "quote" and q.speaker == NAME and NAME not in q.text
        assert q.matched == []  # found by the name, which the quote does not hold
    rest = hits[lead + len(SAID):]
    assert rest and {h.kind for h in rest} == {"sentence"}  # the sentences naming her follow
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_words_that_are_not_a_speakers_name_list_no_quotes_first(index):
    hits = index.search("harbour crews", limit=10)
    assert all(h.kind != "quote" for h in hits[:5])
    # a name with other words is a normal query: the quotes' own words decide
    hits = index.search("marchenkova ferries", limit=5)
    assert hits[0].kind == "quote" and hits[0].text == SAID[2]


def test_kind_filters_are_kept(index):
    assert all(h.kind == "entity" for h in index.search("marchenkova", kind="entity"))
    assert [h.text for h in index.search("marchenkova", kind="quote")][:3] == SAID
    assert all(h.kind == "sentence" for h in index.search("marchenkova kind:sentence"))
