// A tiny static file server for build/web/site (no dependencies).
//
//   node tests/browser/serve.mjs [folder] [port]      (defaults: build/web/site, $PORT or 8080)
//
// Serves 127.0.0.1 only, with the MIME types browsers insist on (application/wasm for
// WebAssembly streaming compilation). Also imported by the browser tests: startServer().
import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

// onSend({ path, code, bytes, body }): called for every response (the page bench counts what
// the server sent, whoever asked: the page, a worker, the service worker).
export function startServer(root, { port = 0, host = '127.0.0.1', log = false, onSend = null } = {}) {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    // As most static hosts: each load asks again (no-cache) and gets 304 for an unchanged
    // file (the service worker's install confirms what the page has just loaded that way).
    const send = (code, body, type = 'text/plain; charset=utf-8', etag = null) => {
      const headers = { 'Content-Type': type, 'Cache-Control': etag ? 'no-cache' : 'no-store' };
      if (etag) headers.ETag = etag;
      res.writeHead(code, headers);
      const bytes = req.method === 'HEAD' || !body ? 0 : body.length;
      res.end(req.method === 'HEAD' ? undefined : body);
      if (onSend) onSend({ path: req.url, code, bytes, body: req.method === 'HEAD' ? null : body });
      if (log) console.log(`${code} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let urlPath;
    try {
      urlPath = decodeURIComponent(req.url.split(/[?#]/)[0]);
    } catch {
      return send(400, 'bad request\n');
    }
    let file = path.join(base, urlPath);
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'forbidden\n');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      if (req.headers['if-none-match'] === etag) return send(304, null, type, etag);
      send(200, await readFile(file), type, etag);
    } catch {
      send(404, 'not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// Run directly: serve until Ctrl-C.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = process.argv[2] ?? path.join(here, '..', '..', 'build', 'web', 'site');
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  try {
    await stat(path.join(root, 'index.html'));
  } catch {
    console.error(`serve: ${root}/index.html not found (build the web preset first)`);
    process.exit(1);
  }
  const { url } = await startServer(root, { port, log: process.env.SERVE_LOG === '1' });
  console.log(`herreg is served at ${url}  (Ctrl-C stops)`);
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
