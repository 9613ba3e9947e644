"""Line charts of a council's measures, drawn on the server as SVG.

Only the geometry is computed here; ``templates/chart.html`` writes the SVG with Jinja's
autoescaping, so a measure's name or unit can never become markup. Colours and strokes are SVG
presentation attributes, which the page's Content-Security-Policy (no inline styles) allows.
Every chart has a title and description for screen readers and a table of the same values
beside it; the chart is a picture of the table, never the only place a value appears.
"""

from __future__ import annotations

from dataclasses import dataclass

from productivity_plans.store.workspace import MeasureSeries

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 20, 44


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    label: str  # "2024-09-30: 41.5 %", the point's tooltip


@dataclass(frozen=True, slots=True)
class Tick:
    at: float  # pixel position along its axis
    label: str
    anchor: str = "middle"  # SVG text-anchor: the end ticks keep their labels inside the box


@dataclass(frozen=True, slots=True)
class Chart:
    measure: str
    unit: str | None
    width: int
    height: int
    points: list[Point]
    path: str  # the line through the points, "M x y L x y …"
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    baseline: float  # y pixel of the bottom axis
    description: str  # what a screen reader hears instead of the picture


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def line_chart(series: MeasureSeries) -> Chart:
    """The series' values by date: x is time (days), y runs from zero (or the lowest value, if
    negative) to the highest value, so the picture does not exaggerate small changes."""
    values = series.values
    days = [v.date.toordinal() for v in values]
    first, last = min(days), max(days)
    low = min(0.0, *(v.value for v in values))
    high = max(v.value for v in values)
    if high == low:
        high = low + 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: int) -> float:
        return LEFT + (plot_w / 2 if last == first else (day - first) / (last - first) * plot_w)

    def y(value: float) -> float:
        return TOP + plot_h - (value - low) / (high - low) * plot_h

    unit = f" {series.unit}" if series.unit else ""
    points = [
        Point(
            round(x(d), 1), round(y(v.value), 1), f"{v.date.isoformat()}: {_number(v.value)}{unit}"
        )
        for d, v in zip(days, values, strict=True)
    ]
    path = " ".join(f"{'M' if i == 0 else 'L'} {p.x} {p.y}" for i, p in enumerate(points))
    y_ticks = [Tick(round(y(t), 1), _number(t)) for t in (low, (low + high) / 2, high)]
    x_ticks = [
        Tick(points[0].x, values[0].date.isoformat(), "middle" if last == first else "start")
    ]
    if last != first:
        x_ticks.append(Tick(points[-1].x, values[-1].date.isoformat(), "end"))
    description = (
        f"{series.measure}: {len(values)} value{'s' if len(values) != 1 else ''} from "
        f"{values[0].date.isoformat()} to {values[-1].date.isoformat()}; first "
        f"{_number(values[0].value)}{unit}, latest {_number(values[-1].value)}{unit}. "
        "The same values are in the table below."
    )
    return Chart(
        series.measure,
        series.unit,
        WIDTH,
        HEIGHT,
        points,
        path,
        y_ticks,
        x_ticks,
        float(TOP + plot_h),
        description,
    )
