"""Linking decides from the document that a person is foreign, and only then spells a name no table
knows as the foreign name it sounds like (ফরাসি মন্ত্রী টিম হকিন্স: Tim Hawkins, not Tim Hakins)."""
from khobor.transforms.entities.gazetteer import default_gazetteer
from khobor.transforms.entities.linking import Linker
from khobor.transforms.entities.names import nfc
from khobor.transforms.entities.types import Span
from tests.link_helpers import link


def _latin(out, k: int) -> str:
    return out.links[k].latin


def test_a_person_after_a_country_abroad_in_the_genitive_is_foreign():
    out = link("ঢাকায় খবর এসেছে। যুক্তরাষ্ট্রের নৌবাহিনীর মুখপাত্র কমান্ডার টিম হকিন্স এ কথা বলেন।",
               [("ঢাকায়", "LOC"), ("যুক্তরাষ্ট্রের", "LOC"), ("টিম হকিন্স", "PERSON")])
    assert _latin(out, 2) == "Tim Hawkins"
    assert out.links[2].latin_method == "foreign_names"


def test_a_countrys_adjective_before_the_name_counts_too():
    text = nfc("ঢাকায় খবর এসেছে। মার্কিন মুখপাত্র টিম হকিন্স এ কথা বলেন।")
    adj, per, dhaka = text.index(nfc("মার্কিন")), text.index(nfc("টিম হকিন্স")), text.index(nfc("ঢাকায়"))
    spans = [(Span(dhaka, dhaka + len(nfc("ঢাকা")), "LOC", "gazetteer", 0.9), None),
             (Span(adj, adj + len(nfc("মার্কিন")), "LOC", "gazetteer", 0.9, "adjective"), "loc:US"),
             (Span(per, per + len(nfc("টিম হকিন্স")), "PERSON", "model", 0.9), None)]
    out = Linker(default_gazetteer()).link_document(text, spans)
    assert _latin(out, 2) == "Tim Hawkins"


def test_a_report_of_places_abroad_only_makes_its_people_foreign():
    out = link("প্যারিসে সংবাদ সম্মেলনে নিকোলাস সারকোজি বলেন, ফ্রান্স প্রস্তুত।",
               [("প্যারিসে", "LOC"), ("নিকোলাস সারকোজি", "PERSON"), ("ফ্রান্স", "LOC")])
    assert _latin(out, 1) == "Nicholas Sarkozy"


def test_without_such_evidence_a_name_is_romanised_as_bangladeshi_names_are():
    # a place at home in the report, and the name follows no country abroad
    out = link("ঢাকায় সংবাদ সম্মেলনে টিম হকিন্স বলেন, ফ্রান্স প্রস্তুত।",
               [("ঢাকায়", "LOC"), ("টিম হকিন্স", "PERSON"), ("ফ্রান্স", "LOC")])
    assert _latin(out, 1) == "Tim Hakins"


def test_the_country_describes_the_next_person_only_and_not_across_a_sentence():
    # (the last person by surname alone: a given name such as Jeff shows a person foreign by itself)
    out = link("ঢাকায় বৈঠক হয়। যুক্তরাষ্ট্রের দূত টিম হকিন্স ও সাগর কথা বলেন। পরে ক্রো আসেন।",
               [("ঢাকায়", "LOC"), ("যুক্তরাষ্ট্রের", "LOC"), ("টিম হকিন্স", "PERSON"), ("সাগর", "PERSON"), ("ক্রো", "PERSON")])
    assert _latin(out, 2) == "Tim Hawkins"
    assert _latin(out, 3) == "Sagar"
    assert _latin(out, 4) == "Kro"


def test_bangladesh_is_no_country_abroad():
    out = link("বাংলাদেশের দূত টিম হকিন্স কথা বলেন।", [("বাংলাদেশের", "LOC"), ("টিম হকিন্স", "PERSON")])
    assert _latin(out, 1) == "Tim Hakins"
