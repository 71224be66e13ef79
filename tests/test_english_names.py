"""Conventional English names of names no table knows as a whole (transforms/entities/english.py and
the name romanisation of transforms/entities/transliterate.py). Made-up names, not from any article."""
from __future__ import annotations

import pytest

from khobor.transforms.entities.english import english_name
from khobor.transforms.entities.names import nfc
from khobor.transforms.entities.transliterate import romanize_name


@pytest.mark.parametrize(
    "bn, label, en",
    [
        ("করিম", "PERSON", "Karim"),  # the inherent vowel is a, not o (Korim)
        ("আজিজুল", "PERSON", "Azizul"),  # জ inside a person's name is z
        ("আসাদুজ্জামান", "PERSON", "Asaduzzaman"),  # and so is জ্জ
        ("জামাল", "PERSON", "Jamal"),  # but not at its start
        ("শায়লা", "PERSON", "Shaila"),  # য় between a vowel and a consonant
        ("ইউসুফ", "PERSON", "Yusuf"),
        ("অ্যাডাম", "PERSON", "Adam"),
        ("এডওয়ার্ড", "PERSON", "Edward"),
        ("চন্দ্র", "PERSON", "Chandra"),
        ("দৌলতপুর", "LOC", "Doulatpur"),  # a place's ending as such
        ("ঈশ্বরদী", "LOC", "Ishwardi"),  # ব-ফলা is w
        ("পূর্বিতা", "PERSON", "Purbita"),  # but ব under a রেফ is b (র্ব: সর্ব, পূর্ব)
        ("মঙ্গলকান্দি", "LOC", "Mangalkandi"),  # ঙ্গ is ng
        ("সোনাতলা", "LOC", "Sonatala"),
        ("তাজপুর", "LOC", "Tajpur"),  # a place's জ stays j
        ("বাটইখোলা", "LOC", "Bataikhola"),  # a vowel letter after a consonant: a diphthong
        ("নওডাঙ্গা", "LOC", "Naodanga"),
        ("সালেহউদ্দিন", "PERSON", "Salehuddin"),  # not in people's compounds
        ("মফিদুল", "PERSON", "Mofidul"),  # a person's first ম writes its vowel o
        ("রিমন", "PERSON", "Rimon"),  # and so does a final -ন after the first syllable
        ("রতন", "PERSON", "Ratan"),  # but not in the first
        ("মধুপুর", "LOC", "Madhupur"),  # nor a place's
        ("শ্যামডাঙা", "LOC", "Shyamdanga"),  # a place's ্যা is native ya
        ("ম্যাকরল", "PERSON", "Makral"),  # a person's is English a (when the lexicon does not know it)
        ("ভাটিকান্দি", "LOC", "Bhatikandi"),  # ভ starting a word is bh
        ("শ্রীরামকাঠী", "LOC", "Sreeramkathi"),  # a place's শ্রী is Sree
        ("ভুলক", "PERSON", "Bhulak"),
        ("নাভারন", "ORG", "Navaran"),  # inside a word it is both (Abhaynagar, Navana): the plain v stays
        ("ম্যাকরন", "ORG", "Makran"),  # an institution's ্যা is English a, as a person's
        ("ফকিরাচাঁন", "LOC", "Fakirachan"),  # ঁ is n, but the n is spelt once before ন
        ("চাঁন", "PERSON", "Chan"),
        ("চাঁদপুর", "LOC", "Chandpur"),
    ],
)
def test_names_are_romanised_as_bangladeshi_english_writes_them(bn, label, en):
    assert romanize_name(nfc(bn), label) == en


