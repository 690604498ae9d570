"""Claim mechanisms on hand-written sentences: frames, attribution, polarity, modality."""

from __future__ import annotations


def test_direct_support_with_type_from_the_verb(claims, has):
    out = claims("Iran arms the Houthis in Yemen.")
    c = has(out, "SUPPORTS", "Iran", "Houthis")
    assert c is not None and c.support_type == ("weapons",)
    assert c.polarity == "affirmed" and c.modality == "asserted"
    assert c.claimant_name == "test-outlet"


def test_provide_takes_its_support_type_from_the_object(claims, has):
    out = claims("Pakistan's army has been providing safe havens and support to ISKP militants.")
    c = has(out, "SUPPORTS", "Pakistan Army", "Islamic State Khorasan Province")
    assert c is not None and c.support_type == ("safe_haven",)


def test_reported_speech_names_the_claimant(claims, has):
    out = claims("Rwanda's foreign minister said last week that Uganda trains the M23 rebels.")
    c = has(out, "SUPPORTS", "Uganda", "M23")
    assert c is not None and c.modality == "reported" and c.support_type == ("training",)
    assert c.claimant_name == "Rwanda"


def test_accusation_gives_the_alleged_claim_and_opposes(claims, has):
    out = claims("Kabul accused Pakistan of sheltering the TTP.", date="2024-01-10")
    alleged = has(out, "SUPPORTS", "Pakistan", "Tehrik-i-Taliban Pakistan")
    assert alleged is not None and alleged.modality == "alleged"
    assert alleged.claimant_name == "Taliban"
    accuses = has(out, "OPPOSES", "Taliban", "Pakistan", kind="accuses")
    assert accuses is not None and accuses.modality == "asserted"


def test_rejected_claim_yields_the_edge_alleged_and_denied(claims, has):
    out = claims("Islamabad rejected Kabul's claim that it shelters ISKP.", date="2024-01-10")
    edges = [c for c in out if c.relation == "SUPPORTS" and c.source.name == "Pakistan"]
    assert {(c.polarity, c.claimant_name) for c in edges} == {
        ("denied", "Pakistan"),
        ("affirmed", "Taliban"),
    }


def test_negation_on_a_conjunct_denies_both_verbs(claims, has):
    out = claims("Iran has consistently said it does not fund or arm the Houthis.")
    c = has(out, "SUPPORTS", "Iran", "Houthis")
    assert c is not None and c.polarity == "denied" and c.claimant_name == "Iran"


def test_nested_attribution_takes_the_innermost_speaker(claims, has):
    out = claims("Reuters reported that Sudan's army accused the UAE of arming the RSF.")
    c = has(out, "SUPPORTS", "United Arab Emirates", "Rapid Support Forces")
    assert c is not None and c.modality == "alleged"
    assert c.claimant_name == "Sudanese Armed Forces"


def test_respective_proxies_are_paired_by_what_the_document_says(claims, has):
    text = (
        "Iran and Russia agreed to enhance support for their respective proxies, namely "
        "the Wagner Group and the Houthis. Iran arms the Houthis."
    )
    out = claims(text)
    assert has(out, "SUPPORTS", "Russia", "Wagner Group") is not None
    assert has(out, "SUPPORTS", "Iran", "Houthis") is not None
    paired = [c for c in out if c.rule.startswith("supports-noun+respective")]
    assert {(c.source.name, c.target.name) for c in paired} == {
        ("Iran", "Houthis"),
        ("Russia", "Wagner Group"),
    }


def test_plural_anaphora_carries_both_groups(claims, has):
    text = "Tehran backs Hezbollah and the Houthis. These proxies are fighting Israel."
    out = claims(text)
    assert has(out, "FIGHTS", "Hezbollah", "Israel") is not None
    assert has(out, "FIGHTS", "Houthis", "Israel") is not None


def test_meeting_between_two_agencies_and_participation(claims, has):
    text = (
        "Joint meetings between Pakistani and Tajik intelligence agencies have been held. "
        "Commanders of the TTP participated in these meetings."
    )
    out = claims(text)
    assert has(out, "MEETS_WITH", "Inter-Services Intelligence", "Tajik intelligence agencies")
    assert has(out, "MEETS_WITH", "Tehrik-i-Taliban Pakistan", "Inter-Services Intelligence")


def test_planned_and_hypothetical_modality(claims, has):
    planned = has(claims("Russia will send troops to Mali."), "SUPPORTS", "Russia", "Mali")
    maybe = has(
        claims("Pakistan might strike the TTP."), "FIGHTS", "Pakistan", "Tehrik-i-Taliban Pakistan"
    )
    assert maybe is not None and maybe.modality == "hypothetical"
    assert planned is None or planned.modality == "planned"


