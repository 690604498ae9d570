"""Offices of known persons: "President X" with no state named leads the state the KB says."""

from __future__ import annotations

import copy
from datetime import date

from conftest import find_claim

from proxygraph.kb.loader import load_kb
from proxygraph.kb.specs import ActorSpec


def test_a_titled_leader_leads_the_state_of_their_office_not_the_one_nearby(claims):
    out = claims(
        "President Emomali Rahmon was expected to raise the case with Vladimir Putin "
        "during a forthcoming visit to Moscow, the report said.",
        date="2023-05-02",
    )
    c = find_claim(out, "LEADS", "Emomali Rahmon", "Tajikistan")
    assert c is not None and "kb-office" in c.rule
    # a title is the outlet's own voice, not the report's
    assert c.modality == "asserted" and c.claimant_name == "test-outlet"
    assert find_claim(out, "LEADS", "Emomali Rahmon", "Russia") is None


def test_a_linked_person_keeps_the_document_spelling(claims):
    out = claims("On Monday army chief Abdel-Fattah al-Burhan visited Cairo.")
    c = find_claim(out, "LEADS", "Abdel-Fattah al-Burhan", "Sudanese Armed Forces")
    assert c is not None
    assert c.source.name == "Abdel-Fattah al-Burhan"
    assert c.source.actor_id == "person-abdel-fattah-al-burhan"


def test_a_deputy_title_is_not_the_office(claims):
    out = claims("Vice President Joe Biden met the delegation in Kabul on Monday.")
    assert not [c for c in out if c.relation == "LEADS" and c.source.name == "Joe Biden"]


def test_the_document_date_chooses_between_offices():
    kb = copy.deepcopy(load_kb())  # the loaded KB is shared: add to a copy
    kb.add(
        ActorSpec.model_validate(
            {
                "id": "person-test",
                "name": "Test Person",
                "type": "PERSON",
                "offices": [
                    {"org": "ru", "title": "president", "to": "2010-01-01"},
                    {"org": "by", "title": "president", "from": "2010-01-01"},
                ],
            }
        ),  # fmt: skip
        kb.origin["ru"],
    )
    titles = {"president"}
    assert kb.office_org("person-test", titles, date(2005, 6, 1)).id == "ru"
    assert kb.office_org("person-test", titles, date(2015, 6, 1)).id == "by"
    assert kb.office_org("person-test", titles, None) is None  # unsure: no claim
    assert kb.office_org("person-bashar-al-assad", titles, date(2025, 3, 1)) is None  # toppled
    assert kb.office_org("person-test", {"prime minister"}, date(2005, 6, 1)) is None
    assert kb.office_org("person-vladimir-putin", titles, None).id == "ru"  # one state


def test_a_title_the_person_no_longer_held_on_the_date_is_no_claim(claims):
    text = "Opposition fighters captured Damascus and toppled President Bashar al-Assad."
    before = claims(text, date="2024-11-01")
    assert find_claim(before, "LEADS", "Bashar al-Assad", "Syria") is not None
    after = claims(text, date="2025-01-15")
    assert [c for c in after if c.relation == "LEADS"] == []


def test_a_role_in_a_leaders_entourage_is_membership_of_what_they_lead(claims):
    out = claims(
        "Yolande Makolo, communications director for President Paul Kagame, told AFP the "
        "talks had failed. President Faustin-Archange Touadera thanked Rwanda. "
        "Touadera's national security adviser, Valery Zakharov, is Russian.",
        date="2021-03-01",
    )
    c = find_claim(out, "MEMBER_OF", "Yolande Makolo", "Rwanda")
    assert c is not None and c.rule.startswith("role-member_of-") and "+leader" in c.rule
    assert find_claim(out, "MEMBER_OF", "Valery Zakharov", "Central African Republic")
    assert find_claim(out, "LEADS", "Yolande Makolo", "Rwanda") is None


def test_his_adviser_serves_the_state_he_leads(claims):
    out = claims(
        "The governor received the task from President Joseph Kabila through his security "
        "adviser, Pierre Numbi.",
        date="2012-06-01",
    )
    assert find_claim(out, "MEMBER_OF", "Pierre Numbi", "Democratic Republic of the Congo")


def test_a_lone_surname_after_a_title_is_read_through_the_kb(claims):
    out = claims(
        "The Prime Minister and President Hollande discussed UK-France co-operation.",
        date="2016-03-03",
    )
    c = find_claim(out, "LEADS", "Hollande", "France")
    assert c is not None and "kb-office" in c.rule
    assert find_claim(out, "LEADS", "Hollande", "United Kingdom") is None


def test_a_ministers_office_is_membership_of_their_state(claims):
    out = claims(
        "Foreign Minister Sergei Lavrov met his Iranian counterpart in Tehran on Tuesday.",
        date="2023-05-01",
    )
    c = find_claim(out, "MEMBER_OF", "Sergei Lavrov", "Russia")
    assert c is not None and "kb-office" in c.rule
    assert find_claim(out, "LEADS", "Sergei Lavrov", "Russia") is None
    assert not [x for x in out if x.source.name == "Sergei Lavrov" and x.target.name == "Iran"
                and x.relation == "MEMBER_OF"]  # fmt: skip