@pytest.mark.parametrize(
    "bn, en",
    [
        ("বি এম করিম", "BM Karim"),  # two or more initials in a row are written together
        ("এ.কে.এম. রহমান", "AKM Rahman"),  # also when written as one word with dots
        ("একেএম রহমান", "AKM Rahman"),
        ("এম হোসেন", "M. Hossain"),  # a single initial keeps its dot
        ("আক্তার হোসেন", "Akhtar Hossain"),  # a man's name: আক্তার before another part
        ("নাসিমা আক্তার", "Nasima Akter"),  # a woman's family name, last
        ("মো. আক্তার হোসেন", "Md. Akhtar Hossain"),
        ("সেলিম আকতার চৌধুরী", "Selim Aktar Chowdhury"),
        ("আসমা আক্তার সুইটি", "Asma Akter Sweety"),  # after a woman's given name in -া, hers, a nickname after it
        ("সাকিব রহমান", "Sakib Rahman"),  # no famous person's own spelling for everyone (Shakib, Tarique)
        ("তারেক হোসেন", "Tarek Hossain"),
        ("মোবাশ্বেরা করিম", "Mobashshera Karim"),  # a woman's name from a man's in the table (Mobashsher) + a
        ("জয়া করিম", "Jaya Karim"),  # not from one ending in a vowel (Joy)
        # a compound's first half as the table spells it (Zahid, Shawkat, Syed), its silent e and -que
        # ending the part only (Siddique → Siddiqul, Fazle → Fazlul); not a Western given name (জিল Jill)
        ("জাহিদুর রহমান", "Zahidur Rahman"),
        ("শওকতুল ইসলাম", "Shawkatul Islam"),
        ("সৈয়দুল হক", "Syedul Haque"),
        ("মনোয়ারুজ্জামান", "Monowaruzzaman"),
        ("সিদ্দিকুল আলম", "Siddiqul Alam"),
        ("জিলুর রহমান", "Jilur Rahman"),
    ],
)
def test_people_names_are_composed_as_news_writes_them(bn, en):
    assert english_name(nfc(bn), "PERSON")[0] == en


@pytest.mark.parametrize("bn, en", [
    ("সামির উদ্দিন", "Samir Uddin"),  # not the table's সামি with a genitive র: no case ending inside a name
    ("মুক্তার হোসেন", "Muktar Hossain"),
    ("করিম মঞ্জুর হোসেন", "Karim Monjur Hossain"),
])
def test_a_word_inside_a_person_name_keeps_its_final_r(bn, en):
    assert english_name(nfc(bn), "PERSON")[0] == en


@pytest.mark.parametrize(
    "bn, label, en",
    [
        ("ইনকিলাব মঞ্চ", "ORG", "Inqilab Mancha"),  # a one-word name inside a longer one loses its The Daily
        ("রহিমাবাদ", "LOC", "Rahimabad"),  # a place named for a person: the name part with its ending
        ("করিমপুর", "LOC", "Karimpur"),
        ("শহীদ করিমাবাদ", "LOC", "Shaheed Karimabad"),  # a martyr in a place's name
        ("শহীদ করিম", "PERSON", "Shahid Karim"),  # but a person's name part
        ("রূপনগর ইন্টারন্যাশনাল স্কুল", "ORG", "Rupnagar International School"),  # English words of institutions
        ("রূপসা পিপলস সোসাইটি", "ORG", "Rupsha People's Society"),
        ("খবর ডটকম", "ORG", "Khabar.com"),
        ("জিএসি", "ORG", "GAC"),  # a Bengali-spelt acronym, whatever letter name could start where
        ("রূপসা রোড", "LOC", "Rupsha Road"),  # a road's English kind word, not Rod
        ("বটতলী লেন", "LOC", "Battali Lane"),  # and the place word beside it still no English word
        ("মেঘনা লেক", "LOC", "Meghna Lake"),
        ("রূপসা মেডিকেল কলেজ (রূমেক) হাসপাতাল", "ORG", "Rupsha Medical College Hospital"),  # no bracketed acronym
        ("জাতীয় কৃষক দল", "ORG", "Jatiya Krishak Dal"),  # জাতীয় stays Bengali beside a word that does
        ("জাতীয় রূপসা কলেজ", "ORG", "National Rupsha College"),  # and is National beside English ones
        ("রূপসা মেডিকেল কলেজ ও হাসপাতাল", "ORG", "Rupsha Medical College and Hospital"),  # ও inside a name is and
        ("রূপসা হাফেজিয়া মাদ্রাসা", "ORG", "Rupsha Hafezia Madrasa"),  # a madrasa's -িয়া word is spelt as a name
    ],
)
def test_institutions_and_places_are_composed(bn, label, en):
    assert english_name(nfc(bn), label)[0] == en


