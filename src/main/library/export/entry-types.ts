// The type word a source stated ("article-journal", "Book Section", "inproceedings", "JOUR") as the
// entry type BibTeX and RIS expect, so a book exported from Sift goes back into Zotero or JabRef as a
// book, not a preprint. Words are squeezed to lower-case letters, as title-match.ts compares them.

export interface ExportEntryType {
  /** A standard BibTeX entry type (no biblatex-only ones: every style and manager reads these). */
  bibtex: string;
  /** A RIS `TY` code from the RIS specification. */
  ris: string;
}

const TYPES: Record<string, ExportEntryType> = {};
const define = (bibtex: string, ris: string, words: string) => {
  for (const word of words.split(' ')) TYPES[word] = { bibtex, ris };
};
define('book', 'BOOK', 'book mvbook monograph classicalwork');
define('book', 'EBOOK', 'ebook electronicbook');
define('book', 'EDBOOK', 'edbook editedbook collection mvcollection');
define('booklet', 'PAMP', 'booklet pamphlet pamp');
define('proceedings', 'CONF', 'proceedings mvproceedings conferenceproceedings');
define('inbook', 'CHAP', 'inbook');
define('incollection', 'CHAP', 'chapter incollection booksection bookitem bookchapter chap inreference');
define('incollection', 'ECHAP', 'electronicbooksection echap');
define('phdthesis', 'THES', 'thesis phdthesis thes dissertation');
define('mastersthesis', 'THES', 'mastersthesis');
define('article', 'JOUR', 'article articlejournal journalarticle jour review editorial letter comment');
define('article', 'EJOUR', 'ejour electronicarticle');
define('article', 'MGZN', 'articlemagazine mgzn');
define('article', 'NEWS', 'articlenewspaper news');
define('inproceedings', 'CPAPER', 'inproceedings conference conferencepaper paperconference cpaper conf');
define('techreport', 'RPRT', 'report techreport rprt');
define('unpublished', 'UNPB', 'unpublished unpb');
define('unpublished', 'MANSCPT', 'manuscript manscpt');
define('misc', 'GEN', 'misc preprint gen');

/** The export types for a stated type word; null when no source said, or said something unknown. */
export function exportEntryType(entryType: string | null): ExportEntryType | null {
  return entryType ? (TYPES[entryType.toLowerCase().replace(/[^a-z]/g, '')] ?? null) : null;
}
