// Starts a worker thread whose entry is a TypeScript file (workerData.entry,
// a file URL). A worker does not inherit the tsx loader of `npm start`, and a
// vitest fork has none at all, so each worker registers tsx itself first.
// Plain JavaScript on purpose: it must load before any TypeScript can.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