@pytest.mark.parametrize(
    "bn, label, en",
    [
        ("বটতলী", "LOC", "Battali"),  # a place no gazetteer knows gets no English word's spelling (Bottle)
        ("চাপড়া", "LOC", "Chapra"),  # (Chopra)
        ("মিনস্ক", "LOC", "Minsk"),  # but a final cluster no Bangladeshi place has is a foreign place's
        ("ইউনিভার্সিটি অব রূপনগর", "ORG", "University of Rupnagar"),  # connectives stay lower case
        ("সিডনি বিশ্ববিদ্যালয়", "ORG", "University of Sydney"),  # a university named for a city abroad
        ("টোকিও ইউনিভার্সিটি", "ORG", "University of Tokyo"),
        ("কায়রো বিশ্ববিদ্যালয়", "ORG", "Cairo University"),  # unless it calls itself otherwise
        ("রংপুর বিশ্ববিদ্যালয়", "ORG", "Rangpur University"),  # a Bangladeshi place keeps "X University"
        ("টঙ্গী বিশ্ববিদ্যালয়", "ORG", "Tongi University"),  # a quarter of Dhaka is no city abroad
        ("সিয়াটল", "LOC", "Seattle"),  # a city abroad GeoNames names in Bengali (world_cities.tsv)
        ("হংকংয়ে", "LOC", "Hong Kong"),
        ("রাস আল খাইমাহ", "LOC", "Ras Al Khaimah"),  # several words, matched whole
        ("রিও", "LOC", "Rio"),  # not a small town's name (Reo, Burkina Faso)
        ("তিস্তা সোলার লিমিটেড", "ORG", "Teesta Solar Limited"),  # an English word is no town with an ending (Sola)
        ("রূপসা অ্যান্ড মেঘনা ট্রেডার্স", "ORG", "Rupsha and Meghna Traders"),
        ("রূপসা-মেঘনা গ্রুপ", "ORG", "Rupsha-Meghna Group"),  # a hyphenated word is spelt part by part
        ("পিএমএল-এন", "ORG", "PML-N"),
    ],
)
def test_places_keep_their_romanisation_and_words_are_joined(bn, label, en):
    assert english_name(nfc(bn), label)[0] == en


@pytest.mark.parametrize(
    "bn, en",
    [
        ("ইসরায়েল", "Israel"),  # the gazetteer's ইজরায়েল (CLDR), written another way
        ("মরক্কো", "Morocco"),  # (মোরক্কো)
        ("শ্রীপুর", "Sreepur"),  # two upazilas with one English name: spelt, though linked to neither
        ("কলকাতা", "Kolkata"),
    ],
)
def test_places_the_gazetteer_spells(bn, en):
    assert english_name(nfc(bn), "LOC")[0] == en


def test_an_unknown_bangladeshi_place_is_no_foreign_place_it_resembles():
    from khobor.transforms.entities.transliterate import place_spelling

    assert place_spelling(nfc("কামালপুর")) is None and place_spelling(nfc("বটতলী")) is None


def test_sources_that_name_one_place_alike_make_one_entry():
    from khobor.transforms.entities.gazetteer import default_gazetteer, norm_token

    # CLDR's city কোলকাতা (alias কলকাতা) and the curated কলকাতা, both Kolkata: one entry, so the name names it
    assert default_gazetteer().index[(norm_token(nfc("কলকাতা")),)] == ["loc:kolkata"]


