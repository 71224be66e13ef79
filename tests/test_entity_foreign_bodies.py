"""A country abroad's body named as Bangladesh's is (সুপ্রিম কোর্ট, নির্বাচন কমিশন, কোস্টগার্ড, পররাষ্ট্র
মন্ত্রণালয়): its own entity with its own English name, never the Bangladeshi body of the gazetteer."""
from __future__ import annotations

from khobor.transforms.entities.gazetteer import default_gazetteer
from khobor.transforms.entities.linking import Linker
from khobor.transforms.entities.names import nfc
from khobor.transforms.entities.types import Span
from tests.link_helpers import link


def test_a_country_right_before_the_body_owns_it_in_any_case_form():
    out = link("জাপান কোস্টগার্ড জানায়, পাকিস্তানের নির্বাচন কমিশন সতর্ক।",
               [("জাপান", "LOC"), ("কোস্টগার্ড", "ORG"), ("পাকিস্তানের", "LOC"), ("নির্বাচন কমিশন", "ORG")])
    _, guard, _, commission = out.links
    assert guard.latin == "Japan Coast Guard" and guard.entity_id != "org:coast-guard"
    assert commission.latin == "Pakistan Election Commission" and commission.entity_id != "org:ec"
    text = nfc("মার্কিন নৌবাহিনী সতর্ক।")
    adjective = Span(0, len(nfc("মার্কিন")), "LOC", "gazetteer", 0.9, "adjective")
    body = Span(text.index(nfc("নৌবাহিনী")), text.index(nfc("নৌবাহিনী")) + len(nfc("নৌবাহিনী")), "ORG", "gazetteer", 0.9)
    navy = Linker(default_gazetteer()).link_document(text, [(adjective, "loc:US"), (body, None)]).links[1]
    assert navy.latin == "United States Navy" and navy.entity_id != "org:bangladesh-navy"


def test_that_countrys_body_is_the_last_named_countrys():
    out = link("ভারতের সংসদে বিল ওঠে। দেশটির সুপ্রিম কোর্ট তা স্থগিত করেছে।", [("ভারতের", "LOC"), ("সুপ্রিম কোর্ট", "ORG")])
    assert out.links[1].latin == "Supreme Court of India"


def test_a_countrys_genitive_reaches_the_next_body_of_its_sentence():
    text = "রাশিয়ার নিরাপত্তা পরিষদের উপপ্রধান দিমিত্রি মেদভেদেভ এবং পররাষ্ট্র মন্ত্রণালয়ের মুখপাত্র বলেছেন। পরে নিরাপত্তা পরিষদ বৈঠকে বসে।"
    out = link(text, [("রাশিয়ার", "LOC"), ("নিরাপত্তা পরিষদের", "ORG"), ("দিমিত্রি মেদভেদেভ", "PERSON"),
                      ("পররাষ্ট্র মন্ত্রণালয়ের", "ORG"), ("নিরাপত্তা পরিষদ", "ORG")])
    _, council, _, ministry, later = out.links
    assert council.latin == "Security Council of Russia"
    assert ministry.latin == "Ministry of Foreign Affairs of Russia" and ministry.entity_id != "org:mofa"
    assert later.entity_id == "org:unsc"  # the UN's, without a country's genitive before it
    # The next sentence is out of the genitive's reach.
    out2 = link("রাশিয়ার নিরাপত্তা পরিষদ বৈঠক করেছে। পররাষ্ট্র মন্ত্রণালয় জানায়।",
                [("রাশিয়ার", "LOC"), ("নিরাপত্তা পরিষদ", "ORG"), ("পররাষ্ট্র মন্ত্রণালয়", "ORG")])
    assert out2.links[2].entity_id == "org:mofa"


def test_an_international_body_other_than_a_bare_un_council_keeps_its_entity():
    out = link("সুইডেনের ন্যাটোতে যোগ দেওয়া নিয়ে কথা হয়।", [("সুইডেনের", "LOC"), ("ন্যাটোতে", "ORG")])
    assert out.links[1].entity_id == "org:nato"


