export type { ConfigErrorCode } from './errors.js';
export { ConfigError } from './errors.js';
// --- assay score: pool, loading, scoring, bootstrap (exports added below) ---

// --- assay run: config, prompts, evaluation, statistics, reports (exports added below) ---
