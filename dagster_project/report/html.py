"""The report as one self-contained HTML file: summary, charts as inline SVG, tables. Nothing is
loaded from the network."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd


def bar_chart(
    labels: list[str], values: list[float | None], title: str, percent: bool = False
) -> str:
    """A horizontal bar chart as inline SVG; suppressed (missing) values are drawn as a gap."""
    shown = [v for v in values if v is not None and not pd.isna(v)]
    top = max(shown, default=0) or 1
    row, width, label_w = 22, 640, 220
    height = row * len(labels) + 30
    parts = [
        f'<svg role="img" aria-label="{html.escape(title)}" width="{width}" height="{height}" '
        'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">',
        f'<text x="0" y="14" font-weight="bold">{html.escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 24 + i * row
        parts.append(f'<text x="0" y="{y + 14}">{html.escape(str(label))[:34]}</text>')
        if value is None or pd.isna(value):
            parts.append(f'<text x="{label_w}" y="{y + 14}" fill="#888">· undertrykt</text>')
            continue
        bar = (width - label_w - 70) * float(value) / top
        text = f"{float(value) * 100:.1f} %" if percent else f"{float(value):,.0f}"
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{bar:.1f}" height="{row - 8}" fill="#1F4E79"/>'
        )
        parts.append(f'<text x="{label_w + bar + 4:.1f}" y="{y + 14}">{text}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "<p><em>Intet offentliggjort for perioden.</em></p>"
    shown = frame.astype(object).where(frame.notna(), "·")
    return shown.to_html(index=False, border=0, classes="data", escape=True)


def write_html(
    path: Path, quarter: str, summary: list[str], sections: list[tuple[str, str, pd.DataFrame]]
) -> None:
    body = [f"<h1>Kvartalsrapport {html.escape(quarter)}</h1>"]
    body += [f"<p>{html.escape(p)}</p>" for p in summary]
    for title, chart, frame in sections:
        body.append(f"<h2>{html.escape(title)}</h2>")
        if chart:
            body.append(chart)
        body.append(_table(frame.head(500)))
    style = (
        "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
        "table.data{border-collapse:collapse;font-size:12px}"
        "table.data td,table.data th{border-bottom:1px solid #ddd;padding:2px 6px}"
        "table.data th{background:#1F4E79;color:#fff}"
    )
    document = (
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">'
        f"<title>Kvartalsrapport {html.escape(quarter)}</title><style>{style}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )
    path.write_text(document, encoding="utf-8")
