"""The attribute ruler's rules (POS, morphology, lemma exceptions) applied by table look-up.

spaCy's ``AttributeRuler`` runs a ``Matcher`` of all its rules over every token: in the small
English pipeline 179 rules, most of them one token on TAG and LOWER, with ``IN`` sets checked in
Python at every token, about 15% of the whole pipeline's time. Whether a token matches one
token of a pattern depends only on the values of the attributes the pattern names, so
:class:`FastAttributes` reads those attributes for the whole doc as one array, works out once
per distinct combination of values (memoised for the process) which pattern tokens it matches,
and sets the rules' attributes in spaCy's order (rule by rule, later rules win), so every token
ends with exactly what the ruler gives it. Multi-token patterns are checked only where a token
matches their first token. Patterns it cannot judge that way (operators, other predicates) go
through a ``Matcher`` of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.attrs import DEP, IDS, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

COMPONENT_NAME = "copydesk_attributes"
RULER = "attribute_ruler"
# Most combinations of attribute values remembered (then forgotten all at once).
MEMO_LIMIT = 50_000

# Pattern keys judged from the doc's arrays (string-valued, then flags).
_STRING_KEYS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "POS": POS,
                "DEP": DEP}
_WORDS = {ORTH, LOWER, NORM}
_FLAG_KEYS = {"IS_SPACE": IDS["IS_SPACE"], "IS_PUNCT": IDS["IS_PUNCT"]}
# Attributes a rule may set for the fast path: token fields only (spaCy's set_token_attrs also
# writes lexical attributes and flags to the shared lexeme, which this path does not reproduce).
_TOKEN_FIELDS = {POS, TAG, DEP, MORPH, LEMMA}

Test = tuple[int, Any]  # (attribute column, predicate on the column's value)


class FastAttributes:
    """Applies an ``AttributeRuler``'s rules with the same result, judged by look-up."""

    def __init__(self, ruler: AttributeRuler) -> None:
        vocab = ruler.vocab
        self.strings = vocab.strings
        self.attrs: list[dict[int, Any]] = ruler.attrs
        self.indices: list[int] = ruler.indices
        self.patterns: list[tuple[int, list[list[Test]]]] = []  # (rule, tests of each token)
        self.fallback = Matcher(vocab)
        columns: set[int] = set()
        for rule, pattern in _rule_patterns(ruler):
            tokens = [_tests(spec) for spec in pattern]
            if any(t is None for t in tokens) or not _index_ok(self.indices[rule], len(pattern)):
                self.fallback.add(str(rule), [pattern])
                continue
            self.patterns.append((rule, tokens))  # type: ignore[arg-type]
            columns.update(col for t in tokens for col, _ in t)  # type: ignore[union-attr]
        self.columns = sorted(columns)
        position = {col: k for k, col in enumerate(self.columns)}
        self.patterns = [(rule, [[(position[c], p) for c, p in t] for t in tokens])
                         for rule, tokens in self.patterns]
        # Each pattern token filed under the values of its narrowest set test: a key is judged
        # only against the tokens filed under one of its values, and those with no set test.
        self.filed: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.unfiled: list[tuple[int, int]] = []
        for n, (_, tokens) in enumerate(self.patterns):
            for k, tests in enumerate(tokens):
                sets = [(col, p) for col, p in tests if isinstance(p, frozenset)]
                if not sets:
                    self.unfiled.append((n, k))
                    continue
                # Word forms before tags on a tie: a word has far fewer patterns than a tag.
                col, accepted = min(
                    sets, key=lambda t: (len(t[1]), self.columns[t[0]] not in _WORDS)
                )
                for value in accepted:
                    self.filed.setdefault((col, value), []).append((n, k))
        # key (the token's values of ``columns``) -> (one-token rules it matches, their merged
        # attributes, the multi-token patterns whose first token it matches)
        self.memo: dict[tuple[int, ...], tuple[tuple[int, ...], dict[int, Any], tuple[int, ...]]]
        self.memo = {}
        # (pattern, token position) pairs a key matches past the first token of longer patterns
        self.later: dict[tuple[int, ...], frozenset[tuple[int, int]]] = {}
        self.merged: dict[tuple[int, ...], dict[int, Any]] = {}  # shared by keys' rule lists

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if self.columns:
            # (one column comes back flat)
            rows = doc.to_array(self.columns).reshape(len(doc), -1).tolist()
        else:
            rows = [[]] * len(doc)
        keys = [tuple(r) for r in rows]
        if len(self.memo) > MEMO_LIMIT:  # a long run meets ever more rare words: stay bounded
            self.memo.clear()
            self.later.clear()
        memo = self.memo
        found = [memo.get(k) or self._judge(k) for k in keys]
        extra = self._longer_matches(doc, keys, found)
        for i, (rules, merged, _) in enumerate(found):
            if i in extra:
                merged = self._merge(sorted([*rules, *extra[i]]))
            if merged:
                set_token_attrs(doc[i], merged)
        return doc

    def _judge(self, key: tuple[int, ...]):
        """Which one-token rules ``key`` matches, and which longer patterns it may start."""
        candidates = set(self.unfiled)
        for col, value in enumerate(key):
            candidates.update(self.filed.get((col, value), ()))
        strings: dict[int, str] = {}
        rules, starts, later = [], [], set()
        for n, k in candidates:
            rule, tokens = self.patterns[n]
            if not all(self._passes(p, key[col], strings) for col, p in tokens[k]):
                continue
            if len(tokens) == 1:
                rules.append(rule)
            elif k == 0:
                starts.append(n)
            else:
                later.add((n, k))
        rules.sort()
        starts.sort()
        self.later[key] = frozenset(later)
        ruled = tuple(rules)
        merged = self.merged.get(ruled)
        if merged is None:
            merged = self.merged[ruled] = self._merge(ruled)
        out = self.memo[key] = (ruled, merged, tuple(starts))
        return out

    def _passes(self, predicate: Any, value: int, strings_cache: dict[int, str]) -> bool:
        if isinstance(predicate, frozenset):
            return value in predicate
        kind, arg = predicate
        if kind == "NOT_IN":
            return value not in arg
        text = strings_cache.get(value)
        if text is None:
            text = strings_cache[value] = self.strings[value]
        return bool(arg.search(text))

    def _longer_matches(self, doc: Doc, keys, found) -> dict[int, list[int]]:
        """Token index -> the multi-token (or fallback) rules that set its attributes."""
        out: dict[int, list[int]] = {}
        n_tokens = len(keys)
        for i, (_, _, starts) in enumerate(found):
            for n in starts:
                rule, tokens = self.patterns[n]
                end = i + len(tokens)
                if end <= n_tokens and all(
                    (n, k) in self.later[keys[i + k]] for k in range(1, len(tokens))
                ):
                    self._target(out, doc, rule, i, end)
        if len(self.fallback):
            strings = doc.vocab.strings
            for match_id, start, end in self.fallback(doc, allow_missing=True):
                self._target(out, doc, int(strings[match_id]), start, end)
        return out

    def _target(self, out: dict[int, list[int]], doc: Doc, rule: int, start: int, end: int):
        # Indexing the span raises IndexError for an index outside the match, as the ruler does.
        out.setdefault(doc[start:end][self.indices[rule]].i, []).append(rule)

    def _merge(self, rules: Iterable[int]) -> dict[int, Any]:
        merged: dict[int, Any] = {}
        for rule in rules:
            merged.update(self.attrs[rule])
        return merged


