"""Bar charts as server-rendered SVG: no script, no external library, labels escaped."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Sequence

from markupsafe import Markup

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 24, 40


@dataclass(frozen=True)
class Series:
    """One set of bars; `css` names the class that colours it."""

    name: str
    values: tuple[float, ...]
    css: str = "s1"


def bar_chart(title: str, labels: Sequence[str], series: Sequence[Series]) -> Markup:
    """Grouped bars, one group per label, with a y axis from 0 to the largest value."""
    peak = max((v for s in series for v in s.values), default=0.0) or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    group_w = plot_w / max(len(labels), 1)
    bar_w = max(group_w * 0.8 / max(len(series), 1), 1.0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<text x="{LEFT}" y="14" class="chart-title">{escape(title)}</text>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" class="axis"/>',
        f'<text x="{LEFT - 4}" y="{TOP + 4}" class="tick" text-anchor="end">{_number(peak)}</text>',
        f'<text x="{LEFT - 4}" y="{TOP + plot_h}" class="tick" text-anchor="end">0</text>',
    ]
    step = max(len(labels) // 7, 1)
    for i, label in enumerate(labels):
        x0 = LEFT + i * group_w + group_w * 0.1
        for j, s in enumerate(series):
            value = s.values[i] if i < len(s.values) else 0.0
            h = plot_h * value / peak
            parts.append(
                f'<rect x="{x0 + j * bar_w:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'class="{escape(s.css)}"><title>{escape(s.name)} {escape(label)}: {_number(value)}</title></rect>'
            )
        if i % step == 0:
            parts.append(
                f'<text x="{x0 + group_w * 0.4:.1f}" y="{HEIGHT - BOTTOM + 14}" class="tick" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    for j, s in enumerate(series):
        parts.append(f'<rect x="{LEFT + j * 140}" y="{HEIGHT - 14}" width="10" height="10" class="{escape(s.css)}"/>')
        parts.append(f'<text x="{LEFT + j * 140 + 14}" y="{HEIGHT - 5}" class="tick">{escape(s.name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
