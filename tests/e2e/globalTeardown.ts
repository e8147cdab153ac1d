import type { ChildProcess } from 'node:child_process';

/** Tells the stack's process to stop (it stops the sandbox and the dev server) and waits until it has. */
export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { __trailStack?: ChildProcess }).__trailStack;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