def test_a_big_city_abroad_by_its_spelling_variant():
    # english_names_dev2: GeoNames writes হায়দ্রাবাদ, the news হায়দরাবাদ
    assert english_name(nfc("হায়দরাবাদের"), "LOC") == ("Hyderabad", "dictionary")
    assert english_name(nfc("হায়দ্রাবাদ"), "LOC") == ("Hyderabad", "dictionary")
    # not a Bengali word, nor a place at home
    assert english_name(nfc("ঢাকা"), "LOC")[0] == "Dhaka"


def test_news_names_of_places_cldr_names_otherwise():
    from khobor.transforms.entities.gazetteer import default_gazetteer, norm_token

    gaz = default_gazetteer()
    assert gaz.index[(norm_token(nfc("আমেরিকা")),)] == ["loc:US"]  # not also CLDR's Americas
    assert gaz.entries["loc:011"].canonical_latin == "West Africa"  # CLDR: Western Africa
    assert gaz.index[(norm_token(nfc("ইজরায়েল")),)] == gaz.index[(norm_token(nfc("ইসরায়েল")),)] == ["loc:IL"]


def test_the_world_is_no_place_name():
    from khobor.transforms.entities.gazetteer import default_gazetteer, norm_token

    # GUIDELINES.md: পৃথিবী, like বিশ্ব, is a generic noun; CLDR's territory 001 named it
    gaz = default_gazetteer()
    assert "loc:001" not in gaz.entries
    assert all(gaz.lookup((norm_token(nfc(w)),)) is None for w in ("পৃথিবী", "পৃথিবীর", "পৃথিবীতে", "বিশ্ব"))


@pytest.mark.parametrize(
    "bn, en",
    [
        ("আইডিয়াল রূপনগর কলেজ", "Ideal Rupnagar College"),  # আই is English's long i
        ("রূপসা লাইট ইঞ্জিনিয়ারিং", "Rupsha Light Engineering"),
        ("রূপসা গোল্ড লিমিটেড", "Rupsha Gold Limited"),  # a short English word beside English words
        ("রূপনগর মানবাধিকার সংস্থা", "Rupnagar Human Rights Agency"),  # words news translates
        ("রূপসা কল্যাণ সমিতি", "Rupsha Kalyan Association"),  # and one it keeps
        ("ইস্ট রূপনগর ক্লাব", "East Rupnagar Club"),
        ("রূপনগর জিলা স্কুল", "Rupnagar Zilla School"),
        ("রূপসা এসএমই ফাউন্ডেশন", "Rupsha SME Foundation"),  # ই is the letter E, not a particle cut off
    ],
)
def test_institutions_english_words(bn, en):
    assert english_name(nfc(bn), "ORG")[0] == en


def test_a_borrowed_english_word_keeps_its_spelling():
    # ব্যাংকিং, ফিটনেস are seen often outside names (as native words are) but spell a common English word
    assert english_name(nfc("ফিন্যান্স ও ব্যাংকিং বিভাগ"), "ORG")[0] == "Finance and Banking Department"
    assert english_name(nfc("ফিটনেস কোম্পানি"), "ORG")[0] == "Fitness Company"
    # a native word stays itself (ঘর is no Gore)
    from khobor.transforms.entities.transliterate import lexicon_spelling
    assert lexicon_spelling(nfc("ঘর")) is None and lexicon_spelling(nfc("দল")) is None


def test_a_short_english_word_only_among_english_words():
    from khobor.transforms.entities.transliterate import lexicon_spelling

    assert lexicon_spelling(nfc("গোল্ড")) is None  # alone, a short word is mostly another word
    assert lexicon_spelling(nfc("গোল্ড"), among_english=True) == "Gold"
    assert lexicon_spelling(nfc("টাইম"), among_english=True) is None  # not spelt closely enough (Tim)


