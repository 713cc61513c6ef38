import fs from 'node:fs';
import path from 'node:path';

/** Files Sift offers to open: digests and bibliographies it can import. */
export const OPENABLE_EXTENSIONS = ['.bib', '.ris', '.json', '.txt', '.eml', '.xml', '.atom', '.rss', '.html', '.htm'] as const;

// The same limit as one import over the serve bridge: a file larger than this is no digest.
const MAX_OPEN_BYTES = 80 * 1024 * 1024;

/** Options whose next argument is a value, not a file to open. */
const OPTIONS_WITH_VALUES = new Set(['--db']);

/**
 * The digest files named on a command line (Windows and Linux pass "Open with" files as arguments, to
 * the first instance or, through second-instance, to the running one). Flags, their values, the
 * executable and the app folder are skipped; relative paths are resolved against `cwd`.
 */
export function filesToOpen(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (let index = 1; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (OPTIONS_WITH_VALUES.has(arg)) {
      index += 1;
      continue;
    }
    if (arg.startsWith('-')) continue;
    const file = path.resolve(cwd, arg);
    if (!(OPENABLE_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase())) continue;
    if (fs.statSync(file, { throwIfNoEntry: false })?.isFile()) files.push(file);
  }
  return files;
}

export interface OpenedFile {
  name: string;
  dataBase64: string;
}

/** Reads the files for the import preview; one that cannot be read becomes a message naming it. */
export function readFilesToOpen(files: readonly string[]): { files: OpenedFile[]; errors: string[] } {
  const opened: OpenedFile[] = [];
  const errors: string[] = [];
  for (const file of files) {
    try {
      const size = fs.statSync(file).size;
      if (size > MAX_OPEN_BYTES) {
        errors.push(`${file} is ${Math.round(size / 1024 / 1024)} MB, more than a digest can be (80 MB); it was not opened.`);
        continue;
      }
      opened.push({ name: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') });
    } catch (error) {
      errors.push(`${file} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); it was not opened.`);
    }
  }
  return { files: opened, errors };
}

/**
 * Files asked to open before the window can show them (macOS sends `open-file` before `ready`, a
 * second launch may arrive while the page loads) wait here; `deliver` is called once the page is ready
 * and for every later request.
 */
export class OpenWithQueue {
  #pending: string[] = [];
  #deliver: ((files: string[]) => void) | null = null;

  add(files: readonly string[]): void {
    if (files.length === 0) return;
    if (this.#deliver) this.#deliver([...files]);
    else this.#pending.push(...files);
  }

  ready(deliver: (files: string[]) => void): void {
    this.#deliver = deliver;
    const pending = this.#pending;
    this.#pending = [];
    if (pending.length) deliver(pending);
  }
}
