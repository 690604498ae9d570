"""MEMBER_OF, LEADS, LOCATED_IN and SAME_AS on hand-written sentences."""

from __future__ import annotations

from conftest import find_claim


def _has(claims, relation, source, target, **attrs):
    return find_claim(claims, relation, source, target, **attrs)


def test_possessive_title_in_apposition(claims):
    out = claims("Hezbollah's deputy leader, Naim Qassem, told supporters the fight would go on.")
    c = _has(out, "MEMBER_OF", "Naim Qassem", "Hezbollah")
    assert c is not None and "deputy leader" in c.role
    assert c.rule.startswith("role-")
    assert _has(out, "LEADS", "Naim Qassem", "Hezbollah") is None


def test_leader_apposition_after_name(claims):
    out = claims("Mohammed Ali Salem, the leader of the Houthis, warned shipping companies.")
    assert _has(out, "LEADS", "Mohammed Ali Salem", "Houthis") is not None


def test_demonym_title_before_name_is_the_state(claims):
    out = claims("On Tuesday Iranian President Masoud Pezeshkian flew to Baghdad.")
    c = _has(out, "LEADS", "Masoud Pezeshkian", "Iran")
    assert c is not None and c.role == "president"


def test_served_as_and_sub_unit_chief_is_membership(claims):
    out = claims(
        "Abu Bakr Nuri had served as the Islamic State's finance chief before his arrest."
    )
    c = _has(out, "MEMBER_OF", "Abu Bakr Nuri", "Islamic State")
    assert c is not None and "finance chief" in c.role


def test_foreign_ministry_spokesman_speaks_for_the_state(claims):
    out = claims(
        "Maria Zakharova, a spokeswoman for the Russian Foreign Ministry, rejected the report."
    )
    assert _has(out, "MEMBER_OF", "Maria Zakharova", "Russia") is not None


def test_headed_by_on_an_apposition(claims):
    out = claims(
        "Hamas, the Palestinian movement headed by Yahya Sinwar, rejected the proposal."
    )
    assert _has(out, "LEADS", "Yahya Sinwar", "Hamas") is not None


def test_members_killed_in_a_place(claims):
    out = claims("Three al-Shabaab fighters were killed in an operation in Kismayo on Friday.")
    c = _has(out, "LOCATED_IN", "al-Shabaab", "Kismayo")
    assert c is not None and c.kind == "operates" and c.rule.startswith("located-members")


def test_base_of_a_group(claims):
    out = claims("Officials said the Houthis' main stronghold in Saada was hit overnight.")
    c = _has(out, "LOCATED_IN", "Houthis", "Saada")
    assert c is not None and c.kind == "based"


def test_state_organ_at_home_is_not_located(claims):
    out = claims("Pakistani soldiers were killed in an attack in Peshawar on Monday.")
    assert not [c for c in out if c.relation == "LOCATED_IN"]


def test_alias_after_a_name(claims):
    out = claims("Police arrested Abdul Rahim Khan, alias Gul Mohammad Zaman, in the raid.")
    c = _has(out, "SAME_AS", "Gul Mohammad Zaman", "Abdul Rahim Khan")
    assert c is not None and c.rule.startswith("same-as-alias")


def test_sometimes_called(claims):
    out = claims(
        "The Houthis, sometimes called the Partisans of God, control much of the north."
    )
    # either the alias is a claim, or the KB already joined the two names
    same = [c for c in out if c.relation == "SAME_AS"]
    assert all(c.source.name != c.target.name for c in same)


def test_president_takes_the_one_state_named_in_the_sentence(claims):
    out = claims("Protesters marched in Tunisia against President Kais Saied on Sunday.")
    c = _has(out, "LEADS", "Kais Saied", "Tunisia")
    assert c is not None and "state-sentence" in c.rule


def test_office_without_state_stays_unread_when_the_context_names_none(claims):
    out = claims("Defence Minister Omar Haddad visited the troops on Friday.")
    assert not [c for c in out if c.relation in ("MEMBER_OF", "LEADS")]


def test_spokesman_speaks_for_the_state_the_discourse_speaks_as(claims):
    out = claims(
        "Iran on Monday dismissed the report as a fabrication. "
        "Ministry spokesman Reza Karimi told reporters that Washington was spreading lies."
    )
    c = _has(out, "MEMBER_OF", "Reza Karimi", "Iran")
    assert c is not None and "discourse" in c.rule
    assert _has(out, "MEMBER_OF", "Reza Karimi", "United States") is None


def test_former_office_is_not_read_from_context(claims):
    out = claims("In Kabul, former vice-president Karim Azizi spoke to reporters.")
    assert not [c for c in out if c.relation == "LEADS" and c.source.name == "Karim Azizi"]


def test_army_chief_leads_the_army_of_the_state_in_context(claims):
    out = claims(
        "Pakistan's military said on Monday it had killed ten militants. "
        "On Tuesday army chief General Tariq Mahmood visited the wounded."
    )
    c = _has(out, "LEADS", "Tariq Mahmood", "Pakistan Army")
    assert c is not None and "organ-" in c.rule


def test_rank_between_title_and_name(claims):
    out = claims(
        "Pakistan's military said on Monday it had killed ten militants. "
        "On Tuesday army spokesman Major General Bilal Aziz said the raid was over."
    )
    assert _has(out, "MEMBER_OF", "Bilal Aziz", "Pakistan Army") is not None


