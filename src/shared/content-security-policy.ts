/**
 * One policy for the Electron window and the serve bridge: only our own scripts and styles, no remote
 * content of any kind. Abstracts are shown as text, so nothing needs more.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
