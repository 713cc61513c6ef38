/**
 * Words too common to narrow a search: dropped from typed queries unless nothing else is left, and never
 * marked in a title or abstract (marking every "of" hides the words that matter). Shared so the window
 * marks what the engine searched.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an and are as at be by for from has have in is it its of on or that the this to was were which with we our via`.split(' '),
);
