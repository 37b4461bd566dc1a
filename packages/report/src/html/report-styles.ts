/**
 * Inline CSS of the SVG charts (`lineChart` and the others): their frame, title, ticks,
 * axis labels and notes, legend and point labels. Part of {@link REPORT_CSS}; a page of its
 * own that shows these charts includes it, or their text takes the page's size and spills.
 *
 * @example
 * CHART_CSS; // ':root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de}\n.chart{…'
 */
export const CHART_CSS = `:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de}
.chart{background:#fff;border:1px solid var(--line);border-radius:6px;max-width:100%;height:auto}
.chart-title{font-size:13px;font-weight:600;fill:var(--fg)}
.tick{font-size:11px;fill:var(--muted)}.axis-label{font-size:12px;fill:var(--fg)}.legend{font-size:11px;fill:var(--fg)}
.point-label{font-size:10px;fill:var(--muted);paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.grid{stroke:#eef1f4}.axis{stroke:#8c959f}.diagonal{stroke:#8c959f;stroke-dasharray:4 4}
.axis-note{font-size:11px;fill:#9a6700}.axis-break{stroke:#9a6700;stroke-width:1.5;fill:none}`;

/**
 * Inline CSS of `report.html` (no external fonts or files).
 *
 * @example
 * REPORT_CSS.includes(CHART_CSS); // true
 */
export const REPORT_CSS = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--good:#1a7f37;--bad:#cf222e}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:24px 28px 64px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:18px 0 8px}h4{font-size:14px;margin:14px 0 6px}
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
td.num{white-space:nowrap}.service td.name,.items td:first-child,.nowrap{white-space:nowrap}
.table-scroll{overflow-x:auto;max-width:100%;background:linear-gradient(to right,var(--bg) 30%,rgba(255,255,255,0)) left/40px 100% no-repeat local,linear-gradient(to left,var(--bg) 30%,rgba(255,255,255,0)) right/40px 100% no-repeat local,radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.22),rgba(0,0,0,0)) left/14px 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.22),rgba(0,0,0,0)) right/14px 100% no-repeat scroll}
.scroll-hint{display:none;color:var(--muted);font-size:12px;margin:6px 0 0}
.pass{color:var(--good);font-weight:600}.fail{color:var(--bad);font-weight:600}.v.caution{color:#9a6700;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
${CHART_CSS}
.cell-text{font-size:13px;fill:var(--fg)}.cell-text.light{fill:#fff}.empty{fill:var(--soft)}
pre.answer{white-space:pre-wrap;word-break:break-word;margin:0;max-height:7.5em;overflow:auto;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:4px 6px;border-radius:4px}
.note{color:var(--muted);font-size:12px}
.verdict{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:8px;padding:10px 16px 6px;margin:12px 0 16px;background:var(--soft);overflow-wrap:anywhere}
.verdict-pass{border-left-color:var(--good)}.verdict-fail{border-left-color:var(--bad)}.verdict-caution{border-left-color:#bf8700}
.verdict p,.verdict ul{margin:6px 0}.verdict .outcome{font-weight:600}.verdict .choice{border-top:1px solid var(--line);padding-top:6px}
h2.verdict-title{border:0;margin:0 0 4px;padding:0}
.badge{display:inline-block;padding:1px 8px;border-radius:4px;color:#fff;background:var(--muted);font-size:14px;vertical-align:2px}
.badge-pass{background:var(--good)}.badge-fail{background:var(--bad)}.badge-caution{background:#9a6700}.verdict .caution{color:#7d4e00}
.warn{border-left:4px solid #bf8700;background:#fff8c5;padding:6px 10px;margin:8px 0;border-radius:4px}
table.agreement{width:auto}
table.worst-items{table-layout:fixed;min-width:860px}table.worst-items td{overflow-wrap:anywhere}
.worst-items th:nth-child(1),.worst-items th:nth-child(2){width:11%}.worst-items th:nth-child(3){width:34%}.worst-items th:nth-child(4){width:20%}.worst-items th:nth-child(5){width:24%}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:3px}
@media (max-width:900px){main{padding:16px 12px 48px}.scroll-hint{display:block}}
`;
