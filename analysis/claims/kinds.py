"""What a claim attributes (SPEC §2 ``claims[].kind``): ``speech``, ``belief`` or ``intent``.

The kind follows the cue's meaning and the form the parse shows it in, not the cue word alone:
"agreed that ..." is a statement, "agreed to ..." a commitment; "warned that" a statement,
"warned voters to" a demand; "the poll shows" a finding.
  * intent: an infinitive of intent ("vowed to rebuild", "urged voters to stay home") and the
    verbs of wishing, planning, promising or demanding in any form ("wants ...", "promised
    that ...", "demanded that ...");
  * belief: the verbs of thought, knowledge, perception and finding ("believe", "know", "show",
    "expect"), a stance held rather than stated ("supports the bill");
  * speech: everything else: the speech verbs, "according to", the passives of saying.
"""

from __future__ import annotations

from analysis.claims.cues import CLAIM_LEMMAS
from analysis.claims.nouns import verb_of
from analysis.claims.site import Site
from analysis.quotes.cues import SPEECH_LEMMAS, words

# Verbs whose content is what the source wants, plans, promises or demands, in any form.
INTENT_VERBS = words(
    """
    want wish hope plan intend seek aim refuse decline vow pledge promise threaten urge demand
    propose
    """
)
# Verbs of thought, knowledge, perception and finding that are not ways of saying something.
BELIEF_VERBS = words(
    """
    believe think know show find expect fear worry feel doubt indicate realize realise
    recognize recognise understand suspect assume learn hear figure guess reckon imply
    demonstrate prove project forecast anticipate bet determine decide notice consider
    see remember forget
    """
)
# Forms that attribute only statements: a belief or intention set off as an aside ("..., I
# think, ...", "as expected", "..., officials hope") hedges the writer's own sentence.
SPEECH_ONLY_FORMS = frozenset({"parenthetical", "as", "root"})
# Stances held rather than statements made: "supports the bill", "opposes the deal".
STANCE_HELD = words("support endorse oppose favor favour")


def claim_kind(site: Site) -> str:
    """``speech``, ``belief`` or ``intent`` for one attribution site."""
    if site.form == "according":
        return "speech"
    lemma = site.cue.lemma_.lower()
    if site.form.startswith("noun"):  # "her claim that": the kind of its verb
        lemma = verb_of(site.cue, CLAIM_LEMMAS) or lemma
    if site.form in ("infinitive", "call_for", "noun_infinitive") or lemma in INTENT_VERBS:
        return "intent"
    if lemma in STANCE_HELD:
        return "belief"
    if lemma in BELIEF_VERBS and lemma not in SPEECH_LEMMAS:
        return "belief"
    return "speech"
