"""Speech cues: which tokens attribute speech, and who their grammatical speaker is."""

from __future__ import annotations

from spacy.tokens import Token


def words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(text.split())


SPEECH_LEMMAS = words(
    """
    say tell add write tweet retweet post ask warn insist claim declare explain note
    continue argue state announce reply respond answer joke quip recall acknowledge admit
    report describe call urge suggest predict promise vow complain conclude caution
    contend maintain concede observe remark counter testify confirm deny stress emphasize
    emphasise proclaim shout scream exclaim mutter whisper assert read comment boast brag
    charge accuse allege agree lament muse recount reiterate repeat reveal pledge plead
    yell thunder snap tout speculate wonder demand chant text email message blog opine
    reason advise inform assure reassure instruct threaten criticize criticise slam blast
    mock dismiss praise hail decry label dub brand term estimate posit query interject
    retort rejoin chide scold quote cite begin
    """
)
# Nouns and verbs that report speech loosely: a short quote in a sentence with one of them
# and a named speaker is a quote even when no speech verb governs it ("Smith's claim that ...").
REPORTING_WORDS = words(
    """
    claim assertion statement remark comment pledge call promise word phrase term
    description assessment warning accusation criticism complaint argument insistence
    question answer response reply message speech interview tweet post letter memo report
    label nickname slogan motto bemoan grouse snipe attack refer liken compare cite
    condemn laud hail decry characterize characterise deem rate rule consider brand
    dismiss vow
    """
)
# Verbs that, without their own subject, name a thing ("a film called ...") rather than cite.
NAMING_LEMMAS = words(
    """
    call dub name title entitle label nickname term brand headline
    """
)
# Entity types that are never speakers ("said Monday" is not said by Monday).
NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
TERMINATORS = frozenset({".", "!", "?", "…"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Right-hand slots spaCy sometimes gives an inverted speaker ("..., said the mayor").
INVERTED_DEPS = frozenset({"dobj", "attr", "npadvmod", "appos", "oprd", "nsubj", "dative"})
CHAIN_DEPS = frozenset({"conj", "xcomp", "advcl", "ccomp", "acl", "relcl", "dep"})
# Speech-verb lemmas that are also common nouns ("the post", "a call"): require a verb tag.
_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN", "VBG", "VB"})


def is_cue(tok: Token) -> bool:
    """True when ``tok`` is a speech verb (or the "according" of "according to")."""
    low = tok.lower_
    if low == "according":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ == "to"
    lemma = tok.lemma_.lower()
    if lemma not in SPEECH_LEMMAS:
        return False
    if lemma == "say" or low in ("said", "says", "told", "tells", "tweeted", "wrote"):
        return True
    return tok.tag_ in _VERB_TAGS


def cue_text(tok: Token) -> str:
    """The cue as reported: the verb, "according to", or a particle verb ("pointed out")."""
    if tok.lower_ == "according":
        return tok.doc[tok.i : tok.i + 2].text
    return tok.text


def is_naming_use(tok: Token) -> bool:
    """ "a film called ...", "the so-called ...": a naming verb with no subject of its own."""
    if tok.lemma_.lower() not in NAMING_LEMMAS:
        return False
    return not any(c.dep_ in ("nsubj",) for c in tok.children) or tok.dep_ in ("acl", "amod")


def speaker_token(cue: Token, inverted: bool = True) -> Token | None:
    """The head token of whoever the cue verb attributes the speech to.

    ``inverted`` allows a speaker after the verb ("…,” said the mayor"); where the verb comes
    before its quote, a noun after it is what is spoken of ("calling him “…”").
    """
    if cue.lower_ == "according":
        to = cue.nbor(1)
        for c in to.children:
            if c.dep_ == "pobj":
                return c
        return to.nbor(1) if to.i + 1 < len(cue.doc) else None
    verb: Token | None = cue
    via_pcomp = False
    for _ in range(4):
        if verb is None:
            break
        subj = _closest_subject(verb, leftmost=via_pcomp)
        # A participle's subject is the main clause's, whatever that clause's voice:
        # "After saying ..., she was whisked off".
        # "He was quoted as saying ...": the one quoted is the speaker.
        passive_ok = (verb.i != cue.i and cue.tag_ == "VBG") or verb.lemma_.lower() == "quote"
        if (
            subj is not None
            and (subj.dep_ != "nsubjpass" or passive_ok)
            and subj.ent_type_ not in NOT_SPEAKERS
        ):
            if subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return subj
        if subj is None and inverted and verb is cue and verb.lemma_.lower() != "tell":
            after_verb = next(
                (
                    c
                    for c in verb.rights
                    if c.dep_ in INVERTED_DEPS
                    and c.pos_ in ("PROPN", "NOUN", "PRON")
                    and c.ent_type_ not in NOT_SPEAKERS
                ),
                None,
            )
            if after_verb is not None:
                return after_verb
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head  # "despite admitting ...", "after saying ..."
            via_pcomp = True
            continue
        if verb.dep_ in CHAIN_DEPS and verb.head.i != verb.i:
            if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head
            if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and _acts(verb):
                return verb.head  # "footage of Jane Doe asking, ...", "Doe, ..., compared X"
            verb = verb.head
            continue
        break
    return None


def _acts(verb: Token) -> bool:
    """A verb hung on a name that is the name's own act: a participle ("Doe asking"), or a
    verb with an object the parser took for a modifier ("Doe, an expert, compared X to Y")."""
    return verb.tag_ == "VBG" or any(c.pos_ in ("PROPN", "NOUN", "PRON") for c in verb.rights)


def _closest_subject(verb: Token, leftmost: bool = False) -> Token | None:
    """The verb's subject; of several (a parse run across a caption), the nearest one, or
    for a clause reached from a participle ("Ryan, despite admitting ..., the victims
    need ...") the first one."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.is_punct]
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    if leftmost:
        return subjects[0]
    return min(subjects, key=lambda c: abs(verb.i - c.i))