def test_demand_is_not_a_claim_that_happened(claims, has):
    out = claims("The Taliban urged Pakistan to expel the TTP leaders.", date="2024-01-10")
    assert has(out, "OPPOSES", "Pakistan", "Tehrik-i-Taliban Pakistan") is None


def test_hyphenated_backer(claims, has):
    out = claims("Kataib Hezbollah, an Iranian-backed militia, fired rockets at the base.")
    c = has(out, "SUPPORTS", "Iran", "Kataib Hezbollah")
    assert c is not None and c.rule.startswith("supports-hyphen-backed")


def test_denial_of_an_earlier_accusation(claims, has):
    text = (
        "Pakistan has accused the Taliban of giving sanctuary to the TTP. "
        "Taliban officials have dismissed the accusations."
    )
    out = claims(text, date="2024-01-10")
    denied = has(out, "SUPPORTS", "Taliban", "Tehrik-i-Taliban Pakistan", polarity="denied")
    assert denied is not None and denied.claimant_name == "Taliban"


def test_rules_are_named_and_evidence_is_the_sentence(claims):
    text = "Nothing happened on Monday. Turkey backs the Syrian National Army."
    out = claims(text)
    assert out, "expected a claim"
    c = out[0]
    assert c.rule.split("|")[0] == "supports-verb"
    assert c.evidence_text == "Turkey backs the Syrian National Army."
    assert text[c.evidence_start : c.evidence_end] == c.evidence_text


def test_described_as_a_proxy_of_a_state(claims, has):
    out = claims("Troops raided a camp of the TTP, which officials described as an Indian proxy.")
    c = has(out, "SUPPORTS", "India", "Tehrik-i-Taliban Pakistan")
    assert c is not None and c.rule.startswith("supports-proxy-noun")


def test_relying_on_a_states_support(claims, has):
    out = claims("Mali's junta has relied on Russian military support since 2021.")
    assert has(out, "SUPPORTS", "Russian military", "Mali") is not None


def test_receiving_no_arms_is_a_denial(claims, has):
    out = claims("Sudan's foreign minister insisted that Sudan obtained no arms from Iran.")
    c = has(out, "SUPPORTS", "Iran", "Sudan")
    assert c is not None and c.polarity == "denied" and c.support_type == ("weapons",)


def test_the_army_is_the_army_of_the_state_in_context(claims, has):
    text = "Sudan's war has dragged on. The RSF attacked the army near Khartoum."
    out = claims(text)
    c = has(out, "FIGHTS", "Rapid Support Forces", "Sudanese Armed Forces")
    assert c is not None
    assert c.target.mention == "army"


def test_a_person_fought_stands_for_the_group(claims, has):
    text = "Taliban forces killed Qari Fateh, a senior commander of ISKP, in Kabul."
    out = claims(text, date="2024-01-10")
    assert has(out, "FIGHTS", "Taliban forces", "Islamic State Khorasan Province") is not None


# --- SUPPORTS / FIGHTS: argument reading -------------------------------------------


def test_object_pronoun_of_a_conjoined_verb_is_not_the_shared_subject(claims, has):
    out = claims("Tehran set up Kataib Hezbollah in 2003 and has since given it rockets and cash.")
    c = has(out, "SUPPORTS", "Iran", "Kataib Hezbollah")
    assert c is not None and c.rule.startswith("supports-provide")


def test_first_state_to_recognise(claims, has):
    out = claims("Belarus became the first state to formally recognise the Taliban administration.")
    c = has(out, "SUPPORTS", "Belarus", "Taliban")
    assert c is not None and c.support_type == ("political",)


def test_no_state_recognising_is_no_claim(claims):
    out = claims("No other UN member state has recognised the Taliban administration.")
    assert [c for c in out if c.relation == "SUPPORTS"] == []


def test_the_owner_of_a_capacity_to_strike_strikes(claims, has):
    out = claims("Officials said the raids would weaken the Houthis' capacity to attack Israel.")
    assert has(out, "FIGHTS", "Houthis", "Israel") is not None
    assert [c for c in out if c.relation == "FIGHTS" and c.source.name != "Houthis"] == []


def test_a_demonym_effort_to_back(claims, has):
    out = claims("The cargo was part of an Iranian effort to arm the Houthis.")
    assert has(out, "SUPPORTS", "Iran", "Houthis") is not None


def test_gapped_second_clause_pairs_its_own_ends(claims, has):
    text = "Analysts say Turkey stands behind the SNA and the United States behind the SDF."
    out = claims(text)
    assert has(out, "SUPPORTS", "Turkey", "Syrian National Army") is not None
    assert has(out, "SUPPORTS", "United States", "Syrian Democratic Forces") is not None
    assert has(out, "SUPPORTS", "Turkey", "United States") is None
    assert has(out, "SUPPORTS", "Turkey", "Syrian Democratic Forces") is None


