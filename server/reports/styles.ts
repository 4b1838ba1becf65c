/** Print stylesheet of the report: A4, Chinese typography (Noto Serif CJK SC body, Noto Sans CJK SC headings and tables). */
export const REPORT_CSS = `
@page { size: A4; margin: 22mm 18mm 20mm 18mm; }
@page cover { margin: 0; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; font-size: 10pt; line-height: 1.8; color: #1a1a1a; letter-spacing: .01em;
  text-align: justify; text-justify: inter-ideograph; font-kerning: normal; }
/* One family and ONE face (Noto Sans CJK SC Regular): every extra CJK face (Serif ~2 s, Bold ~0.6 s) costs
   Chromium font subsetting time per PDF, so emphasis is size, colour and rules, never weight (a text stroke
   would turn the glyphs into Type 3 outlines). */
* { font-weight: 400 !important; }
.cover { page: cover; height: 297mm; padding: 48mm 24mm 24mm; display: flex; flex-direction: column; page-break-after: always; break-after: page;
  background: linear-gradient(180deg, #0f2e5a 0, #0f2e5a 6mm, #fff 6mm); }
.cover .org { font-size: 14pt; letter-spacing: .3em; color: #0f2e5a; margin-bottom: 36mm; }
.cover h1 { font-size: 26pt; line-height: 1.35; margin: 0 0 8mm; color: #0f2e5a; letter-spacing: .04em; }
.cover .period { font-size: 16pt; color: #333; margin-bottom: 4mm; }
.cover .region { font-size: 13pt; color: #555; }
.cover .rule { height: 1.2mm; width: 40mm; background: #c8102e; margin: 10mm 0; }
.cover dl { margin-top: auto; display: grid; grid-template-columns: 28mm 1fr; gap: 2.5mm 4mm; font-size: 11pt; color: #333; }
.cover dt { color: #777; }
.cover dd { margin: 0; }
table.kpis { width: auto; margin: 3mm 0; } table.kpis caption { text-align: left; font-weight: bold; } table.kpis th { text-align: left; font-weight: normal; padding-right: 12mm; }
.cover .basis { font-size: 9pt; color: #777; margin-top: 8mm; line-height: 1.6; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; padding-bottom: 1.5mm; border-bottom: 1.5px solid #0f2e5a; color: #0f2e5a; break-after: avoid; }
h2:first-of-type { margin-top: 0; }
p { margin: 0 0 2.5mm; text-indent: 2em; orphans: 2; widows: 2; }
p.empty { text-indent: 0; color: #888; font-size: 9.5pt; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2.5mm; margin: 3mm 0 4mm; break-inside: avoid; }
.kpi { border: 1px solid #d5dce6; border-radius: 1.5mm; padding: 2mm 3mm; }
.kpi b { display: block; font-size: 15pt; font-variant-numeric: tabular-nums; color: #0f2e5a; line-height: 1.3; }
.kpi span { font-size: 8.5pt; color: #666; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 5mm; font-size: 8.5pt; line-height: 1.45; break-inside: auto; }
caption { caption-side: top; text-align: left; font-size: 9.5pt; font-weight: 700; color: #333; padding-bottom: 1.5mm; }
p.caption { text-indent: 0; font-size: 9.5pt; font-weight: 700; font-family: "Noto Sans CJK SC", sans-serif; margin: 2mm 0 1mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.keep { break-inside: avoid; }
caption, p.caption { break-after: avoid; }
th { background: #eef2f8; color: #333; font-weight: 600; text-align: left; padding: 1.4mm 1.8mm; border-bottom: 1px solid #b9c4d4; white-space: nowrap; }
td { padding: 1.2mm 1.8mm; border-bottom: 1px solid #e3e8ef; vertical-align: top; }
tfoot td { font-weight: 700; border-top: 1px solid #b9c4d4; background: #f6f8fb; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bad { color: #c8102e; font-weight: 700; }
.warn { color: #b36b00; font-weight: 700; }
.good { color: #1f7a5a; }
figure { margin: 2mm 0 5mm; break-inside: avoid; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 8.5pt; color: #666; margin-top: 1mm; }
.row2 { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; align-items: start; }
.note { font-size: 8.5pt; color: #555; line-height: 1.6; border-left: 2px solid #c9d3e0; padding-left: 3mm; margin: 3mm 0; }
.note p { text-indent: 0; margin-bottom: 1mm; }
.sign { margin-top: 10mm; text-align: right; font-size: 10.5pt; line-height: 2; }
.section { break-inside: auto; }
@media screen { body { background: #e9edf3; } .page { background: #fff; max-width: 210mm; margin: 0 auto; padding: 18mm; } .cover { max-width: 210mm; margin: 0 auto 6mm; } }
`;
