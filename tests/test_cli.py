"""``copydesk analyze``: formats, cache, exit codes, bad input, and the offsets contract."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
COPYDESK = Path(sys.executable).parent / "copydesk"

STORY = (
    "Council approves new bridge\n\n"
    "RIVERTON - The city council voted 7 to 2 on Tuesday to build a new bridge, Mayor Ada Park "
    "said. \"This bridge will carry 40,000 cars a day,\" Park told reporters.\n"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_offsets(record: dict) -> None:
    text = record["text"]
    facts = [m for e in record["entities"] for m in e["mentions"]]
    facts += record["quotes"] + record["numbers"]
    facts += [q["speaker_mention"] for q in record["quotes"] if q.get("speaker_mention")]
    for fact in facts:
        assert text[fact["start"]:fact["end"]] == fact["text"], fact


def digest(folder: Path) -> dict[str, str]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_seeds_jsonl_records_keep_the_offsets_contract(capsys):
    code, out, _ = run(capsys, "analyze", str(SEEDS), "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(list(SEEDS.glob("*.txt")))
    for record in records:
        for key in ("id", "path", "title", "dateline", "date", "url", "text",
                    "entities", "quotes", "numbers"):
            assert key in record
        assert record["quotes"] and record["numbers"] and record["entities"]
        assert_offsets(record)


def test_every_format(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(path), "--format", "json")
    assert code == 0
    [record] = json.loads(out)
    assert record["dateline"] == "RIVERTON" and record["title"] == "Council approves new bridge"
    assert_offsets(record)

    code, out, _ = run(capsys, "analyze", str(path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows
    assert {"entity", "quote", "number"} <= {r["fact"] for r in rows} <= {
        "entity", "quote", "number", "claim"}
    for row in rows:
        assert STORY[int(row["start"]):int(row["end"])] == row["text"]

    code, out, _ = run(capsys, "analyze", str(path), "--format", "md")
    assert code == 0
    assert out.startswith("# copydesk report") and "## Council approves new bridge" in out
    assert "This bridge will carry 40,000 cars a day" in out


def test_output_file_and_refusing_to_overwrite_an_input(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "analyze", str(path), "-o", str(out_file))
    assert code == 0 and out == ""
    assert json.loads(out_file.read_text())["text"] == STORY
    code, _, err = run(capsys, "analyze", str(path), "-o", str(path))
    assert code == 2 and "refusing to overwrite" in err
    assert path.read_text(encoding="utf-8") == STORY


def test_output_to_a_pipe_or_through_a_symlink_is_written_not_replaced(tmp_path, capsys):
    # `-o /dev/null` once replaced /dev/null with a regular file (write to .part, rename over).
    import os
    import threading

    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")),
                              daemon=True)
    reader.start()
    code, out, _ = run(capsys, "analyze", str(path), "-o", str(fifo))
    reader.join(timeout=60)
    assert code == 0 and out == ""
    assert fifo.is_fifo() and json.loads(got[0])["text"] == STORY
    assert not (tmp_path / "pipe.part").exists()

    target = tmp_path / "facts.jsonl"
    link = tmp_path / "latest.jsonl"
    link.symlink_to(target)
    code, _, _ = run(capsys, "analyze", str(path), "-o", str(link))
    assert code == 0 and link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["text"] == STORY


def test_cached_rerun_gives_identical_records(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    first = run(capsys, "analyze", str(path))[1]
    second = run(capsys, "analyze", str(path))[1]
    uncached = run(capsys, "analyze", str(path), "--no-cache")[1]
    assert first == second == uncached


def test_bad_inputs_give_clear_messages_and_exit_codes(tmp_path, capsys):
    code, _, err = run(capsys, "analyze", str(tmp_path / "missing.txt"))
    assert code == 2 and "no such file or folder" in err and "Traceback" not in err

    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "zero.txt").write_bytes(b"")
    (empty / "blob.bin").write_bytes(b"\x00\x01binary")
    code, _, err = run(capsys, "analyze", str(empty))
    assert code == 2 and "no readable article" in err

    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "bad.jsonl").write_text('{"text": "A fine story."}\n{oops\n', encoding="utf-8")
    (mixed / "latin.txt").write_bytes("Caf\xe9 story\n\nThe caf\xe9 opened.".encode("latin-1"))
    before = digest(mixed)
    code, out, err = run(capsys, "analyze", str(mixed))
    assert code == 0 and len(out.splitlines()) == 2
    assert "bad.jsonl:2: not valid JSON" in err and "latin.txt: not valid UTF-8" in err
    assert digest(mixed) == before


def test_missing_model_names_the_pip_command(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(path), "--model", "xx_no_such_model", "--no-cache")
    assert code == 2 and "pip install xx-no-such-model" in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["analyze", "seeds", "--format", "xml"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["analyze", "seeds", "--jobs", "0"])
    assert exc.value.code == 2


def test_stdin_and_jobs_through_the_installed_script(tmp_path):
    if not COPYDESK.exists():
        pytest.skip("the copydesk console script is not installed in this environment")
    env = {"COPYDESK_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([str(COPYDESK), "analyze", "-", "--no-cache"], input=STORY.encode(),
                          capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["path"] == "<stdin>" and record["text"] == STORY
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"{i}.txt").write_text(STORY.replace("7 to 2", f"{i + 5} to 2"), encoding="utf-8")
    one = subprocess.run([str(COPYDESK), "analyze", str(corpus), "--no-cache"],
                         capture_output=True, env=env, timeout=180)
    two = subprocess.run([str(COPYDESK), "analyze", str(corpus), "--no-cache", "--jobs", "2"],
                         capture_output=True, env=env, timeout=180)
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout


def test_whole_shared_corpus_analyses_without_error(shared_corpus, tmp_path, capsys):
    files = sorted(shared_corpus.glob("*.txt"))
    before = {p: p.stat().st_mtime_ns for p in files}
    out_file = tmp_path / "all.jsonl"
    code, _, err = run(capsys, "analyze", str(shared_corpus / "*.txt"), "-o", str(out_file))
    assert code == 0, err
    records = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(files) == 264
    for record in records:
        assert_offsets(record)
    assert {p: p.stat().st_mtime_ns for p in files} == before


def test_copy_of_corpus_in_jsonl_matches_txt_ids(shared_corpus, tmp_path, capsys):
    src = shared_corpus / "corpus.jsonl"
    local = tmp_path / "corpus.jsonl"
    shutil.copyfile(src, local)
    lines = local.read_text(encoding="utf-8").splitlines()[:3]
    local.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(local))
    assert code == 0
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert ids == [json.loads(line)["id"] for line in lines]


def test_an_article_whose_extractor_raises_is_skipped_and_the_run_goes_on(
        tmp_path, capsys, monkeypatch):
    import analysis.pipeline as pipeline

    folder = tmp_path / "news"
    folder.mkdir()
    for n, town in enumerate(("Riverton", "Lakeside", "Hillford")):
        (folder / f"{n}.txt").write_text(STORY.replace("RIVERTON", town.upper()), "utf-8")
    real = pipeline.extract_numbers

    def flaky(doc, article):
        if "LAKESIDE" in article.text:
            raise KeyError("no such unit")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "extract_numbers", flaky)
    code, out, err = run(capsys, "analyze", str(folder), "--no-cache")
    assert code == 0
    assert [json.loads(x)["path"] for x in out.splitlines()] == [
        str(folder / "0.txt"), str(folder / "2.txt")]
    assert f"{folder / '1.txt'}: analysis failed, skipped (KeyError: 'no such unit')" in err
    assert "1 article could not be analysed and was skipped" in err
    assert "Traceback" not in err
