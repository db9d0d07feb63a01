"""Charts drawn on the server as SVG strings: accessible, printable, no JavaScript.

matplotlib's object API (no pyplot, so no global figure state between requests) with the SVG
backend; text stays text (`svg.fonttype: none`) and ids are salted so the same data gives the
same bytes. Callers show every chart with a text alternative and a data table beside it, and
embed it with `data_uri` as an <img>, which keeps the page's strict CSP (a matplotlib SVG styles
its elements inline) and lets WeasyPrint draw it without fetching anything.

Colours are Okabe-Ito (distinct for the common colour-vision deficiencies) and never the only
cue: the two groups also differ by marker, line style and a text label.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

import matplotlib
import numpy as np
from django.utils.translation import gettext as _
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, PercentFormatter

BLUE = "#0072B2"
VERMILLION = "#D55E00"
INK = "#1b1b1f"
MUTED = "#4a4a55"
LINE = "#8a8a96"
STYLES: tuple[dict[str, Any], ...] = (
    {"color": BLUE, "marker": "o", "linestyle": "-"},
    {"color": VERMILLION, "marker": "s", "linestyle": "--"},
)
THRESHOLD_STYLES = ("--", ":", "-.")
RASTER_DPI = 200
# Typed loosely: matplotlib's stubs want a literal key type that a plain dict cannot show.
RC: Any = {
    "svg.fonttype": "none",
    "svg.hashsalt": "redbrolly",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
}


def data_uri(svg: str) -> str:
    """The SVG as an <img src> that needs no request and no inline style on the page."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def to_svg(figure: Figure) -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context(RC):
        figure.savefig(
            buffer, format="svg", bbox_inches="tight", dpi=RASTER_DPI, metadata={"Date": None}
        )
    return buffer.getvalue()


def new_figure(width: float, height: float, **subplots: Any) -> tuple[Figure, Any]:
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(width, height))
        return figure, figure.subplots(**subplots)


def money(currency: str) -> FuncFormatter:
    return FuncFormatter(
        lambda value, _pos: f"-{currency}{-value:,.0f}" if value < 0 else f"{currency}{value:,.0f}"
    )


def ce_plane(
    draws: np.ndarray,
    wtps: Sequence[float],
    *,
    point: tuple[float, float] | None = None,
    currency: str = "£",
    max_points: int = 1000,
) -> str:
    """Cost-effectiveness plane: bootstrap draws as (ΔQALY, Δcost) rows, threshold lines."""
    shown = _thin(np.asarray(draws, dtype=float), max_points)
    figure, axes = new_figure(6.4, 4.6)
    with matplotlib.rc_context(RC):
        axes.scatter(
            shown[:, 0],
            shown[:, 1],
            s=5,
            alpha=0.45,
            color=BLUE,
            linewidths=0,
            label=_("Bootstrap replicate"),
            # One embedded image instead of a thousand <use> elements: PDF renderers draw it
            # in a fraction of the time, and the axes, lines and text stay vector.
            rasterized=True,
        )
        _threshold_lines(axes, shown, wtps, currency)
        if point is not None:
            axes.plot(
                *point,
                marker="D",
                markersize=8,
                color=INK,
                linestyle="none",
                label=_("Point estimate"),
            )
        axes.axhline(0, color=LINE, linewidth=0.8)
        axes.axvline(0, color=LINE, linewidth=0.8)
        _quadrant_labels(axes)
        axes.set_xlabel(_("Incremental QALYs per person (members minus non-members)"))
        axes.set_ylabel(_("Incremental cost per person"))
        axes.yaxis.set_major_formatter(money(currency))
        axes.legend(loc="lower left", fontsize=8, framealpha=0.95)
    return to_svg(figure)


def _thin(draws: np.ndarray, max_points: int) -> np.ndarray:
    if len(draws) <= max_points:
        return draws
    keep = np.random.default_rng(0).choice(len(draws), max_points, replace=False)
    return draws[np.sort(keep)]


