"""Reported speech (claims) and number sources in citations and exports, on hand-built records."""

from __future__ import annotations

import csv
import io
import json

import pytest

from analysis.citation import cite, distancing_verb, reported, speaker_phrase
from analysis.export import write
from analysis.model import Analysis, Article, Claim, Mention, NumberFact, Quote

TEXT = (
    "Ferry service halted\n\n"
    "The port authority said nearly 300 passengers were stranded overnight. "
    "According to officials, the ferry will sail again on Friday. "
    "The operator denied that the crew had ignored the warning. "
    "\"We are doing what we can,\" said captain Ilse Marlow."
)


def at(s: str) -> tuple[int, int]:
    start = TEXT.index(s)
    return start, start + len(s)


def claim(s: str, speaker: str | None, cue: str | None, mention: str | None = None) -> Claim:
    sm = Mention(*at(mention), mention) if mention else None
    return Claim(*at(s), s, speaker=speaker, speaker_entity="e1" if speaker else None,
                 speaker_mention=sm, cue=cue)


ARTICLE = Article(id="ferry", path="news/ferry.txt", text=TEXT, title="Ferry service halted",
                  date="2025-03-07")
STRANDED = claim("nearly 300 passengers were stranded overnight", "the port authority", "said",
                 "The port authority")
FRIDAY = claim("the ferry will sail again on Friday", "officials", "according to", "officials")
DENIED = claim("the crew had ignored the warning", "The operator", "denied", "The operator")
QUOTE = Quote(*at("We are doing what we can,"), "We are doing what we can,", "direct",
              "Ilse Marlow", None, None, "said")
NEARLY_300 = NumberFact(*at("nearly 300"), "nearly 300", 300, "approximately", None, "count",
                        None, "passengers", source="the port authority", source_entity="e1")
FRIDAY_N = NumberFact(*at("Friday"), "Friday", "2025-03-07", "exact", None, "date")
ANALYSIS = Analysis(quotes=[QUOTE], numbers=[NEARLY_300, FRIDAY_N],
                    claims=[STRANDED, FRIDAY, DENIED])


def test_fixture_offsets_hold():
    for fact in [*ANALYSIS.claims, *ANALYSIS.quotes, *ANALYSIS.numbers]:
        assert TEXT[fact.start:fact.end] == fact.text


# Citations ------------------------------------------------------------------------------------


def test_claim_is_cited_as_reported_speech_never_in_quote_marks():
    cited = cite(ARTICLE, FRIDAY)
    assert cited == ("According to officials, the ferry will sail again on Friday"
                     " — “Ferry service halted”, 2025-03-07")
    assert "“the ferry" not in cited and '"' not in cited


def test_a_denial_is_not_turned_into_an_assertion():
    assert reported(DENIED) == "The operator denied that the crew had ignored the warning"
    assert "According to" not in cite(ARTICLE, DENIED)


@pytest.mark.parametrize(("cue", "expected"), [
    ("denies", "denied that"), ("denying", "denied that"), ("has denied", "denied that"),
    ("rejected", "rejected that"), ("questioned", "questioned whether"), ("said", None),
    ("according to", None), ("claiming", None), (None, None), ("", None),
])
def test_distancing_cues(cue, expected):
    assert distancing_verb(cue) == expected


@pytest.mark.parametrize(("speaker", "phrase"), [
    ("Russian defence ministry", "the Russian defence ministry"),
    ("Kyiv police", "the Kyiv police"), ("The operator", "the operator"),
    ("the port authority", "the port authority"), ("an adviser", "an adviser"),
    ("Vitali Klitschko", "Vitali Klitschko"), ("Ukraine’s military", "Ukraine’s military"),
    ("Ukraine's military", "Ukraine's military"), ("US officials", "US officials"),
    ("officials", "officials"), ("police", "police"), ("Ukrenergo", "Ukrenergo"),
    ("Vitali Klitschko, the mayor", "Vitali Klitschko, the mayor"), ("", ""),
])
def test_speaker_phrase_gives_a_description_its_article(speaker, phrase):
    assert speaker_phrase(speaker) == phrase


def test_a_description_reads_as_english_in_both_wordings():
    ministry = Claim(*at("the crew had ignored the warning"), "the crew had ignored the warning",
                     "Russian defence ministry", cue="said")
    assert reported(ministry).startswith("According to the Russian defence ministry, the crew")
    ministry.cue = "denied"
    assert reported(ministry).startswith("The Russian defence ministry denied that the crew")
    source = NumberFact(0, 3, "400", 400, source="Russian defence ministry")
    assert "according to the Russian defence ministry" in cite(ARTICLE, source)


def test_claim_without_a_source_says_so():
    anonymous = Claim(*at("the ferry will sail again on Friday"),
                      "the ferry will sail again on Friday", cue="according to")
    cited = cite(ARTICLE, anonymous)
    assert "the ferry will sail again on Friday" in cited
    assert "source not identified" in cited and "According to None" not in cited


