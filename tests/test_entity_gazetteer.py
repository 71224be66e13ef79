"""The gazetteer's derived names: the short names of ministries of several subjects; a person's names without titles."""


def test_a_ministry_of_several_subjects_is_called_by_each():
    from khobor.transforms.entities.gazetteer import default_gazetteer, norm_token

    gaz = default_gazetteer()

    def ids(name):
        return gaz.index.get(tuple(norm_token(name).split()))

    assert ids("প্রাণিসম্পদ মন্ত্রণালয়") == ["org:mofl"]
    assert ids("সড়ক পরিবহন মন্ত্রণালয়") == ["org:morth"]
    assert ids("মহিলাবিষয়ক মন্ত্রণালয়") == ["org:mowca"]  # the শিশুবিষয়ক's বিষয়ক is both subjects'
    assert ids("শ্রম মন্ত্রণালয়") == ["org:mole"]
    assert ids("বিচারবিষয়ক মন্ত্রণালয়") is None  # only a pair shares বিষয়ক
    assert ids("স্বরাষ্ট্র মন্ত্রণালয়") == ["org:moha"]  # one subject: its own name, nothing derived
    # the short and spaced forms news writes (listed as aliases)
    assert ids("সংস্কৃতি মন্ত্রণালয়") == ["org:moca"]
    assert ids("পানি সম্পদ মন্ত্রণালয়") == ["org:mowr"]
    assert ids("আইন বিচার ও সংসদ বিষয়ক মন্ত্রণালয়") == ["org:molj"]


def test_a_title_before_a_common_word_is_part_of_the_name():
    from khobor.transforms.entities.gazetteer import default_gazetteer
    from khobor.transforms.entities.linking import _gazetteer_index, alias_key

    gaz = default_gazetteer()
    # আমির খান is Aamir Khan, no খান; বেগম মুজিব no মুজিব; ব্যারিস্টার সুমন no সুমন: every Khan, Mujib and
    # Sumon would be theirs
    for word in ("খান", "সুমন", "ফারুক"):
        assert gaz.lookup((word,)) is None and alias_key(word) not in _gazetteer_index(gaz), word
    assert gaz.lookup(("আমির", "খান")).entry.entity_id == "per:aamir-khan"
    # a rare word stands for the person alone (মওলানা ভাসানী), and so does a one-word alias listed as such
    assert gaz.lookup(("ভাসানী",)).entry.entity_id == "per:bhashani"
    assert gaz.lookup(("হাসিনা",)).entry.entity_id == "per:sheikh-hasina"
    # মুজিব alone is Sheikh Mujibur Rahman (listed so), বেগম মুজিব his wife
    assert gaz.lookup(("মুজিব",)).entry.entity_id == "per:sheikh-mujibur-rahman"
    assert gaz.lookup(("বেগম", "মুজিব")).entry.entity_id == "per:sheikh-fazilatunnesa-mujib"


def test_the_main_stadiums_are_known_in_their_spellings():
    from khobor.transforms.entities.gazetteer import default_gazetteer, token_key

    gaz = default_gazetteer()
    for name in ("শেরেবাংলা জাতীয় ক্রিকেট স্টেডিয়াম", "শের-ই-বাংলা জাতীয় ক্রিকেট স্টেডিয়াম", "শেরে বাংলা স্টেডিয়াম", "মিরপুর স্টেডিয়াম"):
        assert gaz.index.get(token_key(name)) == ["loc:sher-e-bangla-stadium"], name
    # a national stadium abroad (করাচির জাতীয় স্টেডিয়াম) is not Dhaka's: no bare জাতীয় স্টেডিয়াম
    assert gaz.index.get(token_key("জাতীয় স্টেডিয়াম")) is None


def test_cricket_boards_are_known_by_their_board_names_not_by_a_country_and_cricket():
    from khobor.transforms.entities.gazetteer import default_gazetteer, token_key

    gaz = default_gazetteer()
    assert gaz.index.get(token_key("দক্ষিণ আফ্রিকা ক্রিকেট বোর্ড")) == ["org:cricket-south-africa"]
    assert gaz.index.get(token_key("শ্রীলঙ্কা ক্রিকেট বোর্ড")) == ["org:sri-lanka-cricket"]
    assert gaz.index.get(token_key("নিউজিল্যান্ড ক্রিকেট")) is None  # New Zealand's cricket, as often as the board


def test_places_bangladeshi_news_names_often_are_known_in_their_spellings():
    from khobor.transforms.entities.gazetteer import default_gazetteer, token_key

    gaz = default_gazetteer()
    # সেন্ট মার্টিন is the island, never CLDR's Caribbean Saint Martin (which would leave the name to neither)
    for name in ("সেন্ট মার্টিন", "সেন্টমার্টিন", "সেন্ট মার্টিন দ্বীপ"):
        assert gaz.index.get(token_key(name)) == ["loc:island:saint-martins"], name
    assert "loc:MF" not in gaz.entries
    for name in ("ধানমন্ডি ৩২", "ধানমন্ডি ৩২ নম্বর", "ধানমন্ডির ৩২ নম্বর", "ধানমন্ডি-৩২"):
        assert gaz.index.get(token_key(name)) == ["loc:dhanmondi-32"], name
    assert gaz.index.get(token_key("এভার কেয়ার হাসপাতাল")) == ["org:evercare"]


