"""The mention rules, one mechanism per test, on hand-written sentences and a tiny KB."""

from __future__ import annotations


def surfaces(found, name):
    return [s for s, _t, n, _r in found if n == name]


def test_kb_alias_and_acronym_link_to_one_actor(find):
    found = find("ISKP claimed the attack. The Islamic State Khorasan Province is active.")
    assert surfaces(found, "Islamic State Khorasan Province") == [
        "ISKP",
        "Islamic State Khorasan Province",
    ]


def test_acronyms_are_case_sensitive(find):
    found = find("They told isi officers nothing.")
    assert surfaces(found, "Inter-Services Intelligence") == []


def test_demonym_organ_phrase_becomes_the_states_agency(find):
    found = find("Pakistani intelligence agencies protect him.")
    assert (
        "Pakistani intelligence agencies",
        "STATE_AGENCY",
        "Inter-Services Intelligence",
        "organ-phrase",
    ) in found


def test_organ_without_kb_agency_gets_a_synthetic_actor(find):
    found = find("Tajik intelligence officials met the delegation.")
    assert found[0][:3] == ("Tajik intelligence officials", "STATE_AGENCY", "Tajik intelligence")


def test_coordinated_demonyms_give_two_agencies(find):
    found = find("Joint meetings between Pakistani and Tajik intelligence agencies were held.")
    names = [n for _s, _t, n, _r in found]
    assert names[:2] == ["Inter-Services Intelligence", "Tajik intelligence"]
    assert found[0][0] == "Pakistani"


def test_organ_of_states_coordination(find):
    found = find("A meeting between the intelligence agencies of Tajikistan and Pakistan ended.")
    assert [(s, n) for s, _t, n, _r in found] == [
        ("Tajikistan", "Tajik intelligence"),
        ("Pakistan", "Inter-Services Intelligence"),
    ]


def test_government_organ_resolves_to_who_governs_on_the_date(find):
    after = find("The Afghan government rejected the claim.", on="2023-05-01")
    before = find("The Afghan government rejected the claim.", on="2019-05-01")
    assert after[0][2] == "Taliban"
    assert before[0][2] == "Islamic Republic of Afghanistan"


def test_country_after_locative_preposition_is_a_place(find):
    found = find("Pakistan moved fighters to Tajikistan.")
    types = {s: t for s, t, _n, _r in found}
    assert types["Pakistan"] == "STATE"
    assert types["Tajikistan"] == "LOCATION"


def test_capital_metonym_stands_for_the_state(find):
    found = find("Islamabad rejected the accusation.")
    assert found[0][1:3] == ("STATE", "Pakistan")


def test_acronym_defined_in_parentheses_links_later_uses(find):
    found = find("The Free Hill Brigade (FHB) attacked a convoy. Later the FHB withdrew.")
    fhb = [f for f in found if f[0] == "FHB"]
    assert len(fhb) == 2
    assert all(n == "Free Hill Brigade" and t == "ARMED_GROUP" for _s, t, n, _r in fhb)


def test_title_marks_an_unknown_name_as_person_and_repeats_link(find):
    found = find(
        "ISKP's governor for Kunar province Ayoub Zareen attended. "
        "Ayoub Zareen, originally from Asmaar, now lives in Bajaur."
    )
    people = [f for f in found if f[1] == "PERSON"]
    assert [s for s, *_ in people] == ["Ayoub Zareen", "Ayoub Zareen"]


def test_place_apposition_and_suffix(find):
    found = find("He lives in Miskeeni Salarzo, a village in Pakistan's Bajaur agency.")
    places = {s: n for s, t, n, _r in found if t == "LOCATION"}
    assert places["Miskeeni Salarzo"] == "Miskeeni Salarzo"
    assert places["Bajaur agency"] == "Bajaur"


def test_short_name_and_pronoun_refer_back(find):
    found = find(
        "Taliban spokesman Zabihullah Mujahid spoke on Monday. Mujahid said he had no doubt."
    )
    assert ("Mujahid", "PERSON", "Zabihullah Mujahid", "short-name") in found
    assert ("he", "PERSON", "Zabihullah Mujahid", "pronoun") in found


def test_definite_description_refers_to_last_armed_group(find):
    found = find("ISKP claimed the bombing. The group said more would follow.")
    assert ("group", "ARMED_GROUP", "Islamic State Khorasan Province", "anaphora") in [
        (s.split()[-1], t, n, r) for s, t, n, r in found
    ]


def test_group_nouns_are_unlinked_organisations(find):
    found = find(
        "Aid workers said civilians were trapped and the international community must act."
    )
    groups = {s: (t, r) for s, t, _n, r in found}
    assert groups["civilians"] == ("POLITICAL_ORG", "group-noun")
    assert groups["the international community"] == ("POLITICAL_ORG", "group-noun")


