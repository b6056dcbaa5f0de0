"""find_mentions on the seed article and on small texts that exercise each rule."""

from __future__ import annotations

import pytest

from workers.sources.lookup import find_mentions
from workers.sources.registry import SourceRegistry


@pytest.fixture(scope="module")
def registry() -> SourceRegistry:
    return SourceRegistry.from_file()


def _pairs(text: str, registry: SourceRegistry) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for m in find_mentions(text, registry):
        assert text[m.start : m.end] == m.mention
        assert m.source is not None
        out.append((m.mention, m.type, m.source.source_id))
    return out


def test_seed_article_sources(seed_article: str, registry: SourceRegistry) -> None:
    got = _pairs(seed_article, registry)
    assert got == [
        ("التقارير المحلية", "vague", "vague"),
        ("المرصد السوري لحقوق الإنسان", "direct", "sohr"),
        ("المرصد السوري", "direct", "sohr"),
        ("الأمم المتحدة", "direct", "united-nations"),
        ("وزارة الدفاع الفرنسية", "direct", "france-armed-forces-ministry"),
        ("موقع “نورديك مونيتور” السويدي", "direct", "nordic-monitor"),
        ("الموقع السويدي", "quote", "nordic-monitor"),
        ("وزارة الخزانة الأميركية", "direct", "us-treasury"),
        ("الخزانة الأميركية", "direct", "us-treasury"),
    ]


def test_seed_refs_carry_registry_facts(seed_article: str, registry: SourceRegistry) -> None:
    refs = {m.source.source_id: m.source for m in find_mentions(seed_article, registry) if m.source}
    assert refs["sohr"].name == "Syrian Observatory for Human Rights"
    assert refs["us-treasury"].kind == "government"
    assert refs["us-treasury"].country == "US"
    assert refs["nordic-monitor"].kind == "website"
    assert refs["vague"].kind == "vague"


def test_entity_without_reporting_cue_is_not_a_source(registry: SourceRegistry) -> None:
    text = "وتم إنشاء النظام لمشاركة المعلومات بين الشرطة ووزارة الخارجية التركية."
    assert _pairs(text, registry) == []


def test_spelling_variants_and_clitics(registry: SourceRegistry) -> None:
    text = "وقالت وزارة الخزانة الأمريكية إن العقوبات تشمل عشرة أشخاص."
    assert _pairs(text, registry) == [("وزارة الخزانة الأمريكية", "direct", "us-treasury")]
    text = "وأكدت الخارجيّة الروسيّة أن الاجتماع تأجل."
    assert _pairs(text, registry) == [("الخارجيّة الروسيّة", "direct", "russia-foreign-ministry")]


def test_vowelled_and_tatweel_names(registry: SourceRegistry) -> None:
    text = "وأعلنت الأُمَم المُتَّحِدة أن المساعدات وصلت، بحسب المرصـــد السوري."
    got = _pairs(text, registry)
    assert [sid for _m, _t, sid in got] == ["united-nations", "sohr"]


def test_person_with_title_covers_the_role(registry: SourceRegistry) -> None:
    text = "وقال وزير الخارجية الأمريكي جون كيري إن المحادثات مستمرة."
    assert _pairs(text, registry) == [("وزير الخارجية الأمريكي جون كيري", "direct", "john-kerry")]
    text = "Turkish President Recep Tayyip Erdogan said on Monday that talks failed."
    assert _pairs(text, registry) == [
        ("Turkish President Recep Tayyip Erdogan", "direct", "erdogan")
    ]


def test_descriptive_rementions(registry: SourceRegistry) -> None:
    text = (
        "أفادت وزارة الدفاع الفرنسية أن التنظيم عاد. وأضافت الوزارة الفرنسية أن الخطر قائم. "
        "وقال موقع “نورديك مونيتور” السويدي إن أنقرة تتعاون. "
        "وأضاف الموقع السويدي أن السجناء أطلقوا."
    )
    got = _pairs(text, registry)
    assert [(m, sid) for m, _t, sid in got] == [
        ("وزارة الدفاع الفرنسية", "france-armed-forces-ministry"),
        ("الوزارة الفرنسية", "france-armed-forces-ministry"),
        ("موقع “نورديك مونيتور” السويدي", "nordic-monitor"),
        ("الموقع السويدي", "nordic-monitor"),
    ]


def test_remention_needs_matching_nationality(registry: SourceRegistry) -> None:
    text = "أفادت وزارة الدفاع الفرنسية أن التنظيم عاد. وأضافت الوزارة الروسية أن الخطر قائم."
    got = _pairs(text, registry)
    assert [sid for _m, _t, sid in got] == ["france-armed-forces-ministry", "unknown"] or [
        sid for _m, _t, sid in got
    ] == ["france-armed-forces-ministry"]


def test_english_rementions_and_acronyms(registry: SourceRegistry) -> None:
    text = (
        "The Syrian Observatory for Human Rights said 40 people died. "
        "The observatory said the toll may rise. The UN said aid was blocked."
    )
    got = _pairs(text, registry)
    assert [sid for _m, _t, sid in got] == ["sohr", "sohr", "united-nations"]
    # lower-case "un" inside a word or as a prefix is no acronym
    assert (
        _pairs("The un-named official said nothing.", registry) == [("official", "vague", "vague")]
        or _pairs("The un-named official said nothing.", registry) == []
    )


