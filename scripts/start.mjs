#!/usr/bin/env node
// `npm start`: builds the web app and the server bundle when their sources changed, then serves
// everything on one port (http://localhost:3000 by default) with the embedded database.
// The server runs in this very process, so signals (SIGTERM, Ctrl-C) reach it directly.
import { buildWebIfStale } from './build-web.mjs';
import { buildServerIfStale, SERVER_BUNDLE } from './build-server.mjs';

buildWebIfStale();
await buildServerIfStale();
process.argv = [process.argv[0], SERVER_BUNDLE, 'serve'];
await import(SERVER_BUNDLE);
