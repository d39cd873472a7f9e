"""A fake National Public Service Portal (Cổng DVCQG) for the tests, the benchmark and the demo.

It speaks the portal's wire protocol on its own and never imports the adapter it checks
(``app.services.portal``): an import-linter contract in ``pyproject.toml`` keeps it that way.
"""
