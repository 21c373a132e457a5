"""Corpus-wide fuzzy search over invented articles built directly as model objects (no spaCy)."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.cache import open_cache
from analysis.model import Analysis, Article, Entity, Mention, NumberFact, Quote
from analysis.search import Hit, SearchIndex
from analysis.search.items import split_sentences

BLACKOUT = (
    "Night of outages in the capital\n\n"
    "The grid operator Voltaria Energy said on Monday: \"There will be emergency shutdowns in "
    "the Brovary district tonight.\" Mayor Anatoly Klitschenko warned residents to charge phones. "
    "Klitschenko said 400 rescuers were on duty.\n\n"
    "Adviser Mykola Podolyanko said \"the talks are [bold] 50% done\" and added nothing more."
)
MARKETS = (
    "Harbour prices fall\n\n"
    "Fish prices at the Quillport harbour fell by 12 percent, traders said. "
    "\"We have never seen a winter like this,\" said trader Ingrid Valdemarsson of Quillport "
    "Fisheries.\n\n"
    "The harbour authority expects 3,000 boats next season."
)


def span(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(s, at + 1)
    return at, at + len(s)


def mention(text: str, s: str, nth: int = 0) -> Mention:
    return Mention(*span(text, s, nth), s)


def quote(text: str, s: str, speaker: str | None) -> Quote:
    return Quote(*span(text, s), s, speaker=speaker, cue="said")


def blackout() -> tuple[Article, Analysis]:
    t = BLACKOUT
    article = Article(id="blackout", path="/news/blackout.txt", text=t,
                      title="Night of outages in the capital")
    analysis = Analysis(
        entities=[
            Entity("e1", "Voltaria Energy", "ORG", [mention(t, "Voltaria Energy")]),
            Entity("e2", "Anatoly Klitschenko", "PERSON",
                   [mention(t, "Anatoly Klitschenko"), mention(t, "Klitschenko", 1)]),
            Entity("e3", "Mykola Podolyanko", "PERSON", [mention(t, "Mykola Podolyanko")]),
            Entity("e4", "Brovary", "GPE", [mention(t, "Brovary")]),
        ],
        quotes=[
            quote(t, "There will be emergency shutdowns in the Brovary district tonight.",
                  "Voltaria Energy"),
            quote(t, "the talks are [bold] 50% done", "Mykola Podolyanko"),
        ],
        numbers=[NumberFact(*span(t, "400"), "400", 400, counted="rescuers"),
                 NumberFact(*span(t, "50%"), "50%", 50, kind="percent", unit="%")],
    )
    return article, analysis


def markets() -> tuple[Article, Analysis]:
    t = MARKETS
    article = Article(id="markets", path="/news/markets.txt", text=t, title="Harbour prices fall")
    analysis = Analysis(
        entities=[
            Entity("e1", "Quillport", "GPE", [mention(t, "Quillport")]),
            Entity("e2", "Ingrid Valdemarsson", "PERSON", [mention(t, "Ingrid Valdemarsson")]),
            Entity("e3", "Quillport Fisheries", "ORG", [mention(t, "Quillport Fisheries")]),
        ],
        quotes=[quote(t, "We have never seen a winter like this,", "Ingrid Valdemarsson")],
        numbers=[NumberFact(*span(t, "12 percent"), "12 percent", 12, kind="percent"),
                 NumberFact(*span(t, "3,000"), "3,000", 3000, counted="boats")],
    )
    return article, analysis


CORPUS = {"blackout": blackout, "markets": markets}
TEXTS = {"blackout": BLACKOUT, "markets": MARKETS}


@pytest.fixture
def index() -> SearchIndex:
    ix = SearchIndex()
    for make in CORPUS.values():
        ix.add(*make())
    return ix


def assert_valid(hit: Hit) -> None:
    text = TEXTS[hit.article_id]
    assert 0 <= hit.start <= hit.end <= len(text)
    if hit.kind != "article" or hit.end:
        assert text[hit.start:hit.end] == hit.text
    for s, e in hit.matched:
        assert 0 <= s < e <= len(hit.text)


def test_typo_in_a_name(index):
    hits = index.search("klitchenko")
    assert hits and hits[0].kind in ("entity", "sentence")
    assert any(h.kind == "entity" and h.text == "Anatoly Klitschenko" for h in hits[:3])
    for hit in hits:
        assert_valid(hit)


def test_typo_in_a_quote_fragment(index):
    hits = index.search("emergncy shutdown")
    assert hits[0].kind == "quote"
    assert hits[0].text.startswith("There will be emergency shutdowns")
    assert hits[0].speaker == "Voltaria Energy"
    s, e = hits[0].matched[0]
    assert "emergency shutdown" in hits[0].text[s:e]


def test_fragment_of_a_long_quote(index):
    hits = index.search("brovary district tonig", kind="quote")  # the last word half typed
    assert [h.article_id for h in hits] == ["blackout"]
    assert hits[0].score > 90


def test_fragment_cut_from_inside_words(index):
    hits = index.search("itschenko")  # not a word of the corpus: the middle of one
    assert any(h.kind == "entity" and h.text == "Anatoly Klitschenko" for h in hits[:3])
    hits = index.search("mergency shutdow", kind="quote")
    assert hits and hits[0].text.startswith("There will be emergency shutdowns")


def test_a_short_item_must_match_the_whole_query(index):
    # The name lies inside the query, but the query asks for more than it: no perfect score.
    hits = index.search("Quillport Fisheries said", kind="entity")
    assert hits and all(h.score < 100 for h in hits)
    assert index.search("Quilport")[0].text == "Quillport"  # a typo, the whole name
    assert index.search("Quillporrt")[0].text == "Quillport"


def test_word_order(index):
    hits = index.search("winter never seen")
    assert hits[0].text == "We have never seen a winter like this,"
    assert len(hits[0].matched) >= 3


def test_filters(index):
    hits = index.search("speaker:podolyanko")
    assert [h.text for h in hits] == ["the talks are [bold] 50% done"]
    assert index.search("speaker:podolyanko winter") == []
    assert {h.text for h in index.search("label:ORG")} == {"Voltaria Energy",
                                                          "Quillport Fisheries"}
    orgs = index.search("label:org quillport")
    assert [h.text for h in orgs] == ["Quillport Fisheries"]
    quotes = index.search("kind:quote winter")
    assert quotes and all(h.kind == "quote" for h in quotes)
    assert index.search("kind:nonsense winter") == []
    assert index.search("kind:quote", kind="entity") == []
    assert all(h.kind == "number" for h in index.search("boats", kind="number"))


def test_number_found_by_what_it_counts(index):
    hits = index.search("3000 boats", kind="number")
    assert hits[0].text == "3,000" and hits[0].value == 3000


def test_titles(index):
    hits = index.search("harbor prices", kind="article")
    assert hits[0].text == "Harbour prices fall"
    assert MARKETS[hits[0].start:hits[0].end] == "Harbour prices fall"


@pytest.mark.parametrize("query", ["", "   ", "\n", "kind:", "speaker:"])
def test_empty_query_gives_nothing(index, query):
    assert index.search(query) == []


def test_ten_thousand_character_query(index):
    assert index.search("x" * 10_000) == []
    long = ("the harbour authority expects boats " * 300)[:10_000]
    hits = index.search(long)
    assert all(isinstance(h, Hit) for h in hits)


@pytest.mark.parametrize("query", [
    "[bold]", "\x1b[31m", "%", "_", '"', "*", "AND", "OR", "NOT", "NEAR(", "NEAR(a b)", "-",
    "^", ":", "(", ")", "'", "\\", "{body}:x", "meta:kquote", "body: talks", "a*", "\x00",
    '"unbalanced', "talks AND NEAR( done", "50%", "[/]", "%_%", "[/]" * 3334, "\x1b[0m" * 2500,
    "kind:quote [bold]", "label:org %", "speaker:podolyanko [", "speaker:[bold] talks",
])
def test_markup_escape_and_fts_operators_do_not_crash(index, query):
    hits = index.search(query)
    assert isinstance(hits, list)
    for hit in hits:
        assert_valid(hit)


def test_markup_and_percent_match_literally(index):
    hits = index.search("[bold]")
    assert hits[0].text == "the talks are [bold] 50% done"
    s, e = hits[0].matched[0]
    assert hits[0].text[s:e] == "[bold]"
    assert index.search("%")[0].text.count("%") == 1
    assert index.search("50%")[0].score == 100


def test_hit_dict_matches_spec(index):
    by_kind = {h.kind: h.to_dict() for h in index.search("klitschenko 400 rescuers", limit=50)}
    by_kind.update({h.kind: h.to_dict() for h in index.search("emergency shutdowns")})
    base = {"kind", "text", "score", "article_id", "path", "title", "start", "end"}
    assert set(by_kind["quote"]) == base | {"speaker"}
    assert set(by_kind["entity"]) == base | {"label"}
    assert set(by_kind["number"]) == base | {"value"}
    assert set(by_kind["sentence"]) == base


def test_only_added_articles_are_searched(tmp_path):
    cache = open_cache(lambda m: None, tmp_path)
    first = SearchIndex(cache)
    first.add(*blackout())
    first.add(*markets())
    first.close()
    second = SearchIndex(cache)
    assert second.search("quillport") == []  # indexed in the database, but not opened here
    second.add(*blackout())
    assert second.search("quillport") == []
    assert second.search("klitschenko")
    second.close()
    cache.close()


def test_persistence_reuses_indexed_content(tmp_path, monkeypatch):
    cache = open_cache(lambda m: None, tmp_path)
    first = SearchIndex(cache)
    for make in CORPUS.values():
        first.add(*make())
    expected = [h.to_dict() for h in first.search("emergncy shutdown")]
    first.close()

    second = SearchIndex(cache)
    calls = []
    import analysis.search.indexing as module
    monkeypatch.setattr(module, "article_items", lambda *a: calls.append(a) or [])
    for make in CORPUS.values():
        second.add(*make())
    assert calls == []  # nothing re-extracted or re-indexed
    assert [h.to_dict() for h in second.search("emergncy shutdown")] == expected
    second.close()
    cache.close()


def test_add_is_idempotent(index):
    before = [h.to_dict() for h in index.search("quillport")]
    index.add(*markets())
    index.add(*markets())
    assert [h.to_dict() for h in index.search("quillport")] == before
    assert len(index) == 2


def test_same_content_under_two_paths(index):
    article, analysis = markets()
    article.id, article.path = "copy", "/elsewhere/markets.txt"
    index.add(article, analysis)
    paths = {h.path for h in index.search("valdemarsson", kind="entity")}
    assert paths == {"/news/markets.txt", "/elsewhere/markets.txt"}


def test_threads_add_while_searching(tmp_path):
    cache = open_cache(lambda m: None, tmp_path)
    index = SearchIndex(cache)
    errors: list[BaseException] = []
    done = threading.Event()

    def writer():
        try:
            for i in range(60):
                article, analysis = markets() if i % 2 else blackout()
                article.id = f"{article.id}-{i}"
                article.text = article.text + " " * (i // 2)  # new content each time
                index.add(article, analysis)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            done.set()

    def reader():
        try:
            while not done.is_set():
                for hit in index.search("emergncy shutdown") + index.search("quillport"):
                    assert hit.text
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer)] + [threading.Thread(target=reader)
                                                   for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    found = index.search("quillport", kind="entity", limit=100)
    assert len({h.article_id for h in found}) == 30
    index.close()
    cache.close()


def test_facts_with_bad_offsets_are_skipped():
    article, analysis = markets()
    analysis.quotes.append(Quote(0, 5, "not the text at all"))
    index = SearchIndex()
    index.add(article, analysis)
    assert all(h.text != "not the text at all" for h in index.search("not the text at all"))


def test_sentences_split_with_offsets():
    spans = split_sentences(BLACKOUT)
    sentences = [BLACKOUT[s:e] for s, e in spans]
    assert "Night of outages in the capital" in sentences
    assert "Klitschenko said 400 rescuers were on duty." in sentences
    assert all(s == s.strip() and s for s in sentences)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_sentence_spans_property(text):
    for s, e in split_sentences(text):
        assert 0 <= s < e <= len(text)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_queries_property(query):
    index = _shared_index()
    for hit in index.search(query, limit=5):
        assert_valid(hit)
        assert 0 <= hit.score <= 100


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_article_text_property(text):
    index = SearchIndex()
    index.add(Article(id="x", path="x", text=text, title=text[:20] or None), Analysis())
    for hit in index.search(text[:30] or "x"):
        assert 0 <= hit.start <= hit.end <= len(text)
        if hit.kind == "sentence":
            assert text[hit.start:hit.end] == hit.text


_SHARED: list[SearchIndex] = []


def _shared_index() -> SearchIndex:
    if not _SHARED:
        ix = SearchIndex()
        for make in CORPUS.values():
            ix.add(*make())
        _SHARED.append(ix)
    return _SHARED[0]


def _count(index: SearchIndex, sql: str, *args) -> int:
    with index._store.read() as conn:
        return conn.execute(sql, args).fetchone()[0]


def test_speaker_filter_applies_before_the_candidate_cut_off(monkeypatch):
    import analysis.search.index as module

    monkeypatch.setattr(module, "CANDIDATES", 5)
    monkeypatch.setattr(module, "CANDIDATES_FILTERED", 5)
    index = SearchIndex()
    for i in range(40):  # many quotes about the budget, by other speakers, ranked first by bm25
        q = f"The budget of ward {i} is short."
        text = f"Council {i}\n\n\"{q}\" said Clerk Number{i}."
        index.add(Article(id=f"c{i}", path=f"c{i}.txt", text=text, title=f"Council {i}"),
                  Analysis(quotes=[quote(text, q, f"Clerk Number{i}")]))
    text = "Treasury\n\n\"We will balance the budget by spring, slowly and with care.\" said Ona."
    q = "We will balance the budget by spring, slowly and with care."
    index.add(Article(id="t", path="t.txt", text=text, title="Treasury"),
              Analysis(quotes=[quote(text, q, "Ona Brightwater")]))
    hits = index.search("speaker:brightwater budgett")  # with a typo
    assert [(h.text, h.speaker) for h in hits] == [(q, "Ona Brightwater")]
    assert [h.text for h in index.search("speaker:brightwater")] == [q]
    assert index.search("speaker:nobodyatall budget") == []


def test_re_adding_with_another_analysis_replaces_its_rows(index):
    article, analysis = markets()
    before = _count(index, "SELECT count(*) FROM search_item")
    old = analysis.quotes[0].text
    # The same text, analysed differently (e.g. a new extractor): the quote is now longer.
    longer = old + '" said trader Ingrid'
    assert longer in MARKETS
    analysis.quotes = [quote(MARKETS, longer, "Ingrid Valdemarsson")]
    index.add(article, analysis)
    quotes = index.search("never seen a winter", kind="quote")
    assert [h.text for h in quotes] == [longer]
    assert len(index) == 2
    assert _count(index, "SELECT count(*) FROM search_item") == before
    assert _count(index, "SELECT count(*) FROM search_text WHERE body = ?", old) == 0
    assert _count(index, "SELECT count(*) FROM search_doc") == 2


def test_re_adding_changed_content_drops_the_old_rows(index):
    article, _ = markets()
    article.text = "Harbour prices fall\n\nThe Zephyrine cannery reopened on Friday."
    index.add(article, Analysis())
    assert index.search("quillport") == []
    assert index.search("valdemarsson") == []
    assert [h.article_id for h in index.search("zephyrine")] == ["markets"]
    assert _count(index, "SELECT count(*) FROM search_text WHERE body LIKE '%Quillport%'") == 0
    assert _count(index, "SELECT count(*) FROM search_term WHERE term = 'quillport'") == 0
    assert _count(index, "SELECT count(*) FROM search_doc") == 2
    assert len(index) == 2


def test_stale_analysis_from_an_earlier_run_is_never_returned(tmp_path):
    cache = open_cache(lambda m: None, tmp_path)
    first = SearchIndex(cache)
    first.add(*markets())
    first.close()
    article, analysis = markets()
    analysis.quotes = []  # a later run found no quote in the same text
    second = SearchIndex(cache)
    second.add(article, analysis)
    assert second.search("never seen a winter", kind="quote") == []
    assert second.search("never seen a winter", kind="sentence")
    assert _count(second, "SELECT count(*) FROM search_item WHERE kind = 'quote'") == 0
    second.close()
    third = SearchIndex(cache)  # reopened: the replacement is what is stored
    third.add(article, analysis)
    assert third.search("never seen a winter", kind="quote") == []
    third.close()
    cache.close()


def test_a_changed_title_replaces_the_old_one(index):
    article, analysis = markets()
    article.title = "Quayside fish prices tumble"
    index.add(article, analysis)
    assert [h.text for h in index.search("quayside tumble", kind="article")] == [article.title]
    assert {h.text for h in index.search("harbour prices fall", kind="article")} == {article.title}
