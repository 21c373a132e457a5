"""Unit tests of the app's Textual-free helpers: wrapping by offsets, the fact store, pane items,
the search feed and the system clipboard tool."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from analysis.model import Analysis, Entity, Mention, NumberFact, Quote
from tui import clipboard
from tui.facts import entity_items, matches, number_items, quote_items
from tui.search_feed import SearchFeed
from tui.store import FactStore
from tui.wrapping import line_of, wrap_offsets

# Wrapping -----------------------------------------------------------------------------------


def test_wrap_breaks_at_spaces_and_keeps_offsets():
    text = "Hello world this is wrapping\n\nsupercalifragilistic end"
    lines = wrap_offsets(text, 10)
    shown = [text[s:e] for s, e in lines]
    assert shown[:4] == ["Hello ", "world this ", "is ", "wrapping"]
    assert "" in shown  # the blank line between paragraphs
    assert "supercalif" in shown  # a word longer than a line is cut


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
       st.integers(min_value=1, max_value=40))
def test_wrap_covers_text_in_order_within_width(text, width):
    lines = wrap_offsets(text, width)
    assert lines and lines[0][0] == 0 and lines[-1][1] == len(text)
    for (s1, e1), (s2, _) in zip(lines, lines[1:], strict=False):
        assert s1 <= e1 <= s2
        assert text[e1:s2] in ("", "\n")  # nothing is lost between lines but newlines
    for s, e in lines:
        piece = text[s:e]
        assert "\n" not in piece
        assert cell_len(piece.rstrip()) <= width or len(piece.rstrip()) == 1
    for offset in range(len(text)):
        s, e = lines[line_of(lines, offset)]
        assert s <= offset <= e


# Store ----------------------------------------------------------------------------------------


def test_store_keeps_counts_for_all_and_analyses_for_recent():
    store = FactStore(5, capacity=2)
    for i in range(5):
        store.put(i, Analysis(quotes=[Quote(0, 1, "x")] * i), from_cache=i % 2 == 0)
    assert store.complete and store.done == 5 and store.from_cache == 3
    assert [c[1] for c in store.counts] == [0, 1, 2, 3, 4]
    assert store.get(0) is None and store.analysed(0)
    assert store.get(4) is not None and store.get(3) is not None


def test_store_without_capacity_keeps_everything():
    store = FactStore(300, capacity=None)
    for i in range(300):
        store.put(i, Analysis())
    assert all(store.get(i) is not None for i in range(300))


# Pane items -----------------------------------------------------------------------------------


def test_items_grouped_and_in_article_order():
    analysis = Analysis(
        entities=[
            Entity("e1", "Portmere", "GPE", [Mention(50, 58, "Portmere")]),
            Entity("e2", "Ann Lee", "PERSON", [Mention(30, 37, "Ann Lee"), Mention(5, 8, "Lee")]),
            Entity("e3", "Acme", "ORG", [Mention(1, 5, "Acme")]),
            Entity("e4", "Bo", "PERSON", [Mention(60, 62, "Bo")]),
        ],
        quotes=[Quote(40, 45, "later"), Quote(10, 15, "first", speaker="Ann Lee")],
        numbers=[NumberFact(70, 72, "12", 12), NumberFact(20, 21, "3", 3)],
    )
    assert [it.fact.name for it in entity_items(analysis)] == ["Ann Lee", "Bo", "Acme", "Portmere"]
    assert entity_items(analysis)[0].spans == ((5, 8), (30, 37))
    assert [it.fact.text for it in quote_items(analysis)] == ["first", "later"]
    assert [it.fact.text for it in number_items(analysis)] == ["3", "12"]
    first = quote_items(analysis)[0]
    assert matches(first, "ann FIRST") and not matches(first, "bob")


# Clipboard ------------------------------------------------------------------------------------


def test_clipboard_tool_is_found_on_path(tmp_path, monkeypatch):
    tool = tmp_path / "xclip"
    out = tmp_path / "copied.txt"
    tool.write_text(f"#!/bin/sh\ncat > {out}\n")
    tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    command = clipboard.clipboard_command()
    assert command == ["xclip", "-selection", "clipboard"]
    assert clipboard.system_copy("“quoted” text", command) == "xclip"
    assert out.read_text(encoding="utf-8") == "“quoted” text"


def test_no_clipboard_tool_means_none(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert clipboard.clipboard_command() is None
    assert clipboard.system_copy("x") is None
    assert clipboard.system_copy("x", ["/nonexistent/tool"]) is None


def test_tui_package_holds_no_extraction():
    """Everything shown comes from analysis records: tui never imports spaCy or extractors."""
    import re

    banned = re.compile(
        r"^\s*(?:from|import)\s+(?:spacy|analysis\.(?:pipeline|entities|quotes|numbers))\b",
        re.MULTILINE,
    )
    root = Path(__file__).resolve().parent.parent / "tui"
    for path in root.rglob("*.py"):
        found = banned.search(path.read_text(encoding="utf-8"))
        assert found is None, f"{path.name}: {found.group(0) if found else ''}"


# Search feed ----------------------------------------------------------------------------------


def test_search_feed_hands_articles_over_in_order_then_finishes():
    import threading

    from analysis.model import Article

    feed = SearchFeed(limit=2)
    articles = [Article(id=str(i), path=f"{i}.txt", text=f"text {i}") for i in range(6)]
    for a in articles[:2]:  # no consumer yet
        feed.put(a, Analysis(), lambda: False)
    feed.start()
    got = []

    def consume():
        while not feed.finished:
            item = feed.get(0.05)
            if item is not None:
                got.append(item[0].id)

    consumer = threading.Thread(target=consume)
    consumer.start()
    for a in articles[2:]:  # waits while two are queued
        feed.put(a, Analysis(), lambda: False)
    feed.close()
    consumer.join(10)
    assert got == [a.id for a in articles]
    assert feed.get(0) is None


def test_search_feed_stopped_takes_nothing_and_never_blocks():
    from analysis.model import Article

    feed = SearchFeed(limit=1)
    feed.start()  # a consumer that never comes: put must not wait once search is off
    feed.put(Article(id="a", path="a", text="a"), Analysis(), lambda: False)
    feed.stop()
    feed.put(Article(id="b", path="b", text="b"), Analysis(), lambda: False)
    assert len(feed) == 0 and feed.finished
    cancelled = SearchFeed(limit=1)
    cancelled.start()
    cancelled.put(Article(id="a", path="a", text="a"), Analysis(), lambda: False)
    cancelled.put(Article(id="b", path="b", text="b"), Analysis(), lambda: True)  # returns
