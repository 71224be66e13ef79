"""A country or city that stands for its team in sports news links to the team (teams.py)."""
from __future__ import annotations

import pytest

from khobor.transforms.entities import teams
from tests.link_helpers import CRICKET, FOOTBALL
from tests.link_helpers import link as _link


def test_a_country_that_wins_a_match_is_its_national_team():
    out = _link(CRICKET + "বাংলাদেশ ২০ রানে জিতেছে, ইংল্যান্ড হেরেছে।", [("বাংলাদেশ", "LOC"), ("ইংল্যান্ড", "LOC")])
    assert out.links[0].latin == "Bangladesh national cricket team" and out.links[0].entity_id != "loc:BD"
    assert out.links[1].latin == "England cricket team"  # Wikipedia's title has no "national" for England


def test_outside_sports_news_the_country_stays_the_place():
    out = _link("বাংলাদেশ নির্বাচনে জয় পেয়েছে বলে দাবি করেন তিনি।", [("বাংলাদেশ", "LOC")])
    assert out.links[0].entity_id == "loc:BD"


def test_a_sentence_not_about_play_keeps_the_place():
    out = _link(CRICKET + "বাংলাদেশ একটি সুন্দর দেশ।", [("বাংলাদেশ", "LOC")])
    assert out.links[0].entity_id == "loc:BD"


@pytest.mark.parametrize("sentence, surface", [
    ("ম্যাচ হবে সিলেটে, জিতবে কারা।", "সিলেটে"),  # where: the locative
    ("অস্ট্রেলিয়ার মেলবোর্নে ম্যাচ জিতেছে তারা।", "অস্ট্রেলিয়ার"),  # whose city
    ("পাকিস্তান সফরে ম্যাচ হারল দল।", "পাকিস্তান"),  # a journey there
    ("ইংল্যান্ড ১৫ বছর পর অস্ট্রেলিয়ার মাটিতে টেস্ট জেতে।", "অস্ট্রেলিয়ার"),  # a ground there
    ("অস্ট্রেলিয়া সাবেক পেসার জেসন গিলেস্পি দলের কোচ।", "অস্ট্রেলিয়া"),  # where a player is from
    ("সিলেট আন্তর্জাতিক ক্রিকেট স্টেডিয়ামে ম্যাচ।", "সিলেট"),
    ("পাঁচ উইকেট নিয়ে রেকর্ডে বসেছেন পাকিস্তানের এই পেসার।", "পাকিস্তানের"),  # a demonstrative before the role
])
def test_case_or_next_word_says_the_place(sentence, surface):
    out = _link(CRICKET + sentence, [(surface, "LOC")] + ([("মেলবোর্নে", "LOC")] if "মেলবোর্নে" in sentence else []))
    assert out.links[0].latin in {"Sylhet", "Australia", "Pakistan"}, out.links[0].latin


def test_a_country_right_before_a_player_says_where_he_is_from():
    """ADJUDICATION.md 13: পাকিস্তানের ফাহিম আশরাফ is the place, as পাকিস্তানের পেসার is."""
    text = CRICKET + "৩টি করে উইকেট নেন নিউজিল্যান্ডের ট্রেন্ট বোল্ট ও পাকিস্তানের ফাহিম আশরাফ। ম্যাচ জিতেছে পাকিস্তান।"
    out = _link(text, [("নিউজিল্যান্ডের", "LOC"), ("ট্রেন্ট বোল্ট", "PERSON"), ("পাকিস্তানের", "LOC"), ("ফাহিম আশরাফ", "PERSON"),
                       ("পাকিস্তান", "LOC")])
    assert (out.links[0].entity_id, out.links[2].entity_id) == ("loc:NZ", "loc:PK")
    assert out.links[4].latin == "Pakistan national cricket team"  # the side that wins
    # a city's genitive before a player stays its franchise: a franchise's player is not from the city
    text = CRICKET + "চট্টগ্রাম রয়্যালস দলে নিয়েছে তাকে। ম্যাচে চট্টগ্রামের শামীম হোসেন ২০ রান করেন।"
    out = _link(text, [("চট্টগ্রাম রয়্যালস", "ORG"), ("চট্টগ্রামের", "LOC"), ("শামীম হোসেন", "PERSON")])
    assert out.links[1].entity_id == out.links[0].entity_id == "org:chattogram-royals"


