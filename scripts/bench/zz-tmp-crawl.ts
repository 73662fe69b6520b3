import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetcher } from '../../scrapers/fetch/fetcher.ts';
const body = '<html><body>' + 'x'.repeat(35000) + '</body></html>';
const server = createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }).end(body); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const f = createFetcher({ userAgent: 'x', minDelayMs: 0, respectRobots: false });
const N = 1000;
let t0 = performance.now();
await Promise.all(Array.from({ length: N }, (_, i) => f.fetch(`${origin}/p/${i}`, { kind: 'html' })));
console.log('fetcher conc2 pages/s', (N / ((performance.now() - t0) / 1000)).toFixed(0));
t0 = performance.now();
for (let i = 0; i < N; i++) { const r = await fetch(`${origin}/q/${i}`); await r.text(); }
console.log('raw fetch sequential pages/s', (N / ((performance.now() - t0) / 1000)).toFixed(0));
server.close();
