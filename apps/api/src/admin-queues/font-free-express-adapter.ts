import { ExpressAdapter } from '@bull-board/express';
import type { AppViewRoute } from '@bull-board/api/typings/app';
import type { NextFunction, Request, Response } from 'express';

/** bull-board's page links its fonts from Google, which is blocked where Fangquan's users are: the page goes without (system fonts). */
export function withoutOutsideFonts(html: string): string {
  return html.replace(/<link\b[^>]*\bhref="https?:\/\/fonts\.(?:googleapis|gstatic)\.com[^>]*>\s*/gi, '');
}

/** bull-board's Express adapter, serving its page without outside fonts. */
export class FontFreeExpressAdapter extends ExpressAdapter {
  override setEntryRoute(routeDef: AppViewRoute): ExpressAdapter {
    if (routeDef.method !== 'get') throw new Error(`bull-board's entry route is served by GET, not ${routeDef.method}`);
    const routes = Array.isArray(routeDef.route) ? routeDef.route : [routeDef.route];
    this.app.get(routes, (_request: Request, response: Response, next: NextFunction) => {
      const { name, params } = routeDef.handler({ basePath: this.basePath, uiConfig: this.uiConfig });
      response.render(name, params, (error: Error | null, html: string) =>
        error ? next(error) : response.type('html').send(withoutOutsideFonts(html)),
      );
    });
    return this;
  }
}
