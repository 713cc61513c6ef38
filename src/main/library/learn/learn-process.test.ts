import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setStatus } from '../papers/triage-papers.ts';
import { learnInOwnProcess } from './build-in-process.ts';
import { forkLearnProcess } from './launch-learn-process.ts';
import type { LaunchLearnProcess } from './launch-learn-process.ts';
import { learnLibrary } from './learn-from-library.ts';
import type { LearntLibrary } from './learn-from-library.ts';
import { LearnService } from './learn-service.ts';
import { readModelFile, writeModelFile } from './model-file.ts';
import { ModelFiles, removeOrphanedModelDirs } from './model-files.ts';
import { scoreAllRows } from './rank-papers.ts';
import { readDiffusionSkipRest, topicLibrariesClosedAfterEach } from './testing/topic-library.ts';

const openTopicLibrary = topicLibrariesClosedAfterEach();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-learn-process-test-'));
  dirs.push(dir);
  return dir;
}

function readerLibrary() {
  const opened = openTopicLibrary(15);
  readDiffusionSkipRest(opened);
  return opened;
}

const scores = (learnt: LearntLibrary) => Array.from(scoreAllRows(learnt.model.space, learnt.model.ranker ?? { weights: new Float32Array(), bias: 0 }));

describe('learning in a process of its own', () => {
  it('hands the app exactly the model it would have learnt in-process, through a model file', async () => {
    const { library } = readerLibrary();
    const inProcess = learnLibrary(library.db);
    const fromProcess = await learnInOwnProcess(library.path, null, path.join(scratch(), 'model.bin'));
    expect(fromProcess.reusedSpace).toBe(false);
    expect(fromProcess.model.space.terms).toEqual(inProcess.model.space.terms);
    expect(Array.from(fromProcess.model.space.paperIds)).toEqual(Array.from(inProcess.model.space.paperIds));
    expect(fromProcess.model.decisions).toEqual(inProcess.model.decisions);
    expect(scores(fromProcess)).toEqual(scores(inProcess));
    expect(fromProcess.model.tagModels.map((tagModel) => tagModel.tag)).toEqual(inProcess.model.tagModels.map((tagModel) => tagModel.tag));
  });

  it('after a triage reads back the space it packed last time instead of packing it again', async () => {
    const { library, topics, ids, context } = readerLibrary();
    const dir = scratch();
    const first = await learnInOwnProcess(library.path, null, path.join(dir, 'first.bin'));
    setStatus(context, ids.filter((id) => topics.get(id) === 'speech').slice(0, 12), 'read');
    const previous = { space: first.model.space, stamp: first.stamp ?? -1, file: path.join(dir, 'first.bin') };
    const second = await learnInOwnProcess(library.path, previous, path.join(dir, 'second.bin'));
    expect(second.reusedSpace).toBe(true);
    expect(second.model.space).toBe(first.model.space);
    expect(scores(second)).toEqual(scores(learnLibrary(library.db)));
    // A space file the app has dropped meanwhile: the process packs the vectors again.
    fs.rmSync(previous.file);
    const third = await learnInOwnProcess(library.path, previous, path.join(dir, 'third.bin'));
    expect(third.reusedSpace).toBe(false);
    expect(scores(third)).toEqual(scores(second));
  });

  it('says why when the process fails, and the service then learns in-process rather than not at all', async () => {
    const { library } = readerLibrary();
    await expect(learnInOwnProcess(path.join(scratch(), 'no-library.db'), null, path.join(scratch(), 'model.bin'))).rejects.toThrow(/learning process stopped \(exit code 1\).*no-library\.db|unable to open|does not exist/i);
    const service = new LearnService(library.db, { libraryPath: library.path, learnProcess: { script: path.join(scratch(), 'missing-script.js') } });
    const scored = await service.currentModel();
    expect(service.builtIn).toBe('this process');
    expect(scored.model.ranker).not.toBeNull();
  });

  it('keeps one model file, the current space\'s, however many times it learns', async () => {
    const { library, topics, ids, context } = readerLibrary();
    const service = new LearnService(library.db, { libraryPath: library.path });
    await service.currentModel();
    const speech = ids.filter((id) => topics.get(id) === 'speech');
    for (const id of speech.slice(0, 3)) {
      setStatus(context, [id], 'read');
      await service.currentModel();
    }
    const { file } = (service as unknown as { reusableSpace(): { file: string } }).reusableSpace();
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('learns in one process at a time: changes made meanwhile are learnt once, after it', async () => {
    const { library, topics, ids, context } = readerLibrary();
    let launched = 0;
    let running = 0;
    let mostAtOnce = 0;
    const launch: LaunchLearnProcess = (script, job) => {
      launched += 1;
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      const child = forkLearnProcess(script, job);
      child.onExit(() => {
        running -= 1;
      });
      return child;
    };
    const service = new LearnService(library.db, { libraryPath: library.path, learnProcess: { launch } });
    const first = service.currentModel();
    const speech = ids.filter((id) => topics.get(id) === 'speech');
    const meanwhile = [];
    for (const id of speech.slice(0, 4)) {
      setStatus(context, [id], 'read');
      meanwhile.push(service.currentModel());
    }
    await Promise.all([first, ...meanwhile]);
    expect(mostAtOnce).toBe(1);
    expect(launched).toBe(2);
    // The model answers for the library as it is now: the four papers read meanwhile are learnt from.
    const scored = await service.currentModel();
    expect(scored.model.decisions.kept).toBe(learnLibrary(library.db).model.decisions.kept);
  });

  it('removes the model files a crashed Sift left behind, never a running one\'s', () => {
    const tmp = scratch();
    // A process id no process has (above the kernel's pid_max), and this process's own.
    const crashed = path.join(tmp, 'sift-model-4194305-abc');
    const running = path.join(tmp, `sift-model-${process.pid}-def`);
    for (const dir of [crashed, running]) {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'model-1.bin'), 'x');
    }
    fs.mkdirSync(path.join(tmp, 'unrelated'));
    expect(removeOrphanedModelDirs(tmp)).toEqual(['sift-model-4194305-abc']);
    expect(fs.readdirSync(tmp).sort()).toEqual([path.basename(running), 'unrelated'].sort());
    const file = new ModelFiles(tmp).next();
    expect(path.basename(path.dirname(file))).toMatch(new RegExp(`^sift-model-${process.pid}-`));
  });

  it('refuses a model file cut short, naming it', () => {
    const { library } = readerLibrary();
    const file = path.join(scratch(), 'model.bin');
    writeModelFile(file, learnLibrary(library.db));
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    expect(() => readModelFile(file, null)).toThrow(`${file} ends early`);
  });
});
