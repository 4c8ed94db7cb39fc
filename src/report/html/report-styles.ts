/** The report's inline stylesheet: system fonts only, nothing fetched. */
import { classificationCss } from './classification-banner.js';

/** CSS for the HTML report. */
export const REPORT_STYLES = `
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#ffffff;--soft:#f6f8fa;--accent:#0969da;--bad:#cf222e;--good:#1a7f37}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg);font-size:14px;line-height:1.45}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
.banner{text-align:center;font-weight:700;letter-spacing:.06em;padding:4px 8px;position:sticky;z-index:10}
.banner-top{top:0}.banner-bottom{bottom:0}
${classificationCss()}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 20px}
header h1{font-size:22px;margin:18px 0 10px}
h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:20px 0 8px}
dl.summary{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:4px 16px;margin:0}
dl.summary dt{color:var(--muted)}dl.summary dd{margin:0;overflow-wrap:anywhere}
.status{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600;background:var(--soft);border:1px solid var(--line)}
.status-completed{color:var(--good);border-color:var(--good)}.status-failed,.status-error{color:var(--bad);border-color:var(--bad)}
.status-running,.status-interrupted{color:#9a6700;border-color:#9a6700}
.run-error{color:var(--bad);white-space:pre-wrap}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:12px}
.chart-box{border:1px solid var(--line);border-radius:6px;padding:6px 8px;max-width:100%;overflow-x:auto}
.chart-box h4{margin:0 0 4px;font-size:13px}
svg.chart{display:block;max-width:100%;height:auto}
svg .grid{stroke:#eaeef2}svg .axis{stroke:var(--muted)}
svg .tick,svg .value{fill:var(--muted);font-size:11px}svg .label{fill:var(--fg);font-size:12px}
svg .whisker{stroke:var(--accent);stroke-width:2}svg .dot{fill:var(--accent)}
.controls{display:flex;gap:10px;align-items:center;flex-wrap:wrap;margin:8px 0}
.controls input[type=search]{flex:1;min-width:220px;padding:5px 8px;border:1px solid var(--line);border-radius:6px;font:inherit}
.controls select,.controls button{padding:4px 8px;border:1px solid var(--line);border-radius:6px;background:var(--soft);font:inherit}
#sample-table tr.sample{cursor:pointer}
#sample-table tr.sample:hover,#sample-table tr.sample:focus{background:#f0f6ff;outline:none}
#sample-table tr.open{background:#eaf2ff}
#sample-table td.answer{max-width:420px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.pass{color:var(--good)}.fail{color:var(--bad)}
tr.detail>td{background:var(--soft);padding:10px 14px}
.detail h4{margin:10px 0 6px;font-size:13px}
.msg{border:1px solid var(--line);border-radius:6px;margin:6px 0;background:var(--bg)}
.msg .role{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;padding:2px 8px;border-bottom:1px solid var(--line)}
.msg pre,.detail pre{margin:0;padding:6px 8px;white-space:pre-wrap;overflow-wrap:anywhere}
.msg-system .role{background:#fff8c5}.msg-user .role{background:#ddf4ff}.msg-assistant .role{background:#dafbe1}
.msg-system{margin-right:10%}.msg-user{margin-right:10%}.msg-assistant{margin-left:10%}
.error-box{border:1px solid var(--bad);color:var(--bad);border-radius:6px;padding:6px 8px;white-space:pre-wrap}
.muted{color:var(--muted)}
.pre-wrap{white-space:pre-wrap}
footer{color:var(--muted);font-size:12px;margin:30px auto 12px}
@media print{.controls{display:none}.banner{position:static}}
`;
