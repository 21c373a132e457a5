"""Word lists and Matcher patterns for names of organisations and facilities."""

from __future__ import annotations

from typing import Any

# Titles and honorifics that stay outside a name ("Mayor Vitali Klitschko" -> "Vitali Klitschko").
TITLES = {
    "president", "vice-president", "mayor", "governor", "senator", "sen.", "rep.",
    "representative", "congressman", "congresswoman", "minister", "premier", "chancellor",
    "secretary", "gen.", "lt.", "col.", "colonel", "captain", "capt.", "sgt.", "sergeant",
    "admiral", "commander", "judge", "king", "queen", "prince", "princess", "emperor", "empress",
    "pope", "cardinal", "archbishop", "bishop", "bishop-emeritus", "rev.", "reverend", "rabbi",
    "imam", "sheikh", "dr", "dr.", "doctor", "professor", "prof.", "mr", "mr.", "mrs", "mrs.",
    "ms", "ms.", "sir", "dame", "lord", "lady", "speaker", "chairman", "chairwoman", "ceo",
    "director", "spokesman", "spokeswoman", "spokesperson", "detective", "inspector",
    "ambassador", "superintendent", "lieutenant", "corporal", "councillor", "councilman",
    "councilwoman", "sheriff", "coach", "emir", "sultan", "ayatollah", "patriarch", "duke",
    "duchess", "baron", "baroness", "mp", "mep", "officer", "father",
}
# Words that belong to a title only next to one ("Prime Minister", "Foreign Secretary").
TITLE_MODIFIERS = {
    "vice", "prime", "deputy", "acting", "former", "late", "chief", "general", "attorney",
    "state", "foreign", "interior", "defence", "defense", "health", "finance", "justice",
    "education", "grand", "crown", "his", "her", "holiness", "majesty", "highness",
    "excellency", "honorable", "hon.", "senior", "junior", "executive", "major", "head",
    "emeritus", "then", "incoming", "outgoing", "most",
}

# Words that alone are a description, not a name ("the Department", "Bishop").
GENERIC = TITLES | TITLE_MODIFIERS | {
    "department", "ministry", "centre", "center", "court", "police", "government", "agency",
    "office", "university", "college", "school", "hospital", "company", "group", "party",
    "committee", "council", "commission", "authority", "board", "service", "state", "city",
    "province", "region", "republic", "kingdom", "federal", "national", "international",
    "administration", "army", "navy", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "central", "internet", "web", "id", "tv", "mr", "am", "pm",
}

# Time zones and similar capitalised tokens that are never entities here.
NOT_NAMES = {"utc", "gmt", "est", "edt", "pst", "pdt", "cst", "cdt", "cet", "cest", "bst", "q&a"}

# Capitalised words that end an organisation's name.
ORG_HEADS = {
    "Ministry", "Department", "University", "College", "Institute", "Police", "Court",
    "Council", "Commission", "Agency", "Party", "Bank", "Company", "Corporation", "Corp",
    "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "Group", "GmbH", "AG", "LLC", "PLC", "plc", "S.A.",
    "SA", "Association", "Federation", "Foundation", "Committee", "Authority", "Board",
    "Service", "Services", "Office", "Organization", "Organisation", "Army", "Navy", "Force",
    "Guard", "Airlines", "Airways", "Church", "Brigade", "Assembly", "Parliament", "Senate",
    "Congress", "Society", "Trust", "Fund", "School", "Academy", "Bureau", "Directorate",
    "Administration", "Cabinet", "Tribunal", "Institution", "League", "Club", "Movement",
    "Coalition", "Alliance", "Network", "Press", "News", "Times", "Post", "Media", "Motors",
    "Technologies", "Systems", "Holdings", "Partners", "Laboratories", "Labs", "Conference",
    "Secretariat", "Diocese", "Archdiocese", "Museum", "Library", "Union", "Brigades",
}
# Lowercase words that still end a name when the words before it are proper ("Labour party").
ORG_HEADS_LOWER = {"party", "ministry", "diocese", "government", "police", "secretariat"}

# Capitalised words that end a facility's name (buildings, airports, roads ...).
FAC_HEADS = {
    "Airport", "Hospital", "Bridge", "Stadium", "Arena", "Terminal", "Station", "Prison",
    "Facility", "Centre", "Center", "Hall", "Tower", "Palace", "Cathedral", "Mosque",
    "Temple", "Highway", "Motorway", "Road", "Street", "Avenue", "Boulevard", "Square",
    "Park", "Building", "Plant", "Dam", "Port", "Harbour", "Harbor", "Mall", "Market",
    "Tunnel", "Base", "Hotel", "Tavern", "Lodge", "Corner",
}

