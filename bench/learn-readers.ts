// Simulated readers for the learning bench. Each has interests written as phrases, the way a
// researcher would describe them; a paper interests the reader when its title mentions one, or its
// abstract mentions them at least twice. While triaging, the reader keeps what interests them and
// skips the rest, with some noise: a share of choices flipped (a mood, a misclick) and some papers
// left untouched in the inbox. The truth the bench scores against is the noise-free interest.
import { seededRandom } from '../src/main/library/learn/seeded-random.ts';
import type { PaperStatus } from '../src/shared/domain.ts';
import type { CorpusPaper } from './learn-corpus.ts';

export interface SimulatedReader {
  name: string;
  /** The reader's real, noise-free interest: what every order is scored against. */
  interested: (paper: CorpusPaper) => boolean;
  /** Share of triage choices flipped. */
  noise: number;
  /** A reader who triages only a little: stops after this many decisions. */
  budget?: number;
  /** Share of the uninteresting papers the reader bothers to skip (the rest stay in the inbox); all by default. */
  skipShare?: number;
}

interface PhraseReader {
  name: string;
  phrases: RegExp;
  noise: number;
}

const words = (list: string) => new RegExp(`\\b(?:${list})`, 'gi');

const PHRASE_READERS: PhraseReader[] = [
  { name: 'diffusion & image generation', phrases: words('diffusion|text-to-image|image generation|image editing|denois|flow matching'), noise: 0.1 },
  { name: 'RL for language models', phrases: words('reinforcement learning|reward model|rlhf|grpo|policy optimization|ppo\\b|dpo\\b|preference optimization'), noise: 0.1 },
  { name: 'robotics & embodied', phrases: words('robot|manipulation|embodied|locomotion|vision-language-action|vla\\b|grasp'), noise: 0.15 },
  { name: 'speech & audio', phrases: words('speech|audio|voice|music|text-to-speech|tts\\b|asr\\b|sound'), noise: 0.1 },
  { name: 'efficient inference', phrases: words('quantiz|pruning|sparse attention|kv cache|kv-cache|speculative decoding|distillation|mixture-of-experts|mixture of experts|low-rank|efficient inference'), noise: 0.15 },
  { name: '3D & video', phrases: words('3d\\b|gaussian splatting|nerf\\b|video generation|mesh|point cloud|novel view'), noise: 0.1 },
  { name: 'safety & hallucination', phrases: words('jailbreak|safety|red-teaming|red teaming|hallucinat|harmful|unlearning'), noise: 0.2 },
];

function mentions(phrases: RegExp, paper: CorpusPaper): boolean {
  const inTitle = (paper.title.match(phrases) ?? []).length;
  const inAbstract = (paper.abstract.match(phrases) ?? []).length;
  return inTitle > 0 || inAbstract >= 2;
}

export const READERS: SimulatedReader[] = PHRASE_READERS.map(({ name, phrases, noise }) => ({ name, noise, interested: (paper) => mentions(phrases, paper) }));

/** The first phrase reader again, triaging only 25 papers, skipping few: the cold-start check. */
export const LIGHT_PHRASE_READER: SimulatedReader = { ...(READERS[0] as SimulatedReader), name: 'diffusion, 25 decisions only', budget: 25, skipShare: 0.2 };

export function interests(reader: SimulatedReader, paper: CorpusPaper): boolean {
  return reader.interested(paper);
}

export interface Choice {
  status: PaperStatus;
  starred: boolean;
}

/** What the reader did with one paper during the triage days. */
export function triageChoice(reader: SimulatedReader, paper: CorpusPaper, random: () => number): Choice {
  if (random() < 0.15) return { status: 'inbox', starred: false };
  const flipped = random() < reader.noise;
  const keeps = interests(reader, paper) !== flipped;
  // (No draw for a reader who skips everything, so the phrase readers' choices are as they always were.)
  if (!keeps) return reader.skipShare === undefined || random() < reader.skipShare ? { status: 'skipped', starred: false } : { status: 'inbox', starred: false };
  const roll = random();
  if (roll < 0.15) return { status: 'read', starred: true };
  return { status: roll < 0.5 ? 'read' : 'to-read', starred: false };
}

export function readerRandom(reader: SimulatedReader): () => number {
  let seed = 7;
  for (const char of reader.name) seed = (seed * 31 + char.charCodeAt(0)) >>> 0;
  return seededRandom(seed);
}
