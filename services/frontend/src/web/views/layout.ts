import { html, type SafeHtml } from './html.ts';

export interface SiteInfo {
  /** The environment name shown on every page, e.g. `development`. */
  appEnv: string;
  /** The transport the frontend uses to reach the catalog, shown on every page. */
  transport: string;
}

/** The page around every view: head, header with the environment and transport, footer. */
export function layout(site: SiteInfo, title: string | undefined, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title && html`${title} · `}Sample Shop</title>
  <link rel="stylesheet" href="/static/styles.css">
</head>
<body>
  <header class="site-header">
    <a class="brand" href="/">Sample Shop</a>
    <p class="runtime" data-testid="runtime">
      <span class="badge env-${site.appEnv}" data-testid="app-env">${site.appEnv}</span>
      <span class="badge" data-testid="transport">via ${site.transport}</span>
    </p>
  </header>
  <main>
${body}
  </main>
  <footer class="site-footer">Served by the frontend service; data from the catalog backend.</footer>
</body>
</html>
`.markup;
}
