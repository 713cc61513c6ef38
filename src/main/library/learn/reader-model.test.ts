import { describe, expect, it } from 'vitest';
import { scoreAllRows, reasonsFor } from './rank-papers.ts';
import { learnReaderModel } from './reader-model.ts';
import type { LibraryPaper } from './reader-model.ts';
import { similarRows } from './similar-papers.ts';
import { suggestTagsForRow } from './suggest-tags.ts';
import { topicPapers } from './testing/topic-papers.ts';
import type { Topic, TopicPaper } from './testing/topic-papers.ts';

/** The first half of the papers triaged by `choose`, the second half left in the inbox. */
function triage(papers: TopicPaper[], choose: (paper: TopicPaper) => 'keep' | 'skip' | 'none'): (LibraryPaper & TopicPaper)[] {
  return papers.map((paper, index) => {
    const choice = index < papers.length / 2 ? choose(paper) : 'none';
    return { ...paper, status: choice === 'keep' ? 'to-read' : choice === 'skip' ? 'skipped' : 'inbox', starred: false };
  });
}

/** Inbox papers' topics, best score first. */
function inboxTopicsInOrder(papers: LibraryPaper[], topics: Map<number, Topic>): Topic[] {
  const model = learnReaderModel(papers);
  if (!model.ranker) throw new Error('expected a trained model');
  const scores = scoreAllRows(model.space, model.ranker);
  return papers
    .map((paper, row) => ({ paper, score: scores[row] ?? 0 }))
    .filter(({ paper }) => paper.status === 'inbox')
    .sort((a, b) => b.score - a.score)
    .map(({ paper }) => topics.get(paper.id) ?? 'agents');
}

describe('learning what the reader wants', () => {
  const papers = topicPapers(30);
  const topics = new Map(papers.map((paper) => [paper.id, paper.topic]));

  it('a reader who keeps only diffusion papers sees the diffusion papers first', () => {
    const order = inboxTopicsInOrder(triage(papers, (paper) => (paper.topic === 'diffusion' ? 'keep' : 'skip')), topics);
    const diffusionCount = order.filter((topic) => topic === 'diffusion').length;
    expect(diffusionCount).toBe(15);
    expect(order.slice(0, diffusionCount).every((topic) => topic === 'diffusion')).toBe(true);
  });

  it('skipping a topic pushes it down', () => {
    const meanRank = (order: Topic[], topic: Topic) => {
      const ranks = order.flatMap((each, rank) => (each === topic ? [rank] : []));
      return ranks.reduce((sum, rank) => sum + rank, 0) / ranks.length;
    };
    // Both readers keep diffusion; one has no view on agents, the other skips them.
    const neutral = inboxTopicsInOrder(triage(papers, (paper) => (paper.topic === 'diffusion' ? 'keep' : paper.topic === 'graphs' ? 'skip' : 'none')), topics);
    const skipsAgents = inboxTopicsInOrder(triage(papers, (paper) => (paper.topic === 'diffusion' ? 'keep' : paper.topic === 'graphs' || paper.topic === 'agents' ? 'skip' : 'none')), topics);
    expect(meanRank(skipsAgents, 'agents')).toBeGreaterThan(meanRank(neutral, 'agents') + 5);
    // …below the topic the reader has no view on.
    expect(meanRank(skipsAgents, 'agents')).toBeGreaterThan(meanRank(skipsAgents, 'speech'));
  });

  it('below ten kept and ten skipped decisions it does not rank at all', () => {
    let kept = 0;
    let skipped = 0;
    const few = triage(papers, (paper) => {
      if (paper.topic === 'diffusion' && kept < 12) {
        kept += 1;
        return 'keep';
      }
      if (paper.topic === 'speech' && skipped < 9) {
        skipped += 1;
        return 'skip';
      }
      return 'none';
    });
    const model = learnReaderModel(few);
    expect(model.decisions).toEqual({ kept: 12, skipped: 9 });
    expect(model.ranker).toBeNull();
  });

  it('explains a high score with the words that weighed most', () => {
    const library = triage(papers, (paper) => (paper.topic === 'diffusion' ? 'keep' : 'skip'));
    const model = learnReaderModel(library);
    const row = library.findIndex((paper) => paper.status === 'inbox' && paper.topic === 'diffusion');
    const reasons = reasonsFor(model, row);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((reason) => reason.weight > 0)).toBe(true);
    const diffusionWords = /diffusion|denois|score|text-to-image|latent|sampler|guidance|image|synthesi|noise|schedule|u-net|classifier|free|diffusion author/;
    expect(diffusionWords.test(reasons[0]?.text.toLowerCase() ?? '')).toBe(true);
  });

  it('more like this returns the nearest papers first, a near-copy before anything else', () => {
    const library: (LibraryPaper & { topic?: Topic })[] = papers.map((paper) => ({ ...paper, status: 'inbox', starred: false }));
    const original = library.find((paper) => paper.topic === 'speech');
    if (!original) throw new Error('no speech paper');
    library.push({ ...original, id: 10_000, title: `${original.title} (extended version)` });
    const model = learnReaderModel(library);
    const row = library.indexOf(original);
    const nearest = similarRows(model.space, row, 10).map((hit) => library[hit.row]);
    expect(nearest[0]?.id).toBe(10_000);
    expect(nearest.filter((paper) => topics.get(paper?.id ?? 0) === 'speech' || paper?.id === 10_000).length).toBe(10);
  });

  it('suggests the tag the reader gave papers like this one, not other tags', () => {
    const library: (LibraryPaper & TopicPaper)[] = papers.map((paper, index) => {
      const tagged = index < papers.length / 2 && (paper.topic === 'speech' || paper.topic === 'graphs');
      return { ...paper, tags: tagged ? [paper.topic === 'speech' ? 'audio' : 'gnn'] : [], status: tagged ? 'read' : 'inbox', starred: false };
    });
    const model = learnReaderModel(library);
    const speechRow = library.findIndex((paper, index) => index >= papers.length / 2 && paper.topic === 'speech');
    const graphRow = library.findIndex((paper, index) => index >= papers.length / 2 && paper.topic === 'graphs');
    expect(suggestTagsForRow(model, speechRow, []).map((suggestion) => suggestion.tag)).toEqual(['audio']);
    expect(suggestTagsForRow(model, graphRow, []).map((suggestion) => suggestion.tag)).toEqual(['gnn']);
    expect(suggestTagsForRow(model, speechRow, ['Audio'])).toEqual([]);
  });
});
