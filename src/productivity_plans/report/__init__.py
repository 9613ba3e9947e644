"""The sector report: a self-contained HTML file and its PDF, every number linked to evidence."""

from productivity_plans.report.render import ReportPaths, build_report, render_html

__all__ = ["ReportPaths", "build_report", "render_html"]
