// The desktop app's learning process: Electron's utility process, the supported way to run Node code
// in a child of the app (child_process.fork depends on the runAsNode fuse, which a hardened build turns off).
import { utilityProcess } from 'electron';
import type { LaunchLearnProcess } from '../library/learn/launch-learn-process.ts';
import { LEARN_PROCESS_FLAGS } from '../library/learn/launch-learn-process.ts';

export const launchUtilityLearnProcess: LaunchLearnProcess = (script, job) => {
  const child = utilityProcess.fork(script, [job], { serviceName: 'Sift learning', stdio: 'ignore', execArgv: LEARN_PROCESS_FLAGS });
  return {
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => {
      child.kill();
    },
  };
};