def test_a_country_joined_to_a_place_in_the_locative_is_a_place():
    out = _link(CRICKET + "ভারত ও শ্রীলঙ্কায় বিশ্বকাপ ম্যাচ হবে।", [("ভারত", "LOC"), ("শ্রীলঙ্কায়", "LOC")])
    assert out.links[0].entity_id == "loc:IN"


def test_women_s_football_teams_take_wikipedia_s_titles():
    text = FOOTBALL + "নারী বিশ্বকাপে যুক্তরাষ্ট্রকে হারিয়েছে সুইডেন।"
    out = _link(text, [("যুক্তরাষ্ট্রকে", "LOC"), ("সুইডেন", "LOC")])
    assert out.links[0].latin == "United States women's national soccer team"
    assert out.links[1].latin == "Sweden women's national football team"


def test_an_a_team():
    out = _link(CRICKET + "বাংলাদেশ ‘এ’ দলের ম্যাচ বাতিল।", [("বাংলাদেশ", "LOC")])
    assert out.links[0].latin == "Bangladesh A cricket team"


def test_a_country_with_no_cricket_team_stays_a_place_in_cricket_news():
    out = _link(CRICKET + "সিরিজের টেস্টে ফিলিস্তিনের জন্য সহানুভূতি জানিয়ে খেলতে চেয়েছিলেন তিনি।", [("ফিলিস্তিনের", "LOC")])
    assert out.links[0].latin == "Palestine"


def test_the_sentence_s_nearest_sport_names_the_team():
    text = CRICKET + "ফুটবল সাফ চ্যাম্পিয়নশিপ সেমিফাইনাল বাংলাদেশ–কুয়েত, ক্রিকেট অ্যাশেজ ইংল্যান্ড–অস্ট্রেলিয়া ম্যাচ"
    out = _link(text, [("বাংলাদেশ", "LOC"), ("কুয়েত", "LOC"), ("ইংল্যান্ড", "LOC")])
    assert out.links[0].latin == "Bangladesh national football team"
    assert out.links[1].latin == "Kuwait national football team"
    assert out.links[2].latin == "England cricket team"


def test_a_city_is_the_team_named_after_it_in_the_story():
    text = CRICKET + "চট্টগ্রাম রয়্যালস দলে নিয়েছে তাকে। আগে চট্টগ্রাম চ্যালেঞ্জার্সে খেলেছেন। চট্টগ্রামের হয়ে ম্যাচ খেলবেন।"
    out = _link(text, [("চট্টগ্রাম রয়্যালস", "ORG"), ("চট্টগ্রাম চ্যালেঞ্জার্সে", "ORG"), ("চট্টগ্রামের", "LOC")])
    assert out.links[2].entity_id == out.links[0].entity_id == "org:chattogram-royals"


def test_a_city_alone_is_this_season_s_bpl_franchise():
    out = _link(CRICKET + "বড় জয়ে আসর শুরু করলো রংপুর।", [("রংপুর", "LOC")])
    assert out.links[0].entity_id == "org:rangpur-riders" and out.links[0].latin == "Rangpur Riders"
    out = _link(FOOTBALL + "বড় জয়ে আসর শুরু করলো রংপুর।", [("রংপুর", "LOC")])
    assert out.links[0].latin == "Rangpur"  # no franchise in football news


def test_a_city_abroad_is_never_a_team_by_itself():
    out = _link(CRICKET + "ম্যাচ জিতেছে কলকাতা।", [("কলকাতা", "LOC")])
    assert out.links[0].entity_id == "loc:kolkata"


