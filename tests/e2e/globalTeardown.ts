export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __trailStack?: { stop(): Promise<void> } }).__trailStack?.stop();
}
