/** The part of a model (or judge client) configuration that names headers read from the environment. */
export interface HeadersFromEnvConfig {
  /** header name to the name of the environment variable holding its value */
  readonly headersFromEnv?: Readonly<Record<string, string>> | undefined;
}

/** A `headersFromEnv` header whose variable is unset or empty. */
export interface MissingHeaderEnv {
  /** the header's name as configured, e.g. `X-Gateway-Token` */
  readonly header: string;
  /** the variable that should hold its value, e.g. `GATEWAY_TOKEN` */
  readonly variable: string;
  /** true when the variable is set, but to the empty string (`GATEWAY_TOKEN= assay run`) */
  readonly empty: boolean;
}

/**
 * The `headersFromEnv` headers whose variable is unset or empty: a run that sends a request
 * through this client needs them.
 *
 * @param model - the model's (or judge client's) configuration
 * @param env - where the variables are read
 * @returns one entry per such header, in configuration order
 * @example
 * missingHeaderEnvs({ headersFromEnv: { 'X-Gateway-Token': 'GATEWAY_TOKEN' } }, { GATEWAY_TOKEN: '' });
 * // [{ header: 'X-Gateway-Token', variable: 'GATEWAY_TOKEN', empty: true }]
 */
export function missingHeaderEnvs(
  model: HeadersFromEnvConfig,
  env: NodeJS.ProcessEnv,
): MissingHeaderEnv[] {
  return Object.entries(model.headersFromEnv ?? {})
    .filter(([, variable]) => (env[variable] ?? '') === '')
    .map(([header, variable]) => ({ header, variable, empty: env[variable] === '' }));
}

/**
 * What a dry run says of a `headersFromEnv` variable that is not set: a dry run sends nothing
 * and needs none, a run that sends through this client does.
 *
 * @param name - the model's name (or `judge client <name>`)
 * @param path - the client's config path, e.g. `models[0]` or `judge.client`
 * @param missing - the header and its variable
 * @returns one sentence
 * @example
 * missingHeaderEnvWarning('nb', 'models[0]', { header: 'X-Gateway-Token', variable: 'GATEWAY_TOKEN', empty: false });
 * // 'nb: the environment variable GATEWAY_TOKEN (models[0].headersFromEnv.X-Gateway-Token) is not set; a run that sends requests needs it, and a first run (or --fresh) refuses to start without it.'
 */
export function missingHeaderEnvWarning(
  name: string,
  path: string,
  missing: MissingHeaderEnv,
): string {
  const state = missing.empty ? 'is set but empty' : 'is not set';
  return `${name}: the environment variable ${missing.variable} (${path}.headersFromEnv.${missing.header}) ${state}; a run that sends requests needs it, and a first run (or --fresh) refuses to start without it.`;
}