# Capitalised words that end the name of an event ("Mini Maker Faire", "Winter Olympics").
EVENT_HEADS = {
    "War", "Olympics", "Paralympics", "Games", "Cup", "Championship", "Championships",
    "Festival", "Fest", "Faire", "Expo", "Summit", "Awards", "Marathon", "Revolution",
    "Uprising", "Massacre", "Crisis", "Derby", "Open", "Con", "Convention", "Carnival",
}
# Words that open the name of a storm ("Hurricane Dorian", "Typhoon Phanfone").
STORM_WORDS = ["Hurricane", "Typhoon", "Cyclone", "Storm"]

# Nouns that, next to a name, say what kind of thing it is ("grid operator Ukrenergo").
ORG_CUES = {
    "company", "firm", "operator", "agency", "group", "organisation", "organization",
    "charity", "utility", "carrier", "airline", "bank", "broadcaster", "newspaper", "startup",
    "manufacturer", "maker", "retailer", "provider", "party", "ministry", "network",
    "publisher", "developer", "giant", "conglomerate", "insurer", "union", "ngo", "outlet",
    "channel", "website", "club", "team", "regulator", "producer",
}
PERSON_CUES = {
    "spokesman", "spokeswoman", "spokesperson", "actor", "actress", "singer", "mayor",
    "president", "minister", "senator", "governor", "chef", "player", "journalist", "reporter",
    "official", "director", "lawyer", "attorney", "judge", "professor", "author", "artist",
    "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "resident",
    "doctor", "leader", "chairman", "ceo", "founder", "colleague", "friend", "analyst",
    "researcher", "scientist", "activist", "candidate", "princess", "prince", "king", "queen",
    "officer", "commander", "voice", "pilot", "captain", "student", "teacher", "bishop",
}
PLACE_CUES = {"city", "town", "village", "capital", "region", "province", "country", "state"}

# Words skipped when taking an organisation's initials ("World Health Organization" -> WHO).
INITIALS_SKIP = {"of", "the", "and", "for", "on", "in", "at", "de", "du", "des", "la", "le", "&"}

_PROPN = {"POS": "PROPN"}
_PROPNS = {"POS": "PROPN", "OP": "+"}
_PROPN_OPT = {"POS": "PROPN", "OP": "*"}


def org_patterns() -> list[list[dict[str, Any]]]:
    """Token patterns for organisation names ("X Ministry", "Ministry of X", "X Inc.")."""
    heads = sorted(ORG_HEADS)
    return [
        [_PROPNS, {"ORTH": {"IN": heads}}],
        [_PROPNS, {"LOWER": {"IN": sorted(ORG_HEADS_LOWER)}}],
        [_PROPN_OPT, {"ORTH": {"IN": heads}}, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"},
         _PROPNS],
        [_PROPN_OPT, {"ORTH": {"IN": heads}}, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"},
         _PROPNS, {"LOWER": "and"}, _PROPNS],
        # "Russian defence ministry": a nationality adjective + a body of state.
        [{"ENT_TYPE": "NORP"}, {"IS_LOWER": True, "POS": {"IN": ["NOUN", "ADJ"]}, "OP": "?"},
         {"LOWER": {"IN": ["ministry", "government", "parliament", "army", "navy", "military"]}}],
    ]


def fac_patterns() -> list[list[dict[str, Any]]]:
    """Token patterns for facility names ("Henderson Executive Airport")."""
    return [[_PROPN, _PROPN_OPT, {"ORTH": {"IN": sorted(FAC_HEADS)}}]]


def event_patterns() -> list[list[dict[str, Any]]]:
    """Token patterns for named events ("Mini Maker Faire", "Hurricane Dorian", "Brexit")."""
    return [
        [_PROPNS, {"ORTH": {"IN": sorted(EVENT_HEADS)}}],
        [{"ORTH": "Tropical", "OP": "?"}, {"ORTH": {"IN": STORM_WORDS}},
         {"POS": "PROPN", "IS_TITLE": True}],
        # "Brexit", "Grexit": a country's exit from a union, coined as one word.
        [{"TEXT": {"REGEX": r"^[A-Z][a-z]+exit$"}}],
    ]
