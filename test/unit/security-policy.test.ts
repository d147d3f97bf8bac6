import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { MAX_URL_LENGTH, contentSecurityPolicy, isEmbedPath } from '@/lib/security/policy';

/** The policy's directives by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('the Content-Security-Policy', () => {
  it('in production: scripts and <style> only by nonce, no unsafe-eval, no unsafe-inline but for style attributes', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc', embed: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect([...policy.values()].flat()).not.toContain('blob:');
  });

  it('the embeds may be framed by any page; only /embed and below are embeds', () => {
    expect(directives(contentSecurityPolicy({ nonce: 'n', embed: true })).get('frame-ancestors')).toEqual(['*']);
    for (const path of ['/embed', '/embed/simulator', '/embed/compare']) expect(isEmbedPath(path), path).toBe(true);
    for (const path of ['/', '/embedded', '/simulator', '/compare/embed', '/embed-simulator']) expect(isEmbedPath(path), path).toBe(false);
  });
});

describe('proxy', () => {
  it('gives a page a fresh nonce, shared by the response policy and the request Next renders from', () => {
    const a = proxy(new NextRequest('http://localhost/simulator'));
    const b = proxy(new NextRequest('http://localhost/simulator'));
    const nonce = /'nonce-([^']+)'/.exec(a.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(b.headers.get('content-security-policy')).not.toContain(nonce);
    // Next passes changed request headers on as x-middleware-request-*.
    expect(a.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(a.headers.get('x-middleware-request-content-security-policy')).toBe(a.headers.get('content-security-policy'));
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers anything but GET and HEAD with 405 on every route', () => {
    for (const path of ['/', '/simulator', '/compare', '/embed/compare', '/_next/static/x.js']) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const response = proxy(new NextRequest(`http://localhost${path}`, { method }));
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get('allow')).toBe('GET, HEAD');
      }
      expect(proxy(new NextRequest(`http://localhost${path}`, { method: 'HEAD' })).status).toBe(200);
    }
  });

  it('answers an address over the limit with 414, and one at the limit as usual', () => {
    const at = `/compare?seed=${'9'.repeat(MAX_URL_LENGTH - '/compare?seed='.length)}`;
    expect(proxy(new NextRequest(`http://localhost${at}`)).status).toBe(200);
    const over = proxy(new NextRequest(`http://localhost${at}9`));
    expect(over.status).toBe(414);
    expect(over.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});
