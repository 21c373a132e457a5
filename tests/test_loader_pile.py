"""The pile as it comes: exact duplicates, web archives, folder rules, one warning per file."""

from __future__ import annotations

import dataclasses
import json

import pytest
from warcs import html_response, page_html, write_warc

from analysis.loader import load, merge_duplicates

STORY = "Flood closes bridge\n\nRIVERTON - The old bridge closed on Tuesday, officials said.\n"
PARAS = [
    " ".join(["The council voted on Tuesday to rebuild the harbour wall after the storms."] * 3),
    "&quot;It is overdue,&quot; the mayor said at the meeting tonight, to applause.",
]
OTHER = [
    " ".join(["Rail workers walked out on Monday over pay and the closing of ticket offices."] * 3),
    "&quot;We had no choice,&quot; a union spokeswoman said outside the depot.",
]


# Exact duplicates ------------------------------------------------------------------------------


def test_same_text_is_one_article_listing_the_other_paths(tmp_path):
    a, b, c = (tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt")
    a.write_text(STORY, encoding="utf-8")
    b.write_text("Other story\n\nSomething else happened.\n", encoding="utf-8")
    # Whitespace aside: other line breaks, doubled spaces and a trailing blank line.
    c.write_text(STORY.replace("The old", "The  old").replace("\n\n", "\n  \n") + "\n",
                 encoding="utf-8")
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({"text": STORY, "title": "Ignored"}) + "\n", encoding="utf-8")
    result = load([str(tmp_path)])
    assert [x.path for x in result.articles] == [str(a), str(b)]
    assert result.articles[0].also_paths == [str(c), str(records)]
    assert result.articles[1].also_paths == []
    assert result.duplicates == 2
    assert result.warnings == []


def test_a_file_holding_the_same_text_twice_lists_no_path_twice():
    from analysis.articles import make_article

    first = make_article(STORY, "feed.jsonl")
    kept, dropped = merge_duplicates([first, make_article(STORY, "feed.jsonl"),
                                      make_article(STORY, "x.txt"), make_article(STORY, "x.txt")])
    assert kept == [first] and dropped == 3
    assert first.also_paths == ["x.txt"]


def test_different_texts_are_never_merged(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY.replace("Tuesday", "Wednesday"), encoding="utf-8")
    result = load([str(tmp_path)])
    assert len(result.articles) == 2 and result.duplicates == 0


# Folder rules and warnings -----------------------------------------------------------------


