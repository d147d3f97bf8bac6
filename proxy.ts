import { NextResponse, type NextRequest } from "next/server";
import {
  ERROR_PAGE_POLICY,
  MAX_URL_LENGTH,
  PAGE_METHODS,
  SECURITY_HEADERS,
  contentSecurityPolicy,
  isEmbedPath,
  methodNotAllowedPage,
  uriTooLongPage,
} from "@/lib/security/policy";

/**
 * Runs before every request (Next 16's proxy, formerly middleware): one rule for every route.
 * - An address longer than MAX_URL_LENGTH gets a short 414 page, not a page that cannot cope.
 * - Pages answer GET and HEAD; anything else is 405 (with `Allow`).
 * - Every response carries the security headers and a Content-Security-Policy with a fresh nonce,
 *   which Next reads from the request's copy of the policy and puts on its own scripts; the root
 *   layout reads it from `x-nonce` for the theme script. Embeds (/embed/*) may be framed by any page.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const length = request.nextUrl.pathname.length + search.length;

  if (length > MAX_URL_LENGTH) {
    return plain(414, uriTooLongPage(length));
  }
  if (!PAGE_METHODS.includes(request.method)) {
    const response = plain(405, methodNotAllowedPage(request.method));
    response.headers.set("Allow", PAGE_METHODS.join(", "));
    return response;
  }

  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const policy = contentSecurityPolicy({ nonce, embed: isEmbedPath(pathname), dev: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-pathname", pathname);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

function plain(status: number, html: string): NextResponse {
  const response = new NextResponse(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  response.headers.set("Content-Security-Policy", ERROR_PAGE_POLICY);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

// No matcher: every response, the build's files and the workers' scripts included, carries the headers.
