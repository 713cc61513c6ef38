// `npm run test:package` (part of `npm test`): builds the desktop app, packages it for Linux with
// electron-builder's `dir` target against a stand-in Electron (no Electron binary can be downloaded
// here), and checks what the package holds. The stand-in is a small executable carrying Electron's
// fuse sentinel and a fuse wire with Electron's defaults, so the fuses electron-builder flips are read
// back from the packaged binary exactly as @electron/fuses reads a real one. What this cannot check:
// that the real Electron starts, which the _electron e2e tests do where a binary exists.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

// @electron/fuses stores each fuse as an ASCII digit; its FuseState enum is not exported.
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

const root = path.resolve(import.meta.dirname, '..');
const started = performance.now();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-package-'));
const checks: string[] = [];
const check = (what: string, test: () => void) => {
  test();
  checks.push(what);
};

/** A stand-in Electron: an executable whose bytes hold the fuse sentinel and Electron 45's default wire. */
function makeStandInElectron(dir: string): void {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
  // RunAsNode, CookieEncryption, NODE_OPTIONS, inspect args, asar integrity, only-asar, V8 snapshot, file protocol
  const defaults = Buffer.from('10110001');
  const body = Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron: cannot run"\nexit 1\n# '), sentinel, Buffer.from([1, defaults.length]), defaults, Buffer.from('\n')]);
  fs.writeFileSync(path.join(dir, 'electron'), body, { mode: 0o755 });
  const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  fs.writeFileSync(path.join(dir, 'version'), electronVersion);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in for Electron\'s LICENSE.\n');
}