def test_capital_as_possessor_of_backing_is_the_state(claims, has):
    out = claims("Critics point to Tehran's backing of the Houthis.")
    assert has(out, "SUPPORTS", "Iran", "Houthis") is not None


def test_factions_supported_by_a_state_in_an_apposition(claims, has):
    text = "The clashes pit the SNA, an alliance of factions backed by Turkey, against the SDF."
    out = claims(text)
    assert has(out, "SUPPORTS", "Turkey", "Syrian National Army") is not None
    assert has(out, "FIGHTS", "Syrian National Army", "Syrian Democratic Forces") is not None


def test_a_backed_description_is_the_group_that_backer_backs(claims, has):
    text = (
        "Turkey backs the SNA. The SDF said on Monday that it had killed dozens of the "
        "Turkish-backed fighters."
    )
    out = claims(text)
    assert has(out, "FIGHTS", "Syrian Democratic Forces", "Syrian National Army") is not None
    assert has(out, "SUPPORTS", "Turkey", "Syrian Democratic Forces") is None


def test_state_military_as_adjective_is_the_state(claims, has):
    out = claims("Since the coup, Mali has relied on Russian military support.")
    c = has(out, "SUPPORTS", "Russia", "Mali")
    assert c is not None and c.source.type == "STATE"


# --- SUPPORTS / FIGHTS: descriptions ------------------------------------------------


def test_the_army_named_before_is_the_antecedent(claims, has):
    text = (
        "Egypt has sent drones to the Sudanese army. The UAE denies arming anyone. "
        "The army said it had repelled the RSF near Omdurman."
    )
    out = claims(text)
    assert has(out, "FIGHTS", "Sudanese Armed Forces", "Rapid Support Forces") is not None
    assert not [c for c in out if c.relation == "FIGHTS" and "Emirates" in c.source.name]


def test_an_army_coordinated_with_a_group_is_that_countrys_army(claims, has):
    out = claims("The UAE denies arming anyone. The army and the RSF clashed again on Monday.")
    c = has(out, "FIGHTS", "Sudanese Armed Forces", "Rapid Support Forces")
    assert c is not None and c.rule.startswith("fights-reciprocal")


def test_coalition_forces_are_no_states_army(claims):
    out = claims("Kataib Hezbollah fired rockets at coalition forces in Syria.")
    assert not [c for c in out if c.relation == "FIGHTS" and "Syria" in c.target.name]


def test_a_ministry_strikes_for_its_state(claims, has):
    out = claims("The Pentagon said it had bombed Kataib Hezbollah positions in Iraq.")
    c = has(out, "FIGHTS", "United States", "Kataib Hezbollah")
    assert c is not None and "ministry-state" in c.rule


def test_a_state_backing_its_own_army_is_no_claim(claims, has):
    out = claims("Iran supports the Islamic Revolutionary Guard Corps.")
    assert has(out, "SUPPORTS", "Iran", "Islamic Revolutionary Guard Corps") is None


# --- SUPPORTS / FIGHTS: frames ------------------------------------------------------


def test_looking_to_a_state_for_backing(claims, has):
    out = claims("The junta in Niger has turned to Moscow for weapons and instructors.")
    assert has(out, "SUPPORTS", "Russia", "Niger") is not None


def test_with_the_help_of(claims, has):
    out = claims("The Houthis captured the port with the help of Iran.")
    c = has(out, "SUPPORTS", "Iran", "Houthis")
    assert c is not None and c.rule.startswith("supports-with-help")


def test_fighting_alongside_is_support(claims, has):
    out = claims("Hezbollah fought alongside the Syrian army against the rebels.")
    c = has(out, "SUPPORTS", "Hezbollah", "Syrian army")
    assert c is not None and c.support_type == ("troops",)


def test_relying_on_a_group_to_fight(claims, has):
    out = claims(
        "Mali expelled French troops in 2022. It then relied on Wagner to fight jihadists."
    )
    assert has(out, "SUPPORTS", "Wagner Group", "Mali") is not None


def test_allowing_a_group_to_live_on_its_soil(claims, has):
    out = claims("Islamabad says Kabul allows the TTP to train and regroup on Afghan soil.")
    c = has(out, "SUPPORTS", "Taliban", "Tehrik-i-Taliban Pakistan")
    assert c is not None and c.support_type == ("safe_haven",)


def test_coordinated_subjects_fight_each_other(claims, has):
    out = claims("The Taliban and ISKP have fought for years.", date="2024-01-10")
    assert has(out, "FIGHTS", "Taliban", "Islamic State Khorasan Province") is not None


