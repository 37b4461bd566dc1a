/**
 * A host and port, perhaps with a path, typed without a scheme: `localhost:8000`,
 * `10.0.0.5:8000/v1`. `new URL` reads the first as the scheme `localhost:` and refuses the
 * second, so both would otherwise be reported as a strange scheme or no URL at all. The shape
 * has no user and no query, so it holds no credential and may be echoed in a message.
 *
 * @example
 * HOST_PORT.test('localhost:8000'); // true
 * HOST_PORT.test('http://localhost:8000'); // false
 */
export const HOST_PORT = /^[\w.-]+:\d+(\/[\w./-]*)?$/;

/**
 * What to say about a base URL typed without its scheme, or undefined when it has one.
 *
 * @param value - the base URL as written
 * @returns `has no scheme; did you mean 'http://<value>'?`, or undefined
 * @example
 * missingSchemeProblem('localhost:8000'); // "has no scheme; did you mean 'http://localhost:8000'?"
 */
export function missingSchemeProblem(value: string): string | undefined {
  return HOST_PORT.test(value) ? `has no scheme; did you mean 'http://${value}'?` : undefined;
}
