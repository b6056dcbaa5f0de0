"""Cue lexicons for check-worthiness: what makes a sentence a claim, or not one."""

from __future__ import annotations

from workers.extraction.tokens import norm_set, word_set

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
