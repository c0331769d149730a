// Floor: bare `node:http`, no framework, a fixed short answer. The cost of an HTTP request in Node.
import { createServer } from 'node:http';
import { announceReady, exitOnSigterm, listenOnLoopback } from './announce-ready.ts';

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
});
announceReady({ url: await listenOnLoopback(server) });
exitOnSigterm();
