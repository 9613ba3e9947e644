"""The ``prodplans`` command, as ``python -m productivity_plans`` and as the installed script.

Nothing heavy at module level: the ingest pool's forkserver (or, where there is none, each
"spawn" worker) runs the main module again under another name, and the installed ``prodplans``
script imports this module, so importing the whole CLI here would cost ≈ 0.7 s there.
"""


def main() -> None:
    from productivity_plans.cli import app

    app(prog_name="prodplans")


if __name__ == "__main__":
    main()
