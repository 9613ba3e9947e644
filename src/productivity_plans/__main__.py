"""``python -m productivity_plans``: the ``prodplans`` command.

Guarded and importing nothing at module level, because the ingest pipeline's worker processes
(started with "spawn") import the main module again under another name.
"""

if __name__ == "__main__":
    from productivity_plans.cli import app

    app(prog_name="prodplans")
