// The other forms of an English word a reader may remember it in. The other number: a reader remembers "transformer", "reasoner", "embedding" while
// the title says "Transformers Can Do Arithmetic with the Right Embeddings"; with only the exact form,
// "grokked transformer implicit reasoner" found nothing at all. This is the "S stemmer" idea (Harman,
// 1991: plural endings only), applied the other way round: no word is ever cut to a stem the index does
// not hold, only forms the vocabulary knows are added, so precision stays where it was. The other
// spelling: British and American ("optimisation" / "optimization", "behaviour" / "behavior",
// "modelling" / "modeling"), which split the field's own titles; "value incentivised preference
// optimisation" found nothing for "Value-Incentivized Preference Optimization".

/** Candidate singulars or plurals of `term` (folded, lower-case); the vocabulary decides which exist. */
export function otherNumberForms(term: string): string[] {
  if (term.length < 3 || /\d$/.test(term)) return [];
  const forms: string[] = [];
  if (term.endsWith('ies') && term.length > 4) forms.push(`${term.slice(0, -3)}y`);
  if (term.endsWith('es') && term.length > 4) forms.push(term.slice(0, -2));
  // "ss", "us", "is" end singular words (loss, corpus, analysis): not plurals.
  if (term.endsWith('s') && !/(?:ss|us|is)$/.test(term) && term.length > 3) forms.push(term.slice(0, -1));
  if (!term.endsWith('s')) {
    forms.push(`${term}s`);
    if (/(?:sh|ch|x|z)$/.test(term)) forms.push(`${term}es`);
    if (/[^aeiou]y$/.test(term)) forms.push(`${term.slice(0, -1)}ies`);
  }
  return forms.filter((form) => form !== term);
}

/** Only the singular forms: a word still being typed already reaches its plurals as completions. */
export function singularForms(term: string): string[] {
  return term.endsWith('s') ? otherNumberForms(term) : [];
}

/**
 * British ↔ American endings, each way: [pattern, replacement, shortest word]. "our" needs six letters
 * ("colour", "behaviour"), so "four" never becomes "for"; "oor" words (floor) keep their spelling.
 */
const SPELLINGS: readonly [RegExp, string, number][] = [
  [/is(ation|ations|e|es|ed|ing|er|ers)$/, 'iz$1', 5],
  [/iz(ation|ations|e|es|ed|ing|er|ers)$/, 'is$1', 5],
  [/ys(e|es|ed|ing)$/, 'yz$1', 5],
  [/yz(e|es|ed|ing)$/, 'ys$1', 5],
  [/our(s|ed|ing|al|ally)?$/, 'or$1', 6],
  [/([^o])or(s|ed|ing|al|ally)?$/, '$1our$2', 5],
  [/([aeiou])ll(ing|ed|er|ers)$/, '$1l$2', 5],
  [/([aeiou])l(ing|ed|er|ers)$/, '$1ll$2', 5],
  [/tre(s)?$/, 'ter$1', 5],
  [/ter(s)?$/, 'tre$1', 5],
];

/** The same word in the other spelling (British or American), for the vocabulary to check. */
export function otherSpellings(term: string): string[] {
  const forms = new Set<string>();
  for (const [pattern, replacement, shortest] of SPELLINGS) if (term.length >= shortest && pattern.test(term)) forms.add(term.replace(pattern, replacement));
  forms.delete(term);
  return [...forms];
}

/** Every other form of a finished word worth looking up: its other number and spelling, and both. */
export function otherForms(term: string): string[] {
  const spellings = otherSpellings(term);
  const forms = new Set([...otherNumberForms(term), ...spellings, ...spellings.flatMap(otherNumberForms), ...verbForms(term)]);
  forms.delete(term);
  return [...forms];
}

const VOWEL = /[aeiou]/;
/** A short word ending consonant-vowel-consonant doubles it: plan → planning, planned. */
const DOUBLES = /^[^aeiou]*[aeiou][^aeiouwxy]$/;

/**
 * The verb forms of a finished word: "train" for a title's "Training", "generate" for "Generated",
 * "reasoning" for "Reason". Not "-er": a transformer is not a transform. A word still being typed
 * reaches the longer forms as completions already.
 */
export function verbForms(term: string): string[] {
  if (term.length < 4 || /\d/.test(term)) return [];
  const stems = new Set<string>();
  const ending = /(ing|ed)$/.exec(term);
  if (ending) {
    const stem = term.slice(0, -ending[0].length);
    if (stem.length >= 4 && VOWEL.test(stem)) {
      stems.add(stem);
      stems.add(`${stem}e`);
      // "planned" → "plan": a doubled last consonant.
      if (/([^aeiou])\1$/.test(stem)) stems.add(stem.slice(0, -1));
    }
  } else if (!term.endsWith('s')) stems.add(term);
  const forms = new Set<string>();
  for (const stem of stems) {
    forms.add(stem);
    const base = stem.endsWith('e') ? stem.slice(0, -1) : stem;
    const doubled = DOUBLES.test(stem) ? `${stem}${stem.at(-1) ?? ''}` : base;
    forms.add(`${doubled}ing`);
    forms.add(`${doubled}ed`);
  }
  forms.delete(term);
  return [...forms];
}