def test_folder_skips_readme_license_changelog_and_hidden_files(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    for name in ("README.md", "readme.txt", "LICENSE", "LICENCE.txt", "CHANGELOG.md",
                 ".notes.txt"):
        (tmp_path / name).write_text("About this folder\n\nNot an article at all.\n",
                                     encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden\n\nNo.\n", encoding="utf-8")
    result = load([str(tmp_path)])
    assert [a.path for a in result.articles] == [str(tmp_path / "story.txt")]
    assert result.warnings == []
    assert sorted(n.split(": ")[0] for n in result.notes) == sorted(
        str(tmp_path / n) for n in ("README.md", "readme.txt", "LICENSE", "LICENCE.txt",
                                    "CHANGELOG.md"))
    (tmp_path / "story.txt").unlink()
    assert load([str(tmp_path)]).warnings == [
        f"{tmp_path}: folder has only files that describe it (README, LICENSE, CHANGELOG), "
        "no article"]
    # Named on the command line, a README is read like any file.
    assert len(load([str(tmp_path / "README.md")]).articles) == 1


def test_records_without_text_give_one_warning_per_file_with_their_count(tmp_path):
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("".join(json.dumps({"file": f"{i}.txt"}) + "\n" for i in range(1, 265)),
                        encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("title,text\nA,Body one.\nB,\nC,\n", encoding="utf-8")
    items = tmp_path / "i.json"
    items.write_text(json.dumps([{"text": "One."}, {"title": "x"}, 3, 4]), encoding="utf-8")
    result = load([str(manifest), str(table), str(items)])
    assert result.warnings == [
        f'{manifest}: 264 records without "text", skipped (lines 1, 2, 3, …)',
        f'{table}: 2 records without "text", skipped (lines 3, 4)',
        f'{items}: 1 record without "text", skipped (index 1)',
        f"{items}: 2 records not a JSON object, skipped (indices 2, 3)",
    ]


def test_broken_jsonl_lines_give_the_whole_reason_and_many_are_counted(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = ['{"text": "A story about the harbour.', *(["{oops"] * 7), '{"text": "Fine."}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load([str(path)])
    assert [a.text for a in result.articles] == ["Fine."]
    assert result.warnings[0] == (f"{path}:1: not valid JSON (Unterminated string starting at: "
                                  "line 1 column 10), line skipped")
    assert result.warnings[1].startswith(f"{path}:2: not valid JSON (Expecting property name")
    assert len(result.warnings) == 6
    assert result.warnings[-1] == f"{path}: 3 more lines not valid JSON, skipped"


def test_broken_json_file_names_line_and_column(tmp_path):
    path = tmp_path / "c.json"
    path.write_text('[\n  {"text": "One."},\n  {"text": }\n]\n', encoding="utf-8")
    assert load([str(path)]).warnings == [
        f"{path}: not valid JSON (Expecting value: line 3 column 12), skipped"]


# Web archives ------------------------------------------------------------------------------


def comparable(article) -> dict:
    """An article's fields apart from where it was read from and the record's url and date."""
    d = {f.name: getattr(article, f.name) for f in dataclasses.fields(article)}
    for key in ("path", "url", "date"):
        d.pop(key)
    return d


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_gives_the_records_of_the_same_pages_saved_as_html(tmp_path, gzip):
    pages = [("https://news.example/harbour", page_html("Harbour wall vote", PARAS)),
             ("https://news.example/strike", page_html("Rail strike begins", OTHER))]
    for i, (_, html) in enumerate(pages):
        (tmp_path / f"{i}.html").write_text(html, encoding="utf-8")
    warc = write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), [
        ("request", pages[0][0], b"GET /harbour HTTP/1.1\r\n\r\n", "application/http"),
        html_response(*pages[0]),
        ("response", "https://news.example/logo.png", b"\x89PNG\r\n", "image/png"),
        ("redirect", "https://news.example/old", b"", "text/html"),
        ("metadata", pages[0][0], b"fetchTimeMs: 12\r\n", "application/warc-fields"),
        html_response(*pages[1]),
    ], gzip=gzip)
    from_warc = load([str(warc)])
    from_html = load([str(tmp_path / "0.html"), str(tmp_path / "1.html")])
    assert from_warc.warnings == [] and from_html.warnings == []
    assert [comparable(a) for a in from_warc.articles] == [
        comparable(a) for a in from_html.articles]
    assert [a.path for a in from_warc.articles] == [str(warc)] * 2
    assert [a.url for a in from_warc.articles] == [url for url, _ in pages]
    assert [a.date for a in from_warc.articles] == ["2024-03-05"] * 2
    assert "Home | Sport" not in from_warc.articles[0].text


def test_the_same_page_in_a_warc_and_a_file_is_one_article(tmp_path):
    html = page_html("Harbour wall vote", PARAS)
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    write_warc(tmp_path / "b.warc.gz", [html_response("https://n.example/a", html)] * 2)
    result = load([str(tmp_path)])
    [article] = result.articles
    assert article.path == str(tmp_path / "a.html")
    assert article.also_paths == [str(tmp_path / "b.warc.gz")]


def test_truncated_warc_keeps_the_pages_before_the_cut_and_says_so(tmp_path):
    warc = write_warc(tmp_path / "w.warc", [
        html_response("https://n.example/1", page_html("Harbour wall vote", PARAS)),
        html_response("https://n.example/2", page_html("Rail strike begins", OTHER)),
    ], gzip=False)
    data = warc.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: data.rindex(b"union spokeswoman")])
    result = load([str(cut)])
    assert [a.url for a in result.articles] == ["https://n.example/1"]
    assert result.warnings == [
        f"{cut} record 3 (https://n.example/2): the page is cut short (truncated file), skipped"]


def test_broken_warc_files_are_warnings_never_tracebacks(tmp_path, capsys):
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a web archive\r\n\r\n")
    bad_gzip = tmp_path / "bad.warc.gz"
    bad_gzip.write_bytes(b"\x1f\x8b\x08\x00garbage")
    empty = write_warc(tmp_path / "empty.warc.gz", [
        ("response", "https://n.example/i.png", b"\x89PNG", "image/png")])
    gz = write_warc(tmp_path / "ok.warc.gz", [
        html_response("https://n.example/1", page_html("Harbour wall vote", PARAS))])
    data = gz.read_bytes()
    cut_gz = tmp_path / "cut.warc.gz"
    cut_gz.write_bytes(data[: len(data) * 2 // 3])
    result = load([str(p) for p in (junk, bad_gzip, empty, cut_gz)])
    assert result.articles == []
    assert len(result.warnings) == 4
    assert result.warnings[0] == f"{junk}: not a WARC web archive, skipped"
    assert result.warnings[2] == f"{empty}: no HTML page in this web archive, skipped"
    assert all(w.startswith((str(bad_gzip), str(cut_gz))) for w in (result.warnings[1],
                                                                     result.warnings[3]))
    assert capsys.readouterr().err == ""  # warcio's own stderr lines become warnings


def test_archived_pages_in_other_charsets_are_read_in_their_charset(tmp_path):
    latin = page_html("Café owners vote", PARAS).replace(
        "<head>", '<head><meta charset="iso-8859-1">')
    declared = page_html("Über den Fluss", OTHER)
    warc = write_warc(tmp_path / "c.warc.gz", [
        ("response", "https://n.example/1", latin.encode("latin-1"), "text/html"),
        ("response", "https://n.example/2", declared.encode("cp1252"),
         "text/html; charset=windows-1252"),
    ])
    result = load([str(warc)])
    assert result.warnings == []
    assert [a.title for a in result.articles] == ["Café owners vote", "Über den Fluss"]


def test_texts_sharing_their_ends_are_compared_whole():
    from analysis.articles import make_article
    from analysis.loader import text_signature

    opening = "The council met on Tuesday night to vote on the harbour wall plan. "
    ending = " The vote is expected next week, a spokeswoman for the mayor said."
    one = make_article(opening + "It passed by nine votes to two." + ending, "1.txt")
    other = make_article(opening + "It failed by two votes to nine." + ending, "2.txt")
    spaced = make_article(" " * 600 + one.text.replace(" ", " \n" + " " * 600) + "\n" * 600,
                          "3.txt")
    assert text_signature(one.text) == text_signature(other.text) == text_signature(spaced.text)
    kept, dropped = merge_duplicates([one, other, spaced])
    assert kept == [one, other] and dropped == 1
    assert one.also_paths == ["3.txt"] and other.also_paths == []
