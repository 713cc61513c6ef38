import type { LearnProgress } from './contract/learn-contract.ts';

/** What Sift says while it is still learning (the app and the CLI say the same thing). */
export function coldStartMessage(progress: LearnProgress): string {
  const wants = [
    progress.needKept > 0 ? `${progress.needKept} more kept (to read, read or starred)` : '',
    progress.needSkipped > 0 ? `${progress.needSkipped} more skipped` : '',
  ].filter(Boolean);
  return `For you needs ${wants.join(' and ')} to learn what you want; until then papers stay in digest order.`;
}
