/**
 * What the app's responses say about themselves: the Content-Security-Policy and the other security
 * headers, the methods a page answers and the longest address it reads. proxy.ts applies them to
 * every response; test/e2e/csp.spec.ts checks a browser sees no violation on any page.
 *
 * The policy allows only what the app uses:
 * - scripts: its own files, and inline scripts that carry this response's nonce (Next's bootstrap
 *   and the theme script in app/layout.tsx); 'strict-dynamic' lets those load the chunks they need.
 *   No 'unsafe-eval': neither React nor Next use eval in production, and nor does the app
 *   (test/unit/no-eval.test.ts).
 * - workers: the metrics and comparison workers are files of the app ('self').
 * - styles: the app's stylesheets and <style> elements with the nonce; inline `style` attributes
 *   (React Flow positions its nodes and edges with them, and the server's HTML carries them).
 * - images: the app's own, and data: URLs (the SVG icons some CSS carries).
 * - framing: the app's own pages only (frame-ancestors 'self'), except the embeds, which any page
 *   may frame (/embed/*).
 */

/** Paths whose pages are made to be framed by other sites (slide decks, LMS pages). */
export function isEmbedPath(pathname: string): boolean {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}

export function contentSecurityPolicy({ nonce, embed, dev = false }: { nonce: string; embed: boolean; dev?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // The dev server injects <style> elements for hot reload without the nonce: dev only, like unsafe-eval.
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${embed ? "*" : "'self'"}`,
  ].join("; ");
}

/** The headers every response carries besides the policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
};

/** The policy of the proxy's own short error pages: no script, their one <style>. */
export const ERROR_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** Pages are read, never posted to: anything else is 405 on every route. */
export const PAGE_METHODS: readonly string[] = ["GET", "HEAD"];

/**
 * The longest address (path and query, in characters as sent) the app reads. Node refuses a request
 * whose line and headers pass 16 KB with an empty 431, which leaves a blank tab; below that the
 * proxy answers a longer address with a short page that says what happened (414).
 */
export const MAX_URL_LENGTH = 12_288;

/** The page a too-long address gets: plain HTML, no script, readable in any theme. */
export function uriTooLongPage(length: number): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Address too long · Pipeline Lab</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#151d29;background:#fff}@media (prefers-color-scheme:dark){body{color:#f3f5f8;background:#151d29}a{color:#56B4E9}}a{color:#0072B2}</style></head>
<body><h1>This address is too long</h1>
<p>It has ${length.toLocaleString("en-US")} characters; Pipeline Lab reads addresses up to ${MAX_URL_LENGTH.toLocaleString("en-US")}. A link made with Share is far shorter: it may have been cut, pasted twice or changed on the way.</p>
<p><a href="/simulator">Open the simulator</a> · <a href="/compare">Compare modes</a> · <a href="/">Home</a></p></body></html>`;
}

export function methodNotAllowedPage(method: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Method not allowed · Pipeline Lab</title></head>
<body><h1>Method not allowed</h1><p>Pages of Pipeline Lab answer GET and HEAD only, not ${method.replace(/[^A-Z-]/gi, "").slice(0, 20)}.</p></body></html>`;
}
