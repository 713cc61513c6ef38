// The renderer's one way to reach the library. In the desktop app the preload provides `window.sift`
// over IPC; under `sift serve` the same typed operations go over HTTP to 127.0.0.1.
import { apiContract, OPERATION_NAMES } from '../../shared/api-contract.ts';
import type { OperationName, SiftApi } from '../../shared/api-contract.ts';
import type { ApiResult } from '../../shared/api-errors.ts';
import type { MenuCommand, SiftBridge } from '../../shared/menu-commands.ts';

declare global {
  interface Window {
    sift?: SiftBridge;
  }
}

/** Bodies under this size may use keepalive (capped at 64 KB) and go as strings. */
const KEEPALIVE_BODY_LIMIT = 60_000;

function createHttpApi(): SiftApi {
  const call = async (name: OperationName, args: unknown): Promise<ApiResult<unknown>> => {
    try {
      const body = JSON.stringify(args ?? {});
      const response = await fetch(`/api/${encodeURIComponent(apiContract[name].channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        // A large body (a file being imported) goes as a Blob: given as a string, Chromium's fetch held the
        // window's thread ~0.6 s per 10 MB and every request after it waited ~0.7 s more; as a Blob, both ~0.
        body: body.length < KEEPALIVE_BODY_LIMIT ? body : new Blob([body], { type: 'application/json' }),
        // Small calls (a note saved as the tab closes) must outlive the page; keepalive caps bodies at 64 KB.
        keepalive: body.length < KEEPALIVE_BODY_LIMIT,
      });
      if (response.headers.get('Content-Type')?.startsWith('application/json')) {
        return (await response.json()) as ApiResult<unknown>;
      }
      return { error: { type: 'internal', message: `${response.status}: ${await response.text()}` } };
    } catch (error) {
      return { error: { type: 'internal', message: `Sift is not reachable (${String(error)}). Is \`sift serve\` still running?` } };
    }
  };
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, (args: unknown) => call(name, args)])) as SiftApi;
}

export const isDesktop = window.sift !== undefined;
export const api: SiftApi = window.sift?.api ?? createHttpApi();

export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.sift?.onMenuCommand(listener) ?? (() => undefined);
}

/** Opens a paper's link: the OS browser in the desktop app, a new tab under `sift serve`. */
export async function openLink(url: string): Promise<void> {
  const result = await api.openExternal({ url });
  if (result.data?.opened) return;
  if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
}

/** Reads a File into the `{ name, dataBase64 }` shape the import operations take. */
export async function fileToUpload(file: File): Promise<{ name: string; dataBase64: string }> {
  return { name: file.name, dataBase64: await blobToBase64(file) };
}

export async function textToUpload(name: string, text: string): Promise<{ name: string; dataBase64: string }> {
  return { name, dataBase64: await blobToBase64(new Blob([text], { type: 'text/plain;charset=utf-8' })) };
}

/**
 * The browser's own encoder (a data: URL) instead of a loop over the bytes in JavaScript: a 20 MB
 * file took seconds of the window's thread that way; FileReader works off it.
 */
function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}
