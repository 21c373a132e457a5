"""The pile as it comes: syndicated copies counted once, quotations across articles (desk level)."""

from __future__ import annotations

from analysis.corpus import CorpusDesk
from analysis.corpus.copies import (
    Doc,
    body_of,
    copy_pairs,
    is_copy,
    outlet_of,
    shingles,
    signature,
    stories,
)
from analysis.corpus.quotes import quote_key
from analysis.model import Analysis, Article, Quote
from tests.desk_helpers import entity_everywhere, quote, span

PARAGRAPHS = [
    "The harbour authority of Westgate closed the northern pier on Monday after engineers "
    "found cracks in three of its concrete supports during a routine inspection.",
    "Ferries to the islands will leave from the southern terminal until further notice, and "
    "passengers were told to allow an extra hour for the longer walk from the station.",
    "\"We cannot let anyone stand on a structure we are not sure of,\" said harbour master "
    "Ilse Korver, who ordered the closure after reading the engineers' report at dawn.",
    "Fishermen who moor their boats along the pier said they had complained about loose "
    "railings and puddles of rust-coloured water for more than two winters.",
    "The town council will meet on Thursday to decide whether to repair the pier or to build "
    "a new one further along the bay, a project first proposed eleven years ago.",
    "Local shops near the pier expect fewer visitors this spring, and the tourist office has "
    "moved its summer boat tours to the smaller quay beside the old customs house.",
]
OTHER = [
    "A choir from the mountain village of Ostrava Dolna won the national folk music prize on "
    "Saturday with a programme of shepherd songs collected by its founder in the 1960s.",
    "The twenty singers, the youngest of them fourteen, travelled to the capital by bus and "
    "performed without instruments in front of an audience of nearly two thousand people.",
    "\"We sang the songs our grandmothers taught us in their kitchens,\" said conductor "
    "Marta Veselá, who has led the choir since her father retired from it in 1998.",
]


def make(n: int, title: str, paragraphs: list[str], date: str, url: str | None = None,
         speaker: str = "Ilse Korver") -> tuple[str, Article, Analysis]:
    text = title + "\n\n" + "\n\n".join(paragraphs)
    article = Article(id=f"art{n}", path=f"/pile/art{n}.txt", text=text, title=title,
                      date=date, url=url)
    quotes = []
    for para in paragraphs:
        if para.startswith("\""):
            said = para[1:para.index("\"", 1)]
            start = text.index(said)
            quotes.append(Quote(start, start + len(said), said, speaker=speaker))
    entities = [entity_everywhere(text, speaker, "PERSON")] if speaker in text else []
    return f"key{n}", article, Analysis(entities, quotes, [])


def copy_of_story(paragraphs: list[str]) -> list[str]:
    """A wire copy: one paragraph cut, one sentence reworded."""
    out = paragraphs[:-1]
    out[1] = out[1].replace("passengers were told to allow an extra hour",
                            "travellers should plan for an extra hour")
    return out


def pile() -> CorpusDesk:
    desk = CorpusDesk.in_memory()
    desk.add([
        make(1, "Westgate pier closed", PARAGRAPHS, "2026-02-02", "https://www.coastnews.example/a"),
        make(2, "Cracks shut Westgate's northern pier", copy_of_story(PARAGRAPHS), "2026-02-03",
             "https://bayherald.example/b"),
        make(3, "Folk choir wins prize", OTHER, "2026-02-01", speaker="Marta Veselá"),
    ])
    return desk


def test_shingles_fold_case_and_punctuation_and_skip_the_headline():
    assert shingles("The Pier, closed!  On Monday; again") == ["the pier closed on monday",
                                                                "pier closed on monday again"]
    assert body_of("Headline\n\nBody text", "Headline") == "\n\nBody text"
    assert body_of("Body text", "Headline") == "Body text"
    assert signature("", None) == (None, 0)
    assert outlet_of("https://www.coastnews.example/a", "/x/y.txt") == "coastnews.example"
    assert outlet_of(None, "/pile/art1.txt") == "art1.txt"


def test_is_copy_by_jaccard_or_containment():
    assert is_copy(0.9, 100, 100)
    assert not is_copy(0.2, 100, 100)
    # 160 of a 200-gram article inside a 400-gram one: a trimmed copy (containment 0.8)
    assert is_copy(160 / 440, 200, 400)
    assert not is_copy(100 / 500, 200, 400)  # half of it: two stories sharing a paragraph
    # a short article inside a long one (a fifth of its size): too noisy to call a copy
    assert not is_copy(48 / 252, 50, 250)


def test_copies_found_and_nothing_else():
    docs = []
    for n, (title, paras) in enumerate([
        ("Westgate pier closed", PARAGRAPHS),
        ("A new headline", copy_of_story(PARAGRAPHS)),
        ("Folk choir wins prize", OTHER),
        ("Half of each", PARAGRAPHS[4:] + OTHER[:2]),
    ], 1):
        sig, grams = signature(title + "\n\n" + "\n\n".join(paras), title)
        docs.append(Doc(n, sig, grams, "2026-02-0" + str(5 - n), f"/p/{n}.txt"))
    assert list(copy_pairs(docs)) == [(1, 2)]
    # the story's original is the earliest by date (then path): article 2 is dated 02-03
    assert stories(docs, [(1, 2)]) == {1: 2, 2: 2}


