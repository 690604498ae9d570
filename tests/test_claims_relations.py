"""OPPOSES, COOPERATES_WITH and MEETS_WITH mechanisms and the attribution rules they
lean on, on hand-written sentences."""

from __future__ import annotations


def _rel(out, relation):
    return [c for c in out if c.relation == relation]


# ---------------- OPPOSES ----------------
def test_traded_accusations_oppose_both_ways(claims, has):
    out = claims("Rwanda and Uganda traded accusations on Monday over the border clashes.")
    for a, b in (("Rwanda", "Uganda"), ("Uganda", "Rwanda")):
        c = has(out, "OPPOSES", a, b, kind="accuses")
        assert c is not None and c.rule.startswith("opposes-traded")
        assert c.polarity == "affirmed"


def test_rejected_accusation_noun_still_opposes_the_accused(claims, has):
    out = claims(
        "Kigali has rejected the Congolese government's accusation that it supports the M23."
    )
    c = has(out, "OPPOSES", "Democratic Republic of the Congo", "Rwanda", kind="accuses")
    assert c is not None and c.polarity == "affirmed" and c.modality == "asserted"
    assert c.rule.startswith("opposes-accusation-noun")
    denied = has(out, "SUPPORTS", "Rwanda", "M23", polarity="denied")
    assert denied is not None and denied.claimant_name == "Rwanda"


def test_blame_on_names_the_accused_after_on(claims, has):
    out = claims("Islamabad blamed the violence on the TTP.")
    assert has(out, "OPPOSES", "Pakistan", "Tehrik-i-Taliban Pakistan") is not None
    out = claims("Islamabad blamed Afghanistan's troubles on a lack of unity.")
    assert not _rel(out, "OPPOSES")


def test_breaking_off_relations_opposes(claims, has):
    out = claims("Mali has broken off diplomatic relations with Ukraine.")
    c = has(out, "OPPOSES", "Mali", "Ukraine", kind="expels")
    assert c is not None and c.rule.startswith("opposes-break-ties")
    out = claims("Mali's junta has broken with France.")
    c = has(out, "OPPOSES", "Mali", "France")
    assert c is not None and c.rule.startswith("opposes-break-with")


def test_stopping_someone_from_acting_counters_them(claims, has):
    out = claims("Algeria stopped the Malian army from attacking the rebels.")
    c = has(out, "OPPOSES", "Algeria", "Malian Armed Forces", kind="counters")
    assert c is not None and c.rule.startswith("opposes-stop-from")


def test_designation_opposes_only_as_a_terrorist_listing(claims, has):
    out = claims("Pakistan designated the TTP as a terrorist organisation.")
    c = has(out, "OPPOSES", "Pakistan", "Tehrik-i-Taliban Pakistan", kind="sanctions")
    assert c is not None and c.rule.startswith("opposes-designate")
    out = claims("Pakistan has officially designated the TTP as Fitna al Khawarij.")
    assert not _rel(out, "OPPOSES")


def test_refusal_to_comply_opposes_whoever_gave_the_directives(claims, has):
    out = claims(
        "Following the refusal of the Taliban to comply with the directives of Pakistani "
        "generals, the generals started a campaign against Afghanistan."
    )
    c = has(out, "OPPOSES", "Taliban", "Pakistan Army", kind="refuses")
    assert c is not None and c.rule.startswith("opposes-refusal")


def test_embargo_compound_names_the_sanctioner(claims, has):
    out = claims("The UN arms embargo on the Houthis remains in force.")
    c = has(out, "OPPOSES", "United Nations", "Houthis", kind="sanctions")
    assert c is not None


# ---------------- COOPERATES_WITH ----------------
def test_co_agents_acting_jointly_cooperate(claims, has):
    out = claims("Rwandan soldiers and M23 fighters jointly attacked the Congolese army.")
    c = has(out, "COOPERATES_WITH", "Rwanda Defence Force", "M23", kind="coordination")
    assert c is not None and c.rule.startswith("cooperates-joint-action")
    out = claims("Rwandan soldiers and M23 fighters attacked the Congolese army.")
    assert not _rel(out, "COOPERATES_WITH")


def test_joint_programmes_with_a_partner(claims, has):
    out = claims("Sudan produced drones in joint military programmes with Iran.")
    c = has(out, "COOPERATES_WITH", "Sudan", "Iran")
    assert c is not None and c.rule.startswith("cooperates-joint-noun")


def test_ally_predicate_links_the_ally_and_its_owner(claims, has):
    out = claims("The SDF was Washington's chief ally against the Islamic State group.")
    c = has(out, "COOPERATES_WITH", "United States", "Syrian Democratic Forces", kind="alliance")
    assert c is not None