@pytest.mark.parametrize(
    "bn, en",
    [
        ("রূপসা বহুমুখী সমবায় সমিতি", "Rupsha Multipurpose Cooperative Society"),  # a phrase of its own
        ("বিজিবি সদর দফতর", "BGB Headquarters"),
        ("রূপনগর কলেজের ইংরেজি বিভাগ", "Rupnagar College English Department"),
        ("রূপনগর উপজেলা জাতীয় পার্টি", "Jatiya Party Rupnagar Upazila"),  # a party inside: its name, first
        ("রূপনগর উপজেলা বিএনপির", "BNP Rupnagar Upazila"),  # as its acronym, as linking's units
        ("জেলা আওয়ামী লীগ", "District Awami League"),  # no place: word by word
    ],
)
def test_bodies_and_phrases_inside_organisations(bn, en):
    assert english_name(nfc(bn), "ORG")[0] == en


@pytest.mark.parametrize(
    "bn, label, en",
    [
        ("মো. হযরত আলী", "PERSON", "Md. Hazrat Ali"),  # a title inside a person's span is a name part
        ("মো.আইয়ূব খান", "PERSON", "Md. Ayub Khan"),  # an abbreviation glued to the next part
        ("এম. উমার আলী", "PERSON", "M. Umar Ali"),  # one initial keeps its dot
        ("বেইজিংয়ের", "LOC", "Beijing"),  # ং takes a vowel's endings
        ("রূপভাঙ্গা", "LOC", "Rupbhanga"),  # a place's ভ is bh inside a word too
    ],
)
def test_person_parts_and_place_endings(bn, label, en):
    assert english_name(nfc(bn), label)[0] == en


def test_alias_and_a_spelling_variant_in_a_persons_name():
    assert english_name(nfc("মো. রহিম ওরফে বাবু"), "PERSON")[0].split()[2] == "alias"
    assert english_name(nfc("আজমত উল্লা খান"), "PERSON")[0] == "Azmat Ullah Khan"


@pytest.mark.parametrize("bn, en", [("গাবতলী", "Gabtali"), ("রামগতি", "Ramgati"), ("চরমাধুয়া", "Charmadhua")])
def test_a_place_drops_no_two_vowels_in_a_row(bn, en):
    assert romanize_name(nfc(bn), "LOC") == en


@pytest.mark.parametrize(
    "bn, en",
    [
        # a body's short alias: the local office only, a thana's fire station as the sets' annotators
        # name it (Patiya Fire Service Station, link_dev; Fatikchhari Fire Service Station, ner_dev5)
        ("রূপনগর ফায়ার সার্ভিস", "Rupnagar Fire Service Station"),
        ("চট্টগ্রাম ফায়ার সার্ভিস", "Chattogram Fire Service"),  # a division's: no one station
        ("লালমোহন স্বাস্থ্য কমপ্লেক্স", "Lalmohan Upazila Health Complex"),
        ("ঠাকুরগাঁও ফায়ার সার্ভিস ও সিভিল ডিফেন্স", "Thakurgaon Fire Service and Civil Defence"),
        ("রূপনগর পল্লী বিদ্যুৎ সমিতি-২", "Rupnagar Palli Bidyut Samity-2"),
        ("রূপনগর জেলা প্রশাসন", "Rupnagar District Administration"),
        ("রূপনগর সরকারি পাইলট উচ্চবিদ্যালয়", "Rupnagar Government Pilot High School"),
    ],
)
def test_local_offices(bn, en):
    assert english_name(nfc(bn), "ORG")[0] == en


def test_bazar_ends_a_place_and_a_thana_road_is_thana():
    assert romanize_name(nfc("রূপবাজার"), "LOC") == "Rupbazar"  # bd_admin 58.3% → 58.6%
    assert english_name(nfc("থানা রোড"), "LOC")[0] == "Thana Road"
    assert english_name(nfc("রূপনগর থানা"), "ORG")[0] == "Rupnagar Police Station"


