/**
 * The as-of page's own styles: on screen a sheet of A4's width; in print only the sheet, on A4, the
 * application's header, menu and the page's controls left out.
 */
export const AS_OF_STYLE = `
.as-of-sheet { background: #fff; width: 100%; max-width: 210mm; margin: 0 auto; padding: 16mm 14mm; box-shadow: 0 1px 4px rgba(0,0,0,0.08); color: #000; font-size: 14px; line-height: 1.7; }
.as-of-sheet h1 { font-size: 22px; text-align: center; margin: 0 0 4px; letter-spacing: 1px; }
.as-of-sheet .as-of-date { text-align: center; font-size: 15px; margin-bottom: 12px; }
.as-of-sheet .as-of-source { font-size: 13px; color: #333; border: 1px solid #d9d9d9; padding: 6px 10px; margin-bottom: 12px; }
.as-of-sheet h2 { font-size: 16px; margin: 16px 0 6px; }
.as-of-sheet table { width: 100%; border-collapse: collapse; font-size: 13px; }
.as-of-sheet th, .as-of-sheet td { border: 1px solid #8c8c8c; padding: 3px 6px; text-align: left; vertical-align: top; }
.as-of-sheet th { background: #fafafa; font-weight: 600; }
.as-of-sheet td.num { text-align: right; }
.as-of-sheet .as-of-not-ready { color: #cf1322; font-weight: 600; }
.as-of-sheet ul { margin: 0; padding-left: 20px; }
.as-of-sheet .as-of-empty { color: #595959; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  html, body { background: #fff !important; }
  .ant-layout-header, .ant-layout-sider, .ant-alert-banner, .as-of-toolbar { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; min-height: 0 !important; }
  .as-of-sheet { max-width: none; padding: 0; box-shadow: none; font-size: 10.5pt; }
  .as-of-sheet table { font-size: 9.5pt; }
  .as-of-sheet tr, .as-of-sheet .as-of-source { break-inside: avoid; }
  .as-of-sheet h2 { break-after: avoid; }
}
`;
