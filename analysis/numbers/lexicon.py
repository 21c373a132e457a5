"""Word lists for number facts: number words, qualifiers, months, units and currencies."""

from __future__ import annotations

from functools import lru_cache

CARDINALS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety"
).split()
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
# Abbreviated scales written after money amounts ("$3.5bn", "£200m", "$40k").
MONEY_SCALES = {"bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "mln": 1e6, "k": 1e3, "tn": 1e12,
                "trn": 1e12}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1_000_000,
}
# Fraction denominators ("a third", "two-thirds", "a tenth"); "second" is never a fraction.
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
}
# Vague amounts: value null, the qualifier names the order of magnitude.
VAGUE = {"dozens": "dozens", "hundreds": "hundreds", "thousands": "thousands",
         "millions": "millions", "billions": "billions", "several": "several"}

# Qualifier phrases before a number, longest first when compiled.
QUALIFIERS = {
    "nearly": "approximately", "almost": "approximately", "about": "approximately",
    "around": "approximately", "roughly": "approximately", "approximately": "approximately",
    "some": "approximately", "an estimated": "approximately", "estimated": "approximately",
    "close to": "approximately", "circa": "approximately", "approx.": "approximately",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "a minimum of": "at least",
    "at most": "at most", "no more than": "at most", "not more than": "at most",
    "a maximum of": "at most", "within": "at most",
    "more than": "more than", "over": "more than", "upwards of": "more than",
    "in excess of": "more than", "above": "more than", "exceeding": "more than",
    "less than": "less than", "under": "less than", "fewer than": "less than",
    "below": "less than", "just under": "less than",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "as long as": "up to",
    "as few as": "exact", "as high as": "exact", "as large as": "exact", "as low as": "exact",
}
# Adverbs that may sit before a qualifier and belong to the span ("just over", "somewhat over").
QUALIFIER_ADVERBS = ("just", "somewhat", "slightly", "well", "only", "barely")

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

TIME_UNITS = {
    "second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
    "hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks",
    "weeks": "weeks", "month": "months", "months": "months", "year": "years", "years": "years",
    "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries",
    "fortnight": "weeks",
}
# Units of measure as written -> normalised unit.
MEASURE_UNITS = {
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mi": "mi", "mile": "mi", "miles": "mi", "m": "m", "metre": "m", "metres": "m",
    "meter": "m", "meters": "m", "cm": "cm", "centimetres": "cm", "centimeters": "cm",
    "mm": "mm", "millimetres": "mm", "millimeters": "mm", "ft": "ft", "foot": "ft", "feet": "ft",
    "inch": "in", "inches": "in", "kg": "kg", "kilogram": "kg", "kilograms": "kg",
    "kilo": "kg", "kilos": "kg", "g": "g", "gram": "g", "grams": "g", "tonne": "t",
    "tonnes": "t", "ton": "t", "tons": "t", "lb": "lb", "lbs": "lb", "mph": "mph",
    "km/h": "km/h", "kph": "km/h", "knots": "kn", "knot": "kn", "°c": "°C", "°f": "°F",
    "degrees celsius": "°C", "degrees fahrenheit": "°F", "degrees": "°", "degree": "°",
    "hectare": "ha", "hectares": "ha", "ha": "ha", "acre": "acre", "acres": "acre",
    "square kilometres": "km2", "square kilometers": "km2", "square miles": "mi2",
    "square metres": "m2", "square meters": "m2", "square feet": "ft2", "sq km": "km2",
    "km2": "km2", "litre": "l", "litres": "l", "liter": "l", "liters": "l", "gallons": "gal",
    "gallon": "gal", "barrels": "bbl", "barrel": "bbl", "karat": "karat", "carat": "karat",
    "carats": "karat", "karats": "karat", "megawatts": "MW", "megawatt": "MW", "mw": "MW",
    "gw": "GW", "kw": "kW", "kwh": "kWh", "gigawatts": "GW", "storeys": "storeys",
    "stories": "storeys", "floors": "floors",
}
# Scales named before the number ("magnitude 4.9", "Category 5", "stage 3").
SCALE_NAMES = ("magnitude", "category", "stage")

CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₦": "NGN", "R$": "BRL", "Rs": "INR",
    "Rs.": "INR",
}
# Currency names written after the amount ("five million US dollars", "200 euros").
CURRENCY_WORDS = {
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "new zealand dollars": "NZD",
    "hong kong dollars": "HKD", "singapore dollars": "SGD", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR",
    "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "pesos": "MXN", "swiss francs": "CHF",
    "francs": "CHF", "naira": "NGN", "rand": "ZAR", "shillings": "KES", "baht": "THB",
    "ringgit": "MYR", "won": "KRW", "lira": "TRY", "riyals": "SAR", "dirhams": "AED",
}


@lru_cache(maxsize=1)
def iso_currency_codes() -> frozenset[str]:
    """ISO 4217 alphabetic codes (from pycountry), for amounts written "USD 5m" or "5m EUR"."""
    try:
        import pycountry

        return frozenset(c.alpha_3 for c in pycountry.currencies)
    except Exception:  # pragma: no cover - pycountry is a dependency, but never fail on it
        return frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "INR", "AUD", "CAD", "CHF"})