def test_counterpart_with_demonym(claims):
    out = claims("Ali Hassan held talks in Cairo with his Russian counterpart, Sergei Volkov.")
    assert _has(out, "MEMBER_OF", "Sergei Volkov", "Russia") is not None


def test_people_listed_as_having_found_refuge(claims):
    out = claims(
        "Those said to have found refuge in Dushanbe include Karim Azizi, a former "
        "governor, and Ahmad Rahimi."
    )
    for person in ("Karim Azizi", "Ahmad Rahimi"):
        c = _has(out, "LOCATED_IN", person, "Dushanbe")
        assert c is not None and c.rule.startswith("located-refuge-list")


def test_capital_as_a_place_is_named_itself(claims):
    out = claims("The TTP gets help from villagers, and its leaders live in Kabul.")
    c = _has(out, "LOCATED_IN", "Tehrik-i-Taliban Pakistan", "Kabul")
    assert c is not None and c.target.name == "Kabul"


def test_fighting_for_control_is_no_membership(claims):
    out = claims("The army and the RSF have been fighting for control of Sudan since April.")
    assert not [c for c in out if c.relation == "MEMBER_OF"]


def test_regional_branch_of_an_organisation_is_the_kb_branch(claims):
    out = claims(
        "Mozambican police said fighters of the Islamic State's Mozambique branch "
        "were killed in Cabo Delgado."
    )
    c = _has(out, "LOCATED_IN", "Islamic State Mozambique Province", "Cabo Delgado")
    assert c is not None


def test_ethnic_group_phrase_is_an_actor_with_bases(claims):
    out = claims(
        "Niamey says Libya harbours Toubou armed groups, whose fighters hold a stronghold "
        "in Murzuq and fight the Nigerien army."
    )
    assert _has(out, "SUPPORTS", "Libya", "Toubou armed groups") is not None
    c = _has(out, "LOCATED_IN", "Toubou armed groups", "Murzuq")
    assert c is not None and c.rule.startswith("located-")
    assert _has(out, "FIGHTS", "Toubou armed groups", "Niger Armed Forces") is not None


def test_held_bases_belong_to_the_subject(claims):
    out = claims("The Houthis maintain several bases in Hodeidah, officials said.")
    c = _has(out, "LOCATED_IN", "Houthis", "Hodeidah")
    assert c is not None and c.kind == "based"


def test_armed_wing_of_an_organisation(claims):
    out = claims(
        "The Qassam Brigades, which acts as the armed wing of Hamas, fired rockets at Israel."
    )
    c = _has(out, "MEMBER_OF", "Qassam Brigades", "Hamas")
    assert c is not None and c.rule.startswith("member-wing")


def test_wing_in_apposition_before_its_name(claims):
    out = claims("The Pakistan Army's media wing, Inter-Services Public Relations, issued a note.")
    assert _has(out, "MEMBER_OF", "Inter-Services Public Relations", "Pakistan Army") is not None


def test_a_person_is_no_wing(claims):
    out = claims("The talks chaired by General Kareem Adil, the army's press wing, ended late.")
    assert not [c for c in out if c.relation == "MEMBER_OF" and c.rule.startswith("member-wing")]


def test_affiliated_with_is_membership(claims):
    out = claims(
        "The fighting involved the Raqqa Military Council, which is affiliated with "
        "the Syrian Democratic Forces."
    )
    c = _has(out, "MEMBER_OF", "Raqqa Military Council", "Syrian Democratic Forces")
    assert c is not None


def test_states_that_formed_a_bloc_are_its_members(claims):
    out = claims(
        "Burkina Faso and Niger formed a bloc known as the Alliance of Sahel States last year."
    )
    for state in ("Burkina Faso", "Niger"):
        c = _has(out, "MEMBER_OF", state, "Alliance of Sahel States")
        assert c is not None and c.rule.startswith("member-form-bloc")


def test_acronym_given_for_a_name_is_no_alias(claims):
    out = claims("The Sudanese Armed Forces, known as SAF, retook the bridge on Monday.")
    assert not [c for c in out if c.relation == "SAME_AS"]


def test_demonym_taken_for_a_place_still_names_the_officials_state(claims):
    out = claims(
        "Sudan accused the UAE of arming the RSF. The Emirati attorney general, "
        "Hamad Saif Al Shamsi, said a bid to move arms to the Sudanese army was stopped."
    )
    assert _has(out, "MEMBER_OF", "Hamad Saif Al Shamsi", "United Arab Emirates") is not None
    assert _has(out, "MEMBER_OF", "Hamad Saif Al Shamsi", "Sudan") is None


def test_a_title_the_parser_split_from_the_name_still_titles_it(claims):
    # spaCy makes "chief" and "Burhan" two subjects of "visited"
    out = claims("Sudan's army chief Abdel-Fattah al-Burhan visited Cairo.")
    c = _has(out, "LEADS", "Abdel-Fattah al-Burhan", "Sudanese Armed Forces")
    assert c is not None and c.rule.startswith("role-leads-title")
    meets = [x for x in out if x.relation == "MEETS_WITH"]
    assert [x.source.name for x in meets] == ["Abdel-Fattah al-Burhan"]  # not the army


def test_a_minister_is_not_of_the_state_their_own_clause_acts_on(claims):
    out = claims("Minister Tobias Ellwood welcomes the Government of Iraq's liberation of Tikrit.")
    assert not [c for c in out if c.relation == "MEMBER_OF" and c.target.name == "Iraq"]
