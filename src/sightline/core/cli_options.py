"""Options the `sightline` subcommands share."""

from datetime import date, datetime

import typer


def date_option(text: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option as a date (None when it was not given), or a usage error naming the option."""
    if text is None:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-04-01.",
                                 param_hint=option) from None
