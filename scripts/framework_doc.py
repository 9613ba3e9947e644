"""Write docs/framework.md from the framework YAML, so the document cannot drift from the data.

python scripts/framework_doc.py            # rewrite docs/framework.md
python scripts/framework_doc.py --check    # exit 1 if it is out of date (the tests run this)
"""

from __future__ import annotations

import sys
from pathlib import Path

from productivity_plans.framework import load_framework
from productivity_plans.framework.schema import Framework

DOC = Path(__file__).resolve().parents[1] / "docs" / "framework.md"

INTRO = """\
# The framework: the 2024 productivity plans regime as data

Generated from `src/productivity_plans/framework/frameworks/{id}.yaml` by
`scripts/framework_doc.py`; do not edit by hand (a test fails when this file is stale).

The Minister's letter of 16 April 2024 suggested about 25 questions under four headings. The
letter itself is not in the public record we hold: it is reconstructed from what councils' papers
quote (`tests/fixtures/corpus/letter.md`). Each heading and question says where its wording comes
from: **verbatim** (quoted as the letter's words), **paraphrase** (a council's report of what the
letter asks) or **derived** (written by us from the heading, the Written Ministerial Statement of
5 February 2024 and what councils answer). Ids are stable: never renumber or reuse one.

A second regime is a second YAML file with the same shape (`framework/schema.py` validates it on
load); `prodplans framework path/to/file.yaml` shows it. No code names a heading or barrier.
The extract stage reads only the letter's date, the deadline and the outcome and document-type
ids, through `framework/regime.py`, which checks their types without the schema: every ingest
worker imports that stage, and the schema's pydantic models would cost each one about 0.14 s.
A test checks that both readers agree on every bundled framework.
"""


def render(fw: Framework) -> str:
    lines = [INTRO.format(id=fw.id), f"## {fw.title} (`{fw.id}`, version {fw.version})", ""]
    lines += [
        f"- Letter: {fw.letter.date}, {fw.letter.from_}, “{fw.letter.title}”",
        f"- Deadline: {fw.deadline}",
        f"- Expected length: {fw.expected_pages.min}–{fw.expected_pages.max} pages",
        f"- Member oversight required: {_yes(fw.requirements.member_oversight)}",
        f"- Publication required: {_yes(fw.requirements.publication)}",
        f"- Progress updates required: {_yes(fw.requirements.progress_updates)}",
        f"- Rated or scored: {_yes(fw.requirements.rated_or_scored)}",
        "",
    ]
    for heading in fw.headings:
        lines += [f"### {heading.number}. {heading.title} (`{heading.id}`, {heading.source})", ""]
        lines += [f"> {heading.text}", "", "| id | source | question |", "|---|---|---|"]
        lines += [f"| `{q.id}` | {q.source} | {q.text} |" for q in heading.questions]
        lines.append("")
    lines += ["## Barrier taxonomy", "", "| id | label | description |", "|---|---|---|"]
    lines += [f"| `{b.id}` | {b.label} | {b.description} |" for b in fw.barriers]
    lines += ["", "## Decision outcomes", "", "| id | meaning |", "|---|---|"]
    lines += [f"| `{o.id}` | {o.description} |" for o in fw.outcomes]
    lines += ["", "## Document types", "", "| id | meaning |", "|---|---|"]
    lines += [f"| `{d.id}` | {d.description} |" for d in fw.document_types]
    return "\n".join(lines) + "\n"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def main() -> int:
    wanted = render(load_framework())
    if "--check" in sys.argv:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != wanted:
            print(f"{DOC} is out of date: run python scripts/framework_doc.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
