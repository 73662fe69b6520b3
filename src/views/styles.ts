import { createHash } from 'node:crypto';

/**
 * The pages' only stylesheet, inline so there are no external assets. It is
 * written without the characters HTML escaping changes (ampersand, angle
 * brackets, quotes), so it can be rendered as an ordinary escaped child of
 * <style> and its hash below matches what the browser sees; the
 * Content-Security-Policy allows exactly this stylesheet and nothing else.
 */
export const STYLESHEET = `
:root { --ink: #1b1f24; --muted: #555f6b; --line: #d5dae0; --bg: #ffffff; --soft: #f3f5f7; --accent: #0b5cad; --accent-ink: #ffffff;
  --good: #17663a; --warn: #8a4b00; --bad: #a1262c; --mark: #ffe27a; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, Segoe UI, Roboto, sans-serif; line-height: 1.5; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
/* The focus ring has at least 3:1 against whatever is behind it (test/pages/focus-ring.test.ts): near-black on the light page,
   pale gold in the dark header. The halo fills the gap between control and ring in the opposite tone, so the ring stays
   distinct from the control itself (a blue button, a red one) and from a background this rule did not foresee. */
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #1b1f24; outline-offset: 2px; box-shadow: 0 0 0 2px #ffffff; }
header.site :focus-visible, .skip:focus-visible { outline-color: #ffd166; box-shadow: 0 0 0 2px #10253f; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; padding: 0; }
.skip { position: absolute; left: -999px; top: 0; background: var(--ink); color: #fff; padding: .5rem 1rem; }
.skip:focus { left: 0; z-index: 10; }
header.site { background: #10253f; color: #fff; }
header.site .bar { max-width: 72rem; margin: 0 auto; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
header.site .brand { font-weight: 700; font-size: 1.15rem; color: #fff; text-decoration: none; margin-right: 1rem; }
header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
header.site nav a { color: #fff; text-decoration: none; padding: .2rem 0; border-bottom: 3px solid transparent; }
header.site nav a[aria-current=page] { border-bottom-color: #f5a623; }
header.site .who { margin-left: auto; display: flex; gap: .75rem; align-items: center; font-size: .9rem; }
header.site .who .muted { color: #c9d3de; }
header.site .who button { background: transparent; color: #fff; border: 1px solid #8fa3bb; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
p.lead { color: var(--muted); margin-top: -.5rem; }
.muted { color: var(--muted); }
.small { font-size: .875rem; }
label { display: block; font-weight: 600; margin-bottom: .2rem; }
.hint { display: block; font-weight: 400; color: var(--muted); font-size: .85rem; }
input[type=text], input[type=number], input[type=password], input[type=search], select, textarea {
  width: 100%; padding: .45rem .5rem; font: inherit; border: 1px solid #8a949e; border-radius: 4px; background: #fff; color: var(--ink); }
textarea { min-height: 5rem; }
button, .button { display: inline-block; font: inherit; font-weight: 600; padding: .45rem 1rem; border-radius: 4px; border: 1px solid var(--accent);
  background: var(--accent); color: var(--accent-ink); cursor: pointer; text-decoration: none; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
button.danger { background: var(--bad); border-color: var(--bad); }
.field { margin-bottom: .8rem; }
fieldset.list { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem .6rem; margin: 0 0 1rem; min-width: 0; }
fieldset.list legend { font-weight: 600; padding: 0 .25rem; }
fieldset.list.invalid { border: 2px solid var(--bad); }
ol.entries { list-style: none; margin: .3rem 0 0; padding: 0; display: grid; gap: .4rem; }
ol.entries li.invalid input { border: 2px solid var(--bad); }
fieldset.checks { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem .6rem; margin: 0 0 1rem; min-width: 0; }
fieldset.checks legend { font-weight: 600; padding: 0 .25rem; }
fieldset.checks.invalid { border: 2px solid var(--bad); }
ul.checks { list-style: none; margin: .3rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
ul.checks label { font-weight: 400; display: inline; }
.history-row { display: grid; gap: .25rem .75rem; grid-template-columns: minmax(10rem, 3fr) minmax(5rem, 1fr) minmax(5rem, 1fr); align-items: end; }
.history-row label { font-weight: 400; font-size: .85rem; }
@media (max-width: 30rem) { .history-row { grid-template-columns: 1fr 1fr; } .history-row .title-box { grid-column: 1 / -1; } }
nav.jump ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0 0 1rem; padding: 0; font-size: .95rem; }
.field.invalid input, .field.invalid textarea, .field.invalid select { border: 2px solid var(--bad); }
.error-text { color: var(--bad); font-weight: 600; font-size: .9rem; display: block; }
.errors { border: 2px solid var(--bad); padding: .5rem 1rem; border-radius: 4px; margin: 0 0 1rem; }
.notice { border-left: 4px solid var(--good); background: #eef7f1; padding: .5rem 1rem; margin: 0 0 1rem; }
.grid { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); align-items: end; }
.layout { display: grid; gap: 1.5rem; grid-template-columns: 15rem 1fr; }
@media (max-width: 48rem) { .layout { grid-template-columns: 1fr; } }
.facets h3 { font-size: .95rem; margin-top: 1rem; }
.facets ul { list-style: none; margin: 0; padding: 0; font-size: .9rem; }
.facets li { margin: .15rem 0; }
.facets a[aria-current=true] { font-weight: 700; }
ol.results, ul.cards { list-style: none; margin: 0; padding: 0; }
.results li.result, li.card { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin-bottom: .75rem; }
.results .meta, .card .meta { color: var(--muted); font-size: .9rem; margin: .1rem 0 .4rem; }
.results .snippet { margin: .25rem 0 0; font-size: .95rem; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; }
.pager { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin-top: 1rem; }
.pager ul.pages { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem .6rem; margin: 0; padding: 0; }
.pager ul.pages a { display: inline-block; min-width: 1.5rem; min-height: 1.5rem; text-align: center; }
.pager a[aria-current=page] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--accent); }
.tag.flag-no-activity { color: var(--bad); border-color: var(--bad); background: #fff; }
.tag.flag-newly-added { color: var(--good); border-color: var(--good); background: #fff; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.summary { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .25rem 1rem; margin: 0; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 30rem) { dl.summary { grid-template-columns: minmax(0, 1fr); gap: 0; } dl.summary dd { margin-bottom: .4rem; } }
.score { display: inline-block; min-width: 3.2rem; text-align: center; font-weight: 700; border-radius: 4px; padding: 0 .4rem; background: var(--soft); border: 1px solid var(--line); }
.why { display: grid; gap: .5rem 1.5rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); margin-top: .5rem; font-size: .92rem; }
.why h4 { margin: 0 0 .2rem; font-size: .9rem; }
.why ul { margin: 0; padding-left: 0; list-style: none; }
.why li { margin-bottom: .35rem; }
.ok { color: var(--good); }
.gap { color: var(--bad); }
.tag { display: inline-block; font-size: .8rem; padding: 0 .4rem; border-radius: 3px; border: 1px solid var(--line); background: var(--soft); }
.tag.growing { color: var(--good); border-color: var(--good); }
.tag.shrinking { color: var(--bad); border-color: var(--bad); }
.sector { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin-bottom: 1rem; }
.sector li.pivot { border: 0; border-top: 1px solid var(--line); border-radius: 0; padding: .5rem 0 .25rem; margin: 0; }
.sector ul.cards p { margin: .15rem 0; }
.sector ul.cards ul { margin: .15rem 0; }
.sector h4 { margin: 0 0 .2rem; font-size: 1rem; }
caption { text-align: left; padding: .25rem 0; }
.sector h3 { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
figure.chart { margin: .5rem 0 1rem; max-width: 30rem; min-width: 0; }
figure.chart figcaption { font-weight: 600; margin-bottom: .25rem; }
figure.chart svg { display: block; width: 100%; height: auto; }
figure.chart svg text { font-size: 13px; fill: var(--ink); font-family: inherit; }
figure.chart svg text.axis-name { fill: var(--muted); }
figure.chart .grid { stroke: var(--line); stroke-width: 1; }
figure.chart .axis { stroke: var(--ink); stroke-width: 1; }
figure.chart .line { fill: none; stroke: var(--accent); stroke-width: 2; }
figure.chart .dots circle { fill: var(--accent); }
figure.chart table.chart-table { max-width: 24rem; }
.charts { display: grid; gap: 0 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); }
details { margin: .5rem 0; }
summary { cursor: pointer; font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-top: 1rem; }
form.inline { display: inline; }
.handover-item { border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem .75rem; margin-bottom: 1rem; }
.handover-item h2 { border: 0; margin-top: .5rem; }
dl.handover { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .2rem 1rem; margin: 0; }
dl.handover dt { font-weight: 600; }
dl.handover dd { margin: 0; overflow-wrap: anywhere; }
.tag.closed { color: var(--bad); border-color: var(--bad); }
.break { overflow-wrap: anywhere; }
.description { overflow-wrap: anywhere; max-width: 48rem; }
.pre-line { white-space: pre-line; }
ul.sources { padding-left: 1.2rem; }
ul.sources li { margin-bottom: .5rem; }
@media (max-width: 40rem) {
  table.stack, table.stack tbody, table.stack tr, table.stack td, table.stack caption { display: block; width: 100%; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack tr { border: 1px solid var(--line); border-radius: 6px; margin-bottom: .6rem; padding: .25rem 0; }
  table.stack td { border: 0; padding: .15rem .6rem; }
  table.stack td[data-label]::before { content: attr(data-label); font-weight: 600; margin-right: .5em; }
  table.stack td.num { text-align: left; }
  table.stack caption.visually-hidden { width: 1px; }
}
.scroll-x { overflow-x: auto; max-width: 100%; }
@media (max-width: 30rem) { dl.handover { grid-template-columns: 1fr; } dl.handover dd { margin-bottom: .4rem; } }
@media print {
  header.site, .skip, .no-print { display: none; }
  body { font-size: 11pt; }
  .handover-item { break-inside: avoid; page-break-inside: avoid; border-color: #000; }
  a { color: #000; }
}
/* Employer pages (/employer). */
input[type=date] { width: 100%; max-width: 14rem; padding: .45rem .5rem; font: inherit; border: 1px solid #8a949e; border-radius: 4px; background: #fff; color: var(--ink); }
.vacancy-form .grid { align-items: start; }
.vacancy-form fieldset.pay { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem 0; margin: 0 0 1rem; min-width: 0; }
.vacancy-form fieldset.pay legend { font-weight: 600; padding: 0 .25rem; }
.employer-vacancies .where { display: block; }
.employer-vacancies tr.highlight td { background: #eef7f1; }
`;

/** For the Content-Security-Policy header: the only stylesheet the browser may apply. */
export const STYLESHEET_HASH = `sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}`;