def _rule_patterns(ruler: AttributeRuler) -> Iterable[tuple[int, list[dict]]]:
    for rule in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(str(rule))[1]:
            yield rule, pattern


def _index_ok(index: int, length: int) -> bool:
    return -length <= index < length


def _tests(spec: dict) -> list[Test] | None:
    """One pattern token as (column, predicate) tests; None when only the Matcher can judge it.

    A predicate is a frozenset of accepted values, ``("NOT_IN", frozenset)`` or
    ``("REGEX", compiled)`` (searched in the attribute's string, as spaCy's Matcher does).
    """
    from spacy.strings import get_string_id

    out: list[Test] = []
    for name, value in spec.items():
        if name in _FLAG_KEYS:
            if not isinstance(value, bool):
                return None
            out.append((_FLAG_KEYS[name], frozenset([int(value)])))
            continue
        col = _STRING_KEYS.get(name)
        if col is None:
            return None
        if isinstance(value, str):
            out.append((col, frozenset([get_string_id(value)])))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list | tuple) and all(
                isinstance(v, str) for v in arg
            ):
                accepted = frozenset(get_string_id(v) for v in arg)
                out.append((col, accepted if op == "IN" else ("NOT_IN", accepted)))
            elif op == "REGEX" and isinstance(arg, str):
                out.append((col, ("REGEX", re.compile(arg))))
            else:
                return None
        else:
            return None
    return out


def _fast_path_possible(ruler: AttributeRuler) -> bool:
    return all(set(attrs) <= _TOKEN_FIELDS for attrs in ruler.attrs)


@Language.factory(COMPONENT_NAME)
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    """spaCy factory for :class:`FastAttributes` (the pipeline must have an attribute ruler)."""
    return FastAttributes(nlp.get_pipe(RULER))


def use_fast_attributes(nlp: Language) -> None:
    """Put :class:`FastAttributes` in place of the pipeline's attribute ruler (idempotent).

    The ruler stays in the pipeline, disabled; its rules are read from it. A ruler whose rules
    set lexical or extension attributes is left as it is.
    """
    if COMPONENT_NAME in nlp.component_names or RULER not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(RULER)
    if not isinstance(ruler, AttributeRuler) or not _fast_path_possible(ruler):
        return
    nlp.add_pipe(COMPONENT_NAME, after=RULER)
    nlp.disable_pipe(RULER)
