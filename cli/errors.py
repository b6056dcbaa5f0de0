"""One readable line on stderr and a non-zero exit: how every command reports a failure."""

from __future__ import annotations

from typing import NoReturn

import typer


class CliError(Exception):
    """A failure the user can act on; its message is printed as one line."""


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def database_unreachable(exc: Exception) -> str:
    """One line naming the database (password hidden) and why it did not answer."""
    from sqlalchemy.engine import make_url

    from storage.settings import DatabaseSettings

    url = make_url(DatabaseSettings().database_url).render_as_string(hide_password=True)
    first = (str(getattr(exc, "orig", None) or exc).splitlines() or [""])[0]
    return f"cannot reach the database at {url}: {first}"