def _threshold_lines(axes: Axes, shown: np.ndarray, wtps: Sequence[float], currency: str) -> None:
    low, high = float(min(shown[:, 0].min(), 0)), float(max(shown[:, 0].max(), 0))
    x = np.array([low, high])
    for wtp, style in zip(wtps, THRESHOLD_STYLES, strict=False):
        label = _("%(money)s per QALY") % {"money": f"{currency}{wtp:,.0f}"}
        axes.plot(x, wtp * x, color=INK, linestyle=style, linewidth=1.1, label=label)
    axes.set_xlim(low - 0.05 * (high - low), high + 0.05 * (high - low))
    span = shown[:, 1]
    pad = 0.08 * float(span.max() - span.min() or 1.0)
    axes.set_ylim(min(float(span.min()), 0) - pad, max(float(span.max()), 0) + pad)


def _quadrant_labels(axes: Axes) -> None:
    corners = [
        (0.98, 0.97, "right", "top", _("costs more, more effective")),
        (0.02, 0.97, "left", "top", _("costs more, less effective")),
        (0.98, 0.03, "right", "bottom", _("costs less, more effective")),
    ]
    for x, y, ha, va, text in corners:
        axes.text(x, y, text, transform=axes.transAxes, ha=ha, va=va, fontsize=8, color=MUTED)


def ceac(
    curve: Mapping[str, Sequence[float]] | Any,
    *,
    thresholds: Sequence[float] = (20_000, 30_000),
    currency: str = "£",
) -> str:
    """Cost-effectiveness acceptability curve from columns `wtp` and `p_cost_effective`."""
    wtp = np.asarray(curve["wtp"], dtype=float)
    probability = np.asarray(curve["p_cost_effective"], dtype=float)
    figure, axes = new_figure(6.4, 3.8)
    with matplotlib.rc_context(RC):
        axes.plot(
            wtp,
            probability,
            color=BLUE,
            linewidth=2,
            label=_("Probability membership is cost-effective"),
        )
        for value, style in zip(thresholds, THRESHOLD_STYLES, strict=False):
            axes.axvline(value, color=INK, linestyle=style, linewidth=1)
            axes.text(
                value,
                1.02,
                f"{currency}{value:,.0f}",
                ha="center",
                va="bottom",
                fontsize=8,
                color=INK,
                transform=axes.get_xaxis_transform(),
            )
        axes.set_ylim(0, 1)
        axes.set_xlim(float(wtp.min()), float(wtp.max()))
        axes.yaxis.set_major_formatter(PercentFormatter(1.0))
        axes.xaxis.set_major_formatter(money(currency))
        axes.set_xlabel(_("Willingness to pay per QALY gained"))
        axes.set_ylabel(_("Probability cost-effective"))
        axes.grid(True, color="#dcdce3", linewidth=0.6)
        axes.legend(loc="lower right", fontsize=8, framealpha=0.95)
    return to_svg(figure)


def outcome_change(
    by_arm: Mapping[str, Mapping[str, tuple[float | None, float | None]]],
    *,
    waves: tuple[str, str] | None = None,
) -> str:
    """Small multiples: per outcome, each arm's mean at baseline and at follow-up.

    `by_arm` maps an outcome's label to {arm label: (baseline mean, follow-up mean)}; the first
    arm is drawn blue with circles and a solid line, the second vermillion, squares, dashed.
    """
    waves = waves or (_("Baseline"), _("6 months"))
    columns = min(3, max(1, len(by_arm)))
    rows = int(np.ceil(len(by_arm) / columns)) or 1
    figure, grid = new_figure(3.1 * columns, 2.5 * rows, nrows=rows, ncols=columns, squeeze=False)
    with matplotlib.rc_context(RC):
        panels = list(grid.ravel())
        for axes, (title, arms) in zip(panels, by_arm.items(), strict=False):
            _outcome_panel(axes, title, arms, waves)
        for axes in panels[len(by_arm) :]:
            axes.set_visible(False)
        # Fixed spacing and one legend: tight_layout and per-panel "best" legends cost
        # seconds of text measuring for no visible gain.
        figure.subplots_adjust(hspace=0.45, wspace=0.35)
        handles, labels = panels[0].get_legend_handles_labels()
        figure.legend(
            handles,
            labels,
            loc="upper center",
            ncols=len(labels),
            frameon=False,
            bbox_to_anchor=(0.5, 1.0 + 0.06 / rows),
        )
    return to_svg(figure)


