"""Charts as inline SVG (matplotlib, Agg): text stays text, so it is searchable and sharp."""

from __future__ import annotations

import importlib
import io
import re
import textwrap
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
RC: Any = {
    "svg.fonttype": "none",
    "svg.hashsalt": "productivity-plans",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _svg(fig: Figure, label: str) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    safe = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{safe}" ', 1)


def heatmap(
    rows: Sequence[str],
    columns: Sequence[str],
    shares: Sequence[Sequence[float | None]],
    notes: Sequence[Sequence[str]],
    label: str,
) -> str:
    """Shares in [0, 1] (None: no councils with documents); each cell annotated with its note."""
    with plt.rc_context(RC):
        fig, ax_ = plt.subplots(
            figsize=(min(5.2, 0.95 * len(columns) + 0.4), 0.7 + 0.5 * len(rows)), dpi=100
        )
        ax: Any = ax_
        data = [[(-0.0001 if v is None else v) for v in row] for row in shares]
        cmap = matplotlib.colormaps["Blues"].with_extremes(under="#eeeeee")
        ax.imshow(data, cmap=cmap, vmin=0, vmax=1, aspect="auto")
        ax.set_xticks(range(len(columns)), labels=list(columns), rotation=0)
        ax.set_yticks(range(len(rows)), labels=[textwrap.fill(r, 26) for r in rows])
        ax.tick_params(length=0)
        for i, row in enumerate(shares):
            for j, v in enumerate(row):
                colour = "white" if v is not None and v > 0.6 else "black"
                ax.text(j, i, notes[i][j], ha="center", va="center", fontsize=9, color=colour)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.xaxis.tick_top()
        ax.set_xticklabels([textwrap.fill(t.get_text(), 12) for t in ax.get_xticklabels()])
        return _svg(fig, label)


def stacked_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    xlabel: str,
    label: str,
) -> str:
    """Horizontal bars, one per category (top to bottom), stacked by series."""
    with plt.rc_context(RC):
        fig, ax_ = plt.subplots(figsize=(7.2, 0.8 + 0.3 * max(len(categories), 2)), dpi=100)
        ax: Any = ax_
        y = list(range(len(categories)))[::-1]
        left = [0] * len(categories)
        for k, (name, values) in enumerate(series):
            ax.barh(y, values, left=left, color=PALETTE[k % len(PALETTE)], label=name, height=0.7)
            left = [a + b for a, b in zip(left, values, strict=True)]
        ax.set_yticks(y, labels=list(categories))
        ax.set_xlabel(xlabel)
        ax.xaxis.get_major_locator().set_params(integer=True)
        for yi, total in zip(y, left, strict=True):
            ax.text(total, yi, f" {total}", va="center", fontsize=8)
        if len(series) > 1:
            ax.legend(loc="lower right", fontsize=8, frameon=False)
        return _svg(fig, label)


def timeline(
    points: Sequence[tuple[date, str, bool]],
    lanes: Sequence[str],
    marks: Sequence[tuple[date, str]],
    label: str,
) -> str:
    """One marker per dated decision (filled) or other governance step (open), in a lane per
    kind of body, with dated marks (letter, deadline) as vertical lines. Markers on the same day
    in a lane are spread slightly so none hides another."""
    with plt.rc_context(RC):
        fig, ax_ = plt.subplots(figsize=(7.2, 0.9 + 0.38 * max(len(lanes), 2)), dpi=100)
        ax: Any = ax_
        lane_y = {name: len(lanes) - 1 - i for i, name in enumerate(lanes)}
        seen: dict[tuple[date, str], int] = {}
        xs: list[date] = []
        ys: list[float] = []
        filled: list[bool] = []
        for day, lane, is_decision in points:
            n = seen.get((day, lane), 0)
            seen[(day, lane)] = n + 1
            xs.append(day)
            ys.append(lane_y[lane] + ((n % 5) - 2) * 0.08)
            filled.append(is_decision)
        for want, name in ((True, "Decision"), (False, "Other step")):
            chosen = [i for i, f in enumerate(filled) if f is want]
            if chosen:
                ax.scatter(
                    [xs[i] for i in chosen],
                    [ys[i] for i in chosen],
                    s=22,
                    facecolors=PALETTE[0] if want else "none",
                    edgecolors=PALETTE[0],
                    alpha=0.8,
                    linewidths=1,
                    label=name,
                )
        ax.legend(loc="lower right", fontsize=8, frameon=True, framealpha=0.9)
        for k, (day, text) in enumerate(marks):
            ax.axvline(day, color=PALETTE[5 if k else 1], linestyle="--", linewidth=1)
            ax.text(day, len(lanes) - 0.4, f" {text}", fontsize=8, va="bottom")
        ax.set_yticks(list(lane_y.values()), labels=list(lane_y))
        ax.set_ylim(-0.6, len(lanes) + 0.2)
        all_days = xs + [d for d, _ in marks]
        ax.set_xlim(min(all_days) - timedelta(days=7), max(all_days) + timedelta(days=7))
        mdates: Any = importlib.import_module("matplotlib.dates")
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.grid(axis="x", color="#dddddd", linewidth=0.5)
        return _svg(fig, label)
