// Papers on a few research topics, written from each topic's own vocabulary plus words every paper
// uses, so a test can say "the reader keeps diffusion papers" and know which papers those are.
import { seededRandom } from '../seeded-random.ts';

export const TOPICS = {
  diffusion: ['diffusion', 'denoising', 'score-based', 'text-to-image', 'latent diffusion', 'sampler', 'classifier-free guidance', 'image synthesis', 'noise schedule', 'U-Net'],
  agents: ['agent', 'tool use', 'web navigation', 'planning', 'multi-agent', 'environment', 'trajectory', 'browser tasks', 'function calling', 'autonomous'],
  speech: ['speech', 'audio', 'speaker', 'text-to-speech', 'waveform', 'acoustic', 'voice conversion', 'spectrogram', 'ASR', 'prosody'],
  graphs: ['graph neural network', 'node classification', 'message passing', 'molecular graph', 'link prediction', 'graph transformer', 'heterophily', 'subgraph', 'edge features', 'graph pooling'],
} as const;
export type Topic = keyof typeof TOPICS;

const COMMON = ['large', 'model', 'training', 'benchmark', 'evaluation', 'dataset', 'scalable', 'robust', 'efficient', 'framework', 'performance', 'learning', 'state-of-the-art', 'experiments'];

export interface TopicPaper {
  id: number;
  topic: Topic;
  title: string;
  abstract: string;
  authors: string[];
  tags: string[];
}

/** `perTopic` papers on each topic, ids from 1, topics interleaved as a digest would mix them. */
export function topicPapers(perTopic: number, seed = 1): TopicPaper[] {
  const random = seededRandom(seed);
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)] ?? '';
  const papers: TopicPaper[] = [];
  const topics = Object.keys(TOPICS) as Topic[];
  for (let index = 0; index < perTopic; index += 1) {
    for (const topic of topics) {
      const own = TOPICS[topic];
      const title = `${cap(pick(own))} ${pick(COMMON)} for ${pick(own)} ${pick(COMMON)}`;
      const sentences = Array.from({ length: 4 }, () => `We study ${pick(own)} with a ${pick(COMMON)} ${pick(COMMON)} and ${pick(own)} ${pick(COMMON)}.`);
      papers.push({ id: papers.length + 1, topic, title, abstract: sentences.join(' '), authors: [`${cap(topic)} Author ${index % 3}`, `Shared Author ${index % 5}`], tags: [] });
    }
  }
  return papers;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
