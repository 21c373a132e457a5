"""What a number measures, read from the article text around it (no parse needed at desk time).

A figure's *measure* is the key its figures group is formed by:

* the kind of number: counts, money, percentages and measurements measure something; dates,
  times, ages, durations, ordinals and "other" do not and join no group;
* the *event*: the event word nearest the number in its clause (at most ``EVENT_REACH``
  characters away, a word before the number counting as twice as far as one after it) from a
  small lexicon that folds inflections and synonyms into one event
  ("killed", "died", "dead", "death toll", "fatalities" -> killed; "wounded", "hurt" -> injured);
* for counts and percentages, the *class* of the counted noun: plurals folded ("servicemen" ->
  serviceman), then a coarse class where the noun names one ("servicemen", "troops", "soldiers" ->
  troops; "civilians", "residents", "people" -> people), else the folded noun itself. A human
  event with no counted noun ("63 died") counts people;
* for money and measurements, the unit.

``interval`` turns a value and its qualifier into the range of values the figure allows
("nearly 400" -> 340..460), which is what "disagree beyond their qualifiers" compares.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from analysis.model import NumberValue

MEASURED_KINDS = ("count", "money", "percent", "measurement")
EVENT_REACH = 80
# How far "approximately" reaches either side of its value.
APPROX = 0.15

_EVENT_WORDS: dict[str, tuple[str, ...]] = {
    "killed": ("kill", "kills", "killed", "killing", "dead", "died", "dies", "die", "death",
               "deaths", "death toll", "fatalities", "fatality", "perished", "lives lost",
               "lost their lives", "fatally"),
    "injured": ("injured", "injuring", "injure", "injuries", "injury", "wounded", "wounding",
                "hurt"),
    "hospitalised": ("hospitalised", "hospitalized", "hospitalisation", "hospitalization",
                     "in hospital", "taken to hospital", "admitted to hospital"),
    "missing": ("missing", "unaccounted for"),
    "arrested": ("arrested", "arrest", "arrests", "detained", "detention", "detaining"),
    "charged": ("charged", "indicted", "convicted", "sentenced"),
    "evacuated": ("evacuated", "evacuation", "evacuate", "evacuating"),
    "displaced": ("displaced", "fled", "homeless", "flee", "fleeing"),
    "rescued": ("rescued", "rescue", "saved"),
    "infected": ("infected", "infections", "infection", "cases", "tested positive"),
    "protested": ("protested", "protesters", "protestors", "marched", "rallied",
                  "demonstrators", "demonstrated"),
    "voted": ("votes", "voted", "ballots"),
    "fined": ("fined", "fine", "penalty"),
    "paid": ("paid", "pay", "payment", "compensation"),
    "cost": ("cost", "costs", "costing"),
    "raised": ("raised", "raise", "raising"),
    "spent": ("spent", "spend", "spending"),
    "damage": ("damage", "damages", "losses"),
}
_HUMAN_EVENTS = frozenset(
    ["killed", "injured", "hospitalised", "missing", "arrested", "charged", "evacuated",
     "displaced", "rescued", "infected", "protested"]
)
# Events whose figures are one total, so two different figures of one story disagree (vote
# counts, spending and the like differ by candidate or item and are never flagged).
FLAGGED_EVENTS = _HUMAN_EVENTS | {"fined", "cost", "damage"}
_EVENT_OF = {w: event for event, words in _EVENT_WORDS.items() for w in words}
_EVENT_RE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(_EVENT_OF, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# The end of a sentence: ".", "!" or "?" (optionally closing quote) then space, or a newline.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])|\n")

_CLAUSE_BREAK = re.compile(r"[,;:–—]|\s-\s|\b(?:and|but|while|whereas)\b")

_CLASSES: dict[str, tuple[str, ...]] = {
    "troops": ("soldier", "troop", "serviceman", "servicemember", "fighter", "militant",
               "personnel", "marine", "sailor", "airman", "paratrooper", "conscript", "combatant",
               "insurgent", "rebel", "serviceperson", "servicewoman", "mercenary"),
    "people": ("people", "person", "civilian", "resident", "child", "man", "woman", "adult",
               "student", "worker", "passenger", "patient", "victim", "inhabitant", "individual",
               "citizen", "migrant", "refugee", "pedestrian", "miner", "employee", "tourist",
               "casualty", "death", "fatality", "dead", "life", "body", "baby", "infant",
               "teenager", "boy", "girl", "villager", "local",
               "survivor", "pilgrim", "spectator", "fan", "protester", "protestor", "crew",
               "demonstrator", "other", "inmate", "prisoner"),
}
_CLASS_OF = {noun: cls for cls, nouns in _CLASSES.items() for noun in nouns}
_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "people",
              "feet": "foot", "teeth": "tooth", "mice": "mouse", "personnel": "personnel",
              "police": "police", "staff": "staff", "crew": "crew", "news": "news"}
# Vague amounts with no value: the range each names.
_VAGUE = {"several": (3, 9), "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
          "thousands": (2_000, 9_999), "millions": (2e6, 9.99e6), "billions": (2e9, 9.99e9)}


_TIMES = re.compile(r"(?:\w+\s+)?(tens|hundreds)\s+of\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Measure:
    """What a figure measures: its group key and the parts the key is made of."""

    key: str
    event: str | None
    cls: str | None


def fold_noun(word: str) -> str:
    """Lower-case singular of a counted noun ("Servicemen" -> serviceman)."""
    w = word.strip().lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def counted_class(counted: str | None) -> str | None:
    """The coarse class of a counted noun (its last word, folded), else the folded noun."""
    if not counted or not counted.strip():
        return None
    noun = fold_noun(counted.split()[-1])
    return _CLASS_OF.get(noun, noun)


# Nouns for anyone counted in a toll or a population ("12 people", "190 dead", "31 deaths",
# "400 residents"): figures counting them count the same thing. A narrower noun of the people
# class ("two pilgrims", "one passenger", "six children") counts a part of them.
_ANYONE = frozenset("people person death fatality dead casualty victim life body individual "
                    "resident inhabitant citizen local".split())


def counted_thing(counted: str | None) -> str | None:
    """What a figure counts, for telling whether two figures of one group count the same thing:
    the class where it stands for its members (servicemen, soldiers -> troops), "people" for
    anyone counted in a toll, else the folded noun itself (pilgrim, passenger: a part)."""
    if not counted or not counted.strip():
        return None
    noun = fold_noun(counted.split()[-1])
    cls = _CLASS_OF.get(noun, noun)
    return noun if cls == "people" and noun not in _ANYONE else cls


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end offsets of the sentence holding ``text[start:end]`` (rule-based)."""
    lo = max(0, start - 600)
    s = lo
    # The look-ahead needs to see past ``start``, so search a little further and keep the ends
    # before it.
    for m in _SENTENCE_END.finditer(text, lo, min(len(text), start + 2)):
        if m.end() <= start:
            s = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + 600))
    return s, (m.start() + 1 if m else min(len(text), end + 600))


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence holding ``text[start:end]``: between commas, semicolons,
    colons, dashes and "and"/"but"/"while" ("killing five people and leaving 400 households")."""
    s, e = sentence_bounds(text, start, end)
    for m in _CLAUSE_BREAK.finditer(text, s, start):
        s = m.end()
    m = _CLAUSE_BREAK.search(text, end, e)
    return s, (m.start() if m else e)


def find_event(text: str, start: int, end: int) -> str | None:
    """The event word nearest the number ``text[start:end]`` in its clause, folded."""
    s, e = clause_bounds(text, start, end)
    best: tuple[int, str] | None = None
    for m in _EVENT_RE.finditer(text, s, e):
        if m.start() < end and m.end() > start:
            continue  # a word inside the number's own span
        # A word after the number is preferred: "20 people died and 40 were hurt".
        gap = m.start() - end if m.start() >= end else 2 * (start - m.end())
        if gap <= EVENT_REACH and (best is None or gap < best[0]):
            best = (gap, _EVENT_OF[m.group(1).lower()])
    return best[1] if best else None


def measure_of(text: str, start: int, end: int, kind: str, unit: str | None,
               counted: str | None) -> Measure | None:
    """The measure of a number fact, or None for kinds that measure nothing (dates, ages ...)."""
    if kind not in MEASURED_KINDS:
        return None
    event = find_event(text, start, end)
    cls = counted_class(counted) if kind in ("count", "percent") else None
    if kind == "count" and cls is None:
        if event not in _HUMAN_EVENTS:
            return None  # a bare count: nothing says what it counts
        cls = "people"
    return Measure("|".join((kind, unit or "", event or "", cls or "")), event, cls)


def group_label(key: str, counted_words: list[str]) -> str:
    """Readable name of a group: "killed: servicemen, troops", "fined: money (USD)"."""
    kind, unit, event, _cls = key.split("|")
    if kind == "count":
        what = ", ".join(counted_words[:4]) or "people"
    elif kind == "percent":
        what = "percent" + (f" of {', '.join(counted_words[:3])}" if counted_words else "")
    elif kind == "money":
        what = f"money ({unit})" if unit else "money"
    else:
        what = f"measurement ({unit})" if unit else "measurement"
    return f"{event}: {what}" if event else what


def interval(value: NumberValue, value_max: NumberValue, qualifier: str, text: str = ""
             ) -> tuple[float, float] | None:
    """The values a figure allows given its qualifier, or None when it has no numeric value.

    ``text`` (the figure as written) widens a vague amount: "tens of thousands" is 20,000 to
    99,999, "hundreds of thousands" 200,000 to 999,999."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        span = _VAGUE.get(qualifier)
        times = _TIMES.match(text)
        if span and times:
            factor = 10 if times.group(1).lower() == "tens" else 100
            return (span[0] * factor, (span[1] + 1) * factor - 1)
        return span
    v = float(value)
    if qualifier == "range" and isinstance(value_max, int | float):
        return (min(v, float(value_max)), max(v, float(value_max)))
    if qualifier == "approximately":
        return (v * (1 - APPROX), v * (1 + APPROX))
    if qualifier in ("at least", "more than"):
        return (v, math.inf)
    if qualifier in ("at most", "less than", "up to"):
        return (0.0, v)
    if qualifier in _VAGUE:  # "several thousand": value set, the word widens it
        lo, hi = _VAGUE[qualifier]
        return (v * 0.5, v * 3.0) if v > hi else (min(lo, v), max(hi, v))
    return (v, v)
