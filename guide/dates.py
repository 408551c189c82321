# SPDX-License-Identifier: EUPL-1.2
"""The day it is where the families live, whatever the server's own time zone.

A letter written just after midnight in the Netherlands is dated that day, and a date the
parent calls today is never "in the future", on a server that keeps UTC or any other zone.
"""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

NETHERLANDS = ZoneInfo("Europe/Amsterdam")  # from the system, else the pinned tzdata package


def today() -> dt.date:
    """Today in the Netherlands."""
    return dt.datetime.fromtimestamp(time.time(), NETHERLANDS).date()