def test_unknown_named_source_is_unknown_not_a_wrong_match(registry: SourceRegistry) -> None:
    text = "وقالت صحيفة البلاد الجديدة إن الهجوم وقع فجرا."
    got = _pairs(text, registry)
    assert got == [("صحيفة البلاد الجديدة", "direct", "unknown")]
    text = "According to the Aleppo Media Center, shelling continued."
    got = _pairs(text, registry)
    assert got == [("Aleppo Media Center", "direct", "unknown")]


def test_ambiguous_outlet_names_need_a_type_noun_or_quotes(registry: SourceRegistry) -> None:
    assert _pairs("وقال مسؤولون في الرياض إن الاتفاق قريب.", registry) == [
        ("مسؤولون", "vague", "vague")
    ]
    got = _pairs("وقالت صحيفة الحياة إن الاتفاق قريب.", registry)
    assert got == [("صحيفة الحياة", "direct", "al-hayat")]
    got = _pairs("وقال المسؤول لـ«الشرق الأوسط» إن الاتفاق قريب.", registry)
    assert ("الشرق الأوسط", "direct", "asharq-al-awsat") in got


def test_vague_sources(registry: SourceRegistry) -> None:
    got = _pairs("وذكرت مصادر مطلعة أن الاجتماع أرجئ.", registry)
    assert got == [("مصادر مطلعة", "vague", "vague")]
    got = _pairs("Activists said the town fell, according to local sources.", registry)
    assert [(m, t) for m, t, _s in got] == [("Activists", "vague"), ("local sources", "vague")]


def test_accusative_tanween_and_fronted_subject(registry: SourceRegistry) -> None:
    text = "ولكن متحدثاً باسم وحدات حماية الشعب قال إن انفجارات وقعت في كوباني."
    assert _pairs(text, registry) == [("متحدثاً باسم وحدات حماية الشعب", "direct", "ypg")]
    text = "إلا أن رئيس الحكومة التركية أحمد داود أوغلو أعلن أن داعش يقف وراء الاعتداء."
    got = _pairs(text, registry)
    assert [(m, sid) for m, _t, sid in got] == [
        ("رئيس الحكومة التركية أحمد داود أوغلو", "davutoglu")
    ]
    # a verb-like noun after a comma is no fronted-subject verb ("داعش، رغم نفي أنقرة")
    assert _pairs("تربط النظام بالتنظيم الإرهابي داعش، رغم نفي أنقرة المستمرة.", registry) == []


def test_condemnation_is_a_statement(registry: SourceRegistry) -> None:
    text = "ندد الرئيس التركي رجب طيب إردوغان بالهجوم الانتحاري في سوروتش."
    got = _pairs(text, registry)
    assert [sid for _m, _t, sid in got] == ["erdogan"]


def test_wire_credits_need_no_reporting_verb(registry: SourceRegistry) -> None:
    text = "The rebels lost the town in December. --Reuters"
    assert _pairs(text, registry) == [("Reuters", "direct", "reuters")]
    text = (
        "Syrian state TV says 22 killed in car bomb in northern Syria AP Syrias TV raised the toll."
    )
    assert ("AP", "direct", "associated-press") in _pairs(text, registry)
    text = "بيروت (رويترز) - سقطت قذائف على حي سكني."
    assert _pairs(text, registry) == [("رويترز", "direct", "reuters")]
    # a wire named in passing, with no credit form and no cue, is not cited
    assert _pairs("The rebels shelled the AFP office in Damascus on Monday.", registry) == []


def test_outlet_a_speaker_talked_to_with_attached_lam(registry: SourceRegistry) -> None:
    text = "وقال كاميرون لشبكة (إن.بي.سي) الأمريكية: أود أن تبذل بريطانيا المزيد."
    assert ("شبكة (إن.بي.سي) الأمريكية", "direct", "nbc-news") in _pairs(text, registry)
    # attached لـ before a non-outlet is "of", not "to": a video of ISIS is no ISIS statement
    text = "ونشرت صحيفة ديلي ميل البريطانية اليوم فيديو لتنظيم داعش يظهر فيه مقاتل."
    assert [sid for _m, _t, sid in _pairs(text, registry)] == ["daily-mail"]


def test_source_relayed_by_an_outlet(registry: SourceRegistry) -> None:
    text = "ونقلت الصحيفة عن مواقع سورية معارضة، أن 686 عسكريا هربوا من الجيش."
    assert ("مواقع سورية معارضة", "vague", "vague") in _pairs(text, registry)


def test_capitalised_time_after_said_is_no_speaker(registry: SourceRegistry) -> None:
    assert _pairs("The town fell overnight, officials said Sunday.", registry) == [
        ("officials", "vague", "vague")
    ]
    text = "Aleppo Media Center said Monday that the town fell."
    assert _pairs(text, registry) == [("Aleppo Media Center", "direct", "unknown")]
