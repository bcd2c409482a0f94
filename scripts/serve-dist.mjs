#!/usr/bin/env node
// A minimal static server for dist/, used by the end-to-end tests. `astro preview` allows one
// server per project, so tests would fight a running `npm start`; this one only needs a free port.
// It serves the site the way any static host does: directory index.html, 404.html, no rewrites, and
// the headers of dist/_headers (the Content-Security-Policy among them), so tests see what a real host
// sends. With CSP_REPORT_FILE set, the policy also reports violations here (report-uri), and each
// report is appended to that file for the e2e teardown to check.
import { createServer } from 'node:http';
import { appendFileSync, createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4399);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const REPORT_PATH = '/__csp-report';
const reportFile = process.env.CSP_REPORT_FILE;

/** The _headers file: blocks of a path pattern ("/*" or an exact path) and indented "Name: value" lines. */
function readHeaders() {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else if (rules.length) {
      const at = line.indexOf(':');
      rules.at(-1).headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

function headersFor(path) {
  const out = {};
  for (const { pattern, headers } of readHeaders()) {
    const matches = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (matches) Object.assign(out, headers);
  }
  if (reportFile && out['Content-Security-Policy']) {
    out['Content-Security-Policy'] += `; report-uri ${REPORT_PATH}`;
  }
  return out;
}

createServer((request, response) => {
  if (request.method === 'POST' && request.url === REPORT_PATH) {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (reportFile) appendFileSync(reportFile, `${body.replace(/\n/g, ' ')}\n`);
      response.writeHead(204).end();
    });
    return;
  }
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!path.endsWith('/')) {
      response.writeHead(301, { location: `${path}/` }).end();
      return;
    }
    file = join(file, 'index.html');
  }
  const found = existsSync(file) && statSync(file).isFile();
  const target = found ? file : join(root, '404.html');
  response.writeHead(found ? 200 : 404, {
    ...headersFor(path),
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
  });
  createReadStream(target).pipe(response);
}).listen(port, '127.0.0.1', () => console.log(`Serving ${root} on http://127.0.0.1:${port}/`));
