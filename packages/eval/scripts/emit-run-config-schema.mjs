// Writes schema/run-config.schema.json from RunConfigSchema (run after `pnpm build`),
// formatted the way `biome check` expects.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runConfigJsonSchema } from '../dist/index.js';

const path = fileURLToPath(new URL('../schema/run-config.schema.json', import.meta.url));
writeFileSync(path, `${JSON.stringify(runConfigJsonSchema(), null, 2)}\n`);
execFileSync('npx', ['biome', 'format', '--write', path], { stdio: 'inherit' });
console.log(`wrote ${path}`);
