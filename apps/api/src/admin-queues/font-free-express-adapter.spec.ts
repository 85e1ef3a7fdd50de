import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutOutsideFonts } from './font-free-express-adapter';

describe('withoutOutsideFonts', () => {
  it("removes the Google Fonts link of bull-board's own page and keeps the rest", () => {
    const ui = join(process.cwd(), 'node_modules', '@bull-board', 'ui');
    const template = readFileSync(join(ui, 'dist', 'index.ejs'), 'utf8');
    expect(template).toContain('fonts.googleapis.com');
    const served = withoutOutsideFonts(template);
    expect(served).not.toContain('fonts.googleapis.com');
    expect(served).toContain('static/css/');
    expect(served).toContain('<%= title %>');
    expect(template.length - served.length).toBeLessThan(300);
  });
});
