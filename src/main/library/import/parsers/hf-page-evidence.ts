// Positive evidence that a text is a Hugging Face Papers page copied from the browser: a date heading
// on its own line, the page's own furniture, the site's name. Without it the text reader is never
// chosen, since it would make a "paper" of any line.
import { parseMonthDayDate } from './month-day-date.ts';

const EVIDENCE = [
  /^submitted by\b/i,
  /^[·•]?\s*\d+\s+authors?$/i,
  /^upvoted?$/i,
  /^daily papers$/i,
  /^get trending papers\b/i,
  /^by\s*ak\b/i,
  /^(?:©\s*)?hugging\s*face(?:'s logo)?$/i,
  /^©\s*\d{0,4}\s*hugging\s*face\b/i,
  /^(?:published|submitted) on\b/i,
  /^search by arxiv id or title\b/i,
  /^(?:huggingface\.co|https:\/\/huggingface\.co)\/papers\b/i,
];

/** How many lines of the text's start are evidence of a Hugging Face Papers page. */
export function hfPageEvidence(text: string): number {
  const today = new Date();
  let evidence = 0;
  for (const raw of text.slice(0, 200_000).split(/\r\n|\r|\n/)) {
    const line = raw.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    if (line.length === 0 || line.length > 80) continue;
    if (EVIDENCE.some((pattern) => pattern.test(line)) || parseMonthDayDate(line, today)) evidence += 1;
  }
  return evidence;
}
