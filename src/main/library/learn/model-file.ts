// How a model learnt in the learning process reaches the app: one file, a JSON header and then the
// arrays byte for byte. The app reads each array straight into memory of its exact size; a message
// carrying 30 MB of vectors would pass through the pipe's chunks, a joined buffer and a decoder, and
// the app's allocator keeps much of what such a transient peak takes. The space's file stays while the
// app scores with that space: the next learning process reads it back instead of packing the vectors
// again when nothing they came from has changed.
import fs from 'node:fs';
import type { FeatureSpace } from './feature-space.ts';
import type { LearntLibrary, ReusableSpace } from './learn-from-library.ts';
import type { ReaderModel } from './reader-model.ts';

const MAGIC = 'sift-model/1';
const SEPARATOR = '\u001f';

type ArrayKind = 'int32' | 'uint32' | 'float32';
type NumberArray = Int32Array | Uint32Array | Float32Array;

interface ArrayEntry {
  name: string;
  kind: ArrayKind;
  length: number;
}

interface Header {
  magic: typeof MAGIC;
  decisions: ReaderModel['decisions'];
  ranker: { bias: number } | null;
  tagModels: { tag: string; bias: number; examples: number }[];
  stamp: number | null;
  /** False when the file carries the space (its arrays and vocabulary); true when it is the previous one. */
  reusedSpace: boolean;
  termsBytes: number;
  arrays: ArrayEntry[];
}

const kindOf = (array: NumberArray): ArrayKind => (array instanceof Int32Array ? 'int32' : array instanceof Uint32Array ? 'uint32' : 'float32');
const SPACE_ARRAYS = ['paperIds', 'offsets', 'entries', 'rowScale'] as const;

export function writeModelFile(file: string, learnt: LearntLibrary): void {
  const { model, stamp, reusedSpace } = learnt;
  const arrays: [string, NumberArray][] = [];
  if (model.ranker) arrays.push(['ranker', model.ranker.weights]);
  model.tagModels.forEach((tagModel, index) => arrays.push([`tag${index}`, tagModel.model.weights]));
  if (!reusedSpace) for (const name of SPACE_ARRAYS) arrays.push([name, model.space[name]]);
  const terms = reusedSpace ? Buffer.alloc(0) : Buffer.from(model.space.terms.join(SEPARATOR), 'utf8');
  const header: Header = {
    magic: MAGIC,
    decisions: model.decisions,
    ranker: model.ranker ? { bias: model.ranker.bias } : null,
    tagModels: model.tagModels.map(({ tag, model: linear, examples }) => ({ tag, bias: linear.bias, examples })),
    stamp,
    reusedSpace,
    termsBytes: terms.length,
    arrays: arrays.map(([name, array]) => ({ name, kind: kindOf(array), length: array.length })),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const fd = fs.openSync(file, 'w');
  try {
    for (const part of [length, headerBytes, ...arrays.map(([, array]) => array), terms]) writeAll(fd, part);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The model in the file; a file that reused the space takes the caller's space object (same rows, same
 * vocabulary), so its id → row map is kept too.
 */
export function readModelFile(file: string, previous: ReusableSpace | null): LearntLibrary {
  const fd = fs.openSync(file, 'r');
  try {
    const lengthBytes = readExactly(fd, new Uint8Array(4), 0, file);
    const headerLength = Buffer.from(lengthBytes.buffer).readUInt32LE(0);
    if (headerLength > 1 << 24) throw new Error(`${file} is not a Sift model file`);
    let position = 4;
    const header = JSON.parse(Buffer.from(readExactly(fd, new Uint8Array(headerLength), position, file)).toString('utf8')) as Header;
    if (header.magic !== MAGIC) throw new Error(`${file} is not a Sift model file`);
    position += headerLength;
    const arrays = new Map<string, NumberArray>();
    for (const entry of header.arrays) {
      const array = entry.kind === 'int32' ? new Int32Array(entry.length) : entry.kind === 'uint32' ? new Uint32Array(entry.length) : new Float32Array(entry.length);
      readExactly(fd, array, position, file);
      position += array.byteLength;
      arrays.set(entry.name, array);
    }
    const space = header.reusedSpace && previous ? previous.space : readSpace(fd, header, arrays, position, file);
    const weights = (name: string) => {
      const array = arrays.get(name);
      if (!(array instanceof Float32Array)) throw new Error(`${file} lacks the weights ${name}`);
      return array;
    };
    const model: ReaderModel = {
      space,
      decisions: header.decisions,
      ranker: header.ranker ? { weights: weights('ranker'), bias: header.ranker.bias } : null,
      tagModels: header.tagModels.map(({ tag, bias, examples }, index) => ({ tag, examples, model: { weights: weights(`tag${index}`), bias } })),
    };
    return { model, stamp: header.stamp, reusedSpace: header.reusedSpace && previous !== null };
  } finally {
    fs.closeSync(fd);
  }
}

/** The space a model file carries, with the stamp it was packed at (what a learning process may reuse). */
export function readSpaceFile(file: string): ReusableSpace | null {
  const learnt = readModelFile(file, null);
  return learnt.reusedSpace || learnt.stamp === null ? null : { space: learnt.model.space, stamp: learnt.stamp, file };
}

function readSpace(fd: number, header: Header, arrays: Map<string, NumberArray>, position: number, file: string): FeatureSpace {
  if (header.reusedSpace) throw new Error(`${file} refers to a space the app no longer holds`);
  const termsText = Buffer.from(readExactly(fd, new Uint8Array(header.termsBytes), position, file)).toString('utf8');
  const [paperIds, offsets, entries, rowScale] = SPACE_ARRAYS.map((name) => arrays.get(name));
  if (!(paperIds instanceof Int32Array) || !(offsets instanceof Uint32Array) || !(entries instanceof Uint32Array) || !(rowScale instanceof Float32Array)) {
    throw new Error(`${file} lacks the feature space`);
  }
  return { terms: termsText === '' ? [] : termsText.split(SEPARATOR), paperIds, offsets, entries, rowScale };
}

function writeAll(fd: number, view: ArrayBufferView): void {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  let written = 0;
  while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
}

function readExactly<T extends ArrayBufferView>(fd: number, view: T, position: number, file: string): T {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  let read = 0;
  while (read < bytes.length) {
    const got = fs.readSync(fd, bytes, read, bytes.length - read, position + read);
    if (got === 0) throw new Error(`${file} ends early`);
    read += got;
  }
  return view;
}
