// MB/s of each reader added for issue #16, on a generated file of at least 5 MB per format (target
// ≥ 5 MB/s). Registered with the main bench by importing this module; `node bench/reader-throughput.ts`
// runs it alone.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseDigestFile } from '../src/main/library/import/parse-digest-file.ts';
import { registerBenchMeasurement } from './extra-measurements.ts';
import { round } from './stats.ts';

const TARGET_BYTES = 5.5 * 1024 * 1024;
const clock = { now: () => new Date('2026-06-20T10:00:00Z') };
const ABSTRACT =
  'We study sparse attention for long documents and show that a learned routing of tokens keeps accuracy while the cost grows linearly; experiments on &lt;eight&gt; benchmarks confirm it.';

const id = (index: number) => `24${String(1 + (index % 12)).padStart(2, '0')}.${String(10000 + index).slice(-5)}`;
const xmlEscape = (text: string) => text.replace(/&(?!lt;|gt;)/g, '&amp;');

/** Repeats a record until the file passes the target size. */
function grow(open: string, record: (index: number) => string, separator: string, close: string): string {
  const parts: string[] = [];
  let size = open.length + close.length;
  for (let index = 0; size < TARGET_BYTES; index += 1) {
    const text = record(index);
    parts.push(text);
    size += text.length + separator.length;
  }
  return open + parts.join(separator) + close;
}

const SAMPLES: Record<string, () => string> = {
  'csl-json': () =>
    grow('[', (i) => JSON.stringify({ id: `item-${i}`, type: 'article-journal', title: `Sparse routing for long documents ${i}`, author: [{ family: 'Garcia', given: 'Maria' }, { family: 'Chen', given: 'Li' }], issued: { 'date-parts': [[2024, 3, 11]] }, DOI: `10.1000/bench.${i}`, URL: `https://arxiv.org/abs/${id(i)}`, 'container-title': 'Journal of Benchmarks', abstract: ABSTRACT, volume: '12' }), ',', ']'),
  'zotero-rdf': () =>
    grow(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:z="http://www.zotero.org/namespaces/export#" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:bib="http://purl.org/net/biblio#" xmlns:foaf="http://xmlns.com/foaf/0.1/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/1.2/basic/">\n',
      (i) => `<bib:Article rdf:about="https://example.org/${i}"><z:itemType>journalArticle</z:itemType><bib:authors><rdf:Seq><rdf:li><foaf:Person><foaf:surname>Garcia</foaf:surname><foaf:givenName>Maria</foaf:givenName></foaf:Person></rdf:li></rdf:Seq></bib:authors><dc:title>Sparse routing for long documents ${i}</dc:title><dcterms:abstract>${xmlEscape(ABSTRACT)}</dcterms:abstract><dc:date>2024-03-11</dc:date><dc:identifier>DOI 10.1000/bench.${i}</dc:identifier><prism:volume>12</prism:volume></bib:Article>`,
      '\n',
      '\n</rdf:RDF>',
    ),
  'endnote-xml': () =>
    grow(
      '<?xml version="1.0" encoding="UTF-8" ?><xml><records>',
      (i) => `<record><rec-number>${i}</rec-number><ref-type name="Journal Article">17</ref-type><contributors><authors><author><style face="normal" font="default" size="100%">Garcia, Maria</style></author></authors></contributors><titles><title><style face="normal" font="default" size="100%">Sparse routing for long documents ${i}</style></title></titles><dates><year><style face="normal" font="default" size="100%">2024</style></year></dates><electronic-resource-num><style face="normal" font="default" size="100%">10.1000/bench.${i}</style></electronic-resource-num><abstract><style face="normal" font="default" size="100%">${xmlEscape(ABSTRACT)}</style></abstract></record>`,
      '',
      '</records></xml>',
    ),
  medline: () =>
    grow('', (i) => `PMID- ${30000000 + i}\nOWN - NLM\nVI  - 12\nDP  - 2024 Mar 11\nTI  - Sparse routing for long documents ${i}.\nAB  - ${ABSTRACT.slice(0, 90)}\n      ${ABSTRACT.slice(90)}\nFAU - Garcia, Maria\nAU  - Garcia M\nFAU - Chen, Li\nAU  - Chen L\nPT  - Journal Article\nJT  - Journal of Benchmarks\nAID - 10.1000/bench.${i} [doi]\nSO  - J Bench. 2024 Mar 11;12(1):1-10.\n`, '\n', ''),
  'arxiv-oai': () =>
    grow(
      '<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-03-12T09:14:02Z</responseDate><request verb="ListRecords" metadataPrefix="arXiv">http://export.arxiv.org/oai2</request><ListRecords>',
      (i) => `<record><header><identifier>oai:arXiv.org:${id(i)}</identifier><datestamp>2024-03-11</datestamp><setSpec>cs</setSpec></header><metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>${id(i)}</id><created>2024-03-11</created><authors><author><keyname>Garcia</keyname><forenames>Maria</forenames></author><author><keyname>Chen</keyname><forenames>Li</forenames></author></authors><title>Sparse routing for long documents ${i}</title><categories>cs.CL cs.LG</categories><abstract>${xmlEscape(ABSTRACT)}</abstract></arXiv></metadata></record>\n`,
      '',
      '</ListRecords></OAI-PMH>',
    ),
  'arxiv-listing-email (pre-2007)': () =>
    grow('', (i) => `------------------------------------------------------------------------------\n\\\\\nPaper${i % 5 === 0 ? ' (*cross-listing*)' : ''}: astro-ph/${String(i).padStart(7, '0')}\nFrom: Maria Garcia <garcia@example.edu>\nDate: Sat, 1 Jan 2000 01:54:04 GMT   (40kb)\n\nTitle: Sparse routing for long documents ${i}\nAuthors: M. Garcia, L. Chen\nComments: 12 pages\n\\\\\n  ${ABSTRACT}\n\\\\ ( http://xxx.lanl.gov/abs/astro-ph/${String(i).padStart(7, '0')} ,  40kb)\n`, '', '------------------------------------------------------------------------------\n'),
  'endnote-tagged': () =>
    grow('', (i) => `%0 Journal Article\n%T Sparse routing for long documents ${i}\n%A Garcia, Maria\n%A Chen, Li\n%J Journal of Benchmarks\n%V 12\n%D 2024\n%8 Mar 11\n%R 10.1000/bench.${i}\n%U https://arxiv.org/abs/${id(i)}\n%X ${ABSTRACT.slice(0, 90)}\n${ABSTRACT.slice(90)}\n`, '\n\n', ''),
  'refworks-tagged': () =>
    grow('', (i) => `RT Journal Article\nSR Electronic(1)\nA1 Garcia, Maria\nA1 Chen, Li\nT1 Sparse routing for long documents ${i}\nJF Journal of Benchmarks\nYR 2024\nFD Mar 11\nVO 12\nAB ${ABSTRACT}\nDO 10.1000/bench.${i}\nUL https://arxiv.org/abs/${id(i)}\nCR Roe R, 2020, DOI 10.9999/cited.${i}\n`, '\n', ''),
  csv: () =>
    grow('"Authors","Author full names","Title","Year","DOI","Link","Abstract","References"\r\n', (i) => `"Garcia M.; Chen L.","Garcia, Maria (5720000${i % 10}); Chen, Li (5720001${i % 10})","Sparse routing for long documents ${i}","2024","10.1000/bench.${i}","https://arxiv.org/abs/${id(i)}","${ABSTRACT}","Roe R., Cited work, (2020); Doe J., Another, (2021)"`, '\r\n', '\r\n'),
  'json-feed': () =>
    grow('{"version":"https://jsonfeed.org/version/1.1","title":"Daily papers","items":[', (i) => JSON.stringify({ id: `https://huggingface.co/papers/${id(i)}`, url: `https://huggingface.co/papers/${id(i)}`, title: `Sparse routing for long documents ${i}`, content_html: `<p>${ABSTRACT}</p>`, date_published: '2024-03-11T00:00:00Z', authors: [{ name: 'Maria Garcia' }] }), ',', ']}'),
};

