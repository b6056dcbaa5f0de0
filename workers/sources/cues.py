"""Word lists of the mention finder: reporting cues, titles, type nouns, nationalities."""

from __future__ import annotations

from workers.sources.text_keys import keys_of, token_key


def _keys(words: str) -> frozenset[str]:
    return frozenset(token_key(word) for word in words.split())


# Reporting verbs (past, present, feminine, plural) and nouns/prepositions that introduce a source.
AR_CUES = _keys(
    """
    قال قالت قالوا يقول تقول صرح صرحت يصرح أكد أكدت أكدوا يؤكد تؤكد كشف كشفت كشفوا يكشف تكشف
    أفاد أفادت أفادوا يفيد تفيد أضاف أضافت أضافوا يضيف تضيف ذكر ذكرت ذكروا يذكر تذكر أعلن أعلنت
    أعلنوا يعلن تعلن أوضح أوضحت يوضح توضح أشار أشارت يشير تشير نفى نفت ينفي تنفي حذر حذرت يحذر
    تحذر جدد جددت اتهم اتهمت يتهم تتهم نقل نقلت نقلا أورد أوردت بث بثت نشر نشرت نشره دعا دعت
    طالب طالبت اعتبر اعتبرت رأى رأت شدد شددت لفت لفتت تابع تابعت أبلغ أبلغت أعرب أعربت رجح رجحت
    قدر قدرت وثق وثقت رصد رصدت أحصى أحصت زعم زعمت تداول تداولت تناقل تناقلت أوردته ذكره ذكرته
    حسب بحسب حسبما وفق وفقا طبقا تقرير تقريرا تقارير بيان بيانا تصريح تصريحات تصريحا نقلته
    أفادته أكده قاله أعلنه بثته نشرته وصف وصفت أبدى أبدت لوح ناشد ناشدت هدد هددت توعد توعدت
    ندد نددت يندد تندد أدان أدانت يدين تدين يرى يرون ترى عدها
    """
)
EN_CUES = _keys(
    """
    said says say saying told tells reported reports reporting according stated announced added
    claimed claims confirmed denied warned accused noted statement quoted cited citing estimated
    documented revealed disclosed insisted explained alleged urged called tweeted wrote report
    quoting condemned
    """
)
CUES = AR_CUES | EN_CUES

# Words that stand before a name as its title or role ("وزير الخارجية التركي", "Foreign Minister").
TITLES = _keys(
    """
    رئيس الرئيس وزير الوزير وزيرة الوزراء الخارجية الدفاع الداخلية المالية الإعلام متحدث المتحدث
    المتحدثة الناطق الناطقة باسم أمين الأمين العام سفير السفير مبعوث المبعوث نائب الملك الأمير
    ولي العهد الشيخ مدير المدير قائد القائد زعيم مستشار المستشار المستشارة الجنرال العقيد اللواء
    العميد السيناتور النائب مرشد المرشد الأعلى الخاص الأممي الدولي الحكومة حكومة
    رئيسة نائبة مديرة متحدثة أمينة
    president minister foreign defence defense interior secretary prime general spokesman
    spokeswoman spokesperson envoy special ambassador chancellor leader director chief head
    supreme colonel senator king prince sheikh deputy un
    """
)

# "نقلت الصحيفة عن مواقع ...": the source comes after عن, past the outlet that relays it.
AR_RELAY = _keys("نقل نقلت نقلا نقلته نقلوا ينقل تنقل")

# Type nouns that name what kind of outlet or body follows ("صحيفة الحياة", "موقع ...").
AR_TYPE_NOUNS = _keys("صحيفة جريدة قناة موقع وكالة مجلة شبكة إذاعة تلفزيون يومية")
EN_TYPE_NOUNS = _keys(
    "newspaper paper daily channel website site agency magazine network broadcaster"
)
TYPE_NOUNS = AR_TYPE_NOUNS | EN_TYPE_NOUNS

# Head nouns that a later definite re-mention can use on their own ("الوزارة", "the ministry").
HEAD_NOUNS = TYPE_NOUNS | _keys(
    """
    وزارة مرصد منظمة هيئة مجلس لجنة مركز معهد شبكة حكومة خزانة جيش تحالف بعثة مفوضية
    ministry department observatory organization organisation group council committee office
    commission coalition monitor treasury army watchdog network
    """
)

SPOKESPERSON = (keys_of("المتحدث باسم"), keys_of("الناطق باسم"), keys_of("المتحدثة باسم"))

