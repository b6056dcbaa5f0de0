"""One readable line on stderr and a non-zero exit: how every command reports a failure."""

from __future__ import annotations

from typing import NoReturn

import typer


class CliError(Exception):
    """A failure the user can act on; its message is printed as one line."""


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)
