"""Number words (Arabic and English) and the nouns and currencies that follow figures."""

from __future__ import annotations

from workers.extraction.tokens import norm_set
from workers.nlp.arabic import normalize


def _table(pairs: dict[str, float]) -> dict[str, float]:
    return {normalize(k): v for k, v in pairs.items()}


# Cardinal words -> value (normalised spelling: ة -> ه, أ -> ا).
UNITS_AR = _table(
    {
        "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
        "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6,
        "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8, "تسعة": 9, "تسع": 9,
        "عشرة": 10, "عشر": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30,
        "أربعون": 40, "أربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60,
        "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
        "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
        "مئتي": 200, "مائتي": 200, "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400,
        "أربعمائة": 400, "خمسمئة": 500, "خمسمائة": 500,
    }
)
# Scale words: value and whether the form is a vague plural ("آلاف" = thousands of).
SCALES_AR = {
    normalize(k): v
    for k, v in {
        "ألف": (1e3, False), "ألفا": (1e3, False), "آلاف": (1e3, True), "ألوف": (1e3, True),
        "ألفان": (2e3, False), "ألفين": (2e3, False), "ألفي": (2e3, False),
        "مليون": (1e6, False), "مليونا": (1e6, False), "ملايين": (1e6, True),
        "مليونان": (2e6, False), "مليونين": (2e6, False), "مليوني": (2e6, False),
        "مليار": (1e9, False), "مليارا": (1e9, False), "مليارات": (1e9, True),
        "ملياران": (2e9, False), "مليارين": (2e9, False), "ملياري": (2e9, False),
        "ترليون": (1e12, False), "تريليون": (1e12, False),
    }.items()
}
# Vague plurals: "عشرات" (tens of), "مئات" (hundreds of). The value is the lower bound.
VAGUE_PLURALS_AR = _table({"عشرات": 10, "مئات": 100, "مئآت": 100})
UNITS_EN: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}
SCALES_EN: dict[str, tuple[float, bool]] = {
    "thousand": (1e3, False), "million": (1e6, False), "billion": (1e9, False),
    "trillion": (1e12, False), "thousands": (1e3, True), "millions": (1e6, True),
    "billions": (1e9, True), "hundreds": (100, True), "dozens": (12, True), "tens": (10, True),
    "bn": (1e9, False), "m": (1e6, False), "k": (1e3, False), "mn": (1e6, False),
}

# Currencies: word or symbol -> ISO 4217. A lira is Syrian, Turkish or Lebanese by its adjective.
CURRENCY_WORDS = {
    normalize(k): v
    for k, v in {
        "دولار": "USD", "دولارا": "USD", "دولارات": "USD", "يورو": "EUR", "جنيه": "EGP",
        "جنيها": "EGP", "جنيهات": "EGP", "ريال": "SAR", "ريالا": "SAR", "ريالات": "SAR",
        "دينار": "IQD", "دينارا": "IQD", "دنانير": "IQD", "درهم": "AED", "درهما": "AED",
        "دراهم": "AED", "ليرة": "SYP", "ليرات": "SYP", "روبل": "RUB", "يوان": "CNY",
        "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
        "eur": "EUR", "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "lira": "TRY",
        "liras": "TRY", "try": "TRY", "syp": "SYP", "sar": "SAR", "riyal": "SAR",
        "riyals": "SAR", "rubles": "RUB", "roubles": "RUB", "yuan": "CNY", "aed": "AED",
        "egp": "EGP", "iqd": "IQD", "lbp": "LBP",
    }.items()
}
CURRENCY_ADJECTIVES = {
    normalize(k): v
    for k, v in {
        "أمريكي": "USD", "أميركي": "USD", "تركية": "TRY", "سورية": "SYP", "سوري": "SYP",
        "لبنانية": "LBP", "لبناني": "LBP", "مصري": "EGP", "سعودي": "SAR", "عراقي": "IQD",
        "أردني": "JOD", "كويتي": "KWD", "إماراتي": "AED", "قطري": "QAR", "ليبي": "LYD",
        "جزائري": "DZD", "تونسي": "TND", "مغربي": "MAD", "إسترليني": "GBP",
        "syrian": "SYP", "turkish": "TRY", "lebanese": "LBP", "egyptian": "EGP",
    }.items()
}
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "US$": "USD"}
PERCENT_WORDS = norm_set("بالمئة بالمائة المئة المائة percent per")

