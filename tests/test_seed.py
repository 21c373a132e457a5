"""The seed article in seeds/, checked on itself: title, dateline, entities, quotes, numbers.

The seed is the article copydesk was designed around; it starts with its first paragraph
("KYIV - Russia on Monday ..."), so it is untitled and its dateline is a mention of Kyiv.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from analysis.loader import load
from analysis.pipeline import analyze_doc

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_634e7bab463b1986.txt"
SEED_SHA256 = "c58930ccabb82ac6e4022141be2b2a4af990abf254c9d559a297838a08e1849e"


@pytest.fixture(scope="module")
def seed(nlp):
    [article] = load([str(SEED)]).articles
    return article, analyze_doc(nlp(article.text), article)


def test_seeds_holds_the_seed_article_byte_for_byte():
    assert sorted(p.name for p in SEED.parent.iterdir()) == [SEED.name]
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256


def test_seed_is_untitled_with_a_kyiv_dateline(seed):
    article, analysis = seed
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.dateline == "KYIV"
    assert article.text[slice(*article.dateline_span)] == "KYIV"
    assert article.title.startswith("Russia on Monday admitted dozens of its soldiers")
    assert len(article.title) <= 80 and "KYIV" not in article.title
    [kyiv] = [e for e in analysis.entities if e.name == "Kyiv"]
    assert kyiv.label == "GPE"
    assert (0, 4, "KYIV") in [(m.start, m.end, m.text) for m in kyiv.mentions]
    # Every "Kyiv" of the text is a mention of that one entity.
    starts = {m.start for m in kyiv.mentions}
    pos = article.text.find("Kyiv")
    while pos >= 0:
        assert pos in starts
        pos = article.text.find("Kyiv", pos + 1)


@pytest.mark.parametrize(("name", "label"), [
    ("Kyiv", "GPE"), ("Makiivka", "GPE"), ("Ukrenergo", "ORG"),
    ("Vitali Klitschko", "PERSON"), ("Mykhailo Podolyak", "PERSON"),
    ("Volodymyr Zelensky", "PERSON"), ("Vladimir Putin", "PERSON"),
])
def test_seed_entities(seed, name, label):
    _, analysis = seed
    found = [e for e in analysis.entities if e.name == name]
    assert [e.label for e in found] == [label]


def test_seed_quotes_with_speakers_and_kinds(seed):
    article, analysis = seed
    got = [(q.kind, q.speaker, q.speaker_mention.text if q.speaker_mention else None, q.cue,
            q.text) for q in analysis.quotes]
    assert got == [
        ("partial", "Russian defence ministry", "the Russian defence ministry", "said",
         "as a result of a strike by four missiles"),
        ("direct", "Vitali Klitschko", "he", "said",
         "An injured 19-year-old man was hospitalised in the Desnyanskyi district of the "
         "capital,"),
        ("partial", "Ukrenergo", "the power company Ukrenergo", "said", "more complicated"),
        ("direct", "Ukrenergo", "it", "said",
         "That is why emergency shutdowns are now in effect,"),
        ("direct", "Mykhailo Podolyak", "Mykhailo Podolyak", "tweeted",
         "Russia no longer has any military goals and is trying to kill as many civilians as "
         "possible and destroy more civilian facilities,"),
        ("continuation", "Mykhailo Podolyak", "Mykhailo Podolyak", "tweeted", "A war to kill."),
    ]
    for q in analysis.quotes:
        assert article.text[q.start:q.end] == q.text
        m = q.speaker_mention
        assert article.text[m.start:m.end] == m.text


def test_seed_numbers(seed):
    article, analysis = seed
    got = {(n.text, n.value, n.qualifier, n.kind, n.counted) for n in analysis.numbers}
    assert {
        ("dozens", None, "dozens", "count", "soldiers"),
        ("63", 63, "exact", "count", "servicemen"),
        ("four", 4, "exact", "count", "missiles"),
        ("Feb 24 last year", "--02-24", "exact", "date", None),
        ("nearly 400", 400, "approximately", "count", "troops"),
        ("at least five", 5, "at least", "count", "people"),
        ("19-year-old", 19, "exact", "age", "man"),
    } <= got
    for n in analysis.numbers:
        assert article.text[n.start:n.end] == n.text
