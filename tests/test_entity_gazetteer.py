"""The gazetteer's derived names: the short names of ministries of several subjects."""


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
