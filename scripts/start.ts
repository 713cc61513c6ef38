// `npm start`: build and launch the desktop app. Where no Electron binary can be had (no access to its
// release host), say so in one line and point to the browser UI instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';

const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8' });
if (probe.status !== 0 || !probe.stdout) {
  console.error(
    'Sift: the Electron binary is not installed and cannot be downloaded here; run `npm run serve` to use Sift in your browser.',
  );
  process.exit(1);
}

const child = spawn('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit', shell: process.platform === 'win32' });
child.on('exit', (code) => process.exit(code ?? 0));