def test_group_noun_after_an_actor_belongs_to_it(find):
    found = find("ISKP forces withdrew from the valley.")
    assert [s for s, *_ in found if s.endswith("forces")] == []


def test_they_takes_the_last_group_and_we_stays_unlinked(find):
    found = find("ISKP attacked the checkpoint. They later withdrew, and we condemn the attack.")
    assert ("They", "ARMED_GROUP", "Islamic State Khorasan Province", "group-pronoun") in found
    assert ("we", "POLITICAL_ORG", "we", "group-pronoun") in found


def test_first_person_pronoun_is_the_quoted_speaker(find):
    found = find("Mr Qadir Rahimi said: I condemn this attack.")
    assert ("I", "PERSON", "Qadir Rahimi", "speaker-pronoun") in found


def test_office_title_without_a_name_is_a_person(find):
    found = find(
        "The Foreign Secretary met the delegation. The Minister for the Middle East arrived."
        " Foreign Secretary Jane Holloway spoke later."
    )
    titles = [s for s, t, _n, r in found if r == "office-title"]
    assert titles == ["The Foreign Secretary", "The Minister for the Middle East"]
    assert not any(s == "Secretary" for s, *_ in found)


def test_a_leaders_regime_is_an_organisation(find):
    found = find("Critics blamed the Assad regime for the siege.")
    assert ("the Assad regime", "STATE", "the Assad regime", "leader-regime") in found


def test_country_after_of_is_a_place_unless_an_office_comes_first(find):
    found = find("She spoke about the future of Tajikistan and the President of Tajikistan.")
    kinds = [(s, t) for s, t, _n, _r in found if s == "Tajikistan"]
    assert kinds == [("Tajikistan", "LOCATION"), ("Tajikistan", "STATE")]


def test_direction_joins_a_country_used_as_a_place(find):
    found = find("Fighting spread to northern Tajikistan.")
    assert ("northern Tajikistan", "LOCATION") in [(s, t) for s, t, _n, _r in found]


def test_places_by_coordination_and_after_a_comma(find):
    found = find("Clashes in Pakistan and Tajikistan continued near Kunar, Afghanistan.")
    types = {s: t for s, t, _n, _r in found}
    assert types["Tajikistan"] == "LOCATION"
    assert types["Afghanistan"] == "LOCATION"


def test_gazetteer_types_an_unknown_capitalised_name_as_a_place(find):
    found = find("Refugees fled Aleppo after the shelling.")
    assert ("Aleppo", "LOCATION", "Aleppo", "name-gazetteer") in found


def test_place_head_word_makes_a_name_a_place(find):
    found = find("Shelling hit the Qarghar Barrage on Tuesday.")
    assert ("Qarghar Barrage", "LOCATION") in [(s, t) for s, t, _n, _r in found]


def test_capital_metonym_after_a_preposition_is_a_place(find):
    found = find("Delegates gathered in Dushanbe. Dushanbe rejected the plan.")
    assert [(s, t) for s, t, _n, _r in found if s == "Dushanbe"] == [
        ("Dushanbe", "LOCATION"),
        ("Dushanbe", "STATE"),
    ]


def test_split_person_name_is_joined(find):
    found = find("Officials met Foreign Minister Amir Khan Muttaqi in Kabul on Monday.")
    people = [s for s, t, *_ in found if t == "PERSON"]
    assert "Amir Khan Muttaqi" in people
    assert "Amir Khan" not in people and "Muttaqi" not in people


def test_rank_alone_is_no_person_and_honorific_is_dropped(find):
    found = find(
        "Government spokesman Colonel Idrissa Diallo said the talks failed. "
        "Mullah Abdul Karim Noori attended."
    )
    people = [s for s, t, *_ in found if t == "PERSON"]
    assert "Colonel" not in people
    assert "Abdul Karim Noori" in people
    assert not any(p.startswith("Mullah") for p in people)


def test_ethnonym_before_an_armed_group_noun_names_the_group(find):
    found = find("Fulani-led militias attacked the town, and the Toubou rebels withdrew.")
    assert ("Fulani-led militias", "ARMED_GROUP", "Fulani-led militias", "ethnic-group") in found
    assert ("the Toubou rebels", "ARMED_GROUP", "Toubou rebels", "ethnic-group") in found


def test_bare_ethnonym_is_no_person_or_place(find):
    found = find("Officials said a Fulani herder and a Dogon hunter were arrested.")
    assert not [s for s, t, _n, _r in found if s in ("Fulani", "Dogon")]


def test_capitalised_name_after_place_noun_of_is_a_place(find):
    found = find("The strike hit a depot in the northern district of Wadi Harran.")
    assert any(s == "Wadi Harran" and t == "LOCATION" for s, t, _n, _r in found)