# Counted nouns -> a lower-case English noun (the unit of a count).
NOUNS_AR = {
    normalize(k): v
    for k, v in {
        "أمراء": "emir", "أمير": "emir", "أميرا": "emir", "عناصر": "member", "عنصر": "member",
        "عنصرا": "member", "مقاتل": "fighter", "مقاتلين": "fighter", "مقاتلا": "fighter",
        "مقاتلون": "fighter", "قتيل": "dead", "قتلى": "dead", "قتيلا": "dead",
        "شخص": "person", "أشخاص": "person", "شخصا": "person", "مدني": "civilian",
        "مدنيين": "civilian", "مدنيا": "civilian", "مدنيون": "civilian", "جندي": "soldier",
        "جنود": "soldier", "جنديا": "soldier", "طفل": "child", "أطفال": "child",
        "طفلا": "child", "امرأة": "woman", "نساء": "woman", "لاجئ": "refugee",
        "لاجئين": "refugee", "لاجئا": "refugee", "لاجئون": "refugee", "سجين": "prisoner",
        "سجناء": "prisoner", "سجينا": "prisoner", "معتقل": "detainee", "معتقلين": "detainee",
        "معتقلا": "detainee", "جريح": "wounded", "جرحى": "wounded", "جريحا": "wounded",
        "غارة": "airstrike", "غارات": "airstrike", "صاروخ": "missile", "صواريخ": "missile",
        "صاروخا": "missile", "يوم": "day", "أيام": "day", "يوما": "day", "شهر": "month",
        "أشهر": "month", "شهرا": "month", "عام": "year", "أعوام": "year", "عاما": "year",
        "سنة": "year", "سنوات": "year", "دولة": "country", "دول": "country", "مدينة": "city",
        "مدن": "city", "قرية": "village", "قرى": "village", "كيلومتر": "km", "كيلومترا": "km",
        "كم": "km", "طن": "tonne", "أطنان": "tonne", "طنا": "tonne", "برميل": "barrel",
        "براميل": "barrel", "عائلة": "family", "عائلات": "family", "أسرة": "family",
        "أسر": "family", "مسلح": "gunman", "مسلحين": "gunman", "مسلحا": "gunman",
        "عملية": "operation", "عمليات": "operation", "هجوم": "attack", "هجمات": "attack",
        "هجوما": "attack", "حالة": "case", "حالات": "case", "وفاة": "death", "وفيات": "death",
        "إصابة": "case", "إصابات": "case", "منزل": "house", "منازل": "house", "مبنى": "building",
        "مبان": "building", "شاحنة": "truck", "شاحنات": "truck", "طائرة": "aircraft",
        "طائرات": "aircraft", "دبابة": "tank", "دبابات": "tank", "جرعة": "dose",
        "جرعات": "dose", "لقاح": "vaccine", "ضحية": "victim", "ضحايا": "victim",
        "نازح": "displaced", "نازحين": "displaced", "مهاجر": "migrant", "مهاجرين": "migrant",
        "إرهابي": "terrorist", "إرهابيين": "terrorist", "إرهابيا": "terrorist",
        "قيادي": "commander", "قياديين": "commander", "قائد": "commander", "قادة": "commander",
    }.items()
}


def is_number_word(norm: str) -> bool:
    """Is the normalised word (an attached و/ف dropped) a cardinal, scale or vague plural?"""
    bare = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm
    return any(
        form in table
        for form in (norm, bare)
        for table in (UNITS_AR, SCALES_AR, VAGUE_PLURALS_AR, UNITS_EN)
    )
