// Preloaded (`node --require`) into the child processes error-contracts starts (`redocly build-docs`):
// when the parent is gone (the child is handed to another parent: its ppid changes), the child ends
// too, so that a build killed with `kill -9` leaves no process behind. The check runs in a worker
// thread, so that it fires even while the child's main thread is busy rendering; it keeps nothing alive.
"use strict";
const { Worker } = require("node:worker_threads");
const watcher = new Worker(
  `const parent = require("node:worker_threads").workerData;
  setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, "SIGKILL"); }, 200);`,
  { eval: true, workerData: process.ppid },
);
watcher.unref();