def test_places_abroad_in_the_news_that_cldr_and_geonames_lack_are_known():
    from khobor.transforms.entities.gazetteer import default_gazetteer, token_key

    gaz = default_gazetteer()
    for name, eid, latin in (("রাফাহতে", "loc:city-rafah", "Rafah"), ("খারকিভে", "loc:city-kharkiv", "Kharkiv"),
                             ("কাশ্মীরে", "loc:region-kashmir", "Kashmir"), ("সুয়েজ খাল", "loc:sea-suez-canal", "Suez Canal"),
                             ("গোলান মালভূমি", "loc:region-golan-heights", "Golan Heights")):
        assert gaz.index.get(token_key(name)) == [eid], name
        assert gaz.entries[eid].canonical_latin == latin and gaz.entries[eid].label == "LOC"
    assert gaz.entries["loc:city-odesa"].kind == "city"  # a city abroad: its report's people are foreign
    assert gaz.index.get(token_key("পশ্চিমবঙ্গের")) == ["loc:region-west-bengal"]
    # দোহার is the upazila, no Doha's genitive; ত্রিপুরা a surname of the Hill Tracts as well as India's state
    assert gaz.index.get(token_key("দোহার")) != ["loc:city-doha"] and gaz.index.get(token_key("ত্রিপুরা")) is None


def test_world_leaders_are_known_in_the_spellings_news_writes():
    from khobor.transforms.entities.gazetteer import default_gazetteer, token_key

    gaz = default_gazetteer()
    for name, eid in (("রিসেপ তাইয়েপ এরদোয়ান", "per:recep-tayyip-erdogan"), ("কেয়ার স্টারমার", "per:keir-starmer"),
                      ("ইমানুয়েল মাখোঁ", "per:emmanuel-macron"), ("লুইজ ইনাসিও লুলা দা সিলভা", "per:lula-da-silva"),
                      ("হুন সেনের", "per:hun-sen"), ("জাভিয়ের মিলেই", "per:javier-milei")):
        assert gaz.index.get(token_key(name)) == [eid], name
    assert gaz.index.get(token_key("মিলেই")) is None  # "together": the surname alone is the language's word


def test_the_parties_of_the_2024_election_are_known():
    from khobor.transforms.entities.gazetteer import default_gazetteer, token_key

    gaz = default_gazetteer()
    assert gaz.index.get(token_key("তৃণমূল বিএনপির")) == ["org:trinamool-bnp"]  # not Trinamool and BNP
    assert gaz.index.get(token_key("বিএনএমের")) == ["org:bnm"]
    assert gaz.index.get(token_key("তৃণমূল")) is None  # grassroots: no alias of India's Trinamool Congress


def test_a_number_in_the_entrys_own_name_makes_no_numbered_entity():
    from tests.link_helpers import link

    out = link("ধানমন্ডি-৩২ এ মিছিল হয়। ঢাকা-১৯ আসনে ভোট।", [("ধানমন্ডি-৩২", "LOC"), ("ঢাকা-১৯", "LOC")])
    assert out.links[0].entity_id == "loc:dhanmondi-32" and out.links[0].latin == "Dhanmondi 32"
    assert out.links[1].latin == "Dhaka-19"  # a constituency is still its own, numbered entity


def test_english_names_are_the_ones_news_writes_with_a_disambiguating_place_apart():
    from khobor.transforms.entities.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    college = gaz.entries["org:carmichael"]
    assert (college.canonical_latin, college.qualifier) == ("Carmichael College", "Rangpur")
    assert gaz.entries["org:amazon-company"].canonical_latin == "Amazon"
    assert gaz.entries["org:mcci"].canonical_latin == "Metropolitan Chamber of Commerce and Industry"
    assert gaz.entries["org:ispr"].canonical_latin == "Inter Services Public Relations"  # the press's ISPR, no Directorate
    # an official name with a comma keeps it
    assert gaz.entries["org:dhaka-education-board"].canonical_latin == "Board of Intermediate and Secondary Education, Dhaka"


def test_a_cricketer_known_by_his_family_name_and_first_name():
    from khobor.transforms.entities.gazetteer import default_gazetteer, token_key

    gaz = default_gazetteer()
    for name in ("শেখ মাহেদী হাসান", "শেখ মাহেদি", "শেখ মেহেদী"):
        assert gaz.index.get(token_key(name)) == ["per:mahedi-hasan"], name
    assert gaz.index.get(token_key("মেহেদী হাসান")) is None  # the common name alone is anyone's


def test_bangamata_in_the_spellings_news_writes():
    from khobor.transforms.entities.gazetteer import default_gazetteer, token_key

    gaz = default_gazetteer()
    for name in ("ফজিলাতুন নেছা মুজিব", "শেখ ফজিলাতুন নেছা মুজিব", "ফজিলাতুন্নেছা মুজিব", "ফজিলাতুন নেসা মুজিব"):
        assert gaz.index.get(token_key(name)) == ["per:sheikh-fazilatunnesa-mujib"], name
