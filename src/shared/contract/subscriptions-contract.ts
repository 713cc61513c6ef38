import { z } from 'zod';
import type { ImportReport } from '../domain.ts';
import { operation } from './operation.ts';

export const SUBSCRIPTION_KINDS = ['hf-daily', 'arxiv-category', 'arxiv-search', 'feed'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

/** The arXiv categories most readers of Sift follow, offered as a picker; any other code can be typed. */
export const COMMON_ARXIV_CATEGORIES: readonly { code: string; name: string }[] = [
  { code: 'cs.AI', name: 'Artificial Intelligence' },
  { code: 'cs.CL', name: 'Computation and Language' },
  { code: 'cs.CV', name: 'Computer Vision' },
  { code: 'cs.LG', name: 'Machine Learning' },
  { code: 'stat.ML', name: 'Machine Learning (Statistics)' },
  { code: 'cs.IR', name: 'Information Retrieval' },
  { code: 'cs.NE', name: 'Neural and Evolutionary Computing' },
  { code: 'cs.RO', name: 'Robotics' },
  { code: 'cs.CR', name: 'Cryptography and Security' },
  { code: 'cs.DC', name: 'Distributed Computing' },
  { code: 'cs.SE', name: 'Software Engineering' },
  { code: 'cs.HC', name: 'Human-Computer Interaction' },
  { code: 'cs.MA', name: 'Multiagent Systems' },
  { code: 'eess.AS', name: 'Audio and Speech Processing' },
  { code: 'eess.IV', name: 'Image and Video Processing' },
  { code: 'math.OC', name: 'Optimization and Control' },
  { code: 'q-bio.NC', name: 'Neurons and Cognition' },
];

/** "cs.CL", "cs.CL+cs.LG", "math", "q-bio.NC": arXiv archive or category codes joined by "+". */
export const ARXIV_CATEGORY_LIST = /^[a-z][a-z-]*(?:\.[A-Za-z]{2,})?(?:\+[a-z][a-z-]*(?:\.[A-Za-z]{2,})?)*$/;

export interface SubscriptionView {
  id: number;
  kind: SubscriptionKind;
  /** Categories ("cs.CL+cs.LG"), a search query, a feed URL; empty for Hugging Face daily papers. */
  target: string;
  /** arXiv categories only: also bring papers cross-listed from other categories / new versions. */
  includeCrossLists: boolean;
  includeReplacements: boolean;
  into: 'inbox' | 'to-read';
  tag: string | null;
  enabled: boolean;
  /** A name for people: "Hugging Face daily papers", "arXiv cs.CL+cs.LG". */
  label: string;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  papersBrought: number;
  /** The last problem in plain words ("offline", "the server answered 503"), null when the last fetch worked. */
  lastProblem: string | null;
  nextAttemptAt: string | null;
  /** True when the next attempt is the server's own Retry-After, which even "Fetch now" waits for. */
  serverAskedToWait: boolean;
}

export interface SubscriptionsOverview {
  /** The global switch: off means nothing is requested, by the schedule or by hand. */
  fetchingEnabled: boolean;
  subscriptions: SubscriptionView[];
}

export interface SubscriptionFetchResult {
  subscriptionId: number;
  label: string;
  /** One import report per digest that had papers (unchanged and empty answers bring none). */
  reports: ImportReport[];
  /** Requests answered "not modified" or with an empty list: nothing new, which is fine. */
  unchanged: number;
  problem: string | null;
  nextAttemptAt: string | null;
}

export interface FetchRunReport {
  fetchingEnabled: boolean;
  results: SubscriptionFetchResult[];
}

const tag = z.string().trim().min(1).max(100);

export const newSubscriptionSchema = z
  .object({
    kind: z.enum(SUBSCRIPTION_KINDS),
    target: z.string().trim().max(2000).default(''),
    includeCrossLists: z.boolean().default(false),
    includeReplacements: z.boolean().default(false),
    into: z.enum(['inbox', 'to-read']).default('inbox'),
    tag: tag.nullable().optional(),
  })
  .superRefine((value, context) => {
    const problem = targetProblem(value.kind, value.target);
    if (problem) context.addIssue({ code: 'custom', path: ['target'], message: problem });
  });
export type NewSubscription = z.output<typeof newSubscriptionSchema>;

/** Why a subscription's target is not usable, in words for the person who typed it; null when fine. */
export function targetProblem(kind: SubscriptionKind, target: string): string | null {
  if (kind === 'hf-daily') return null;
  if (kind === 'arxiv-category') {
    return ARXIV_CATEGORY_LIST.test(target) ? null : 'give arXiv categories such as cs.CL or cs.CL+cs.LG';
  }
  if (kind === 'arxiv-search') return target.length > 0 && target.length <= 500 ? null : 'give a search of 1 to 500 characters';
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'a feed address must start with http:// or https://';
  } catch {
    return 'give the feed’s full address, starting with https://';
  }
}

const id = z.number().int().positive();

export const subscriptionsContract = {
  listSubscriptions: operation<SubscriptionsOverview>()('subscriptions:list', z.object({})),
  addSubscription: operation<SubscriptionView>()('subscriptions:add', newSubscriptionSchema),
  removeSubscription: operation<{ removed: boolean }>()('subscriptions:remove', z.object({ id })),
  setSubscriptionEnabled: operation<SubscriptionView>()('subscriptions:set-enabled', z.object({ id, enabled: z.boolean() })),
  setFetchingEnabled: operation<SubscriptionsOverview>()('subscriptions:set-fetching', z.object({ enabled: z.boolean() })),
  fetchSubscriptions: operation<FetchRunReport>()('subscriptions:fetch', z.object({ id: id.optional() })),
};
