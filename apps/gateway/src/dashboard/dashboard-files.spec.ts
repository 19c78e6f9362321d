import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DashboardFiles, IMMUTABLE, REVALIDATE } from './dashboard-files';

describe('the dashboard files', () => {
  const root = mkdtempSync(join(tmpdir(), 'fgw-ui-'));
  const files = new DashboardFiles(root);
  beforeAll(() => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    writeFileSync(join(tmpdir(), 'fgw-ui-outside.txt'), 'secret');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves hashed assets for a year and everything else revalidated', async () => {
    expect(await files.find('assets/index-abc123.js')).toMatchObject({
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: IMMUTABLE,
    });
    expect(await files.find('favicon.svg')).toMatchObject({ contentType: 'image/svg+xml', cacheControl: REVALIDATE });
    const app = await files.find('');
    expect(app).toMatchObject({ contentType: 'text/html; charset=utf-8', cacheControl: REVALIDATE });
    expect(app?.etag).toMatch(/^"[\w-]+"$/);
  });

  it('answers the app for its own pages (deep links) and nothing for missing files or paths outside', async () => {
    expect((await files.find('conversations/123'))?.body.toString()).toContain('<!doctype html>');
    expect(await files.find('assets/missing-1.js')).toBeNull();
    expect(await files.find('../fgw-ui-outside.txt')).toBeNull();
    expect(await files.find('assets/../../fgw-ui-outside.txt')).toBeNull();
    expect(await new DashboardFiles(join(root, 'nope')).find('')).toBeNull();
  });
});
