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
