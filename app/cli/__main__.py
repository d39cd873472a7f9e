"""``python -m app.cli``: the ``motcua`` command."""

from app.cli.main import main

main()
