import type { ApiHandlers } from '../../shared/api-contract.ts';
import type { LaunchLearnProcess } from '../library/learn/launch-learn-process.ts';
import { LearnService } from '../library/learn/learn-service.ts';
import type { SiftLibrary } from '../library/sift-library.ts';

type LearnHandlers = Pick<ApiHandlers, 'listForYou' | 'searchForYou' | 'explainPaper' | 'similarPapers' | 'suggestTags' | 'learnProgress'>;

/** The learning operations over one open library; the model is learnt in a process of its own beside the app. */
export function createLearnHandlers(library: SiftLibrary, launch?: LaunchLearnProcess): LearnHandlers {
  const service = new LearnService(library.db, { libraryPath: library.path === ':memory:' ? null : library.path, learnProcess: { launch } });
  return {
    listForYou: (args) => service.listForYou(args),
    searchForYou: (args) => service.searchForYou(args),
    explainPaper: ({ id }) => service.explain(id),
    similarPapers: ({ id, limit }) => service.similar(id, limit),
    suggestTags: ({ id }) => service.suggestTags(id),
    learnProgress: () => service.progress(),
  };
}
