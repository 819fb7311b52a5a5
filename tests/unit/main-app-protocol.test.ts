/**
 * The app:// handler the main process gives to protocol.handle, run on real
 * files: a renderer folder with a secret file beside it and a symbolic link
 * pointing out of it. Requests are built as Electron builds them (a Request,
 * with initiatorOrigin when a page asked).
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../src-main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../src-main/csp';

const base = mkdtempSync(join(tmpdir(), 'contrats-protocol-'));
const rendererDir = join(base, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Contrats</title>');
writeFileSync(join(rendererDir, 'assets/index-abc.js'), 'console.log("app")');
writeFileSync(join(rendererDir, 'assets/index-abc.css'), 'body{}');
// What must never come out: a file beside the renderer folder, and a link inside it pointing out.
writeFileSync(join(base, 'secret.txt'), 'SECRET');
symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'assets/escape.txt'));

const handler = createAppProtocolHandler(rendererDir);

type ElectronRequest = Request & { initiatorOrigin?: string };
function request(url: string, init: RequestInit & { initiatorOrigin?: string } = {}): ElectronRequest {
  const { initiatorOrigin, ...rest } = init;
  const built = new Request(url, rest) as ElectronRequest;
  if (initiatorOrigin !== undefined) Object.defineProperty(built, 'initiatorOrigin', { value: initiatorOrigin });
  return built;
}

describe('app:// protocol handler', () => {
  it('serves the built page and its assets with their type, the CSP header and nosniff', async () => {
    const page = await handler(request('app://contrats/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><title>Contrats</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await handler(request('app://contrats/assets/index-abc.js', { initiatorOrigin: 'app://contrats' }));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("app")');
    const style = await handler(request('app://contrats/assets/index-abc.css', { initiatorOrigin: 'app://contrats' }));
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves index.html for the root, and nothing for a folder or a missing file', async () => {
    expect(await (await handler(request('app://contrats/'))).text()).toContain('<title>Contrats</title>');
    expect((await handler(request('app://contrats/assets/'))).status).toBe(404);
    expect((await handler(request('app://contrats/assets'))).status).toBe(404);
    expect((await handler(request('app://contrats/absent.js'))).status).toBe(404);
  });

  it('refuses every way out of the renderer folder', async () => {
    const attempts = [
      'app://contrats/../secret.txt',
      'app://contrats/%2e%2e/secret.txt',
      'app://contrats/..%2fsecret.txt',
      'app://contrats/..%2Fsecret.txt',
      'app://contrats/assets/..%2F..%2Fsecret.txt',
      'app://contrats/..%5csecret.txt',
      'app://contrats/%2e%2e%2fsecret.txt',
      `app://contrats/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://contrats/index.html%00.js',
      'app://contrats/%E0%A4%A',
      'app://contrats/assets/escape.txt',
    ];
    for (const url of attempts) {
      const answer = await handler(request(url));
      expect({ url, status: answer.status }).toEqual({ url, status: 404 });
      expect(await answer.text()).not.toContain('SECRET');
    }
  });

  it('serves only its own host, GET and HEAD, and only to the app itself', async () => {
    expect((await handler(request('app://evil/index.html'))).status).toBe(404);
    expect((await handler(request('app://contrats.evil/index.html'))).status).toBe(404);
    expect((await handler(request('app://contrats:8080/index.html'))).status).toBe(404);
    expect((await handler(request('app://contrats/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);

    const head = await handler(request('app://contrats/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');

    // A page of another origin (had one been loaded somewhere) cannot read or frame the app.
    const foreign = await handler(request('app://contrats/index.html', { initiatorOrigin: 'https://evil.example' }));
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toBe('Interdit');
    expect((await handler(request('app://contrats/index.html', { initiatorOrigin: 'null' }))).status).toBe(403);
    expect((await handler(request('app://contrats/index.html', { initiatorOrigin: 'app://contrats' }))).status).toBe(200);
  });
});
