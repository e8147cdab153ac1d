/**
 * jsdom for component tests that talk to the Graph sandbox over real HTTP. jsdom has no fetch, so
 * Node's own (undici) is handed in, with the stream, abort and encoding types it needs to agree with.
 * CommonJS on purpose: jest loads a test environment before any transform applies.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const NODE_GLOBALS = ['fetch', 'Request', 'Response', 'Headers', 'FormData', 'AbortController', 'AbortSignal', 'ReadableStream', 'TextEncoder', 'TextDecoder', 'structuredClone'];

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of NODE_GLOBALS) this.global[name] = globalThis[name];
  }
}

module.exports = JsdomWithFetchEnvironment;
