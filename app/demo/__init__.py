"""Demo data: a fictional province (code H99) for the demo start and tests. Not real agencies."""