# Nationality adjectives by country (masculine and feminine Arabic, English).
_NATIONALITIES: dict[str, str] = {
    "US": "الأمريكي الأمريكية الأميركي الأميركية American US U.S.",
    "GB": "البريطاني البريطانية British UK",
    "FR": "الفرنسي الفرنسية French",
    "DE": "الألماني الألمانية German",
    "RU": "الروسي الروسية Russian",
    "TR": "التركي التركية Turkish",
    "SY": "السوري السورية Syrian",
    "IQ": "العراقي العراقية Iraqi",
    "IR": "الإيراني الإيرانية Iranian",
    "SA": "السعودي السعودية Saudi",
    "SE": "السويدي السويدية Swedish",
    "EG": "المصري المصرية Egyptian",
    "JO": "الأردني الأردنية Jordanian",
    "LB": "اللبناني اللبنانية Lebanese",
    "IL": "الإسرائيلي الإسرائيلية Israeli",
    "QA": "القطري القطرية Qatari",
    "AE": "الإماراتي الإماراتية Emirati",
    "KW": "الكويتي الكويتية Kuwaiti",
    "CN": "الصيني الصينية Chinese",
    "JP": "الياباني اليابانية Japanese",
    "IT": "الإيطالي الإيطالية Italian",
    "ES": "الإسباني الإسبانية Spanish",
    "NL": "الهولندي الهولندية Dutch",
    "CH": "السويسري السويسرية Swiss",
    "NO": "النرويجي النرويجية Norwegian",
    "BE": "البلجيكي البلجيكية Belgian",
    "MA": "المغربي المغربية Moroccan",
    "YE": "اليمني اليمنية Yemeni",
}
NATIONALITY: dict[str, frozenset[str]] = {
    country: _keys(words.replace(".", "")) for country, words in _NATIONALITIES.items()
}
NATIONALITY_KEYS = frozenset().union(*NATIONALITY.values())
COUNTRY_OF_NATIONALITY: dict[str, str] = {
    key: country for country, keys in NATIONALITY.items() for key in keys
}

# The words a national body's role is made of ("وزارة الدفاع", "the Defence Ministry", "الجيش"):
# only such roles are placed in a country by context, never a free-form name.
ROLE_WORDS = _keys(
    """
    وزارة وزير الخارجية الدفاع الداخلية الخزانة الجيش الحكومة القوات المسلحة
    ministry minister foreign defence defense interior affairs treasury army military government
    of the armed forces
    """
)

# Country and capital names, counted with nationality adjectives to find an article's country.
_COUNTRY_NAMES: dict[str, str] = {
    "US": "أمريكا أميركا واشنطن America Washington",
    "GB": "بريطانيا لندن Britain London",
    "FR": "فرنسا باريس France Paris",
    "DE": "ألمانيا برلين Germany Berlin",
    "RU": "روسيا موسكو Russia Moscow",
    "TR": "تركيا أنقرة Turkey Ankara",
    "SY": "سوريا سورية دمشق Syria Damascus",
    "IQ": "العراق بغداد Iraq Baghdad",
    "IR": "إيران طهران Iran Tehran",
    "SA": "الرياض Riyadh",
    "EG": "مصر القاهرة Egypt Cairo",
    "LB": "لبنان بيروت Lebanon Beirut",
    "IL": "إسرائيل Israel",
    "QA": "قطر الدوحة Qatar Doha",
}
COUNTRY_OF_NAME: dict[str, str] = {
    key: country for country, words in _COUNTRY_NAMES.items() for key in _keys(words)
}

# Words after a cue that end the candidate name of an unknown source.
AR_STOP = _keys(
    """
    أن إن أنه إنه بأن بان ان في على إلى عن من خلال أمس اليوم يوم مساء صباح الذي التي الذين قد لا لم
    لن ما هذا هذه ذلك كما أيضا مؤخرا إنها أنها عبر بعد قبل حول مع بين له لها لهم هناك ثم حيث
    الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الماضي الجاري مجددا
    """
)
# Nouns that make a phrase after a cue a named source even when the registry does not know it.
AR_SOURCE_HEADS = AR_TYPE_NOUNS | _keys(
    """
    منظمة وزارة وزير رئيس المتحدث الناطق مسؤول مدير قائد مركز معهد جمعية هيئة مجلس لجنة حزب حركة
    جماعة مرصد مكتب سفير مبعوث الأمين حكومة محافظ عضو زعيم الجيش الشرطة
    رئيسة وزيرة نائبة مديرة متحدث متحدثة ناطق ناطقة
    """
)
EN_PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "this", "that", "there", "officials"]
)
# Capitalised words that follow "said" as a time, not as a speaker ("a monitor said Sunday").
EN_TIME_WORDS = _keys(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december
    """
)
EN_NAME_JOINERS = frozenset(["of", "for", "the", "al", "and", "de", "bin", "ibn"])


def _base_forms() -> dict[str, str]:
    from workers.nlp.arabic import normalize

    words = """
    صحيفة جريدة قناة موقع وكالة مجلة شبكة إذاعة تلفزيون يومية وزارة مرصد منظمة هيئة مجلس لجنة مركز
    معهد حكومة خزانة جيش تحالف بعثة مفوضية رئيس وزير متحدث ناطق أمين سفير مبعوث نائب مدير قائد زعيم
    مستشار مسؤول جمعية حزب حركة جماعة مكتب محافظ عضو
    """
    return {token_key(word): normalize(word) for word in words.split()}


# The unprefixed written form of lexicon words, to tell an attached و/ب/ل from a root letter.
BASE_NORM: dict[str, str] = _base_forms()
