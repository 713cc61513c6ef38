// The other number of an English word: a reader remembers "transformer", "reasoner", "embedding" while
// the title says "Transformers Can Do Arithmetic with the Right Embeddings"; with only the exact form,
// "grokked transformer implicit reasoner" found nothing at all. This is the "S stemmer" idea (Harman,
// 1991: plural endings only), applied the other way round: no word is ever cut to a stem the index does
// not hold, only forms the vocabulary knows are added, so precision stays where it was.

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
