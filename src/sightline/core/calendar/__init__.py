"""Working days in England and Wales and the DfE duration bands.

A working day is Monday to Friday that is neither an England and Wales bank holiday nor a
local closure day of the partnership. See `working_days` for the day-0, rolling and
end-of-month conventions; `arrays` for the same over numpy columns and SQL.
This package's __init__ imports no models, so it can be used before Django is set up.
"""

from sightline.core.calendar.arrays import (
    add_working_days_array,
    working_days_between_array,
    working_days_sql_table,
)
from sightline.core.calendar.bands import DURATION_BANDS, duration_band
from sightline.core.calendar.bank_holidays import bank_holidays, bank_holidays_between
from sightline.core.calendar.working_days import (
    add_months,
    add_working_days,
    is_working_day,
    working_days_between,
)

__all__ = [
    "DURATION_BANDS",
    "add_months",
    "add_working_days",
    "add_working_days_array",
    "bank_holidays",
    "bank_holidays_between",
    "duration_band",
    "is_working_day",
    "working_days_between",
    "working_days_between_array",
    "working_days_sql_table",
]
