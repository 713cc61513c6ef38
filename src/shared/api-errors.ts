// Errors cross the IPC and HTTP boundaries as data: Electron keeps only an Error's message,
// so a typed value is the only way the renderer can tell "bad file" from "bug".

export const API_ERROR_TYPES = [
  'invalid-arguments',
  'invalid-digest',
  'not-found',
  'library-damaged',
  'conflict',
  'internal',
] as const;
export type ApiErrorType = (typeof API_ERROR_TYPES)[number];

export interface ApiError {
  type: ApiErrorType;
  message: string;
}

export type ApiResult<T> = { data: T; error?: undefined } | { data?: undefined; error: ApiError };

/** Thrown inside the library core for failures the user should see verbatim. */
export class SiftError extends Error {
  readonly type: ApiErrorType;
  constructor(type: ApiErrorType, message: string) {
    super(message);
    this.type = type;
    this.name = 'SiftError';
  }
}
