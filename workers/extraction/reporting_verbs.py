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
    أظهر أظهرت
    رصد رصدت رصدوا
    وثق وثقت وثقوا
    اتهم اتهمت اتهموا يتهم تتهم
    أفصح أفصحت
    بث بثت
    نشر نشرت نشروا
    أبلغ أبلغت
    ادعى ادعت ادعوا يدعي تدعي يدعون
    لاحظ لاحظت لاحظوا
    اكتشف اكتشفت اكتشفوا
    اعتبر اعتبرت اعتبروا
    رأى رأت رأوا يرى ترى
    أبان أبانت
    """
)
# Verbs that report only with a "أن" clause: "اعتبر أردوغان أن …" is a statement, "اعتبر
# الحادث إرهابيا" a characterisation; "يدعي حسين أن" a claim, "يدعى إبراهيم" a name.
NEEDS_THAT_AR = norm_set("اعتبر اعتبرت اعتبروا يدعي تدعي يدعون رأى رأت رأوا يرى ترى")
# Forms shared by a past verb and its verbal noun ("خط أنابيب نقل الغاز", "وتم كشف
# النقاب"): after a noun in construct or a passive auxiliary they are nouns.
VERB_OR_NOUN_AR = norm_set("نقل كشف ذكر نشر بث رصد")
# "يذكر أن / يشار إلى أن" open the article's own background, not somebody's statement.
BACKGROUND_AR = norm_set("يذكر يشار يجدر")
# "جاء في بيان …" names the document that states the content.
IN_DOCUMENT_AR = norm_set("جاء ورد")
DENIAL_VERBS_AR = norm_set("نفى نفت نفوا ينفي تنفي نافيا نافية أنكر أنكرت ينكر تنكر")
# "وفقا لـ X", "بحسب X": the source comes after the marker.
ACCORDING_AR = norm_set("وفقا وفق بحسب حسب طبقا استنادا نقلا حسبما وفقما")
# "على ما نقلت عنه الصحف": "على ما" + verb names a source at the end, like "بحسب".
AS_AR = norm_set("على عل")

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
DOCUMENT_HEADS_AR = norm_set(
    "تقرير تقريرا بيان بيانا تصريح تصريحات دراسة وثيقة وثائق رسالة حيثيات نص"
)
DOCUMENT_HEADS_EN = word_set("report statement study document letter analysis")
# ", adding that …": a second statement of the same source.
REPORTING_PARTICIPLES_EN = word_set("adding saying noting stressing warning claiming insisting")
# Passive reports: "قيل إن …" (it was said), an unnamed source.
PASSIVE_REPORTS_AR = norm_set("قيل ويقال يقال")
# Member nouns that keep the body they belong to across a preposition ("مصادر في وزارة
# الدفاع", "مسؤول من الخارجية", "عضو في البرلمان").
MEMBER_HEADS_AR = norm_set(
    "مصادر مصدر مسؤول مسؤولة مسؤولون مسؤولين متحدث ناطق عضو أعضاء قيادي قياديون ضابط ضباط"
    " مصدرا خبير خبراء باحث باحثون مستشار دبلوماسي دبلوماسيون"
)
# Participles of reporting verbs ("، مؤكدا أن"): their agent is the main clause's subject.
REPORTING_PARTICIPLES_AR = norm_set(
    """
    مؤكدا مؤكدة كاشفا كاشفة مضيفا مضيفة مشيرا مشيرة محذرا محذرة نافيا نافية معلنا معلنة
    موضحا موضحة لافتا لافتة مشيرين مضيفين مؤكدين
    """
)
