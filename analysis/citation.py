"""Citations: a fact as a reader copies it, with who said it and where it was published.

A quote is cited in quotation marks (it is verbatim speech); a claim (reported speech) never is:
it is cited as "According to X, ..." or, where the attribution contradicts or doubts what follows
("X denied that ..."), with that verb, since "according to X" would turn a denial into an
assertion.
"""

from __future__ import annotations

from analysis.model import Article, Claim, Entity, Mention, NumberFact, Quote
from analysis.sanitize import strip_controls

# Attribution verbs under which the reported content is *not* what the source asserts, by stem,
# with the words that introduce the content ("denies", "denying", "denied" -> "denied that").
_DISTANCING = {
    "deni": "denied that", "deny": "denied that", "reject": "rejected that",
    "disput": "disputed that", "dismiss": "dismissed that", "doubt": "doubted that",
    "question": "questioned whether", "refut": "refuted that", "contest": "contested that",
    "rebut": "rebutted that", "disagree": "disagreed that", "downplay": "downplayed that",
    "wonder": "wondered whether",
}
# First words after which a description needs no "the" ("an adviser", "his spokesman", "one aide").
_DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your one two three some several "
    "many most all both each every any no other another".split()
)


def speaker_phrase(speaker: str) -> str:
    """A speaker as the object of "according to": a description gets its article.

    "Russian defence ministry" -> "the Russian defence ministry" (a singular common noun at the
    end); names ("Vitali Klitschko"), plurals ("US officials"), possessives ("Ukraine's military")
    and phrases with a determiner ("an adviser"; "The ministry" -> "the ministry") keep their form.
    """
    words = speaker.split()
    if not words:
        return speaker
    first, last = words[0], words[-1]
    if first.lower() in _DETERMINERS:
        return " ".join([first.lower(), *words[1:]]) if first.istitle() else speaker
    possessive = any(w.endswith(("'s", "’s", "s'", "s’")) for w in words[:-1])
    if (len(words) >= 2 and last.isalpha() and last.islower() and not last.endswith("s")
            and not possessive and "," not in speaker):
        return f"the {speaker}"
    return speaker


def _capitalised(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def source_of(article: Article) -> str:
    """The article as cited: its title, then its date (or its path when it has no date)."""
    title = article.title or article.path
    where = article.date or article.path
    return f"“{title}”, {where}" if where != title else f"“{title}”"


def shown_value(fact: NumberFact) -> str:
    """The value as a reader writes it: "400", a range "10–15", a change "14 → 31"."""
    if fact.value_max is not None:
        return f"{fact.value}–{fact.value_max}"
    if fact.value_from is not None:
        return f"{fact.value_from} → {fact.value}"
    return str(fact.value)


def describe_number(fact: NumberFact) -> str:
    """Value, qualifier, unit and what is counted, in a few words."""
    parts = []
    if fact.qualifier and fact.qualifier != "exact":
        parts.append(fact.qualifier)
    if fact.value is not None:
        parts.append(shown_value(fact))
    if fact.unit and fact.unit not in ("%",):
        parts.append(fact.unit)
    elif fact.unit == "%":
        parts[-1:] = [f"{parts[-1]}%"] if parts else ["%"]
    if fact.counted:
        parts.append(fact.counted)
    return " ".join(parts) + f" ({fact.kind})"


def distancing_verb(cue: str | None) -> str | None:
    """How a cue that distances the source from the content introduces it ("denied that")."""
    if not cue:
        return None
    words = cue.lower().split()
    if len(words) > 1 and words[0] in ("has", "have", "had", "was", "is", "are", "were"):
        words = words[1:]
    word = words[0] if words else ""
    for stem, connective in _DISTANCING.items():
        if word.startswith(stem):
            return connective
    return None


def reported(claim: Claim) -> str:
    """A claim worded as reported speech, without a citation: "According to X, ..."."""
    verb = distancing_verb(claim.cue)
    if claim.speaker:
        who = speaker_phrase(claim.speaker)
        if verb:
            return f"{_capitalised(who)} {verb} {claim.text}"
        return f"According to {who}, {claim.text}"
    if verb:
        return f"It was {verb} {claim.text} (source not identified)"
    return f"Reportedly, {claim.text} (source not identified)"


def cite(article: Article, fact: Quote | Claim | NumberFact | Entity | Mention) -> str:
    """The fact's text verbatim with its citation; control characters removed."""
    source = source_of(article)
    if isinstance(fact, Quote):
        speaker = fact.speaker or "unattributed"
        text = f"“{fact.text}” — {speaker}, {source}"
    elif isinstance(fact, Claim):
        text = f"{reported(fact)} — {source}"
    elif isinstance(fact, NumberFact):
        given = f", according to {speaker_phrase(fact.source)}" if fact.source else ""
        text = f"{fact.text} [{describe_number(fact)}]{given} — {source}"
    elif isinstance(fact, Entity):
        text = f"{fact.name} ({fact.label}) — {source}"
    else:
        text = f"{fact.text} — {source}"
    return strip_controls(text)
