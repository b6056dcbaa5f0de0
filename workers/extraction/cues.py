"""Cue lexicons for check-worthiness: what makes a sentence a claim, or not one."""

from __future__ import annotations

from workers.extraction.tokens import norm_set, word_set
from workers.nlp.arabic import normalize

QUESTION_WORDS_AR = norm_set("هل لماذا لما كيف متى أين ماذا أليس أين كم")
QUESTION_WORDS_EN = word_set(
    "who what why how when where which is are do does did can could will would should"
)
# Greetings, prayers, thanks and wishes: social talk, not claims.
GREETINGS_AR = norm_set(
    """
    صباح مساء السلام عليكم مبارك مباركة كريم اللهم يارب الحمد رحمه رحمها رحمهم حسبي حسبنا
    آمين شكرا مبروك تهانينا أهلا مرحبا ربي إنا لله وإنا إليه راجعون تقبل رمضان عيدكم
    """
)
GREETING_STARTS_AR = norm_set("صباح مساء السلام اللهم يارب يا الحمد حسبي حسبنا شكرا مبروك كل")
GREETINGS_EN = word_set(
    "hello hi thanks thank congratulations congrats welcome bless happy goodnight cheers"
)
# Opinion, wishes and obligation: the writer's view, not a checkable fact.
OPINION_AR = norm_set(
    """
    أعتقد اعتقد أظن أرى برأيي رأيي نظري أتمنى نتمنى يجب ينبغي لابد بد أشعر أحب أكره عار
    للأسف ليت أرجو نرجو نأمل آمل رائع جميل مقرف العار أخجل مؤسف يستحق تستحق أفضل أسوأ
    نطالب أطالب أكيد أعجبني
    """
)
OPINION_EN = word_set("""
    think believe feel hope wish should must opinion want wonderful terrible great proud
    love hate disgrace shame honor honored glad sad pleased happy needs agree disagree
    ought deserve deserves
    """)
# Calls to action: the reader is asked to do something.
CALLS_AR = norm_set(
    """
    شارك شاركوا انشر انشروا تابعونا تابعوا ادعموا ساهموا وقعوا صوتوا تنسوا ادخل اضغط
    رتويت ريتويت قاطعوا هيا فلنقف انضموا ساندوا ادعو اتصلوا سجلوا احموا
    """
)
CALLS_EN = word_set("let's join vote please share sign support follow subscribe click")
# Verbs of events and figures that news reports check.
EVENT_AR = norm_set(
    """
    قتل قتلت قتلوا مقتل سيطر سيطرت سيطرة هاجم هاجمت هجوم استهدف استهدفت اعتقل اعتقلت
    اعتقال أطلق أطلقت وصل وصلت بلغ بلغت ارتفع ارتفعت انخفض انخفضت سجل سجلت أصيب أصيبت
    إصابة توفي وفاة فرض فرضت وقع وقعت انفجار انفجر قصف قصفت شن شنت أسفر أسفرت أعلن
    أعلنت دخل دخلت خرج خرجت افتتح افتتحت أغلق أغلقت أقر أقرت وافق وافقت رفض رفضت
    اغتيال اغتيل نفذ نفذت تسلم تسلمت منح منحت تم يتم سقط سقطت تحرير حرر حررت انسحب انسحبت
    استعاد استعادت تقدم تقدمت يسحق اشتباكات معارك غارة غارات ضربات عملية يمتلك يتلقى تدعم
    يدعم أصبح أصبحوا عاد عادت ظهر تعلن يعلن تصل يصل قرر قررت أصدر أصدرت
    """
)
EVENT_EN = word_set("""
    killed attacked increased decreased voted passed signed won lost created cut raised spent
    built rose fell grew reduced doubled tripled invaded bombed arrested launched seized
    captured died announced approved rejected banned paid cost costs owns owned received
    sent hired fired opened closed elected appointed sold bought borrowed lowered added
    went came became
    """)
FUTURE_EN = word_set("will going gonna 'll")
FIRST_PERSON_EN = word_set("i i'm i've i'd me my myself we're")
# Named places, bodies and offices: Arabic has no capitals, so a short gazetteer stands in for
# the capitalised-name cue of English (normalised, article and clitics stripped when matching).
ENTITIES_AR = norm_set(
    """
    سوريا سورية العراق تركيا إيران روسيا أمريكا أميركا الولايات مصر السعودية اليمن لبنان
    الأردن فلسطين إسرائيل قطر الإمارات الكويت البحرين عمان ليبيا تونس الجزائر المغرب
    السودان فرنسا بريطانيا ألمانيا الصين أوروبا دمشق بغداد أنقرة طهران موسكو واشنطن القاهرة
    الرياض بيروت صنعاء عدن مأرب حلب إدلب الرقة الموصل غزة القدس إسطنبول باريس لندن
    داعش الحوثيين الحوثيون الحوثي طالبان القاعدة النصرة حماس حزب الناتو الأمم الاتحاد
    التحالف الجيش الحكومة الوزارة وزارة وزير الرئيس رئيس البرلمان المرصد المنظمة منظمة
    الشرطة المحكمة البنك الصحة كورونا اللقاح لقاح فيروس
    """
)

