/** Inline CSS of `report.html` (no external fonts or files). */
export const REPORT_CSS = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--good:#1a7f37;--bad:#cf222e}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:24px 28px 64px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:18px 0 8px}
.sub{color:var(--muted);margin:0 0 16px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px;margin:16px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:var(--soft)}
.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .v{font-size:26px;font-weight:600;font-variant-numeric:tabular-nums}
.card .ci{color:var(--muted);font-size:12px}
table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600;font-size:13px}
td.num,th.num{text-align:right}
.pass{color:var(--good);font-weight:600}.fail{color:var(--bad);font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.chart{background:#fff;border:1px solid var(--line);border-radius:6px}
.chart-title{font-size:13px;font-weight:600;fill:var(--fg)}
.tick{font-size:11px;fill:var(--muted)}.axis-label{font-size:12px;fill:var(--fg)}.legend{font-size:11px;fill:var(--fg)}
.grid{stroke:#eef1f4}.axis{stroke:#8c959f}.diagonal{stroke:#8c959f;stroke-dasharray:4 4}
.cell-text{font-size:13px;fill:var(--fg)}.cell-text.light{fill:#fff}.empty{fill:var(--soft)}
pre.answer{white-space:pre-wrap;word-break:break-word;margin:0;max-height:7.5em;overflow:auto;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:4px 6px;border-radius:4px}
.note{color:var(--muted);font-size:12px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:3px}
`;
