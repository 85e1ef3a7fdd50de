/**
 * The page's own styles: phone first, and for print an A4 page with the township's name, the version
 * and its 文号 at the top of every sheet, every item shown (the search box and buttons left out).
 */
export const PUBLIC_LIST_STYLE = `
.public-list { max-width: 960px; margin: 0 auto; padding: 12px 12px 32px; }
.public-list .pl-head { background: #fff; border-radius: 8px; padding: 16px; margin-bottom: 12px; }
.public-list .pl-head h1 { font-size: 22px; margin: 0 0 4px; line-height: 1.3; }
.public-list .pl-meta { color: #595959; font-size: 14px; line-height: 1.8; }
.public-list .pl-qr { display: flex; align-items: center; gap: 12px; margin-top: 12px; }
.public-list .pl-qr img { width: 112px; height: 112px; border: 1px solid #f0f0f0; }
.public-list .pl-search { position: sticky; top: 0; z-index: 2; background: #f5f5f5; padding: 8px 0; }
.public-list .pl-section { background: #fff; border-radius: 8px; padding: 12px 16px; margin-top: 12px; }
.public-list .pl-section h2 { font-size: 18px; margin: 0; }
.public-list .pl-hint { color: #8c8c8c; font-size: 13px; margin: 2px 0 8px; }
.public-list .pl-domain { font-size: 15px; font-weight: 600; margin: 12px 0 4px; color: #1677ff; }
.public-list .pl-item { border-top: 1px solid #f0f0f0; padding: 8px 0; font-size: 15px; line-height: 1.6; }
.public-list .pl-item .pl-name { font-weight: 500; }
.public-list .pl-item .pl-field { color: #595959; font-size: 14px; }
.public-list .pl-item .pl-field b { font-weight: 500; color: #262626; }
.public-list .pl-print-head { display: none; }
@media print {
  @page { size: A4; margin: 18mm 14mm 16mm; }
  body, .public-list .pl-section, .public-list .pl-head { background: #fff !important; }
  .public-list { max-width: none; padding: 0; }
  .public-list .pl-search, .public-list .pl-actions { display: none !important; }
  .public-list .pl-print-head { display: block; position: fixed; top: -12mm; left: 0; right: 0; font-size: 10pt; color: #595959; }
  .public-list .pl-qr img { width: 28mm; height: 28mm; }
  .public-list .pl-section { padding: 0; margin-top: 6mm; }
  .public-list .pl-section h2 { break-after: avoid; }
  .public-list .pl-domain { color: #000; break-after: avoid; }
  .public-list .pl-item { break-inside: avoid; font-size: 10.5pt; padding: 2mm 0; }
  .public-list .pl-item .pl-field { font-size: 9.5pt; }
}
`;
