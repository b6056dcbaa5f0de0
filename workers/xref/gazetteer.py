"""Arabic/English forms of places, people, groups, months and number words (written by hand).

Each tuple is one name or value across both languages; `workers.xref.aliases` turns each
into a query concept. Exonyms (حلب/Aleppo) cannot be found by transliteration, so places
are listed even when a consonant skeleton would match. Forms that are ambiguous (عمان =
Amman or Oman) or stem like another entry (البغدادي like بغداد, ثلاثون like ثلاثة) are
left out.
"""

from __future__ import annotations

PLACES: tuple[tuple[str, ...], ...] = (
    ("الموصل", "Mosul"),
    ("بغداد", "Baghdad"),
    ("حمص", "Homs"),
    ("حماة", "Hama"),
    ("تدمر", "Palmyra"),
    ("كوباني", "عين العرب", "Kobani", "Kobane", "Ain al-Arab"),
    ("اللاذقية", "Latakia"),
    ("طرطوس", "Tartus"),
    ("درعا", "Daraa", "Deraa"),
    ("القامشلي", "Qamishli"),
    ("منبج", "Manbij"),
    ("عفرين", "Afrin"),
    ("جرابلس", "Jarablus"),
    ("تل أبيض", "Tal Abyad", "Tell Abyad"),
    ("كلس", "Kilis"),
    ("غازي عنتاب", "Gaziantep"),
    ("شانلي أورفا", "أورفا", "Sanliurfa", "Urfa"),
    ("سروج", "Suruc"),
    ("إسطنبول", "اسطنبول", "Istanbul"),
    ("بيروت", "Beirut"),
    ("لبنان", "Lebanon", "Lebanese"),
    ("الأردن", "Jordan", "Jordanian"),
    ("مصر", "Egypt", "Egyptian"),
    ("القاهرة", "Cairo"),
    ("قطر", "Qatar"),
    ("الرياض", "Riyadh"),
    ("طهران", "Tehran"),
    ("موسكو", "Moscow"),
    ("باريس", "Paris"),
    ("لندن", "London"),
    ("بريطانيا", "Britain", "British", "United Kingdom"),
    ("ألمانيا", "Germany", "German"),
    ("أوروبا", "Europe", "European"),
    ("الاتحاد الأوروبي", "European Union", "EU"),
    ("اليمن", "Yemen"),
    ("ليبيا", "Libya"),
)

PEOPLE_AND_GROUPS: tuple[tuple[str, ...], ...] = (
    ("بوتين", "Putin"),
    ("أوباما", "Obama"),
    ("كيري", "Kerry"),
    ("لافروف", "Lavrov"),
    ("داود أوغلو", "Davutoglu"),
    ("حزب العمال الكردستاني", "PKK", "Kurdistan Workers Party"),
    ("وحدات حماية الشعب", "YPG", "People's Protection Units"),
    ("حلف شمال الأطلسي", "الناتو", "NATO"),
    ("التحالف الدولي", "international coalition", "US-led coalition"),
)

MONTHS: tuple[tuple[str, ...], ...] = (
    ("يناير", "كانون الثاني", "January"),
    ("فبراير", "شباط", "February"),
    ("مارس", "آذار", "March"),
    ("أبريل", "نيسان", "April"),
    ("مايو", "أيار", "May"),
    ("يونيو", "حزيران", "June"),
    ("يوليو", "تموز", "July"),
    ("أغسطس", "August"),  # آب stems to a two-letter word
    ("سبتمبر", "أيلول", "September"),
    ("أكتوبر", "تشرين الأول", "October"),
    ("نوفمبر", "تشرين الثاني", "November"),
    ("ديسمبر", "كانون الأول", "December"),
)

# Number words in both languages with their digits, so "ثلاثة" finds "3" and "three".
NUMBER_WORDS: tuple[tuple[str, ...], ...] = (
    ("اثنان", "اثنين", "2", "two"),
    ("ثلاثة", "ثلاث", "3", "three"),
    ("أربعة", "أربع", "4", "four"),
    ("خمسة", "خمس", "5", "five"),
    ("ستة", "ست", "6", "six"),
    ("سبعة", "سبع", "7", "seven"),
    ("ثمانية", "ثماني", "8", "eight"),
    ("تسعة", "تسع", "9", "nine"),
    ("عشرة", "عشر", "10", "ten"),
    ("عشرون", "عشرين", "20", "twenty"),
    ("خمسون", "خمسين", "50", "fifty"),
    ("مئة", "مائة", "100", "hundred"),
    ("مئتان", "مئتين", "200", "two hundred"),
)

GAZETTEER = PLACES + PEOPLE_AND_GROUPS + MONTHS + NUMBER_WORDS
