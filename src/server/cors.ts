/**
 * Cross-origin requests, as kube-apiserver answers them when started with
 * `--cors-allowed-origins`: an allowed Origin is echoed back with the methods and headers the API
 * server allows, `Date` is exposed (the app reads the cluster's clock from it), and a preflight
 * (OPTIONS) is answered with 204 and nothing else. A request from any other origin gets no CORS
 * headers, so the browser refuses the page its answer.
 *
 * The served simulator allows pages served from this machine by default (the app's dev server,
 * `vite preview`, a file server on another port): it listens on 127.0.0.1 only and holds nothing
 * but a simulation.
 */

/** kube-apiserver's patterns are regular expressions matched against the Origin header. */
export const LOOPBACK_ORIGINS: readonly string[] = [
  '^https?://localhost(:[0-9]+)?$',
  '^https?://127\\.0\\.0\\.1(:[0-9]+)?$',
  '^https?://\\[::1\\](:[0-9]+)?$',
];

const ALLOW_METHODS = 'POST, GET, OPTIONS, PUT, DELETE, PATCH';
const ALLOW_HEADERS =
  'Content-Type, Content-Length, Accept-Encoding, X-CSRF-Token, Authorization, X-Requested-With, If-Modified-Since';
const EXPOSE_HEADERS = 'Date';

export interface Cors {
  /** The headers to add to the answer to a request with this Origin (none when it is not allowed). */
  headers(origin: string | undefined): Record<string, string>;
}

/** Throws a SyntaxError naming the pattern when one is not a regular expression. */
export function corsPolicy(patterns: readonly string[]): Cors {
  const allowed = patterns.map((p) => {
    try {
      return new RegExp(p);
    } catch {
      throw new SyntaxError(`--cors-allowed-origins: not a regular expression: ${p}`);
    }
  });
  return {
    headers(origin) {
      if (!origin || !allowed.some((r) => r.test(origin))) return {};
      return {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Expose-Headers': EXPOSE_HEADERS,
        'Access-Control-Allow-Credentials': 'true',
        Vary: 'Origin',
      };
    },
  };
}
