import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The function Next's server reads a request's address with (base-server → parseUrl): the page's
// `searchParams` object is its `query`.
import { parseRelativeUrl } from 'next/dist/shared/lib/router/utils/parse-relative-url';
import { parseCompareUrl } from '@/lib/compare/url';
import { searchParamsOf, type PageSearchParams } from '@/lib/url/query';
import { parseSimulatorParams } from '@/lib/url/simulatorParams';
import { shownText } from '@/machines/world/settingsSchema';

/**
 * Hostile addresses: the server (Next's `searchParams`, read through `searchParamsOf`) and the
 * browser (`location.search` with URLSearchParams) must read the same settings and write the same
 * notice, or the page fails to hydrate (React #418, as `?monitoring=%00` once did). And what a
 * notice shows must survive the trip through the server's UTF-8 HTML unchanged.
 */

const ORIGIN = 'http://127.0.0.1:3000';

/** The address as the browser keeps it after typing or following `/path?query`. */
function browserUrl(path: string, query: string): URL {
  return new URL(`${path}?${query}`, ORIGIN);
}

/** What the server reads: the request line the browser sends, parsed by Next, back to URLSearchParams. */
function serverParams(url: URL): URLSearchParams {
  const { query } = parseRelativeUrl(`${url.pathname}${url.search}`);
  return searchParamsOf(query as PageSearchParams);
}

/** What the browser reads: its own `location.search`. */
function clientParams(url: URL): URLSearchParams {
  return new URLSearchParams(url.search);
}

/** Text the server writes into HTML (UTF-8) and the browser reads back. */
function throughHtml(text: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(text));
}

/** Text a page shows: unchanged by the HTML round trip, and no control character. */
function expectShowable(text: string) {
  expect(throughHtml(text)).toBe(text);
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  expect(text).not.toMatch(/[\u0000-\u001f\u007f]/);
}

const NAMES = [
  'modes',
  'mode',
  'seed',
  'days',
  'commits',
  'coverage',
  'defects',
  'monitoring',
  'culture',
  'cadence',
  'learning',
  'v',
  'speed',
  'approver',
  'threshold',
  'faults',
  't',
  'commitsPerDay',
  'utm_source',
  '1',
  '42',
];

const hostileValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }), // lone surrogates included
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '%00',
    '%ED%A0%80',
    '%F0%9F',
    '%C0%80',
    '%',
    '%%',
    '%zz',
    '+',
    '%2B',
    '&',
    '=',
    '0x2A',
    '1e1',
    '0x5A',
    '-0',
    'Infinity',
    'NaN',
    ' 42',
    '42 ',
    '٤٢',
    '4\u00002',
  ),
  fc.constantFrom(`${'a'.repeat(39)}😀😀`, `${'%F0%9F%98%80'.repeat(45)}`, `${'\u0000'.repeat(50)}`),
  fc.integer({ min: 1, max: 4 }).map((n) => 'x'.repeat(n * 2500)), // up to 10,000 characters
  fc.constantFrom('delivery', 'deployment', 'manual,ci', 'on', 'off', 'silos', '42', '90', '70', 'learner'),
);
const hostileName = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('%00', 'se%00ed', 'seed%20', 'SEED', '', 'constructor', 'toString', '__proto__', 'hasOwnProperty'),
);

/** A query string: pairs, repeated keys likely (few names), written raw or percent-encoded, or plain noise. */
const hostileQuery = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(hostileName, hostileValue, fc.boolean()), { maxLength: 8 })
      .map((pairs) => pairs.map(([k, v, raw]) => (raw ? `${k}=${v}` : `${encode(k)}=${encode(v)}`)).join('&')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

/** encodeURIComponent, or the raw text when it holds a lone surrogate (which it refuses). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

const RUNS = { numRuns: 600 };

describe('server and browser read an address the same way', () => {
  it('/compare: the same settings and the same notice, for any query', () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        for (const path of ['/compare', '/embed/compare']) {
          const url = browserUrl(path, query);
          const server = parseCompareUrl(serverParams(url));
          const client = parseCompareUrl(clientParams(url));
          expect(server).toEqual(client);
          for (const p of server.problems) {
            expectShowable(p.value);
            expectShowable(p.message);
            // At most 40 characters of what was given (a control character is written as \u0000).
            expect(Array.from(p.value).length).toBeLessThanOrEqual(40 * 6 + 1);
          }
        }
      }),
      RUNS,
    );
  });

  it('/simulator and /embed/simulator: the same start state, and notices a page can show, for any query', () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        const url = browserUrl('/simulator', query);
        const server = parseSimulatorParams(serverParams(url));
        const client = parseSimulatorParams(clientParams(url));
        expect(server.config).toEqual(client.config);
        // The simulator is read only in the browser, so only the settings are held to the server's
        // reading here: Next's object loses `__proto__` (and with it, `__proto__=x&0=y` reads 0 as
        // ["x", "y"]), which shifts notices about unknown names but never a setting.
        for (const n of client.notices) {
          expect(throughHtml(n.param)).toBe(n.param);
          expectShowable(n.message);
        }
      }),
      RUNS,
    );
  });

  it('the inputs the hostile-URL sweep found: NUL, lone surrogates, cut emoji, 10,000 characters, repeated keys', () => {
    const cases = [
      'monitoring=%00',
      'seed=%ED%A0%80',
      `culture=${'a'.repeat(39)}%F0%9F%98%80%F0%9F%98%80`,
      `seed=${'9'.repeat(10_000)}`,
      'seed=7&seed=8&days=30&days=%00',
      'modes=%00,delivery',
    ];
    for (const query of cases) {
      const url = browserUrl('/compare', query);
      const server = parseCompareUrl(serverParams(url));
      expect(server).toEqual(parseCompareUrl(clientParams(url)));
      for (const p of server.problems) {
        expectShowable(p.value);
        expectShowable(p.message);
      }
    }
    expect(parseCompareUrl(serverParams(browserUrl('/compare', 'seed=7&seed=8'))).settings.seed).toBe(7);
  });

  it('a notice never cuts a character in two, nor shows a lone surrogate', () => {
    expect(shownText(`${'a'.repeat(39)}😀😀`)).toBe(`${'a'.repeat(39)}😀…`);
    expect(shownText('\ud800x')).toBe('\ufffdx');
    expect(shownText('x\udc00')).toBe('x\ufffd');
    expect(shownText('😀')).toBe('😀');
    expect(shownText('a\u0000b')).toBe('a\\u0000b');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
        expectShowable(shownText(text));
      }),
      { numRuns: 2000 },
    );
  });
});
