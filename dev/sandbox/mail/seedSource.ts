/** Where the initial mailbox comes from: the realistic dataset generated in dev/sandbox/seed. */
import { generateMailbox } from '../seed';
import type { SeedMailbox } from '../seed/types';

export function generateSeedMailbox(seed: number, anchor: Date): SeedMailbox {
  return generateMailbox({ seed, anchor });
}
