"""Corpus loading: every input format, titles, datelines, and bad input."""

from __future__ import annotations

import io
import json

from analysis.articles import make_article, parse_date_line, text_id
from analysis.loader import MAX_ARTICLE_CHARS, load

STORY = "Flood closes bridge\n\nRIVERTON - The old bridge closed on Tuesday, officials said.\n"


def test_txt_title_is_first_line_and_text_is_verbatim(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    [article] = load([str(path)]).articles
    assert article.title == "Flood closes bridge"
    assert article.text == STORY
    assert article.id == text_id(STORY)
    assert article.path == str(path)


def test_place_dateline_gives_dateline_and_its_offsets():
    article = make_article(STORY, "x.txt")
    assert article.dateline == "RIVERTON"
    start, end = article.dateline_span
    assert article.text[start:end] == "RIVERTON"


def test_dateline_with_agency_and_state():
    text = "Title\n\nWASHINGTON, D.C. (Reuters) — Lawmakers met on Friday.\n"
    article = make_article(text, "x.txt")
    assert article.dateline == "WASHINGTON, D.C."
    assert text[slice(*article.dateline_span)] == "WASHINGTON, D.C."


def test_no_dateline_in_ordinary_sentence():
    article = make_article("Title\n\nThe mayor - who was re-elected - spoke.\n", "x.txt")
    assert article.dateline is None and article.dateline_span is None


def test_date_line_paragraph_gives_publication_date():
    text = "Headline here\n\nFriday, January 4, 2019\n\nA building collapsed on Monday.\n"
    article = make_article(text, "x.txt")
    assert article.date == "2019-01-04"
    assert parse_date_line("4 January 2019") == "2019-01-04"
    assert parse_date_line("February 30, 2019") is None
    assert parse_date_line("The meeting was on January 4, 2019") is None


def test_markdown_title_loses_hashes(tmp_path):
    path = tmp_path / "n.md"
    path.write_text("# Big news\n\nBody text here.\n", encoding="utf-8")
    [article] = load([str(path)]).articles
    assert article.title == "Big news"


def test_jsonl_uses_fields_and_skips_bad_lines_with_line_number(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "One", "text": "First story.", "date": "2020-05-01T10:00Z",
                    "url": "https://example.org/1"}),
        "{not json",
        json.dumps({"title": "No text"}),
        json.dumps({"text": "Second story without title.\n\nMore."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load([str(path)])
    assert [a.id for a in result.articles][0] == "a1"
    first, second = result.articles
    assert (first.title, first.date, first.url) == ("One", "2020-05-01", "https://example.org/1")
    assert second.title == "Second story without title."
    assert f"{path}:2: not valid JSON (Expecting property name enclosed in double quotes: " \
        "line 2 column 2), line skipped" in result.warnings
    assert f"{path}: 1 record without \"text\", skipped (line 3)" in result.warnings


def test_json_object_and_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Alpha beta.", "title": "T"}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "One."}, {"text": "Two."}, 5]), encoding="utf-8")
    result = load([str(one), str(many)])
    assert [a.text for a in result.articles] == ["Alpha beta.", "One.", "Two."]
    assert f"{many}: 1 record not a JSON object, skipped (index 2)" in result.warnings


def test_csv_text_column_and_missing_column(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text('id,title,text\n7,Headline,"Body, with comma\nand a newline."\n',
                    encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = load([str(good), str(bad)])
    [article] = result.articles
    assert (article.id, article.title) == ("7", "Headline")
    assert article.text == "Body, with comma\nand a newline."
    assert any("no \"text\" column" in w for w in result.warnings)


def test_html_main_text_without_boilerplate(tmp_path):
    page = tmp_path / "p.html"
    body = " ".join(["The council voted on Tuesday to rebuild the harbour wall."] * 3)
    page.write_text(
        "<html><head><title>Harbour wall vote</title></head><body>"
        "<nav>Home | Sport | Weather</nav><article><h1>Harbour wall vote</h1>"
        f"<p>{body}</p><p>&quot;It is overdue,&quot; the mayor said at the meeting tonight.</p>"
        "</article><footer>Copyright 2024 Example Media</footer></body></html>",
        encoding="utf-8",
    )
    [article] = load([str(page)]).articles
    assert article.title == "Harbour wall vote"
    assert "rebuild the harbour wall" in article.text
    assert '"It is overdue," the mayor said' in article.text
    assert "Copyright" not in article.text and "Home | Sport" not in article.text


def test_folder_recursive_sorted_and_glob(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("B title\n\nBody b.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("A title\n\nBody a.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNo.", encoding="utf-8")
    titles = [a.title for a in load([str(tmp_path)]).articles]
    assert titles == ["B title", "A title"]
    globbed = load([str(tmp_path / "**" / "*.txt")]).articles
    assert sorted(a.title for a in globbed) == ["A title", "B title"]


def test_stdin_is_one_article():
    result = load(["-"], stdin=io.BytesIO(b"From stdin\n\nSome body text."))
    [article] = result.articles
    assert article.path == "<stdin>" and article.title == "From stdin"


def test_missing_empty_binary_and_invalid_utf8(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.dat"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 owner speaks\n\nThe caf\xe9 reopened.".encode("latin-1"))
    result = load([str(tmp_path / "nope.txt"), str(empty), str(binary), str(latin)])
    assert result.missing == [str(tmp_path / "nope.txt")]
    [article] = result.articles
    assert "\ufffd" in article.text
    joined = "\n".join(result.warnings)
    assert "empty file" in joined and "binary file" in joined
    assert f"{latin}: not valid UTF-8" in joined


def test_unknown_extension_sniffed_as_text(tmp_path):
    path = tmp_path / "story.article"
    path.write_text("Sniffed title\n\nBody.", encoding="utf-8")
    [article] = load([str(path)]).articles
    assert article.title == "Sniffed title"


def test_crlf_newlines_read_as_python_text_mode(tmp_path):
    path = tmp_path / "w.txt"
    path.write_bytes(b"Title\r\n\r\nBody line.\r\n")
    [article] = load([str(path)]).articles
    assert article.text == "Title\n\nBody line.\n"


def test_oversized_file_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "huge.txt"
    paragraph = "The committee met again and talked at length about the budget. " * 20 + "\n\n"
    with open(path, "w", encoding="utf-8") as handle:
        while handle.tell() < 20 * 1024 * 1024:
            handle.write(paragraph * 50)
    result = load([str(path)])
    assert result.articles == []
    assert any("more than one article can have" in w and f"{MAX_ARTICLE_CHARS:,}" in w
               for w in result.warnings)


def test_folder_with_nothing_readable(tmp_path):
    (tmp_path / "x.bin").write_bytes(b"\x00\x01\x02")
    result = load([str(tmp_path)])
    assert result.articles == [] and result.warnings


# Titled and untitled text: the first line is the title only when it reads as a headline.

UNTITLED = (
    "OSLO - The city council on Tuesday approved a new harbour tunnel after a decade of debate "
    "over its cost and route.\n\nWork starts in May, the mayor said.\n"
)


def test_dateline_opening_is_body_not_title():
    article = make_article(UNTITLED, "x.txt")
    assert article.dateline == "OSLO"
    assert UNTITLED[slice(*article.dateline_span)] == "OSLO"
    assert article.title == (
        "The city council on Tuesday approved a new harbour tunnel after a decade of…")


def test_long_first_sentence_with_full_stop_is_body():
    text = ("The regional hospital will close its maternity ward next month, its board said "
            "on Friday.\n\nStaff will move to the city.\n")
    article = make_article(text, "x.txt")
    assert article.dateline is None
    assert article.title == (
        "The regional hospital will close its maternity ward next month, its board said…")


def test_only_paragraph_is_body_and_short_title_is_its_first_sentence():
    article = make_article("Rain fell on Tuesday. The river rose.", "x.txt")
    assert article.title == "Rain fell on Tuesday."


def test_first_sentence_skips_abbreviations():
    text = "The U.S. Army left on Feb. 24 after Mr. Ruiz spoke. It rained.\n"
    title = make_article(text, "x.txt").title
    assert title == "The U.S. Army left on Feb. 24 after Mr. Ruiz spoke."


def test_headlines_stay_titles():
    for headline in (
        "Storm cuts power to thousands in Portmere",  # sentence case, no full stop
        "Only 24 Percent of the Mayor’s Donors Are Local.",  # title case with a full stop
        "Flood closes bridge",
    ):
        article = make_article(f"{headline}\n\nThe council met on Tuesday to vote.\n", "x.txt")
        assert article.title == headline.rstrip()


def test_title_over_a_datelined_paragraph_or_a_date_line():
    text = "Tunnel approved, work starts in May.\n\nOSLO - The council approved it.\n"
    article = make_article(text, "x.txt")
    assert article.title == "Tunnel approved, work starts in May."
    assert article.dateline == "OSLO"
    text = "Tunnel approved after long debate.\n\nFriday, January 4, 2019\n\nThe council met.\n"
    article = make_article(text, "x.txt")
    assert article.title == "Tunnel approved after long debate." and article.date == "2019-01-04"


def test_title_case_line_with_a_caps_word_and_dash_is_a_headline_not_a_dateline():
    text = "EXCLUSIVE – Harbour Chief Says Tunnel Will Never Open\n\nThe chief spoke on Monday.\n"
    article = make_article(text, "x.txt")
    assert article.title.startswith("EXCLUSIVE") and article.dateline is None


def test_untitled_stdin_md_and_records(tmp_path):
    md = tmp_path / "wire.md"
    md.write_text(UNTITLED, encoding="utf-8")
    [from_md] = load([str(md)]).articles
    [from_stdin] = load(["-"], stdin=io.BytesIO(UNTITLED.encode())).articles
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({"text": UNTITLED}) + "\n", encoding="utf-8")
    [from_record] = load([str(records)]).articles
    for article in (from_md, from_stdin, from_record):
        assert article.dateline == "OSLO" and article.title.startswith("The city council")
        assert article.text == UNTITLED


def test_given_title_repeated_as_first_line_is_not_body():
    text = "Tunnel approved\n\nOSLO - The council approved it.\n"
    article = make_article(text, "x.html", title="Tunnel approved")
    assert article.title == "Tunnel approved" and article.dateline == "OSLO"
