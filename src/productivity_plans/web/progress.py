"""Progress updates as page material: one chart and one table per measure, and the actions.

Shared by the public council page (published updates only) and the council's workspace (drafts
too), so both show the same thing the same way; every table also downloads as CSV.
"""

from __future__ import annotations

from dataclasses import dataclass

from productivity_plans.store.workspace import ProgressUpdate, measure_series
from productivity_plans.web.charts import Chart, line_chart
from productivity_plans.web.tables import Column, Table

ACTION_STATUS_LABELS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "done": "Done",
    "delayed": "Delayed",
}
ACTION_STATUS_TAGS = {
    "not_started": "govuk-tag--grey",
    "in_progress": "govuk-tag--blue",
    "done": "govuk-tag--green",
    "delayed": "govuk-tag--orange",
}


@dataclass(frozen=True, slots=True)
class MeasureView:
    slug: str  # the table's name, unique on the page
    chart: Chart
    table: Table


@dataclass(frozen=True, slots=True)
class ProgressView:
    measures: list[MeasureView]
    actions: Table

    @property
    def tables(self) -> list[Table]:
        return [self.actions, *(m.table for m in self.measures)]

    @property
    def empty(self) -> bool:
        return not self.measures and not self.actions.rows


def progress_view(updates: list[ProgressUpdate], *, prefix: str = "progress") -> ProgressView:
    """Charts and tables over ``updates`` (the caller decides which: published or all)."""
    measures = []
    for i, series in enumerate(measure_series(updates), start=1):
        unit = f" ({series.unit})" if series.unit else ""
        table = Table(
            f"{prefix}-measure-{i}",
            f"{series.measure}{unit}: values",
            [
                Column("date", "Date"),
                Column("period", "Period"),
                Column("value", "Value", numeric=True),
                Column("unit", "Unit"),
                Column("source", "Source"),
                Column("note", "Note"),
            ],
        )
        for v in series.values:
            table.add(
                {
                    "date": v.date.isoformat(),
                    "period": v.period,
                    "value": f"{v.value:g}",
                    "unit": v.unit,
                    "source": v.source,
                    "note": v.note,
                }
            )
        measures.append(MeasureView(table.name, line_chart(series), table))
    actions = Table(
        f"{prefix}-actions",
        "Actions and milestones",
        [
            Column("title", "Action or milestone"),
            Column("status", "Status"),
            Column("date", "Date"),
            Column("note", "Note"),
            Column("update", "Update"),
        ],
    )
    for update in updates:
        for a in update.actions:
            actions.add(
                {
                    "title": a.title,
                    "status": ACTION_STATUS_LABELS[a.status],
                    "date": a.date.isoformat() if a.date else None,
                    "note": a.note,
                    "update": update.title,
                }
            )
    return ProgressView(measures, actions)
