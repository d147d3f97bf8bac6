/**
 * The one way the app reads a query string, on the server and in the browser. The browser reads
 * `location.search` with URLSearchParams; the server gets Next's `searchParams` object, which Next
 * made from the same WHATWG URLSearchParams (a key given twice becomes an array; `__proto__` is lost,
 * which no page reads). `searchParamsOf`
 * turns that object back into URLSearchParams, so the page's parser (lib/compare/url.ts,
 * lib/url/simulatorParams.ts) reads exactly what the browser would: test/unit/url-agreement.test.ts
 * checks both ways agree on random and hostile query strings.
 */

/** Next's `searchParams` prop of a page. */
export type PageSearchParams = Record<string, string | string[] | undefined>;

/** Next's `searchParams` object as URLSearchParams, repeated keys kept in their order. */
export function searchParamsOf(record: PageSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined) continue;
    // Only strings: for a name such as "constructor", Next's object also holds what Object.prototype had.
    for (const one of Array.isArray(value) ? value : [value]) if (typeof one === "string") params.append(name, one);
  }
  return params;
}