def test_stories_original_earliest_by_date_then_path():
    docs = [Doc(1, None, 0, "2026-01-02", "/b.txt"), Doc(2, None, 0, "2026-01-01", "/c.txt"),
            Doc(3, None, 0, "2026-01-01", "/a.txt"), Doc(4, None, 0, None, "/0.txt")]
    assert stories(docs, [(1, 2), (2, 3), (3, 4)]) == {1: 3, 2: 3, 3: 3, 4: 3}


def test_desk_counts_a_story_and_its_copy_once():
    desk = pile()
    [korver] = [s for s in desk.speakers() if s.name == "Ilse Korver"]
    assert (korver.quotes, korver.articles) == (1, 1)
    [ent] = [e for e in desk.entities() if e.name == "Ilse Korver"]
    assert ent.articles == 1
    facts = desk.speaker_facts(korver.speaker_id)
    assert [f.article_key for f in facts] == ["key1"]  # the fuller version is counted
    versions = desk.versions()
    assert set(versions) == {"key1", "key2"}
    [copy] = versions["key1"]
    assert (copy.article_id, copy.outlet, copy.copy_of) == ("art2", "bayherald.example", "art1")
    [original] = versions["key2"]
    assert (original.article_id, original.outlet, original.copy_of) == (
        "art1", "coastnews.example", None)


def test_only_the_copy_in_scope_is_counted():
    desk = pile()
    desk.scope(["key2", "key3"])
    [korver] = [s for s in desk.speakers() if s.name == "Ilse Korver"]
    assert (korver.quotes, korver.articles) == (1, 1)
    assert [f.article_key for f in desk.speaker_facts(korver.speaker_id)] == ["key2"]


def test_quote_key_folds_case_punctuation_and_quote_marks():
    assert quote_key("“We Cannot  let anyone—stand!”") == quote_key("we cannot let anyone stand")
    assert quote_key("don’t") == quote_key("don't") == "don t"


def _quoting(n: int, text: str, said: str, date: str, speaker: str | None = "Ilse Korver"):
    article = Article(id=f"q{n}", path=f"/pile/q{n}.txt", text=text, title=f"Story {n}",
                      date=date)
    # a speaker row is a person the article names (with a label), not a bare speaker string
    people = [entity_everywhere(text, speaker, "PERSON")] if speaker and speaker in text else []
    return f"qkey{n}", article, Analysis(people, [quote(text, said, speaker)], [])


def test_quote_repeated_in_three_articles_is_one_row_earliest_first():
    full = "We cannot let anyone stand on a structure we are not sure of"
    desk = CorpusDesk.in_memory()
    desk.add([
        _quoting(1, f"Later Ilse Korver repeated: \"{full.upper()}!\" to the council.",
                 full.upper() + "!", "2026-03-09"),
        _quoting(2, f"The harbour master, Ilse Korver, said: ‘{full}.’ Nobody argued.", full + ".",
                 "2026-03-01"),
        # a partial quote: a fragment of the longer one
        _quoting(3, "Korver said she was \"not sure of\" the pier and would not \"let anyone "
                    "stand on a structure\" for now.", "let anyone stand on a structure",
                 "2026-03-05", None),
        _quoting(4, "\"Not sure,\" Ilse Korver said.", "Not sure", "2026-03-02"),
        _quoting(5, "\"The ferries will run,\" Ilse Korver said.", "The ferries will run",
                 "2026-03-03"),
    ])
    rows = desk.quotes()
    top = rows[0]
    assert top.articles == 3 and len(top.appearances) == 3
    assert [f.date for f in top.appearances] == ["2026-03-01", "2026-03-05", "2026-03-09"]
    assert top.first.article_id == "q2" and top.speaker == "Ilse Korver"
    assert quote_key(top.text) == quote_key(full)
    texts = {quote_key(r.text) for r in rows[1:]}
    assert texts == {"not sure", "the ferries will run"}  # two words: never merged
    assert desk.quotes(filter="ferries")[0].articles == 1
    assert desk.quotes(limit=1) == [top]
    # the speaker's detail says how often each quote ran
    korver, nobody = desk.speakers()  # the partial quote has no speaker: "unattributed"
    assert nobody.speaker_id is None and nobody.quotes == 1
    repeated = {f.article_key: f.repeated for f in desk.speaker_facts(korver.speaker_id)}
    assert repeated == {"qkey1": 3, "qkey2": 3, "qkey4": 1, "qkey5": 1}


def test_quote_in_a_story_and_its_copy_counts_one_story():
    desk = pile()
    [row] = [r for r in desk.quotes() if "structure" in r.text]
    assert row.articles == 1 and len(row.appearances) == 2
    assert [f.copy_of for f in row.appearances] == [None, "art1"]
    text = make(1, "Westgate pier closed", PARAGRAPHS, "2026-02-02")[1].text
    assert (row.first.start, row.first.end) == span(text, row.first.text)
