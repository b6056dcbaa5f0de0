"""Sources named by what they are: roles placed by the article's country, English descriptions,
headline credits."""

from __future__ import annotations

import pytest

from workers.sources.lookup import find_mentions
from workers.sources.registry import SourceRegistry


@pytest.fixture(scope="module")
def registry() -> SourceRegistry:
    return SourceRegistry.from_file()


def _ids(text: str, registry: SourceRegistry) -> list[tuple[str, str]]:
    out = []
    for m in find_mentions(text, registry):
        assert text[m.start : m.end] == m.mention
        assert m.source is not None
        out.append((m.mention, m.source.source_id))
    return out


def test_role_index_drops_the_nationality_only_for_role_words(registry: SourceRegistry) -> None:
    defence = registry.by_role[("زاره", "دفاع")]
    assert defence["GB"] == "uk-ministry-of-defence"
    assert defence["RU"] == "russia-defense-ministry"
    # "Free Syrian Army" minus "Syrian" is a name, not a role a country could fill
    assert ("free", "army") not in registry.by_role


def test_arabic_role_takes_the_articles_country(registry: SourceRegistry) -> None:
    text = (
        "وقال كاميرون إن بريطانيا ستبذل المزيد، وإن لندن تدرس الأمر مع البرلمان البريطاني. "
        "وقالت وزارة الدفاع في وقت سابق إن طيارين شاركوا في ضربات."
    )
    assert ("وزارة الدفاع", "uk-ministry-of-defence") in _ids(text, registry)


def test_english_role_takes_the_articles_country(registry: SourceRegistry) -> None:
    text = (
        "Russian jets struck Idlib, Moscow confirmed, as Russia widened its campaign. "
        "The Defence Ministry said 20 sorties were flown."
    )
    assert ("Defence Ministry", "russia-defense-ministry") in _ids(text, registry)


def test_role_is_not_placed_when_no_country_dominates(registry: SourceRegistry) -> None:
    text = "التقى وفد تركي وفدا روسيا. وقالت وزارة الدفاع إن الاجتماع كان مثمرا."
    assert all(
        sid not in ("turkey-defense-ministry", "russia-defense-ministry")
        for _m, sid in _ids(text, registry)
    )


def test_role_that_names_another_country_or_a_longer_name_is_left_alone(
    registry: SourceRegistry,
) -> None:
    text = "قال كاميرون إن بريطانيا مستعدة. وقالت وزارة الدفاع الكندية إن طائراتها جاهزة."
    assert all(sid != "uk-ministry-of-defence" for _m, sid in _ids(text, registry))
    text = "قال أردوغان إن تركيا مستعدة وإن أنقرة جاهزة. ويعتبر الجيش الوطني قوة موالية."
    assert all(sid != "turkish-armed-forces" for _m, sid in _ids(text, registry))


def test_english_descriptions_point_to_the_source_of_that_kind(registry: SourceRegistry) -> None:
    text = (
        "Forty fighters were killed near Aleppo, a monitor said Sunday. "
        "The toll was confirmed on Thursday, the Syrian Observatory for Human Rights said. "
        "The Britain-based group said the strikes hit a market."
    )
    got = _ids(text, registry)
    assert got == [
        ("a monitor", "sohr"),
        ("Syrian Observatory for Human Rights", "sohr"),
        ("The Britain-based group", "sohr"),
    ]  # and "Sunday" after "said" is a time, not an unknown speaker


def test_description_without_a_source_of_its_kind_is_dropped(registry: SourceRegistry) -> None:
    assert _ids("A monitor said 12 people died in Idlib.", registry) == []


def test_the_tv_after_a_broadcaster(registry: SourceRegistry) -> None:
    text = "Syrian state TV said 22 people died in Qamishli. The TV says the car blew up."
    assert _ids(text, registry) == [("Syrian state TV", "syrian-tv"), ("The TV", "syrian-tv")]


def test_headline_credits(registry: SourceRegistry) -> None:
    text = (
        "Strike kills 15 in Idlib Monitor An air strike killed 15 civilians on Saturday the "
        "Syrian Observatory for Human Rights said."
    )
    assert _ids(text, registry)[0] == ("Monitor", "sohr")
    text = "Aleppo bomb blast kills six Syrian state TV. A bomb blast killed six people."
    assert _ids(text, registry) == [("Syrian state TV", "syrian-tv")]
    # a capitalised description that starts a sentence is no credit
    assert _ids("Monitor groups are growing in number. They are busy.", registry) == []
