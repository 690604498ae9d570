"""Date normalisation and the cheap non-English check."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proxygraph.ingest.dates import normalise_date
from proxygraph.ingest.language import non_english_reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:00:00+02:00", "2024-03-05"),
        ("2024-3-5", "2024-03-05"),
        ("2024/03/05", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("2024-03", "2024-03"),
        ("5 March 2024", "2024-03-05"),
        ("5th Sept. 2024", "2024-09-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Published on Mar 5 2024 at noon", "2024-03-05"),
        ("March 2024", "2024-03"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        (dt.date(2024, 3, 5), "2024-03-05"),
        (dt.datetime(2024, 3, 5, 23, 59), "2024-03-05"),
        (time.strptime("2024-03-05", "%Y-%m-%d"), "2024-03-05"),
        ("2024", None),
        ("2024-02-30", None),
        ("2024-13", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20240305, None),
    ],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


ENGLISH = (
    "Rwanda's army is directly supporting the M23 rebels in eastern Congo, according to a "
    "report by UN experts, who said thousands of soldiers had been deployed. Kigali denied it."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, None),
        (ENGLISH + " الجيش الرواندي", None),  # a little Arabic inside English is fine
        ("short", None),
        (
            "قالت مصادر أمنية إن الاستخبارات الباكستانية وفرت ملاذا آمنا لقادة تنظيم الدولة "
            "في ولاية خراسان، وهو ما نفته إسلام آباد.",
            "text looks like another language (Arabic script)",
        ),
        (
            "Российские наемники продолжают воевать вместе с малийской армией, сообщили "
            "правозащитники и местные чиновники.",
            "text looks like another language (Cyrillic script)",
        ),
        (
            "Selon les experts de l'ONU, l'armée rwandaise soutient les rebelles du M23 dans "
            "l'est de la République démocratique du Congo, et Kigali a démenti ces accusations "
            "dans un communiqué publié par le gouvernement sur les réseaux sociaux.",
            "text looks like another language (French)",
        ),
        (
            "Según el informe de los expertos, el ejército de Ruanda apoya a los rebeldes del "
            "M23 en el este del Congo y el gobierno de Kigali negó las acusaciones en una "
            "declaración publicada por su portavoz.",
            "text looks like another language (Spanish)",
        ),
    ],
)
def test_non_english_reason(text: str, expected: str | None) -> None:
    assert non_english_reason(text) == expected


def test_non_english_reason_is_fast_on_long_text() -> None:
    text = ENGLISH * 20000  # ~3.5 MB: only the start is sampled
    start = time.perf_counter()
    assert non_english_reason(text) is None
    assert time.perf_counter() - start < 0.5


@given(day=st.dates(min_value=dt.date(1000, 1, 1)))
def test_every_iso_and_rfc_date_round_trips(day: dt.date) -> None:
    assert normalise_date(day.isoformat()) == day.isoformat()
    assert normalise_date(day.strftime("%d %B %Y")) == day.isoformat()
    assert normalise_date(day.strftime("%a, %d %b %Y 10:00:00 GMT")) == day.isoformat()
