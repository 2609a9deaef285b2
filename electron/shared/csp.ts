/**
 * The Content Security Policy of every page Yandu shows, in the desktop app (its own scheme) and
 * in web mode alike: nothing remote, no inline script, no frames, no plugins. The desktop app's
 * documents come from its own `yandu://library` scheme (the web host serves them on 'self').
 *
 * @example
 * res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' yandu://library",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
