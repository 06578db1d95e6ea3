"""Numbers, sizes, dates and durations as the officer's locale writes them (QLocale).

Every figure the wizard shows goes through here, so a Welsh or French locale gets its own
separators and units, and screen readers get words ("about 6 minutes") not symbols.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale


def _locale() -> QLocale:
    return QLocale()


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("Formatting", text, disambiguation, n)


def number(value: int | float) -> str:
    """1234567 -> "1,234,567" in English locales."""
    if isinstance(value, float) and not value.is_integer():
        return _locale().toString(value, "f", 1)
    return _locale().toString(int(value))


def size(num_bytes: int) -> str:
    """Bytes as the locale writes them, in the units Windows Explorer uses (KB, MB, GB)."""
    return _locale().formattedDataSize(
        max(0, int(num_bytes)), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


def files(count: int) -> str:
    """ "1 file", "1,234 files" (plural forms come from the translation)."""
    # %Ln: the locale's digit grouping inside a plural form.
    return tr("%Ln file(s)", None, count)


def files_and_size(count: int, num_bytes: int) -> str:
    return tr("{files}, {size}").format(files=files(count), size=size(num_bytes))


def date(timestamp: float) -> str:
    """A file's modified time, short and in the user's locale."""
    if not timestamp or not math.isfinite(timestamp):
        return tr("unknown")
    moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
    return _locale().toString(moment, QLocale.FormatType.ShortFormat)


def duration(seconds: float) -> str:
    """Rounded the way a person says it: "less than a minute", "about 6 minutes"."""
    if not math.isfinite(seconds) or seconds < 0:
        return tr("unknown")
    if seconds < 60:
        return tr("less than a minute")
    minutes = round(seconds / 60)
    if minutes < 60:
        return tr("about %n minute(s)", None, minutes)
    hours = seconds / 3600
    if hours < 10:
        whole = int(hours)
        rest = round((hours - whole) * 60 / 15) * 15
        if rest == 60:
            whole, rest = whole + 1, 0
        if rest == 0:
            return tr("about %n hour(s)", None, whole)
        return tr("about {hours} and {minutes}").format(
            hours=tr("%n hour(s)", None, whole), minutes=tr("%n minute(s)", None, rest)
        )
    return tr("about %n hour(s)", None, round(hours))


def percent(done: int, total: int) -> int:
    if total <= 0:
        return 100
    return min(100, int(done * 100 / total))
