// `node -r register.cjs main.cjs`: makes require('electron') load the fake next to this file, so the
// bundled main process can run under plain Node in a test.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const fake = path.join(__dirname, 'electron.cjs');
const original = Module._resolveFilename;
Module._resolveFilename = function resolve(request, ...rest) {
  if (request === 'electron') return fake;
  return original.call(this, request, ...rest);
};
