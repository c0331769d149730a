// Floor: bare `node:http`, no framework, a fixed short answer. The cost of an HTTP request in Node.
import { announceReady, exitOnSigterm, listenOnLoopback } from './announce-ready.ts';

// `node:http` from the CommonJS side, as the services do: its ESM facade loads Node's undici.
const { createServer } = process.getBuiltinModule('node:http');

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
});
announceReady({ url: await listenOnLoopback(server) });
exitOnSigterm();
