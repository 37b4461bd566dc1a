// Writes schema/run-config.schema.json from RunConfigSchema (run after `pnpm build`).
import { writeFileSync } from 'node:fs';
import { runConfigJsonSchema } from '../dist/index.js';

const path = new URL('../schema/run-config.schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(runConfigJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
