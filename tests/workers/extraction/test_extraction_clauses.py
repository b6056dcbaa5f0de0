"""Clause splitting inside a shared segment: each split rule, in Arabic and English."""

from __future__ import annotations

import pytest

from workers.extraction.clauses import split_clauses
from workers.extraction.extractor import extract_text


def _parts(text: str, language: str) -> list[tuple[str, str | None]]:
    return [(text[s:e], rule) for s, e, rule in split_clauses(text, 0, len(text), language)]


def test_background_then_new_source_is_split() -> None:
    text = (
        "وترتبط تركيا بعدة علاقات متشابكة مع داعش، حيث إنه الشهر الماضي، كشف موقع "
        "“نورديك مونيتور” السويدي، أن أنقرة مستمرة في التعاون مع الإرهابيين."
    )
    parts = _parts(text, "ar")
    assert parts[0] == ("وترتبط تركيا بعدة علاقات متشابكة مع داعش", None)
    assert parts[1][0].startswith("حيث إنه الشهر الماضي") and parts[1][1] == "connector"
    assert len(parts) == 2


def test_elaboration_stays_with_the_reported_content() -> None:
    text = (
        "أفادت الوزارة أن التنظيم ظهر مجددا في العراق وسوريا، حيث انهزم جغرافيا إلا أنه "
        "قادر على التحرك."
    )
    assert _parts(text, "ar") == [(text, None)]


@pytest.mark.parametrize(
    ("text", "language", "second", "rule"),
    [
        # connector: a contrast clause
        ("قصفت القوات التركية مواقع الحزب في العراق، فيما لم تعلن سوى عن ثلاث غارات في سوريا.",
         "ar", "فيما لم تعلن سوى عن ثلاث غارات في سوريا.", "connector"),
        ("The army took the town on Monday, while rebels said they had killed 20 soldiers.",
         "en", "while rebels said they had killed 20 soldiers.", "connector"),
        # semicolon
        ("ارتفعت الأسعار بنسبة عشرة في المئة؛ وانخفضت الصادرات في الفترة نفسها.",
         "ar", "وانخفضت الصادرات في الفترة نفسها.", "semicolon"),
        ("Prices rose by ten percent last year; exports fell sharply in the same period.",
         "en", "exports fell sharply in the same period.", "semicolon"),
        # reporting_verb: a second reporting verb
        ("أعلن مسؤول عراقي أن 1500 مدرسة دمرت في الأنبار، مشيرا إلى أن غالبيتها استهدفها التنظيم",
         "ar", "مشيرا إلى أن غالبيتها استهدفها التنظيم", "reporting_verb"),
        ("The ministry said 40 schools were destroyed in the province, adding that most were hit.",
         "en", "adding that most were hit.", "reporting_verb"),
        # coordination: a coordinated verb with its own arguments
        ("وأضاف أن ثمانية أشخاص لقوا حتفهم على الفور، وتم نقل الكثير من الجرحى إلى المستشفى",
         "ar", "وتم نقل الكثير من الجرحى إلى المستشفى", "coordination"),
        ("وحللت خوارزمية 2,200 حادثة من أنشطة التنظيم، فلاحظ الباحثون ارتفاعا في التفجيرات",
         "ar", "فلاحظ الباحثون ارتفاعا في التفجيرات", "coordination"),
        ("هاجم مسلحون مركزا للشرطة في البلدة فجر اليوم، ولاذوا بالفرار إلى الجبال القريبة",
         "ar", "ولاذوا بالفرار إلى الجبال القريبة", "coordination"),
        # coordination without a comma: "و" + a past verb no noun shares, or a shared form
        # before a figure or after a closing quotation
        ("قال مسؤول إن ثلاثة جنود أتراك قتلوا وأصيب 24 آخرون في تفجير انتحاري",
         "ar", "وأصيب 24 آخرون في تفجير انتحاري", "coordination"),
        ('وتبنت الجبهة خطف العناصر متهمة إياهم بأنهم "وكلاء لأميركا" وبث التنظيم شريط فيديو',
         "ar", "وبث التنظيم شريط فيديو", "coordination"),
        ("The militants stormed a checkpoint near the city, and attacked a convoy on the road.",
         "en", "and attacked a convoy on the road.", "coordination"),
        # figures: numbers with different referents
        ("وقال المرصد إن القتلى هم 18 عنصرا من جبهة النصرة، وسبعة من الفرقة 30 الموالية لها",
         "ar", "وسبعة من الفرقة 30 الموالية لها", "figures"),
        ("The attack killed 30 people in the town, and wounded 100 others in nearby villages.",
         "en", "and wounded 100 others in nearby villages.", "figures"),
    ],
)
def test_each_split_rule(text: str, language: str, second: str, rule: str) -> None:
    parts = _parts(text, language)
    assert len(parts) == 2, parts
    assert parts[0][1] is None
    assert parts[1] == (second, rule)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # one verb, several objects: a list, not two facts
        ("قامت داعش بخطف 170 سنيا، وأكثر من 60 مسيحيا", "ar"),
        ("وقد شملت الأحكام كلا من الشيخ يوسف القرضاوي، والإعلامي فيصل القاسم", "ar"),
        ("The group seized the airport and the port in a single day.", "en"),
        # too short to stand alone
        ("قتل 18 شخصا، وأصيب العشرات", "ar"),
        # one subject for both verbs; a verbal noun after "و" (no figure, no quotation)
        ("من جهة أخرى، قتل وأصيب سبعة عراقيين في تفجير عبوة ناسفة", "ar"),
        ("أعلنت السلطات مع صدور قرار التجنيد ورفض الزعماء المحليين لهذه القرارات", "ar"),
    ],
)
def test_kept_whole_when_a_split_would_lose_the_meaning(text: str, language: str) -> None:
    assert len(_parts(text, language)) == 1


def test_split_claims_keep_their_spans_rule_and_inherited_source() -> None:
    text = (
        "وقال مسؤول عسكري إن خمسة جنود قتلوا عند نقطة التفتيش، وفقد 15 آخرون عندما هاجم "
        "المسلحون المدينة، مشيرا إلى أن الاشتباكات مستمرة حتى الآن."
    )
    claims = extract_text("split", text, "ar", threshold=0.0)
    assert [c.split_rule for c in claims] == [None, "coordination", "reporting_verb"]
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert (c.attribution.type, c.attribution.mention) == ("vague", "مسؤول عسكري")
    assert [q.value for q in claims[1].quantities] == [15]
    assert len({c.claim_id for c in claims}) == 3


def test_attribution_at_the_end_covers_the_earlier_clauses() -> None:
    text = (
        "وهاجمت جبهة النصرة الجمعة مقرا للفرقة 30 في المنطقة، ووقعت اشتباكات تسببت بمقتل 25 "
        "مقاتلا، بحسب المرصد السوري لحقوق الانسان"
    )
    claims = extract_text("end", text, "ar", threshold=0.0)
    assert len(claims) == 2
    assert {c.attribution.mention for c in claims} == {"المرصد السوري لحقوق الانسان"}
    english = (
        "Militants attacked the base on Friday, and killed 25 fighters, according to the "
        "Observatory."
    )
    mentions = {c.attribution.mention for c in extract_text("end", english, "en", threshold=0.0)}
    assert mentions == {"the Observatory"}
