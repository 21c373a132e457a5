"""bench.pile on a tiny pile of paragraphs written here: behaviour, never timing."""

from __future__ import annotations

import json
import random

from bench.pile import corpus_copies, make_pile, reword, run, score

SYLLABLES = "ka lo mi ne ru sa ti vo be da fe gu hi jo".split()
PEOPLE = "Ilse Korver|Tomas Berg|Anna Holm|Marta Vesela".split("|")


def paragraphs(n: int = 90) -> list[str]:
    """Distinct made-up paragraphs of made-up words (no 5-gram shared by chance), a third of
    them with a quote."""
    rng = random.Random(3)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))

    out = []
    for i in range(n):
        sentences = [" ".join(word() for _ in range(12)).capitalize() + "." for _ in range(3)]
        if i % 3 == 0:
            said = " ".join(word() for _ in range(8))
            sentences.append(f"\"{said.capitalize()},\" said {rng.choice(PEOPLE)}.")
        out.append(" ".join(sentences))
    return out


def test_pile_is_made_as_said():
    pile, copies, dups = make_pile(100, paragraphs())
    assert len(pile) == 100 and len(copies) == 20 and len(dups) == 5
    for copy, original in copies.items():
        assert pile[copy]["title"] != pile[original]["title"]
        assert pile[copy]["date"] > pile[original]["date"]
        assert pile[copy]["text"].count("\n\n") == pile[original]["text"].count("\n\n") - 1
    for dup, src in dups.items():
        assert pile[dup]["text"] == pile[src]["text"] and pile[dup]["path"] != pile[src]["path"]


def test_reword_changes_one_sentence():
    para = "One two three four five six seven. Eight nine ten eleven twelve thirteen."
    out = reword(para, random.Random(1))
    assert out != para and (out.endswith("thirteen.") or out.startswith("One two"))


def test_score():
    assert score({5: 1, 6: 2}, {5: 1, 7: 3}) == (0.5, 0.5)
    assert score({}, {}) == (1.0, 1.0)


def test_run_finds_the_copies_and_the_quotes_view_agrees(nlp, capsys):
    result = run(60, 1, paragraphs())
    json.dumps(result)
    assert result["duplicates_found"] == result["duplicates_made"] == 3
    assert result["copies_found"] == result["copies_made"] == 12
    assert result["precision"] == result["recall"] == 1.0
    assert result["quotes_agree"] is True and result["quotations"] > 0
    assert result["appearances"] >= result["quotations"]
    assert 0 < result["dedup_share"] < 1
    assert "1 articles analysed" in result["analysis_estimated_from"]


def test_corpus_copies_found_and_nothing_else():
    texts = []
    paras = paragraphs(40)
    for i in range(8):
        title = f"Story {i}"
        texts.append((title + "\n\n" + "\n\n".join(paras[i * 5:i * 5 + 5]), title,
                      f"2026-01-0{i + 1}"))
    assert corpus_copies(texts) == {"made": 8, "found": 8, "other_pairs": 0}