function run(command: string, args: string[]): void {
  execFileSync(process.execPath, [path.join(root, command), ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

try {
  const standIn = path.join(work, 'electron-dist');
  const output = path.join(work, 'dist');
  makeStandInElectron(standIn);
  run('node_modules/electron-vite/bin/electron-vite.js', ['build', '--logLevel', 'error']);
  run('node_modules/electron-builder/cli.js', ['--linux', 'dir', '--x64', '-c.npmRebuild=false', `-c.electronDist=${standIn}`, `-c.directories.output=${output}`]);

  const appDir = path.join(output, 'linux-unpacked');
  const resources = path.join(appDir, 'resources');
  const archive = path.join(resources, 'app.asar');
  const unpacked = path.join(resources, 'app.asar.unpacked');
  const files = asar.listPackage(archive, { isPack: false }).map((file) => file.replace(/\\/g, '/').replace(/^\//, ''));
  const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as Record<string, unknown>;

  check('the built app is inside: main, preload and renderer', () => {
    for (const file of ['out/main/index.js', 'out/main/import-worker.js', 'out/main/learn-process.js', 'out/main/snapshot-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html']) assert.ok(files.includes(file), `${file} missing from app.asar`);
  });

  check('only runtime dependencies: nothing from devDependencies, no sources or tests of the app', () => {
    const devDependencies = Object.keys((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies);
    const packed = new Set(files.filter((file) => file.startsWith('node_modules/')).map((file) => file.split('/').slice(1, file.split('/')[1]?.startsWith('@') ? 3 : 2).join('/')));
    const leaked = devDependencies.filter((name) => packed.has(name));
    assert.deepEqual(leaked, [], `devDependencies packed: ${leaked.join(', ')}`);
    for (const runtime of ['better-sqlite3', 'zod', 'fast-xml-parser', 'htmlparser2']) assert.ok(packed.has(runtime), `${runtime} missing`);
    assert.deepEqual(files.filter((file) => /^(src|tests|bench|scripts)\//.test(file)), []);
  });

  check('no source maps', () => {
    assert.deepEqual(files.filter((file) => file.endsWith('.map')), []);
  });

  check('an author and a licence', () => {
    assert.equal(typeof manifest.author === 'string' ? manifest.author : (manifest.author as { name?: string } | undefined)?.name, 'Sift developers');
    assert.equal(manifest.license, 'MIT');
    assert.ok(files.includes('LICENSE'), 'LICENSE missing from app.asar');
  });

  check('better-sqlite3\'s native module for the target platform only, unpacked beside the archive', () => {
    const natives = fs.readdirSync(path.join(unpacked, 'node_modules/better-sqlite3/prebuilds'));
    assert.deepEqual(natives, ['linux-x64.node']);
    assert.deepEqual(files.filter((file) => file.endsWith('.node')), ['node_modules/better-sqlite3/prebuilds/linux-x64.node']);
    for (const compileOnly of ['deps', 'src', 'build']) assert.equal(fs.existsSync(path.join(unpacked, 'node_modules/better-sqlite3', compileOnly)), false, `${compileOnly}/ shipped`);
  });

  check('the packaged main process finds better-sqlite3 where it will be at run time, and it loads', () => {
    // Electron reads app.asar and redirects the addon to app.asar.unpacked; Node cannot read asar, so
    // the archive is extracted (unpacked files included, as Electron would see them) and better-sqlite3
    // resolved from the packaged main bundle's own location.
    const extracted = path.join(work, 'extracted');
    asar.extractAll(archive, extracted);
    const requireFromMain = createRequire(path.join(extracted, 'out/main/index.js'));
    const resolved = requireFromMain.resolve('better-sqlite3');
    assert.ok(resolved.startsWith(path.join(extracted, 'node_modules/better-sqlite3')), resolved);
    const Database = requireFromMain('better-sqlite3') as new (file: string, options?: { nativeBinding?: string }) => {
      prepare: (sql: string) => { pluck: () => { get: () => unknown } };
      close: () => void;
    };
    // …and the addon file itself, loaded straight from the unpacked folder.
    const db = new Database(':memory:', { nativeBinding: path.join(unpacked, 'node_modules/better-sqlite3/prebuilds/linux-x64.node') });
    assert.match(String(db.prepare('SELECT sqlite_version()').pluck().get()), /^3\./);
    db.close();
    // The main entry and its workers share chunks: the import may sit in any of them.
    const mainDir = path.join(extracted, 'out/main');
    const bundles = (fs.readdirSync(mainDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.js'));
    const loadsByName = bundles.some((file) => /from ["']better-sqlite3["']|require\(["']better-sqlite3["']\)/.test(fs.readFileSync(path.join(mainDir, file), 'utf8')));
    assert.ok(loadsByName, 'the main bundle does not load better-sqlite3 by name');
  });

  const wire = (await getCurrentFuseWire(path.join(appDir, 'sift'))) as unknown as Record<number, number>;
  const expected: [FuseV1Options, number][] = [
    [FuseV1Options.RunAsNode, FuseState.DISABLE],
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable, FuseState.DISABLE],
    [FuseV1Options.EnableNodeCliInspectArguments, FuseState.DISABLE],
    [FuseV1Options.EnableCookieEncryption, FuseState.ENABLE],
    [FuseV1Options.OnlyLoadAppFromAsar, FuseState.ENABLE],
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, FuseState.ENABLE],
  ];
  check('Electron fuses are set in the packaged binary (read back from its fuse wire)', () => {
    for (const [fuse, state] of expected) assert.equal(wire[fuse], state, `fuse ${FuseV1Options[fuse]} is ${String(wire[fuse])}, expected ${state}`);
  });

  check('spellcheck never downloads dictionaries: the main process points the download URL at a local folder', () => {
    const main = fs.readFileSync(path.join(work, 'extracted/out/main/index.js'), 'utf8');
    assert.ok(main.includes('setSpellCheckerDictionaryDownloadURL'), 'the main bundle never sets the dictionary download URL');
  });

  const sizes = {
    asarMb: Math.round(fs.statSync(archive).size / 1e5) / 10,
    unpackedMb: Math.round(duBytes(unpacked) / 1e5) / 10,
  };
  console.log(`package check: ${checks.length} checks passed in ${Math.round((performance.now() - started) / 100) / 10} s (app.asar ${sizes.asarMb} MB, unpacked ${sizes.unpackedMb} MB)`);
  for (const what of checks) console.log(`  ✓ ${what}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

function duBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? duBytes(full) : fs.statSync(full).size;
  }
  return total;
}
