import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/** Where the dashboard's files are: the built app (dist/apps/dashboard) unless DASHBOARD_DIR says otherwise. */
export const DASHBOARD_FILES = Symbol('DASHBOARD_FILES');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Hashed build assets (Vite names them `assets/<name>-<hash>.<ext>`): cached for a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the other unhashed files: revalidated on every load (ETag), so a new build shows at once. */
export const REVALIDATE = 'no-cache';

export interface DashboardFile {
  body: Buffer;
  contentType: string;
  cacheControl: string;
  etag: string;
}

/**
 * The dashboard as static files under `/ui`: a path names a file of the build, or (without an
 * extension) is one of the app's own pages, answered with index.html so a deep link or a reload
 * works (the app routes in the browser). Nothing outside the folder is ever read.
 */
export class DashboardFiles {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file for a path below `/ui` (`''` is the app itself), or null: a 404. */
  async find(path: string): Promise<DashboardFile | null> {
    const clean = path.replace(/^\/+/, '');
    if (clean.split('/').some((part) => part === '..' || part.includes('\0'))) return null;
    const target = resolve(join(this.root, clean));
    if (clean && target.startsWith(this.root + sep)) {
      const file = await this.read(target, clean.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
      if (file) return file;
    }
    // A page of the app (a deep link): the app itself. A missing file (with an extension) is a 404.
    if (extname(clean)) return null;
    return this.read(join(this.root, 'index.html'), REVALIDATE);
  }

  private async read(file: string, cacheControl: string): Promise<DashboardFile | null> {
    try {
      if (!(await stat(file)).isFile()) return null;
      const body = await readFile(file);
      const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
      return { body, contentType: TYPES[extname(file)] ?? 'application/octet-stream', cacheControl, etag };
    } catch {
      return null;
    }
  }
}