# --- Stance of the writer (Arabic). Tweets that speak to or for someone, swear, pray, wish or
# predict state no checkable fact; each set is a general cue, not a list of dataset phrases.
# Writer or addressee in the first or second person (standard and common dialect spellings).
FIRST_PERSON_AR = norm_set(
    """
    أنا انا نحن احنا إحنا نحنا لدي عندي عندنا لدينا رأيي برأيي نظري أقول اقول نقول أقولها
    أعتقد اعتقد أظن اظن أرى أري نرى أتوقع اتوقع نتوقع أشعر نشعر أؤمن اؤمن نؤمن أتمنى نتمنى
    أرجو نرجو آمل نأمل أطالب نطالب نريد أريد نحتاج أحب نحب أكره نكره أخشى نخشى أستغرب
    متأكد متأكده شخصيا أعرف اعرف نعرف أدري ادري
    """
)
SECOND_PERSON_AR = norm_set("أنت انت أنتم انتم أنتي انتي أنتما إنتم عليكم لكم إليكم منكم بكم")
# Vocative particles (also written attached: "يايمن", "ياحوثي").
VOCATIVE_AR = norm_set("يا أيها ايها أيتها ياأيها")
# Oaths: "by God", "I swear".
OATHS_AR = norm_set("والله بالله تالله وربي واللي أقسم اقسم أحلف احلف نقسم")
# Wish, hope and doubt particles: the content is not asserted as fact.
WISH_AR = norm_set("ليت ياليت لعل عسى ربما يمكن يمكن يارب إنشاءالله انشاءالله إنشالله انشالله")
# Prediction and counterfactual: future negation, "will", "if only", "had it not been".
FUTURE_AR = norm_set("لن سوف لو لولا")
# Word pairs of prayer and piety formulas (normalised spelling), wherever they stand.
PRAYER_PAIRS_AR = frozenset(
    tuple(normalize(w) for w in pair.split())
    for pair in (
        "شاء الله", "بإذن الله", "باذن الله", "الله أكبر", "الحمد لله", "حسبي الله",
        "حسبنا الله", "لعنة الله", "لعنه الله", "قاتل الله", "قاتلهم الله", "منك لله",
        "بارك الله", "جزاك الله", "جزاكم الله", "نسأل الله", "نسال الله", "ندعو الله",
        "سبحان الله", "لا حول", "يرحمه الله", "يرحمهم الله", "الله يرحمه", "الله ينصر",
        "الله يحفظ", "الله ينتقم", "الله يلعن", "نصر الله", "بنصر الله", "ثقوا بالله",
    )
)
# Imperatives and prohibitions addressed to readers (plural and singular), beyond CALLS_AR.
IMPERATIVES_AR = norm_set(
    """
    كونوا ثقوا اثبتوا تكاتفوا توحدوا اتحدوا اتركوا ركزوا شوفوا انظروا تخيلوا تذكروا اعلموا
    احذروا انتبهوا قولوا افهموا اسمعوا اقرأوا فعلوا حافظوا ادعموا اصبروا قاوموا ارحلوا
    تخيل تذكر اعلم انظر شوف اسمع اقرأ خذ خذوا دعوا دعونا اعطونا ابشروا ابشر
    """
)
# Evaluative and abusive words: how the writer judges, not what happened.
EVALUATIVE_AR = norm_set(
    """
    خونة الخونة خائن الخائن خيانة الخيانة عملاء العملاء أذناب اذناب ذيل أذيال اذيال عبيد العبيد
    جبناء الجبناء جبان الجبان حقير الحقير حقارة حقيرة قذر قذرة القذرة قذارة سخيف سخيفة السخيفة
    تافه تافهة التافهة اللعين اللعينة لعين ملعون الملعون كلاب الكلاب الأغبياء الاغبياء غبي أغبى
    فضيحة الفضيحة عار العار الخزي مخزي مهزلة المهزلة مسخرة المسخرة سافر مقرف مقززة وقح وقاحة
    المنافقين منافق نفاق كهنوت الكهنوتي الكهنوتية عنصرية العنصرية البائس البائسة بائس
    رائع رائعة عظيم عظيمة الأبطال ابطال أبطال الأحرار الشرفاء الأوفياء الأبطال الخالدين
    الحبيب الحبيبة الغالي الغالية شامخ شموخ عزة كرامة الكرامة المجد المجيد
    """
)
# Laughter and mockery in writing ("ههههه").
LAUGHTER_AR = norm_set("ههه هههه ههههه هههههه ههههههه خخخ هع")
# Titles and offices that name a public person or body: an anchor a checker can look up.
TITLES_AR = norm_set(
    """
    وزير الوزير وزيرة وزارة الوزارة رئيس الرئيس رئيسة نائب النائب اللواء لواء العميد عميد
    العقيد الفريق المشير الشيخ الدكتور القيادي قيادي قائد القائد المتحدث متحدث الناطق ناطق
    السفير سفير المبعوث مبعوث الأمير أمير الملك ملك ولي محافظ المحافظ مدير المدير مسؤول
    مصدر مصادر بيان البيان تقرير التقرير الحكومة حكومة البرلمان مجلس المجلس منظمة المنظمة
    """
)
# Breaking-news markers used by outlets at the head of a report.
NEWS_MARKERS_AR = norm_set("عاجل عاجلا خبر")

# --- Stance of the writer (English counterparts).
OATH_PAIRS_EN = frozenset({("i", "swear"), ("swear", "to"), ("by", "god"), ("honest", "to")})
PRAYER_PAIRS_EN = frozenset(
    {("god", "bless"), ("rest", "in"), ("pray", "for"), ("praying", "for"), ("thank", "god"),
     ("god", "willing"), ("prayers", "to"), ("thoughts", "and")}
)
WISH_EN = word_set("hopefully maybe perhaps")
LAUGHTER_EN = word_set("lol lmao rofl haha hahaha lolol")