def test_cooperation_received_from_someone(claims, has):
    out = claims("The Houthis praised the cooperation they had received from Hezbollah.")
    c = has(out, "COOPERATES_WITH", "Houthis", "Hezbollah")
    assert c is not None and c.rule.startswith("cooperates-received")


def test_hoped_for_cooperation_is_no_claim(claims):
    out = claims(
        "Muttaqi said he hoped it would lead to closer cooperation between Afghanistan and Russia."
    )
    assert not _rel(out, "COOPERATES_WITH")


# ---------------- MEETS_WITH ----------------
def test_co_subjects_holding_talks_meet(claims, has):
    out = claims("Peskov said the FSB and the CIA had handled the negotiations.")
    c = has(out, "MEETS_WITH", "Federal Security Service", "Central Intelligence Agency")
    assert c is not None and c.rule.startswith("meets-co-subjects")
    assert c.modality == "reported"


def test_mediator_of_talks_is_no_party(claims, has):
    out = claims("Algiers brokered talks between Mali and the separatists.")
    assert has(out, "MEETS_WITH", "Algeria", "Mali") is None


def test_meeting_keeps_the_ministers_who_met(claims, has):
    out = claims(
        "Malian Defence Minister Sadio Camara held talks in Moscow with his Russian "
        "counterpart, Andrei Belousov."
    )
    assert has(out, "MEETS_WITH", "Sadio Camara", "Andrei Belousov") is not None
    assert has(out, "MEETS_WITH", "Mali", "Andrei Belousov") is None


# ---------------- attribution ----------------
def test_title_of_the_speaker_is_the_outlets_voice(claims, has):
    out = claims("Taliban spokesman Zabihullah Mujahid said that Pakistan backs ISKP.")
    member = has(out, "MEMBER_OF", "Zabihullah Mujahid", "Taliban")
    assert member is not None
    assert member.modality == "asserted" and member.claimant_name == "test-outlet"
    said = has(out, "SUPPORTS", "Pakistan", "Islamic State Khorasan Province")
    assert said is not None and said.modality == "reported"


def test_according_to_unnamed_sources_has_no_named_claimant(claims, has):
    out = claims("According to some sources, Putin met Massoud during the trip.")
    c = has(out, "MEETS_WITH", "Putin", "Massoud")
    assert c is not None and c.modality == "reported" and c.claimant_name == "test-outlet"


def test_unnamed_speakers_still_report(claims, has):
    out = claims("Iran arms the Houthis, sources said.")
    c = has(out, "SUPPORTS", "Iran", "Houthis")
    assert c is not None and c.modality == "reported" and c.claimant_name == "test-outlet"


def test_temporal_clause_under_an_accusation_is_the_outlets_narrative(claims, has):
    out = claims(
        "Mali accused Algeria of sponsoring terrorism, days after the Algerian army shot "
        "down a Malian military drone."
    )
    fight = next(c for c in out if c.relation == "FIGHTS")
    assert fight.modality == "asserted" and fight.claimant_name == "test-outlet"
    accuses = has(out, "OPPOSES", "Mali", "Algeria", kind="accuses")
    assert accuses is not None


def test_conjunct_with_its_own_subject_is_not_negated(claims, has):
    out = claims(
        "The statement did not name Afghanistan, but officials in Islamabad have pressed "
        "the Taliban to act."
    )
    c = has(out, "OPPOSES", "Pakistan", "Taliban")
    assert c is not None and c.polarity == "affirmed"


def test_participle_after_a_denial_is_asserted_by_the_denier(claims, has):
    out = claims(
        "Islamabad denied that it had played a part in the collapse, blaming the Taliban "
        "for the violence."
    )
    c = has(out, "OPPOSES", "Pakistan", "Taliban")
    assert c is not None and c.polarity == "affirmed" and c.claimant_name == "Pakistan"
    assert c.modality == "reported"


def test_title_subject_with_a_named_apposition_is_the_person(claims):
    out = claims(
        "Officials said Turkey's ambassador in Baghdad, Anil Bora Inan, had met "
        "Foreign Minister Fuad Hussein on Sunday."
    )
    met = [c for c in out if c.relation == "MEETS_WITH"]
    assert met and {met[0].source.name, met[0].target.name} == {"Anil Bora Inan", "Fuad Hussein"}


def test_bases_on_a_countrys_soil(claims):
    out = claims("Kabul denied that there were TTP bases on Afghan territory.")
    assert any(
        c.relation == "LOCATED_IN" and c.source.name == "Tehrik-i-Taliban Pakistan" for c in out
    )


def test_working_with_a_group_is_cooperation(claims, has):
    out = claims("The Congolese army worked with the FDLR against the M23.")
    c = has(out, "COOPERATES_WITH", "Armed Forces of the Democratic Republic of the Congo",
            "Democratic Forces for the Liberation of Rwanda")  # fmt: skip
    assert c is not None and c.rule.startswith("cooperates-work-with")