def test_the_place_s_name_never_becomes_the_team_s_alias():
    out = _link(CRICKET + "বাংলাদেশ ২০ রানে জিতেছে।", [("বাংলাদেশ", "LOC")])
    assert not any(eid == out.links[0].entity_id for eid, _ in out.new_aliases.values())


def test_sport_of_needs_several_words_and_one_sport():
    assert teams.sport_of(CRICKET) == "cricket" and teams.sport_of(FOOTBALL) == "football"
    assert teams.sport_of("একটি উইকেট।") is None
    assert teams.sport_of("উইকেট ফুটবল", 1) is None  # a tie names no sport


def test_a_loss_is_a_word_of_its_own():
    out = _link(CRICKET + "বাংলাদেশ প্রযুক্তির ব্যবহার বাড়িয়েছে।", [("বাংলাদেশ", "LOC")])
    assert out.links[0].entity_id == "loc:BD"  # ব্যবহার is a use, not a loss
    out = _link(CRICKET + "শেষ বলে হেরে গেল বাংলাদেশ।", [("বাংলাদেশ", "LOC")])
    assert out.links[0].latin == "Bangladesh national cricket team"


def test_a_club_named_in_a_short_report_makes_its_city_the_club():
    # A toss report says too few sport words to read as cricket news; the club it names is enough.
    text = "এদিন রংপুর রাইডার্সের বিপক্ষে মাঠে নেমেছে তারা। রংপুর তাদের প্রথম ম্যাচে টস জিতেছে।"
    out = _link(text, [("রংপুর রাইডার্সের", "ORG"), ("রংপুর", "LOC")])
    assert out.links[1].entity_id == out.links[0].entity_id == "org:rangpur-riders"
    out = _link("রংপুর তাদের প্রথম ম্যাচে টস জিতেছে।", [("রংপুর", "LOC")])
    assert out.links[0].entity_id == "loc:rangpur"  # no club named, no sports news: the city


def test_a_bpl_side_named_makes_a_city_of_a_short_report_its_franchise():
    # Too few sport words to read as cricket news; a city with no franchise this season is its last one.
    text = "সেখানে খুলনার কাছে হেরে বিদায় নেয় রংপুর রাইডার্স।"
    out = _link(text, [("খুলনার", "LOC"), ("রংপুর রাইডার্স", "ORG")])
    assert out.links[0].entity_id == "org:khulna-tigers" and out.links[0].latin == "Khulna Tigers"
    out = _link("সেখানে খুলনার কাছে হেরে বিদায় নেয় তারা।", [("খুলনার", "LOC")])
    assert out.links[0].entity_id == "loc:khulna"


def test_a_country_in_a_short_report_naming_a_club_stays_the_place():
    out = _link("রংপুর রাইডার্সের হয়ে খেলবেন, পাকিস্তান ম্যাচ জিতেছে।", [("রংপুর রাইডার্সের", "ORG"), ("পাকিস্তান", "LOC")])
    assert out.links[1].entity_id == "loc:PK"  # a country needs its sport, which a club's name does not say


@pytest.mark.parametrize("sentence", ["শেষ আটে জাপানের মোকাবেলা করবে সুইডেন।", "সুইডেন শেষ আটে জাপানের মোকাবিলা করবে।"])
def test_facing_an_opponent_is_play(sentence):
    out = _link(FOOTBALL + "নারী বিশ্বকাপ। " + sentence, [("জাপানের" if sentence.startswith("শেষ") else "সুইডেন", "LOC")])
    assert out.links[0].latin.endswith("women's national football team")


def test_a_side_s_batting_order_and_a_franchise_s_owner_are_the_team():
    out = _link(CRICKET + "অস্ট্রেলিয়ার মিডল অর্ডারের দায়িত্ব তার।", [("অস্ট্রেলিয়ার", "LOC")])
    assert out.links[0].latin == "Australia national cricket team"
    out = _link(CRICKET + "সিলেটের কর্ণধার সামিকে নিয়ে তিনি বলেন।", [("সিলেটের", "LOC")])
    assert out.links[0].entity_id == "org:sylhet-titans"
