"""The sector report (HTML + PDF) and the exports, on the hand-built snapshot."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from productivity_plans.export import (
    Original,
    sheet_name,
    write_csv,
    write_json,
    write_originals_zip,
    write_xlsx,
)
from productivity_plans.report import ReportPaths, build_report
from productivity_plans.sector.results import SectorResults, run_analyses, tables
from tests.sector.hand_built import hand_built

SECTIONS = [
    "collection",
    "coverage",
    "barriers",
    "governance",
    "gaps",
    "exemplars",
    "measurement",
    "themes",
    "similar",
    "method",
    "appendix-evidence",
    "appendix-documents",
]
FORBIDDEN = re.compile(r"\b(rank\w*|scor\w*|league\w*)\b", re.I)


@pytest.fixture(scope="module")
def results() -> SectorResults:
    return run_analyses(hand_built())


@pytest.fixture(scope="module")
def built(results: SectorResults, tmp_path_factory: pytest.TempPathFactory) -> ReportPaths:
    out = tmp_path_factory.mktemp("report")
    return build_report(results.snapshot, out, results=results)


class _Figures(HTMLParser):
    """Collects, per <figure>, its caption, whether it has a source line, an SVG and a table;
    plus every id and every internal link."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[dict[str, object]] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.external: list[str] = []
        self._in_caption = False
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "a" and a.get("href", "").startswith("#"):  # type: ignore[union-attr]
            self.links.append(str(a["href"])[1:])
        for attr in ("src", "href"):
            value = a.get(attr) or ""
            if tag in {"link", "script", "img"} and value:
                self.external.append(value)
        if tag in {"svg", "style"}:
            self._skip += 1
        if tag == "figure":
            self.figures.append({"caption": "", "source": False, "svg": False, "table": False})
        elif self.figures and tag == "figcaption":
            self._in_caption = True
        elif self.figures and tag == "p" and a.get("class") == "source":
            self.figures[-1]["source"] = True
        elif self.figures and tag == "svg":
            self.figures[-1]["svg"] = True
        elif self.figures and tag == "table":
            self.figures[-1]["table"] = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "figcaption":
            self._in_caption = False
        if tag in {"svg", "style"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            self.figures[-1]["caption"] = str(self.figures[-1]["caption"]) + data
        if not self._skip:
            self.text.append(data)


@pytest.fixture(scope="module")
def parsed(built: ReportPaths) -> _Figures:
    parser = _Figures()
    parser.feed(built.html.read_text(encoding="utf-8"))
    return parser


def test_every_section_is_present(parsed: _Figures) -> None:
    assert set(SECTIONS) <= parsed.ids


def test_each_figure_has_title_source_chart_and_data_table(parsed: _Figures) -> None:
    assert len(parsed.figures) == 3  # coverage heatmap, barriers by type, timeline
    for figure in parsed.figures:
        assert str(figure["caption"]).startswith("Figure"), figure
        assert figure["source"] and figure["svg"] and figure["table"], figure


def test_source_line_names_documents_councils_and_model(built: ReportPaths) -> None:
    html = built.html.read_text(encoding="utf-8")
    assert "Source: 5 documents from 4 councils, coded by model test-v1." in html


def test_no_ranking_or_scoring_language(parsed: _Figures) -> None:
    text = " ".join(parsed.text)
    assert not FORBIDDEN.findall(text)


def test_html_is_self_contained(parsed: _Figures, built: ReportPaths) -> None:
    assert parsed.external == []  # no stylesheet, script or image files
    html = built.html.read_text(encoding="utf-8")
    assert "<style>" in html and "<svg" in html and "url(http" not in html


def test_every_number_link_resolves_to_evidence(parsed: _Figures, built: ReportPaths) -> None:
    assert parsed.links
    missing = [link for link in parsed.links if link not in parsed.ids]
    assert missing == []
    html = built.html.read_text(encoding="utf-8")
    # Barriers table: single-year settlements named by 3 of 4 councils, linked to evidence.
    assert re.search(r'<a href="#ev\d+">3</a> of 4', html)
    # The evidence entry cites the document, page and offsets of Bolsover's strongest passage.
    assert 'Bolsover District Council · <a href="#doc-D1">D1</a> p2 [1100–' in html


def test_pdf_is_a_real_pdf_with_pages(built: ReportPaths) -> None:
    import pypdfium2

    assert built.pdf is not None
    assert built.pdf.read_bytes()[:5] == b"%PDF-"
    pdf = pypdfium2.PdfDocument(built.pdf)
    assert len(pdf) >= 6
    first = pdf[0].get_textpage().get_text_range()
    assert "what councils" in first and "Productivity plans 2024" in first


def test_csv_round_trip(results: SectorResults, tmp_path: Path) -> None:
    named = tables(results)
    paths = write_csv(named, tmp_path)
    assert {p.stem for p in paths} == set(named)
    with (tmp_path / "barriers.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(named["barriers"])
    sys_row = next(r for r in rows if r["barrier"] == "single_year_settlements")
    assert sys_row["councils"] == "3" and sys_row["councils_with_documents"] == "4"
    assert "D1 p2 [1100-" in sys_row["evidence"]


def test_xlsx_round_trip(results: SectorResults, tmp_path: Path) -> None:
    import openpyxl

    named = tables(results)
    path = write_xlsx(named, tmp_path / "sector.xlsx")
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == [sheet_name(n, set()) for n in named]
    sheet = book["coverage_headings"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(named["coverage_headings"][0])
    assert len(rows) == 1 + len(named["coverage_headings"])
    gaps = list(book["gaps"].iter_rows(values_only=True))
    header = list(gaps[0])
    org = next(r for r in gaps[1:] if r[0] == "transformation.organisation_change")
    assert org[header.index("answered")] == 3


def test_json_round_trip(results: SectorResults, tmp_path: Path) -> None:
    named = tables(results)
    path = write_json(named, tmp_path / "sector.json", {"framework": "productivity-2024"})
    loaded = json.loads(path.read_text(encoding="utf-8"))
    assert loaded["meta"]["framework"] == "productivity-2024"
    assert loaded["tables"]["timeline"] == named["timeline"]


def test_sheet_names_are_short_and_unique() -> None:
    taken: set[str] = set()
    names = [sheet_name("a" * 40, taken), sheet_name("a" * 40, taken), sheet_name("x:y", taken)]
    assert all(len(n) <= 31 for n in names) and len(set(names)) == 3 and names[2] == "x_y"


def test_originals_zip_has_files_and_manifest(tmp_path: Path) -> None:
    import hashlib

    a = tmp_path / "a.txt"
    a.write_text("plan text", encoding="utf-8")
    digest = hashlib.sha256(a.read_bytes()).hexdigest()
    originals = [
        Original(a, digest, "https://council.example/plan"),
        Original(tmp_path / "gone.pdf", "0" * 64, None),
    ]
    path = write_originals_zip(originals, tmp_path / "out" / "originals.zip")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        manifest = [json.loads(line) for line in archive.read("manifest.jsonl").splitlines()]
        assert f"originals/{digest[:12]}-a.txt" in names
        assert archive.read(f"originals/{digest[:12]}-a.txt") == b"plan text"
        assert "manifest.csv" in names
    assert manifest[0]["matches"] is True and manifest[0]["url"] == "https://council.example/plan"
    assert manifest[1]["missing"] is True


def test_cli_report_and_export_on_the_bundled_examples(tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"), "HF_HUB_OFFLINE": "1"}
    import os

    env = {**os.environ, **env}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "productivity_plans",
            "report",
            "--out",
            str(tmp_path),
            "--examples",
            "--no-pdf",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    html = (tmp_path / "sector-report.html").read_text(encoding="utf-8")
    assert "Source: 13 documents from 11 councils" in html
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "productivity_plans",
            "export",
            "--out",
            str(tmp_path),
            "--format",
            "zip",
            "--examples",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    with zipfile.ZipFile(tmp_path / "originals.zip") as archive:
        assert len([n for n in archive.namelist() if n.startswith("originals/")]) == 13