def test_a_report_of_one_country_abroad_makes_its_bare_bodies_that_countrys():
    parts = [("জাপানের", "LOC"), ("কোস্টগার্ডের", "ORG"), ("জাপান", "LOC")]
    text = "টোকিওর বিমানবন্দরে জাপানের যাত্রীবাহী উড়োজাহাজের সঙ্গে কোস্টগার্ডের একটি উড়োজাহাজের সংঘর্ষ হয়। জাপান সরকার তদন্ত করছে।"
    assert link(text, parts).links[1].latin == "Japan Coast Guard"
    # Named once, the country may be all a report at home says of abroad; a place at home says it is one.
    once = "বিমানবন্দরে জাপানের যাত্রীবাহী উড়োজাহাজের সঙ্গে কোস্টগার্ডের একটি উড়োজাহাজের সংঘর্ষ হয়।"
    assert link(once, parts[:2]).links[1].entity_id == "org:coast-guard"
    home = text.replace("টোকিওর বিমানবন্দরে", "চট্টগ্রামে")
    assert link(home, [("চট্টগ্রামে", "LOC"), *parts]).links[2].entity_id == "org:coast-guard"


def test_a_document_naming_bangladeshs_body_keeps_its_bare_mentions():
    text = "ফ্রান্স নৌবাহিনীর জাহাজ এসেছে। বাংলাদেশ নৌবাহিনীর কর্মকর্তারা স্বাগত জানান। পরে নৌবাহিনীর সদস্যরা ফুটবল খেলেন।"
    out = link(text, [("ফ্রান্স", "LOC"), ("নৌবাহিনীর", "ORG"), ("বাংলাদেশ নৌবাহিনীর", "ORG"), ("নৌবাহিনীর", "ORG")])
    _, french, ours, bare = out.links
    assert french.latin == "France Navy"
    assert ours.entity_id == bare.entity_id == "org:bangladesh-navy"


def test_a_city_abroad_before_a_high_court_names_it():
    text = "পাকিস্তানে ইমরান খানের মামলা চলছে। লাহোর হাইকোর্ট রায় দিয়েছে। পাকিস্তানের সুপ্রিম কোর্টে আপিল হবে। পরে হাইকোর্ট শুনানি করে।"
    out = link(text, [("পাকিস্তানে", "LOC"), ("ইমরান খানের", "PERSON"), ("লাহোর", "LOC"), ("হাইকোর্ট", "ORG"),
                      ("পাকিস্তানের", "LOC"), ("সুপ্রিম কোর্টে", "ORG"), ("হাইকোর্ট", "ORG")])
    assert out.links[3].latin == "Lahore High Court"
    assert out.links[5].latin == "Supreme Court of Pakistan"
    assert out.links[6].latin == "High Court of Pakistan"  # never Bangladesh's High Court Division


def test_another_countrys_own_body_is_left_as_the_gazetteer_names_it():
    out = link("ভারতের লোকসভায় বিল পাস হয়। ভারতীয় সেনাবাহিনী মোতায়েন করা হয়।", [("ভারতের", "LOC"), ("লোকসভায়", "ORG"), ("ভারতীয় সেনাবাহিনী", "ORG")])
    assert out.links[1].entity_id == "org:lok-sabha" and out.links[2].entity_id == "org:indian-army"
    gaz = default_gazetteer()
    assert gaz.entries["org:lok-sabha"].qualifier == "India"  # what its English name says in brackets
    linker = Linker(gaz)
    assert not linker._state_body(gaz.entries["org:lok-sabha"]) and not linker._state_body(gaz.entries["org:dmp"])  # a city's police
    assert linker._state_body(gaz.entries["org:supreme-court"]) and linker._state_body(gaz.entries["org:ec"])


def test_the_united_states_departments_named_as_ministries_are_the_departments():
    # Bengali news calls them ministries; a Ministry of Defence "of the United States" is the Pentagon
    out = link("যুক্তরাষ্ট্রের প্রতিরক্ষা মন্ত্রণালয় ও যুক্তরাষ্ট্রের অর্থ বিভাগ জানায়।",
               [("যুক্তরাষ্ট্রের প্রতিরক্ষা মন্ত্রণালয়", "ORG"), ("যুক্তরাষ্ট্রের অর্থ বিভাগ", "ORG")])
    assert [x.entity_id for x in out.links] == ["org:pentagon", "org:us-treasury"]
    assert out.links[1].latin == "United States Department of the Treasury"


def test_a_ministry_the_gazetteer_does_not_know_as_written_is_translated():
    from khobor.transforms.entities.english import english_name

    assert english_name(nfc("রুশ পররাষ্ট্র মন্ত্রণালয়ের"), "ORG")[0] == "Russian Foreign Ministry"  # not Parrashtra
    assert english_name(nfc("ব্রিটিশ স্বরাষ্ট্র মন্ত্রণালয়"), "ORG")[0] == "British Home Ministry"
