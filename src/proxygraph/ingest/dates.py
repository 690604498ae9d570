"""Normalise the many ways a publication date is written to YYYY-MM-DD (or YYYY-MM)."""

from __future__ import annotations

import datetime as dt
import re
import time
from email.utils import parsedate

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month_name>[A-Za-z]{3,9})\.?"
_ISO = re.compile(r"(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?)?(?=$|[T\s_])")
_ISO_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?=$|T)")
_DAY_MONTH_YEAR = re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>\d{{4}})")
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})")
_MONTH_YEAR = re.compile(rf"{_MONTH},?\s+(?P<y>\d{{4}})$")


def normalise_date(value: object) -> str | None:
    """Return `value` as "YYYY-MM-DD", "YYYY-MM" when only the month is known, or None.

    Accepts ISO 8601 strings (with or without a time), "YYYY/MM/DD", "20240305",
    "5 March 2024", "March 5, 2024", "March 2024", RFC 2822 dates as in RSS
    ("Tue, 05 Mar 2024 10:00:00 GMT"), `datetime.date`/`datetime` objects and
    `time.struct_time`. Anything else, or an impossible date, gives None.
    """
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time.struct_time):
        return _format(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    for pattern in (_ISO, _ISO_COMPACT):
        match = pattern.match(text)
        if match:
            month, day = match["m"], match["d"]
            if month is None:
                return None  # a year alone is too vague
            return _format(int(match["y"]), int(month), int(day) if day else None)
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.search(text)
        if match and match["month_name"].lower() in _MONTHS:
            month = _MONTHS[match["month_name"].lower()]
            return _format(int(match["y"]), month, int(match["d"]))
    match = _MONTH_YEAR.fullmatch(text)
    if match and match["month_name"].lower() in _MONTHS:
        return _format(int(match["y"]), _MONTHS[match["month_name"].lower()], None)
    parsed = parsedate(text)
    if parsed:
        return _format(parsed[0], parsed[1], parsed[2])
    return None


def _format(year: int, month: int, day: int | None) -> str | None:
    """Format a validated date, or return None when it does not exist."""
    if not 1000 <= year <= 9999:
        return None
    try:
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
