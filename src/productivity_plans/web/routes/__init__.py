"""Routers, one module per area: pages (read-only), uploads, accounts, the JSON API."""
