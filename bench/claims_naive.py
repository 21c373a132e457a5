"""The naive reported-speech anchor: a speech verb's clausal complement is the claim, its
subject the source (no resolution, no quote handling). Writes records score_quotes.py reads.

    python -m bench.claims_naive ../shared/eval/quotes/polnear_dev.jsonl -o /tmp/naive.jsonl
    python3 ../shared/eval/score_quotes.py ../shared/eval/quotes/polnear_dev.jsonl \\
        /tmp/naive.jsonl --claims

Speech verbs are copydesk's quote cue lemmas (``analysis.quotes.cues.SPEECH_LEMMAS``), so the
anchor and copydesk start from the same word list.
"""

from __future__ import annotations

import argparse
import json
import sys

from spacy.tokens import Doc


def naive_claims(doc: Doc) -> list[dict]:
    """Claims by the anchor rule: every speech verb with a ccomp; its nsubj is the speaker."""
    from analysis.quotes.cues import SPEECH_LEMMAS

    out = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in SPEECH_LEMMAS:
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if comp is None:
            continue
        span = doc[comp.left_edge.i : comp.right_edge.i + 1]
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        speaker = doc[subj.left_edge.i : subj.right_edge.i + 1] if subj is not None else None
        out.append({
            "start": span.start_char, "end": span.end_char, "text": span.text,
            "speaker": speaker.text if speaker is not None else None,
            "speaker_mention": (
                {"start": speaker.start_char, "end": speaker.end_char, "text": speaker.text}
                if speaker is not None else None
            ),
            "cue": tok.text,
        })
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="a JSONL file of {id, text} records")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    import spacy

    from analysis.version import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    with open(args.gold, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f if line.strip()]
    with open(args.output, "w", encoding="utf-8") as out:
        texts = ((r["text"], r["id"]) for r in recs)
        for doc, rid in nlp.pipe(texts, as_tuples=True, batch_size=16):
            out.write(json.dumps({"id": rid, "claims": naive_claims(doc)}) + "\n")
    print(f"{len(recs)} articles -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
