import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import offline from '@/lib/offline/offlineRoutes.json';
import { LESSONS } from '@/machines/lessons/catalog';

/** Every page of app/ as a route ("/learn/[slug]" stays as written). */
function pagesUnder(dir: string, route = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...pagesUnder(path.join(dir, entry.name), `${route}/${entry.name}`));
    else if (entry.name === 'page.tsx') found.push(route || '/');
  }
  return found;
}

describe('the pages the service worker precaches', () => {
  it('are every page of the app, with one entry per lesson (not the bench page)', () => {
    const pages = pagesUnder(path.resolve(__dirname, '../../app'))
      .filter((route) => !route.startsWith('/bench'))
      .flatMap((route) => (route === '/learn/[slug]' ? LESSONS.map((lesson) => `/learn/${lesson.slug}`) : [route]));
    expect([...offline.routes].sort()).toEqual(pages.sort());
  });
});
