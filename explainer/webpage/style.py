"""The page's one style sheet: readable on screen at any zoom, and on paper.

Colours are the PDF's (explainer/pdf/styles.py); every text colour is at least
7:1 on white. Routes differ by shape, not colour, so a black-and-white printout
reads the same. Sizes are in rem, so the browser's text size scales everything.
"""

CSS = """
:root { color-scheme: light; }
html { font-size: 100%; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #1a1a1a; background: #ffffff;
  line-height: 1.5; margin: 0 auto; padding: 1rem 1.25rem 2rem; max-width: 60rem; }
h1, h2, h3 { color: #14365d; line-height: 1.25; }
h1 { font-size: 1.75rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.375rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #14365d; padding-bottom: 0.15rem; }
h3 { font-size: 1.125rem; margin: 1.5rem 0 0.4rem; }
p { margin: 0.4rem 0 0.6rem; }
.subtitle, .small, .source, footer { color: #4a4a4a; }
.small, .source, footer { font-size: 0.9rem; }
.notice { border: 2px solid #14365d; background: #eef1f5; padding: 0.5rem 0.75rem; font-weight: bold; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; width: 100%; }
th, td { border: 1px solid #9a9a9a; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; }
th[scope="row"] { font-weight: normal; }
table.facts th[scope="row"] { font-weight: bold; width: 25%; }
table.rules { table-layout: fixed; }
table.rules th, table.rules td, table.facts td { overflow-wrap: anywhere; }  /* a long word wraps, not the page */
table.rules thead th:nth-child(1) { width: 16%; }
table.rules thead th:nth-child(2) { width: 48%; }
tr.unmet { background: #f6e7e4; outline: 2px solid #1a1a1a; }
.status { font-weight: bold; white-space: nowrap; }
ul.checklist { list-style: none; padding-left: 0.25rem; }
ul.checklist li { margin: 0.3rem 0; padding-left: 1.6rem; text-indent: -1.6rem; }
.box { font-size: 1.2rem; margin-right: 0.4rem; }
dl.words dt { font-weight: bold; margin-top: 0.5rem; }
dl.words dd { margin-left: 1.25rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.wide { overflow-x: auto; position: relative; }  /* its screen-reader words stay inside it */
.wide:focus { outline: 3px solid #14365d; outline-offset: 2px; }
table.grid { width: auto; min-width: 100%; font-size: 0.85rem; }
table.grid th, table.grid td { text-align: center; padding: 0.1rem 0.05rem; min-width: 1.6em; }
table.grid th[scope="row"], table.grid thead th:first-child { text-align: left; padding: 0.15rem 0.4rem;
  white-space: nowrap; }
/* The medicine names stay in view while the days scroll sideways, as in the app. */
table.grid tbody th, table.grid thead th:first-child { position: sticky; left: 0; z-index: 1; background: #ffffff; }
table.grid thead th:first-child { background: #eef1f5; }
table.grid td.week, table.grid th.week { border-left: 2px solid #4a4a4a; }
.day { display: inline-block; box-sizing: border-box; width: 2.1em; height: 2.1em; line-height: calc(2.1em - 4px);
  font-size: 0.85em; text-align: center; border-radius: 50%; border: 2px solid transparent; }
.day.clinic { border-color: #1a1a1a; font-weight: bold; }
.day.maybe { border-color: #1a1a1a; border-style: dashed; }
svg.mark { width: 1.1em; height: 1.1em; vertical-align: middle; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.5rem; }
ul.legend li { display: flex; align-items: center; gap: 0.4rem; }
ol.journey { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
ol.journey li { flex: 1 1 12rem; border: 1px solid #1a1a1a; padding: 0.5rem 0.75rem; background: #f2f2f2; }
ol.journey li strong { display: block; color: #14365d; }
.disclaimer { border: 2px solid #14365d; padding: 0 0.75rem 0.5rem; margin-top: 2rem; }
.disclaimer h2 { border-bottom: none; margin-top: 0.75rem; }
footer { margin-top: 1.5rem; border-top: 1px solid #9a9a9a; padding-top: 0.4rem; }
@media (max-width: 30rem) {  /* a phone, or 400% zoom: the status may wrap */
  .status { white-space: normal; }
  body { padding: 0.5rem; }
}
@media print {
  @page { margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { font-size: 14pt; margin-top: 1.2rem; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li, .notice, dd { break-inside: avoid; page-break-inside: avoid; }
  dt { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  .wide { overflow: visible; }
  table.grid { font-size: 7pt; min-width: 0; width: 100%; }
  table.grid th, table.grid td { min-width: 0; }
  .wide:focus { outline: none; }
  tr.unmet { outline: 2px solid #000000; }
}
"""
