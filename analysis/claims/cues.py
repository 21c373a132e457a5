"""Claim cues: the verbs that attribute reported speech, belief or evidence to a source.

The speech verbs are the quote cues (``analysis.quotes.cues``) less those that name or
describe rather than report ("called it a disaster", "described the plan as ..."); to them
come the verbs of belief and evidence news attributes in the same way ("officials believe
...", "the poll shows ...", "experts expect ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.quotes.cues import NAMING_LEMMAS, SPEECH_LEMMAS, words

# Quote cues that do not introduce a claimed content of their own.
NOT_REPORTING = words(
    """
    describe continue begin read quote cite mock praise hail slam blast criticize criticise
    decry dismiss label dub brand term chant shout scream yell mutter whisper thunder snap
    joke quip boast brag chide scold lament muse wonder text email message blog
    """
)
BELIEF_LEMMAS = words(
    """
    believe think know show find suggest expect hope fear worry feel doubt indicate reveal
    realize realise recognize recognise understand suspect assume learn hear agree figure
    guess reckon imply hint signal demonstrate prove project forecast anticipate bet
    determine decide conclude notice indicate contend acknowledge allege charge
    """
)
# Verbs whose infinitive complement states what the source intends, urges or commits to
# ("vowed to rebuild", "urged voters to stay home").
INTENT_LEMMAS = words(
    """
    promise pledge vow threaten agree refuse decline urge ask plan want hope intend seek
    offer expect warn advise encourage propose demand
    """
)
# Verbs whose direct object is what the source states or takes a stand on ("announced the
# arrest of a man", "accused Republicans of stoking fears", "endorsed Ted Cruz").
STANCE_LEMMAS = words(
    """
    announce report confirm deny reveal acknowledge admit allege mention cite propose claim
    predict criticize criticise condemn denounce praise support endorse oppose defend accuse
    question dispute reject dismiss blame welcome applaud slam attack
    """
)
CLAIM_LEMMAS = (
    (SPEECH_LEMMAS - NOT_REPORTING - NAMING_LEMMAS) | BELIEF_LEMMAS | INTENT_LEMMAS | STANCE_LEMMAS
)
_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN", "VBG", "VB"})


# Verbs whose "that" clause is not something the subject claims ("make sure that").
NOT_CLAIMING = words("be make ensure have do get")


def is_claim_cue(tok: Token) -> bool:
    """True when ``tok`` is a verb that can attribute a claim (or "according" of "according to").

    Besides the listed verbs, any verb whose subject is someone and whose complement opens
    with "that" ("Sanders pointed out that ...", "the board ruled that ..."): the complementiser
    marks reported content whatever the verb.
    """
    if tok.lower_ == "according":
        return tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to"
    if tok.tag_ not in _VERB_TAGS:
        return False
    lemma = tok.lemma_.lower()
    if lemma == "call":
        return _calls(tok)
    return lemma in CLAIM_LEMMAS or (lemma not in NOT_CLAIMING and _that_clause(tok))


def _calls(tok: Token) -> bool:
    """ "X called for ...", "X called Y a liar": "call" with a subject of its own or one it
    shares ("... and called for ..."); never "a group called X" or "the so-called X"."""
    if tok.dep_ in ("acl", "amod", "compound", "relcl") or "-" in tok.text:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return not any(c.dep_ == "nsubjpass" for c in tok.children)
    return tok.dep_ in ("conj", "xcomp", "advcl", "pcomp")


def _that_clause(tok: Token) -> bool:
    subject = any(
        c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that") for c in tok.children
    )
    return subject and any(
        c.dep_ == "ccomp" and c.i > tok.i
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in tok.children
    )
