import http from "node:http";
import { SECURITY_HEADERS, methodNotAllowedPage, PAGE_METHODS } from "./policy";

/**
 * TRACE cannot reach proxy.ts: the Fetch standard forbids it (as it forbids TRACK, which Node refuses
 * with 400 before any code runs, and CONNECT, which is not a page request), so the Request that Next
 * builds for the proxy throws and the server would answer 500. The server answers them here, before
 * Next, with the 405 every other method but GET and HEAD gets from the proxy.
 */
const FORBIDDEN_BY_FETCH = new Set(["TRACE"]);
const PATCHED = Symbol.for("pipeline-lab.refuse-methods");

export function refuseMethodsFetchCannotCarry(): void {
  const proto = http.Server.prototype as http.Server & { [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const method = (request.method ?? "").toUpperCase();
      if (FORBIDDEN_BY_FETCH.has(method)) {
        response.writeHead(405, {
          ...SECURITY_HEADERS,
          Allow: PAGE_METHODS.join(", "),
          "Content-Type": "text/html; charset=utf-8",
          "Content-Security-Policy": "default-src 'none'; frame-ancestors 'self'",
          "Cache-Control": "no-store",
        });
        response.end(methodNotAllowedPage(method));
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