def test_claim_citation_removes_control_characters_and_keeps_the_text():
    dirty = Claim(0, 10, "ships \x1b[31mwill\x07 sail", speaker="Port \x1b]52;c;eA==\x07Office")
    cited = cite(Article(id="x", path="x.txt", text="", title=None), dirty)
    assert "\x1b" not in cited and "\x07" not in cited
    assert "ships will sail" in cited and "Port Office" in cited
    assert cited.endswith("“x.txt”")


def test_number_citation_names_its_source():
    cited = cite(ARTICLE, NEARLY_300)
    assert cited.startswith("nearly 300 [approximately 300 passengers (count)], according to the "
                            "port authority — “Ferry service halted”")
    assert "according to" not in cite(ARTICLE, FRIDAY_N)


# Exports --------------------------------------------------------------------------------------


def export(fmt: str) -> str:
    out = io.StringIO()
    assert write(fmt, [(ARTICLE, ANALYSIS)], out) == 1
    return out.getvalue()


def test_jsonl_and_json_carry_claims_and_number_sources():
    record = json.loads(export("jsonl"))
    assert json.loads(export("json")) == [record]
    assert [c["text"] for c in record["claims"]] == [c.text for c in ANALYSIS.claims]
    first = record["claims"][0]
    assert set(first) == {"start", "end", "text", "speaker", "speaker_entity", "speaker_mention",
                          "cue", "kind"}
    assert [c["kind"] for c in record["claims"]] == ["speech", "speech", "speech"]
    assert first["speaker_mention"] == {"start": TEXT.index("The port"),
                                        "end": TEXT.index("The port") + 18,
                                        "text": "The port authority"}
    for c in record["claims"]:
        assert record["text"][c["start"]:c["end"]] == c["text"]
    sources = {n["text"]: (n["source"], n["source_entity"]) for n in record["numbers"]}
    assert sources == {"nearly 300": ("the port authority", "e1"), "Friday": (None, None)}


def test_csv_has_claim_rows_and_number_sources():
    rows = list(csv.DictReader(io.StringIO(export("csv"))))
    claims = [r for r in rows if r["fact"] == "claim"]
    assert [(r["text"], r["speaker"], r["cue"]) for r in claims] == [
        (c.text, c.speaker, c.cue) for c in ANALYSIS.claims]
    for r in claims:
        assert TEXT[int(r["start"]):int(r["end"])] == r["text"]
        assert r["kind"] == "speech" and r["source"] == ""
    numbers = {r["text"]: r["source"] for r in rows if r["fact"] == "number"}
    assert numbers == {"nearly 300": "the port authority", "Friday": ""}
    assert [r["fact"] for r in rows if r["fact"] == "quote"] == ["quote"]


def test_markdown_has_a_reported_speech_section_and_a_source_column():
    md = export("md")
    assert "### Reported speech (3)" in md
    section = md.split("### Reported speech (3)")[1].split("###")[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert lines[0] == ("- According to the port authority, nearly 300 passengers were stranded "
                        "overnight — “Ferry service halted”, 2025-03-07 [speech; said; chars "
                        f"{STRANDED.start}–{STRANDED.end}]")
    assert lines[2].startswith("- The operator denied that the crew had ignored the warning")
    assert "“" not in section.replace("“Ferry service halted”", "")
    assert "| text | value | qualifier | kind | unit | counted | source | chars |" in md
    row = next(line for line in md.splitlines() if line.startswith("| nearly 300 |"))
    assert "| the port authority |" in row
    # Quotes stay in their own section, in quote marks.
    assert "“We are doing what we can,” — Ilse Marlow" in md.split("### Reported speech")[0]


def test_markdown_without_claims_has_no_empty_section():
    out = io.StringIO()
    write("md", [(ARTICLE, Analysis(quotes=[QUOTE]))], out)
    assert "Reported speech" not in out.getvalue()


def test_a_claims_kind_reaches_every_export():
    believed = Claim(*at("the crew had ignored the warning"), "the crew had ignored the warning",
                     "The operator", cue="believes", kind="belief")
    analysis = Analysis(claims=[believed])
    out = io.StringIO()
    write("jsonl", [(ARTICLE, analysis)], out)
    assert json.loads(out.getvalue())["claims"][0]["kind"] == "belief"
    out = io.StringIO()
    write("csv", [(ARTICLE, analysis)], out)
    assert [r["kind"] for r in csv.DictReader(io.StringIO(out.getvalue()))] == ["belief"]
    out = io.StringIO()
    write("md", [(ARTICLE, analysis)], out)
    assert "[belief; believes; chars" in out.getvalue()
    assert Analysis.from_dict(analysis.to_dict()).claims == [believed]