def test_advancing_on_positions(claims, has):
    out = claims("Taliban fighters advanced on NRF positions in Panjshir.", date="2024-01-10")
    c = has(out, "FIGHTS", "Taliban", "National Resistance Front")
    assert c is not None and c.rule.startswith("fights-advance")


def test_inflicting_losses(claims, has):
    out = claims("The M23 inflicted heavy losses on the FARDC near Goma.")
    assert has(out, "FIGHTS", "M23", "FARDC") is not None


def test_a_mutiny_against_a_state(claims, has):
    out = claims("The Wagner Group staged a mutiny against Moscow in 2023.")
    assert has(out, "FIGHTS", "Wagner Group", "Russia") is not None


def test_with_attached_to_a_capture_verb_names_no_enemy(claims, has):
    out = claims("The M23 has captured towns near the border with Uganda.")
    assert has(out, "FIGHTS", "M23", "Uganda") is None


# --- SUPPORTS: polarity and attribution ---------------------------------------------


def test_despite_its_denials(claims, has):
    out = claims("Iran keeps arming the Houthis despite its denials, the report said.")
    denied = has(out, "SUPPORTS", "Iran", "Houthis", polarity="denied")
    assert denied is not None and denied.claimant_name == "Iran"
    assert has(out, "SUPPORTS", "Iran", "Houthis", polarity="affirmed") is not None


def test_a_charge_the_accused_reject(claims, has):
    text = "Islamabad accuses Kabul of sheltering the TTP, a charge the Taliban reject."
    out = claims(text, date="2024-01-10")
    denied = has(out, "SUPPORTS", "Taliban", "Tehrik-i-Taliban Pakistan", polarity="denied")
    assert denied is not None and denied.claimant_name == "Taliban"


def test_a_claim_owned_by_a_compound_state(claims, has):
    out = claims("Iran dismissed a US claim that it had shipped missiles to the Houthis.")
    alleged = has(out, "SUPPORTS", "Iran", "Houthis", polarity="affirmed")
    assert alleged is not None and alleged.claimant_name == "United States"
    assert has(out, "SUPPORTS", "Iran", "Houthis", polarity="denied") is not None


def test_claim_time_takes_dates_that_place_the_event(claims, has):
    dated = has(claims("Rwanda and Uganda armed the M23 in 2012."), "SUPPORTS", "Uganda", "M23")
    assert dated is not None and dated.time == "2012"
    named = claims("Rwanda armed the FDLR, perpetrators of the 1994 genocide.")
    c = has(named, "SUPPORTS", "Rwanda", "Democratic Forces for the Liberation of Rwanda")
    assert c is not None and c.time is None


def test_a_description_beside_a_name_is_the_outlets_voice(claims, has):
    out = claims(
        "The paper said the shipment was meant for the NRF, the armed movement headed by "
        "Ahmad Massoud, and for its allies."
    )
    c = has(out, "LEADS", "Ahmad Massoud", "National Resistance Front")
    assert c is not None and c.modality == "asserted" and c.claimant_name == "test-outlet"
    told = has(claims("Officials said the NRF was headed by Ahmad Massoud in 2023."), "LEADS",
               "Ahmad Massoud", "National Resistance Front")  # fmt: skip
    assert told is not None and told.modality == "reported"


def test_a_passive_accusation_names_its_agent_as_claimant(claims, has):
    out = claims("Rwanda has been accused by the Congolese government of arming the M23.")
    c = has(out, "SUPPORTS", "Rwanda", "M23")
    assert c is not None and c.modality == "alleged"
    assert c.claimant_name == "Democratic Republic of the Congo"
    unnamed = has(claims("Rwanda has been accused of arming the M23."), "SUPPORTS", "Rwanda", "M23")
    assert unnamed is not None and unnamed.claimant_name == "test-outlet"


def test_a_former_official_no_longer_speaks_for_the_state(claims, has):
    current = claims("A Pakistani envoy has accused the Taliban of sheltering the TTP.")
    assert has(current, "OPPOSES", "Pakistan", "Taliban") is not None
    former = claims("A former Pakistani envoy has accused the Taliban of sheltering the TTP.")
    assert [c for c in former if c.source.name == "Pakistan"] == []
    c = has(former, "SUPPORTS", "Taliban", "Tehrik-i-Taliban Pakistan")
    assert c is not None and c.modality == "alleged"


def test_coordinated_verbs_share_the_object_and_their_support_types(claims, has):
    out = claims("Rwanda and Uganda are still arming and assisting the M23 rebels in Congo.")
    for backer in ("Rwanda", "Uganda"):
        c = has(out, "SUPPORTS", backer, "M23")
        assert c is not None and c.support_type == ("weapons",)
