// Integration tests start a sandbox (TLS, seeded mailbox) per file; on a shared two-core machine that
// alone can pass jest's 5 s default for a hook. No test here asserts a time, so a longer limit only
// changes how long a real hang takes to be reported. A file may still set its own.
jest.setTimeout(20_000);
