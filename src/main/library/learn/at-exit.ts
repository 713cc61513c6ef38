// What the learning code leaves behind it when the app's process exits (model files, learning
// processes still running): one exit listener for all of it, however many services and processes.
const actions = new Set<() => void>();
let installed = false;

/** Runs `action` when this process exits, unless the returned function is called first. */
export function atExit(action: () => void): () => void {
  actions.add(action);
  if (!installed) {
    installed = true;
    process.once('exit', () => {
      for (const pending of actions) pending();
    });
  }
  return () => actions.delete(action);
}