export function measureReaderThroughput(): Record<string, number | string> {
  const figures: Record<string, number | string> = {};
  // The machine's load moves every figure; JSON.parse on the same bytes is the yardstick beside them.
  const yardstick = new TextDecoder().decode(new TextEncoder().encode(SAMPLES['csl-json']?.() ?? '[]'));
  const parseStarted = performance.now();
  JSON.parse(yardstick);
  figures.reader_json_parse_yardstick_mb_per_s = round(yardstick.length / 1024 / 1024 / ((performance.now() - parseStarted) / 1000), 1);
  figures.reader_load_average_1min = round(os.loadavg()[0] ?? 0, 1);
  for (const [name, sample] of Object.entries(SAMPLES)) {
    const bytes = new TextEncoder().encode(sample());
    const key = name.replace(/\W+/g, '_').replace(/_+$/, '');
    parseDigestFile('warm-up', bytes, undefined, clock); // warms the JIT on the same input
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const digest = parseDigestFile(`${key}.bench`, bytes, undefined, clock);
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = (performance.now() - started) / 1000;
    // CPU seconds of this process (all its threads, GC included): what the parse costs when the
    // shared machine's other work stretches the wall clock.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const megabytes = bytes.length / 1024 / 1024;
    figures[`reader_${key}_mb_per_s`] = round(megabytes / seconds, 1);
    figures[`reader_${key}_mb_per_cpu_s`] = round(megabytes / cpuSeconds, 1);
    figures[`reader_${key}_papers`] = digest.papers.length;
    process.stderr.write(
      `  ${name.padEnd(32)} ${digest.format.padEnd(20)} ${megabytes.toFixed(1)} MB, ${digest.papers.length} papers: ${round(megabytes / seconds, 1)} MB/s (${round(megabytes / cpuSeconds, 1)} MB per CPU second)\n`,
    );
  }
  return figures;
}

registerBenchMeasurement({ name: 'new digest readers, MB/s', run: () => measureReaderThroughput() });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(measureReaderThroughput()));
}