@pytest.mark.parametrize("bn, label, en", [("রূপনগর জাদুঘর", "ORG", "Rupnagar Museum"), ("রূপসা সেতু", "LOC", "Rupsha Bridge")])
def test_head_words_of_landmarks(bn, label, en):
    assert english_name(nfc(bn), label)[0] == en


def test_a_persons_words_beside_a_name_part_are_not_translated():
    assert english_name(nfc("সেতু আক্তার"), "PERSON")[0] == "Setu Akter"
    assert english_name(nfc("মো. রহিম ওরফে বাবু"), "PERSON")[0].split()[2] == "alias"  # but for these


def test_lig_is_league():
    assert english_name(nfc("সৌদি প্রো লিগ"), "ORG")[0] == "Saudi Pro League"


def test_a_company_is_named_without_plc():
    from khobor.transforms.entities.gazetteer import default_gazetteer

    bank = default_gazetteer().entries["org:city-bank"]
    assert bank.canonical_latin == "The City Bank" and "The City Bank PLC" in bank.aliases


def test_bnp_wings_by_their_short_names_in_a_local_unit():
    assert english_name(nfc("রূপনগর থানা যুবদল"), "ORG")[0] == "Jubo Dal Rupnagar Thana"
    assert english_name(nfc("রূপনগর উপজেলা ছাত্রদল"), "ORG")[0] == "Chhatra Dal Rupnagar Upazila"


@pytest.mark.parametrize(
    "bn, en",
    [
        ("মার্কিন নৌবাহিনী", "US Navy"),  # a country's adjective, not a word the lexicon spells (Marcin)
        ("চীনা দূতাবাস", "Chinese Embassy"),
        ("ভারতীয় সেনাবাহিনী", "Indian Army"),
        ("ইউরোপীয় পরিষদ", "European Council"),  # an adjective, not European Union
    ],
)
def test_a_countrys_adjective_in_a_name(bn, en):
    assert english_name(nfc(bn), "ORG")[0] == en


def test_chittagong_in_bengali_letters_keeps_its_english_spelling():
    assert english_name(nfc("চিটাগাং কিংস"), "ORG")[0] == "Chittagong Kings"  # the franchise, not Chattogram's
    assert english_name(nfc("চিটাগং চেম্বার"), "ORG")[0] == "Chittagong Chamber"


def test_block_and_shilpakala():
    assert english_name(nfc("সাউথ ব্লক"), "LOC")[0] == "South Block"  # not the place lexicon's Black
    assert english_name(nfc("রূপনগর জেলা শিল্পকলা একাডেমি"), "ORG")[0] == "Rupnagar District Shilpakala Academy"


def test_shahbag_as_news_spells_it_with_its_thana_id():
    from khobor.transforms.entities.gazetteer import default_gazetteer

    entry = default_gazetteer().entries["loc:bd:thana:dhaka:shahbagh"]  # the id stays bd_admin's
    assert entry.canonical_latin == "Shahbag" and entry.kind == "thana" and "Shahbagh" in entry.aliases


@pytest.mark.parametrize(
    "bn, en",
    [
        ("রূপনগর চিফ মেট্রোপলিটন আদালতে", "Rupnagar Chief Metropolitan Magistrate Court"),  # a magistrates' court
        ("রূপনগর মুখ্য মহানগর হাকিম আদালত", "Rupnagar Chief Metropolitan Magistrate Court"),  # হাকিম: magistrate
    ],
)
def test_magistrates_courts(bn, en):
    assert english_name(nfc(bn), "ORG")[0] == en


