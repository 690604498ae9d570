# ruff: noqa: E501  (the hand-curated tables below are data, one row per line)
"""Generate src/proxygraph/data/actors/states.yaml.

The skeleton (ISO codes, official long names) comes from pycountry; common names,
demonyms, capitals, seats of government, extra aliases and Wikidata ids are
hand-curated in the table below. Run from the repository root:

    .venv/bin/python scripts/build_states.py

The script refuses to write a file in which one name is claimed by two actors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "src/proxygraph/data/actors/states.yaml"

# code | common name | demonyms | metonyms (capital, seats) | extra aliases | wikidata
# Lists are ";"-separated. Code is ISO 3166-1 alpha-2. One row per UN member state.
UN_MEMBERS = """
AF|Afghanistan|Afghan|Kabul||Q889
AL|Albania|Albanian|Tirana|Republic of Albania|Q222
DZ|Algeria|Algerian|Algiers|People's Democratic Republic of Algeria|Q262
AD|Andorra|Andorran|Andorra la Vella|Principality of Andorra|Q228
AO|Angola|Angolan|Luanda|Republic of Angola|Q916
AG|Antigua and Barbuda|Antiguan;Barbudan|Saint John's||Q781
AR|Argentina|Argentine;Argentinian|Buenos Aires;Casa Rosada|Argentine Republic|Q414
AM|Armenia|Armenian|Yerevan|Republic of Armenia|Q399
AU|Australia|Australian|Canberra|Commonwealth of Australia|Q408
AT|Austria|Austrian|Vienna|Republic of Austria|Q40
AZ|Azerbaijan|Azerbaijani;Azeri|Baku|Republic of Azerbaijan|Q227
BS|Bahamas|Bahamian|Nassau|The Bahamas;Commonwealth of The Bahamas|Q778
BH|Bahrain|Bahraini|Manama|Kingdom of Bahrain|Q398
BD|Bangladesh|Bangladeshi|Dhaka|People's Republic of Bangladesh|Q902
BB|Barbados|Barbadian;Bajan|Bridgetown||Q244
BY|Belarus|Belarusian;Belarussian|Minsk|Republic of Belarus|Q184
BE|Belgium|Belgian||Kingdom of Belgium|Q31
BZ|Belize|Belizean|Belmopan||Q242
BJ|Benin|Beninese|Porto-Novo;Cotonou|Republic of Benin|Q962
BT|Bhutan|Bhutanese|Thimphu|Kingdom of Bhutan|Q917
BO|Bolivia|Bolivian|La Paz;Sucre|Plurinational State of Bolivia|Q750
BA|Bosnia and Herzegovina|Bosnian;Herzegovinian|Sarajevo|Bosnia-Herzegovina;Bosnia;BiH|Q225
BW|Botswana|Botswanan;Motswana;Batswana|Gaborone|Republic of Botswana|Q963
BR|Brazil|Brazilian|Brasília;Brasilia;Planalto Palace|Federative Republic of Brazil|Q155
BN|Brunei|Bruneian|Bandar Seri Begawan|Brunei Darussalam;Nation of Brunei|Q921
BG|Bulgaria|Bulgarian|Sofia|Republic of Bulgaria|Q219
BF|Burkina Faso|Burkinabe;Burkinabè|Ouagadougou|Upper Volta|Q965
BI|Burundi|Burundian|Gitega;Bujumbura|Republic of Burundi|Q967
CV|Cape Verde|Cape Verdean;Cabo Verdean|Praia|Cabo Verde;Republic of Cabo Verde|Q1011
KH|Cambodia|Cambodian|Phnom Penh|Kingdom of Cambodia|Q424
CM|Cameroon|Cameroonian|Yaoundé;Yaounde|Republic of Cameroon|Q1009
CA|Canada|Canadian|Ottawa||Q16
CF|Central African Republic|Central African|Bangui|CAR|Q929
TD|Chad|Chadian|N'Djamena;Ndjamena|Republic of Chad|Q657
CL|Chile|Chilean|Santiago;La Moneda|Republic of Chile|Q298
CN|China|Chinese|Beijing;Peking;Zhongnanhai|People's Republic of China;PRC;P.R.C.;Mainland China|Q148
CO|Colombia|Colombian|Bogotá;Bogota;Casa de Nariño|Republic of Colombia|Q739
KM|Comoros|Comorian|Moroni|Union of the Comoros|Q970
CG|Republic of the Congo||Brazzaville|Congo-Brazzaville;Congo Republic;Congo (Brazzaville)|Q971
CR|Costa Rica|Costa Rican|San José|Republic of Costa Rica|Q800
CI|Côte d'Ivoire|Ivorian|Yamoussoukro;Abidjan|Ivory Coast;Cote d'Ivoire;Republic of Côte d'Ivoire|Q1008
HR|Croatia|Croatian|Zagreb|Republic of Croatia|Q224
CU|Cuba|Cuban|Havana|Republic of Cuba|Q241
CY|Cyprus|Cypriot;Greek Cypriot|Nicosia|Republic of Cyprus|Q229
CZ|Czech Republic|Czech|Prague|Czechia|Q213
KP|North Korea|North Korean|Pyongyang|Democratic People's Republic of Korea;DPRK|Q423
CD|Democratic Republic of the Congo|Congolese|Kinshasa|DRC;DR Congo;D.R. Congo;Congo-Kinshasa;Congo (Kinshasa);Democratic Republic of Congo;Congo;Zaire|Q974
DK|Denmark|Danish;Dane|Copenhagen|Kingdom of Denmark|Q35
DJ|Djibouti|Djiboutian||Republic of Djibouti|Q977
DM|Dominica||Roseau|Commonwealth of Dominica|Q784
DO|Dominican Republic|Dominican|Santo Domingo||Q786
EC|Ecuador|Ecuadorian;Ecuadorean|Quito|Republic of Ecuador|Q736
EG|Egypt|Egyptian|Cairo|Arab Republic of Egypt|Q79
SV|El Salvador|Salvadoran;Salvadorean|San Salvador|Republic of El Salvador|Q792
GQ|Equatorial Guinea|Equatorial Guinean;Equatoguinean|Malabo|Republic of Equatorial Guinea|Q983
ER|Eritrea|Eritrean|Asmara|State of Eritrea|Q986
EE|Estonia|Estonian|Tallinn|Republic of Estonia|Q191
SZ|Eswatini|Swazi;Liswati|Mbabane;Lobamba|Swaziland;Kingdom of Eswatini|Q1050
ET|Ethiopia|Ethiopian|Addis Ababa|Federal Democratic Republic of Ethiopia|Q115
FJ|Fiji|Fijian|Suva|Republic of Fiji|Q712
FI|Finland|Finnish;Finn|Helsinki|Republic of Finland|Q33
FR|France|French|Paris;Élysée Palace;Elysee Palace;the Élysée;the Elysee|French Republic|Q142
GA|Gabon|Gabonese|Libreville|Gabonese Republic|Q1000
GM|Gambia|Gambian|Banjul|The Gambia;Republic of The Gambia|Q1005
GE|Georgia|Georgian|Tbilisi||Q230
DE|Germany|German|Berlin|Federal Republic of Germany|Q183
GH|Ghana|Ghanaian|Accra|Republic of Ghana|Q117
GR|Greece|Greek|Athens|Hellenic Republic|Q41
GD|Grenada|Grenadian|Saint George's||Q769
GT|Guatemala|Guatemalan|Guatemala City|Republic of Guatemala|Q774
GN|Guinea|Guinean|Conakry|Republic of Guinea;Guinea-Conakry|Q1006
GW|Guinea-Bissau|Bissau-Guinean|Bissau|Republic of Guinea-Bissau|Q1007
GY|Guyana|Guyanese||Co-operative Republic of Guyana|Q734
HT|Haiti|Haitian|Port-au-Prince|Republic of Haiti|Q790
HN|Honduras|Honduran|Tegucigalpa|Republic of Honduras|Q783
HU|Hungary|Hungarian|Budapest||Q28
IS|Iceland|Icelandic;Icelander|Reykjavík;Reykjavik|Republic of Iceland|Q189
IN|India|Indian|New Delhi;Delhi|Republic of India;Bharat|Q668
ID|Indonesia|Indonesian|Jakarta|Republic of Indonesia|Q252
IR|Iran|Iranian|Tehran;Teheran|Islamic Republic of Iran;Persia|Q794
IQ|Iraq|Iraqi|Baghdad|Republic of Iraq|Q796
IE|Ireland|Irish|Dublin|Republic of Ireland;Éire|Q27
IL|Israel|Israeli|Jerusalem;Tel Aviv|State of Israel|Q801
IT|Italy|Italian|Rome|Italian Republic|Q38
JM|Jamaica|Jamaican|Kingston||Q766
JP|Japan|Japanese|Tokyo||Q17
JO|Jordan|Jordanian|Amman|Hashemite Kingdom of Jordan|Q810
KZ|Kazakhstan|Kazakh;Kazakhstani|Astana;Nur-Sultan;Akorda|Republic of Kazakhstan|Q232
KE|Kenya|Kenyan|Nairobi|Republic of Kenya|Q114
KI|Kiribati|I-Kiribati|Tarawa|Republic of Kiribati|Q710
KW|Kuwait|Kuwaiti|Kuwait City|State of Kuwait|Q817
KG|Kyrgyzstan|Kyrgyz;Kyrgyzstani;Kirghiz|Bishkek|Kyrgyz Republic;Kirghizia|Q813
LA|Laos|Lao;Laotian|Vientiane|Lao People's Democratic Republic;Lao PDR|Q819
LV|Latvia|Latvian|Riga|Republic of Latvia|Q211
LB|Lebanon|Lebanese|Beirut;Baabda|Lebanese Republic|Q822
LS|Lesotho|Basotho;Mosotho|Maseru|Kingdom of Lesotho|Q1013
LR|Liberia|Liberian|Monrovia|Republic of Liberia|Q1014
LY|Libya|Libyan|Tripoli|State of Libya|Q1016
LI|Liechtenstein|Liechtensteiner|Vaduz|Principality of Liechtenstein|Q347
LT|Lithuania|Lithuanian|Vilnius|Republic of Lithuania|Q37
LU|Luxembourg|Luxembourgish;Luxembourger||Grand Duchy of Luxembourg|Q32
MG|Madagascar|Malagasy|Antananarivo|Republic of Madagascar|Q1019
MW|Malawi|Malawian|Lilongwe|Republic of Malawi|Q1020
MY|Malaysia|Malaysian|Kuala Lumpur;Putrajaya||Q833
MV|Maldives|Maldivian||Republic of Maldives|Q826
ML|Mali|Malian|Bamako|Republic of Mali|Q912
MT|Malta|Maltese|Valletta|Republic of Malta|Q233
MH|Marshall Islands|Marshallese|Majuro|Republic of the Marshall Islands|Q709
MR|Mauritania|Mauritanian|Nouakchott|Islamic Republic of Mauritania|Q1025
MU|Mauritius|Mauritian|Port Louis|Republic of Mauritius|Q1027
MX|Mexico|Mexican|Mexico City|United Mexican States|Q96
FM|Micronesia|Micronesian|Palikir|Federated States of Micronesia|Q702
MC|Monaco|Monegasque|Monte Carlo|Principality of Monaco|Q235
MN|Mongolia|Mongolian|Ulaanbaatar;Ulan Bator||Q711
ME|Montenegro|Montenegrin|Podgorica||Q236
MA|Morocco|Moroccan|Rabat|Kingdom of Morocco|Q1028
MZ|Mozambique|Mozambican|Maputo|Republic of Mozambique|Q1029
MM|Myanmar|Myanmar;Burmese|Naypyidaw;Nay Pyi Taw;Naypyitaw|Burma;Republic of the Union of Myanmar|Q836
NA|Namibia|Namibian|Windhoek|Republic of Namibia|Q1030
NR|Nauru|Nauruan|Yaren|Republic of Nauru|Q697
NP|Nepal|Nepali;Nepalese|Kathmandu|Federal Democratic Republic of Nepal|Q837
NL|Netherlands|Dutch|Amsterdam;The Hague|Kingdom of the Netherlands;Holland|Q55
NZ|New Zealand|New Zealander|Wellington||Q664
NI|Nicaragua|Nicaraguan|Managua|Republic of Nicaragua|Q811
NE|Niger|Nigerien|Niamey|Republic of the Niger;Republic of Niger|Q1032
NG|Nigeria|Nigerian|Abuja|Federal Republic of Nigeria|Q1033
MK|North Macedonia|North Macedonian;Macedonian|Skopje|Republic of North Macedonia|Q221
NO|Norway|Norwegian|Oslo|Kingdom of Norway|Q20
OM|Oman|Omani|Muscat|Sultanate of Oman|Q842
PK|Pakistan|Pakistani|Islamabad|Islamic Republic of Pakistan|Q843
PW|Palau|Palauan|Ngerulmud|Republic of Palau|Q695
PA|Panama|Panamanian|Panama City|Republic of Panama|Q804
PG|Papua New Guinea|Papua New Guinean|Port Moresby|Independent State of Papua New Guinea|Q691
PY|Paraguay|Paraguayan|Asunción;Asuncion|Republic of Paraguay|Q733
PE|Peru|Peruvian|Lima|Republic of Peru|Q419
PH|Philippines|Filipino;Philippine|Manila;Malacañang;Malacanang|Republic of the Philippines|Q928
PL|Poland|Polish|Warsaw|Republic of Poland|Q36
PT|Portugal|Portuguese|Lisbon|Portuguese Republic|Q45
QA|Qatar|Qatari|Doha|State of Qatar|Q846
KR|South Korea|South Korean|Seoul|Republic of Korea;ROK|Q884
MD|Moldova|Moldovan|Chișinău;Chisinau|Republic of Moldova|Q217
RO|Romania|Romanian|Bucharest||Q218
RU|Russia|Russian|Moscow;the Kremlin;Kremlin|Russian Federation|Q159
RW|Rwanda|Rwandan|Kigali|Republic of Rwanda|Q1037
KN|Saint Kitts and Nevis|Kittitian;Nevisian|Basseterre|St Kitts and Nevis;Federation of Saint Christopher and Nevis|Q763
LC|Saint Lucia|Saint Lucian|Castries|St Lucia|Q760
VC|Saint Vincent and the Grenadines|Vincentian|Kingstown|St Vincent and the Grenadines|Q757
WS|Samoa|Samoan|Apia|Independent State of Samoa|Q683
SM|San Marino|Sammarinese||Republic of San Marino|Q238
ST|São Tomé and Príncipe|São Toméan;Santomean|São Tomé|Sao Tome and Principe;Democratic Republic of São Tomé and Príncipe|Q1039
SA|Saudi Arabia|Saudi;Saudi Arabian|Riyadh|Kingdom of Saudi Arabia;KSA|Q851
SN|Senegal|Senegalese|Dakar|Republic of Senegal|Q1041
RS|Serbia|Serbian|Belgrade|Republic of Serbia|Q403
SC|Seychelles|Seychellois||Republic of Seychelles|Q1042
SL|Sierra Leone|Sierra Leonean|Freetown|Republic of Sierra Leone|Q1044
SG|Singapore|Singaporean||Republic of Singapore|Q334
SK|Slovakia|Slovak;Slovakian|Bratislava|Slovak Republic|Q214
SI|Slovenia|Slovenian;Slovene|Ljubljana|Republic of Slovenia|Q215
SB|Solomon Islands|Solomon Islander|Honiara||Q685
SO|Somalia|Somali|Mogadishu;Villa Somalia|Federal Republic of Somalia|Q1045
ZA|South Africa|South African|Pretoria;Cape Town|Republic of South Africa|Q258
SS|South Sudan|South Sudanese|Juba|Republic of South Sudan|Q958
ES|Spain|Spanish;Spaniard|Madrid;La Moncloa;Moncloa|Kingdom of Spain|Q29
LK|Sri Lanka|Sri Lankan|Colombo;Sri Jayawardenepura Kotte|Democratic Socialist Republic of Sri Lanka;Ceylon|Q854
SD|Sudan|Sudanese|Khartoum|Republic of the Sudan;Republic of Sudan|Q1049
SR|Suriname|Surinamese|Paramaribo|Republic of Suriname;Surinam|Q730
SE|Sweden|Swedish;Swede|Stockholm|Kingdom of Sweden|Q34
CH|Switzerland|Swiss|Bern;Berne|Swiss Confederation|Q39
SY|Syria|Syrian|Damascus|Syrian Arab Republic|Q858
TJ|Tajikistan|Tajik;Tajikistani;Tadjik|Dushanbe|Republic of Tajikistan|Q863
TH|Thailand|Thai|Bangkok|Kingdom of Thailand;Siam|Q869
TL|Timor-Leste|Timorese;East Timorese|Dili|East Timor;Democratic Republic of Timor-Leste|Q574
TG|Togo|Togolese|Lomé;Lome|Togolese Republic|Q945
TO|Tonga|Tongan|Nukuʻalofa;Nuku'alofa|Kingdom of Tonga|Q678
TT|Trinidad and Tobago|Trinidadian;Tobagonian|Port of Spain|Republic of Trinidad and Tobago|Q754
TN|Tunisia|Tunisian|Tunis;Carthage Palace|Republic of Tunisia|Q948
TR|Turkey|Turkish|Ankara|Türkiye;Turkiye;Republic of Türkiye;Republic of Turkey|Q43
TM|Turkmenistan|Turkmen;Turkmenistani|Ashgabat;Ashkhabad||Q874
TV|Tuvalu|Tuvaluan|Funafuti||Q672
UG|Uganda|Ugandan|Kampala;Entebbe|Republic of Uganda|Q1036
UA|Ukraine|Ukrainian|Kyiv;Kiev;Bankova||Q212
AE|United Arab Emirates|Emirati|Abu Dhabi|UAE;U.A.E.;the Emirates|Q878
GB|United Kingdom|British;UK;U.K.|London;Downing Street;Whitehall;Westminster|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland|Q145
TZ|Tanzania|Tanzanian|Dodoma;Dar es Salaam|United Republic of Tanzania|Q924
US|United States|American;US;U.S.|Washington;Washington, D.C.;Washington DC;the White House;White House|US;U.S.;USA;U.S.A.;United States of America;America|Q30
UY|Uruguay|Uruguayan|Montevideo|Oriental Republic of Uruguay|Q77
UZ|Uzbekistan|Uzbek;Uzbekistani|Tashkent|Republic of Uzbekistan|Q265
VU|Vanuatu|Ni-Vanuatu|Port Vila|Republic of Vanuatu|Q686
VE|Venezuela|Venezuelan|Caracas;Miraflores Palace|Bolivarian Republic of Venezuela|Q717
VN|Vietnam|Vietnamese|Hanoi|Viet Nam;Socialist Republic of Vietnam|Q881
YE|Yemen|Yemeni|Aden|Republic of Yemen|Q805
ZM|Zambia|Zambian|Lusaka|Republic of Zambia|Q953
ZW|Zimbabwe|Zimbabwean|Harare|Republic of Zimbabwe|Q954
"""

# Observer states, partially recognised and de-facto authorities. The code column is
# the kb id here; `country` is set only where an ISO (or ISO user-assigned) code exists.
OTHERS = """
ps|PS|Palestine|Palestinian|Ramallah|State of Palestine;Palestinian Authority;Palestinian National Authority|Q219060
xk|XK|Kosovo|Kosovar;Kosovan|Pristina;Prishtina|Republic of Kosovo|Q1246
tw|TW|Taiwan|Taiwanese|Taipei|Republic of China;Republic of China (Taiwan);Chinese Taipei|Q865
eh|EH|Sahrawi Arab Democratic Republic|Sahrawi;Saharawi;Sahrawian||SADR;Sahrawi Republic;Western Sahara|Q40362
somaliland||Somaliland|Somalilander|Hargeisa|Republic of Somaliland|Q34754
northern-cyprus||Northern Cyprus|Turkish Cypriot|North Nicosia;Lefkoşa;Lefkosa|Turkish Republic of Northern Cyprus;TRNC;North Cyprus|Q23681
abkhazia||Abkhazia|Abkhaz;Abkhazian|Sukhumi;Sukhum|Republic of Abkhazia|Q23334
south-ossetia||South Ossetia|South Ossetian|Tskhinvali|Republic of South Ossetia;South Ossetia–Alania;Republic of South Ossetia–the State of Alania|Q23427
transnistria||Transnistria|Transnistrian|Tiraspol|Pridnestrovian Moldavian Republic;Pridnestrovie;Trans-Dniester|Q907112
va|VA|Vatican City|Vatican|the Holy See;Holy See|Vatican;Vatican City State;State of the Vatican City|Q237
"""

NOTES = {
    "cd": '"Congo" alone is given to the DRC (news usage); "Congolese" likewise.',
    "cg": "Its demonym is also Congolese; only the qualified form is listed.",
    "il": "Jerusalem and Tel Aviv are both used as metonyms for the Israeli government;"
    " the status of Jerusalem is contested.",
    "ye": "Sanaa is held by Ansar Allah (Houthis) since 2014; it is not listed as a"
    " metonym of the internationally recognised government (seated in Aden).",
    "ps": "UN non-member observer state; Ramallah is the seat of the Palestinian Authority.",
    "eh": "Government claimed by the Polisario Front; most of Western Sahara is"
    " administered by Morocco. The alias Western Sahara names the territory.",
    "somaliland": "Self-declared state, claimed by Somalia; no ISO code.",
    "northern-cyprus": "Recognised only by Turkey; claimed by Cyprus; no ISO code.",
    "abkhazia": "Recognised by Russia and a few others; claimed by Georgia; no ISO code.",
    "south-ossetia": "Recognised by Russia and a few others; claimed by Georgia; no ISO code.",
    "transnistria": "Unrecognised; claimed by Moldova; no ISO code.",
    "va": "UN observer state (the Holy See).",
    "sy": "Assad government fell on 2024-12-08; a transitional government took over.",
}

EXTRA_ACTORS = [
    {
        "id": "taliban",
        "name": "Taliban",
        "type": "STATE",
        "aliases": [
            "Islamic Emirate of Afghanistan",
            "Islamic Emirate",
            "Taliban government",
            "Taliban administration",
            "Taliban regime",
            "Afghan Taliban",
            "Taleban",
        ],
        "country": "AF",
        "wikidata": "Q42418",
        "note": "De-facto government of Afghanistan since 2021-08-15 (and 1996-2001);"
        " an insurgency in between. Kept as one actor of type STATE.",
    },
    {
        "id": "af-republic",
        "name": "Islamic Republic of Afghanistan",
        "type": "STATE",
        "aliases": [
            "Afghan Republic",
            "Republic of Afghanistan",
            "Ghani government",
            "Karzai government",
            "former Afghan government",
        ],
        "country": "AF",
        "note": "The internationally recognised government of Afghanistan 2004-2021"
        " (interim/transitional administrations 2001-2004 included).",
    },
]

GOVERNED_BY = {
    "af": [
        {"actor": "af-republic", "to": "2021-08-15"},
        {"actor": "taliban", "from": "2021-08-15"},
    ],
}


# pycountry names that belong to another actor: the DRC ("Congo" in news usage) and
# the pre-2021 Afghan government (a distinct actor, see EXTRA_ACTORS).
ISO_NAMES_OWNED_ELSEWHERE = {"Congo", "Islamic Republic of Afghanistan"}


def _split(field: str) -> list[str]:
    return [p.strip() for p in field.split(";") if p.strip()]


def _iso_aliases(code: str, name: str) -> list[str]:
    """Official names pycountry knows, skipping inverted forms ("Korea, Republic of")."""
    rec = pycountry.countries.get(alpha_2=code)
    if rec is None:
        raise SystemExit(f"unknown ISO code {code}")
    out = []
    for attr in ("official_name", "common_name", "name"):
        val = getattr(rec, attr, None)
        if not val or "," in val or "(" in val or val == name:
            continue
        if val.startswith("the "):
            val = val[4:]
        out.append(val)
    return out


def _dedupe(items: list[str], drop: set[str]) -> list[str]:
    seen = {d.casefold() for d in drop}
    out = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def build() -> list[dict]:
    actors: list[dict] = []
    for line in UN_MEMBERS.strip().splitlines():
        code, name, dem, met, ali, qid = line.split("|")
        aliases = _dedupe(_split(ali) + _iso_aliases(code, name), {name})
        # a pycountry name that another actor owns stays with that actor
        aliases = [a for a in aliases if a not in ISO_NAMES_OWNED_ELSEWHERE]
        actor: dict = {"id": code.lower(), "name": name, "type": "STATE"}
        if aliases:
            actor["aliases"] = aliases
        actor["demonyms"] = _split(dem)
        metonyms = _dedupe(_split(met), {name})
        if metonyms:
            actor["metonyms"] = metonyms
        actor["country"] = code
        if qid:
            actor["wikidata"] = qid
        actors.append(actor)
    for line in OTHERS.strip().splitlines():
        aid, code, name, dem, met, ali, qid = line.split("|")
        actor = {"id": aid, "name": name, "type": "STATE"}
        aliases = _dedupe(_split(ali), {name})
        if aliases:
            actor["aliases"] = aliases
        actor["demonyms"] = _split(dem)
        metonyms = _dedupe(_split(met), {name})
        if metonyms:
            actor["metonyms"] = metonyms
        if code:
            actor["country"] = code
        if qid:
            actor["wikidata"] = qid
        actors.append(actor)
    actors.extend(EXTRA_ACTORS)
    for actor in actors:
        if actor["id"] in GOVERNED_BY:
            actor["governed_by"] = GOVERNED_BY[actor["id"]]
        if actor["id"] in NOTES:
            actor["note"] = NOTES[actor["id"]]
    return actors


def check(actors: list[dict]) -> list[str]:
    """Names claimed by two actors (case-insensitive)."""
    owner: dict[str, str] = {}
    problems = []
    for actor in actors:
        names = {actor["name"], *actor.get("aliases", []), *actor.get("metonyms", [])}
        names |= set(actor.get("demonyms", []))
        for n in names:
            key = n.casefold()
            if key in owner and owner[key] != actor["id"]:
                problems.append(f"{n!r}: {owner[key]} and {actor['id']}")
            owner.setdefault(key, actor["id"])
    ids = [a["id"] for a in actors]
    problems += [f"duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    return problems


def main() -> int:
    actors = build()
    problems = check(actors)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    header = (
        "# Generated by scripts/build_states.py: edit the tables there, not this file.\n"
        "# UN member states, observer states and de-facto authorities.\n"
    )
    body = yaml.safe_dump(
        {"actors": actors},
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=None,
        width=100,
    )
    OUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(actors)} actors to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