def _outcome_panel(
    axes: Axes,
    title: str,
    arms: Mapping[str, tuple[float | None, float | None]],
    waves: tuple[str, str],
) -> None:
    for (arm, means), style in zip(arms.items(), STYLES, strict=False):
        y = [np.nan if value is None else value for value in means]
        axes.plot([0, 1], y, linewidth=2, markersize=6, label=arm, **style)
    axes.set_xticks([0, 1], waves)
    axes.set_xlim(-0.25, 1.25)
    axes.set_title(title, fontsize=10, color=INK)
    axes.margins(y=0.25)


FLOW_STAGES = ("enrolled", "baseline", "followed_up")
BOX_W, BOX_H, GAP_Y, SIDE_W = 200, 50, 40, 150
MISSING = "\u2013"


def flow_diagram(counts: Mapping[str, Mapping[str, str]]) -> str:
    """Retention flow per arm: enrolled → baseline → followed up, with those lost beside.

    `counts` maps an arm's label to its figures as shown (already suppressed), keyed
    "enrolled", "baseline", "followed_up" and "lost".
    """
    stage_labels = {
        "enrolled": _("Enrolled"),
        "baseline": _("Baseline questionnaire"),
        "followed_up": _("Followed up at 6 months"),
        "lost": _("Lost to follow-up"),
    }
    column_w = BOX_W + SIDE_W + 60
    width = 20 + column_w * len(counts)
    height = 60 + 3 * BOX_H + 2 * GAP_Y + 20
    parts = [_svg_open(width, height, _("Participant flow by arm"))]
    for index, (arm, figures) in enumerate(counts.items()):
        colour = STYLES[index % len(STYLES)]["color"]
        parts.append(_flow_column(20 + index * column_w, arm, figures, stage_labels, colour))
    parts.append("</svg>")
    return "\n".join(parts)


def _svg_open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, sans-serif" font-size="13">'
        f"<title>{escape(title)}</title>"
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{INK}"/></marker>'
        f'</defs><rect width="{width}" height="{height}" fill="#ffffff"/>'
    )


def _flow_column(
    x: int, arm: str, figures: Mapping[str, str], labels: Mapping[str, str], colour: str
) -> str:
    parts = [
        f'<text x="{x + BOX_W / 2}" y="30" text-anchor="middle" font-weight="bold" '
        f'fill="{INK}">{escape(arm)}</text>'
    ]
    for row, stage in enumerate(FLOW_STAGES):
        top = 45 + row * (BOX_H + GAP_Y)
        parts.append(_box(x, top, BOX_W, labels[stage], figures.get(stage, MISSING), colour))
        if row:
            parts.append(_arrow(x + BOX_W / 2, top - GAP_Y, x + BOX_W / 2, top))
    # "Lost" hangs off the middle of the arrow from baseline to follow-up.
    middle = 45 + 2 * BOX_H + GAP_Y + GAP_Y // 2
    lost = figures.get("lost", MISSING)
    parts.append(_box(x + BOX_W + 40, middle - BOX_H // 2, SIDE_W, labels["lost"], lost, LINE))
    parts.append(_arrow(x + BOX_W / 2, middle, x + BOX_W + 40, middle))
    return "\n".join(parts)


def _box(x: float, y: float, width: float, label: str, value: str, colour: str) -> str:
    return (
        f'<rect x="{x}" y="{y}" width="{width}" height="{BOX_H}" rx="6" fill="#ffffff" '
        f'stroke="{colour}" stroke-width="2"/>'
        f'<text x="{x + width / 2}" y="{y + 20}" text-anchor="middle" fill="{INK}" '
        f'font-size="12">{escape(label)}</text>'
        f'<text x="{x + width / 2}" y="{y + 39}" text-anchor="middle" fill="{INK}" '
        f'font-weight="bold">n = {escape(value)}</text>'
    )


def _arrow(x1: float, y1: float, x2: float, y2: float) -> str:
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{INK}" stroke-width="1.5" '
        'marker-end="url(#arrow)"/>'
    )
