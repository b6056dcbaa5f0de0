"""Reporting verbs and attribution markers (our own lexicon, Arabic and English)."""

from __future__ import annotations

from workers.extraction.tokens import norm_set, word_set

# Past (masc./fem./plural), present and participle forms; conjunction prefixes are handled by
# tokens.variants, so "وأكد" matches "أكد".
REPORTING_AR = norm_set(
    """
    قال قالت قالوا يقول تقول يقولون
    أكد أكدت أكدوا يؤكد تؤكد مؤكدا مؤكدة
    كشف كشفت كشفوا يكشف تكشف كاشفا كاشفة
    أفاد أفادت أفادوا يفيد تفيد
    أضاف أضافت أضافوا يضيف تضيف مضيفا مضيفة
    أشار أشارت أشاروا يشير تشير مشيرا مشيرة
    نقل نقلت نقلوا ينقل تنقل
    حذر حذرت حذروا يحذر تحذر محذرا محذرة
    نفى نفت نفوا ينفي تنفي نافيا نافية
    أعلن أعلنت أعلنوا يعلن تعلن معلنا معلنة
    ذكر ذكرت ذكروا يذكر تذكر
    أوضح أوضحت أوضحوا يوضح توضح موضحا موضحة
    صرح صرحت صرحوا يصرح تصرح
    زعم زعمت زعموا يزعم تزعم
    أورد أوردت أوردوا
    لفت لفتت لافتا لافتة
    شدد شددت شددوا يشدد تشدد
    أقر أقرت أقروا
    اعترف اعترفت اعترفوا
    جدد جددت جددوا
    تداول تداولت تداولوا
    أظهر أظهرت يظهر تظهر
    رصد رصدت رصدوا
    وثق وثقت وثقوا
    اتهم اتهمت اتهموا يتهم تتهم
    أفصح أفصحت
    بث بثت
    نشر نشرت نشروا
    أبلغ أبلغت
    """
)
DENIAL_VERBS_AR = norm_set("نفى نفت نفوا ينفي تنفي نافيا نافية أنكر أنكرت ينكر تنكر")
# "وفقا لـ X", "بحسب X": the source comes after the marker.
ACCORDING_AR = norm_set("وفقا وفق بحسب حسب طبقا استنادا نقلا")

REPORTING_EN = word_set("""
    said say says told tells confirmed confirms revealed reveals reported denied denies
    stated announced announces added adds claimed warned warns noted explained insisted
    alleged acknowledged admitted disclosed indicated asserted argued wrote tweeted
    testified declared showed shows
    """)
DENIAL_VERBS_EN = word_set("denied denies deny denying rejected refuted dismissed")
VAGUE_ADVERBS_EN = word_set("reportedly allegedly purportedly")
# Speech-act nouns that end a subject ("جددت الأمم المتحدة تحذيرها").
SPEECH_NOUN_STEMS_AR = tuple(
    sorted(norm_set("تحذير تأكيد دعوة دعوت رفض نفي قلق مطالب اتهام إدانة ترحيب"))
)
# Heads of "a report by X" that are not the source themselves.
DOCUMENT_HEADS_AR = norm_set("تقرير تقريرا بيان بيانا تصريح تصريحات دراسة وثيقة وثائق رسالة")
DOCUMENT_HEADS_EN = word_set("report statement study document letter analysis")
# ", adding that …": a second statement of the same source.
REPORTING_PARTICIPLES_EN = word_set("adding saying noting stressing warning claiming insisting")