@pytest.mark.parametrize(
    "bn, en",
    [
        ("রূপনগর মোবাইল কোর্ট", "Rupnagar Mobile Court"),  # English words the lexicon spells too far from their sound
        ("পদ্মা অয়েল কোম্পানি", "Padma Oil Company"),
        ("রূপসা লাইফ ইনস্যুরেন্স", "Rupsha Life Insurance"),
        ("ইথিওপিয়ান ন্যাশনাল ডিফেন্স ফোর্স", "Ethiopian National Defense Force"),  # an unlisted adjective: the lexicon's
        ("আইটি সার্ভিস ম্যানেজমেন্ট", "IT Service Management"),  # a rare misspelling (managment) hid it
        ("পুঁজিবাজার নিয়ন্ত্রক সংস্থা", "Punjibazar Regulatory Agency"),
        ("বাংলাদেশ হিন্দু বৌদ্ধ খ্রিস্টান কল্যাণ ফ্রন্ট", "Bangladesh Hindu Buddhist Christian Kalyan Front"),
        ("রূপসা টেক্সটাইল মিলস", "Rupsha Textile Mills"),  # the lexicon's Milos, Comers, Sentral
        ("ঢাকা কমার্স কলেজ", "Dhaka Commerce College"),
        ("ইউরোপিয়ান সেন্ট্রাল ব্যাংক", "European Central Bank"),
        ("স্কয়ার টয়লেট্রিজ লিমিটেড", "Square Toiletries Limited"),  # romanised: Tayletrij
        ("দৈনিক যায়যায়দিন", "Dainik Jaijaidin"),  # the newspaper as it spells itself
        # a plural the word list lacks: its singular's spelling and an s, unless ক্স is x
        ("মিডিয়া অ্যান্ড পাবলিক রিলেশনস", "Media and Public Relations"),
        ("এন্ডোক্রাইন ডিসরাপ্টিং কেমিকেলস", "Endocrine Disrupting Chemicals"),
        ("ইন্টারন্যাশনাল ফাইন্যান্স করপোরেশন", "International Finance Corporation"),
        ("পারটেক্স স্পোর্টিং ক্লাব", "Partex Sporting Club"),
        # the fifth count: a word, or two words as one term
        ("নির্বাচন বোর্ড", "Election Board"),
        ("দুর্নীতি দমন বিভাগ", "Anti-Corruption Department"),
        ("সৌদি বার্তা সংস্থা", "Saudi News Agency"),
        ("জগন্নাথ বিশ্ববিদ্যালয় সাংবাদিক সমিতি", "Jagannath University Journalists Association"),
        # native words English news translates inside institutions' names (the fourth count)
        ("জাতীয় মানসিক স্বাস্থ্য ইনস্টিটিউট", "National Mental Health Institute"),
        ("কৃষি সম্প্রসারণ বিভাগ", "Agriculture Extension Department"),
        ("বিসিএস স্বাস্থ্য ক্যাডার অ্যাসোসিয়েশন", "BCS Health Cadre Association"),
    ],
)
def test_english_words_news_writes_in_bodies_names(bn, en):
    assert english_name(nfc(bn), "ORG")[0] == en


def test_uttar_pradesh_is_no_north_pradesh():
    from khobor.transforms.entities.gazetteer import default_gazetteer, token_key

    gaz = default_gazetteer()
    assert [gaz.entries[i].canonical_latin for i in gaz.index[token_key(nfc("উত্তর প্রদেশে"))]] == ["Uttar Pradesh"]


@pytest.mark.parametrize("bn, en", [
    ("চীনা দূতাবাস", "Chinese Embassy"), ("চীনের দূতাবাস", "Chinese Embassy"), ("মার্কিন দূতাবাস", "US Embassy"),
    ("ভারতীয় হাইকমিশন", "Indian High Commission"), ("ভারতের সহকারী হাইকমিশন", "Indian Assistant High Commission"),
    ("বাংলাদেশ দূতাবাস", "Bangladesh Embassy"), ("সৌদি আরব দূতাবাস", "Saudi Embassy"), ("ইতালির কনস্যুলেট", "Italian Consulate"),
])
def test_a_countrys_mission_is_called_by_the_countrys_adjective(bn, en):
    assert english_name(nfc(bn), "ORG") == (en, "dictionary")
