/**
 * postinstall: builds the embedded database template a first `npm start` starts from
 * (src/db/pglite-template.ts). Never fails the install: without it the first start only takes longer.
 */
import { buildPgliteTemplate, pgliteTemplateFile } from '../src/db/pglite-template.ts';

const started = performance.now();
try {
  const file = pgliteTemplateFile();
  await buildPgliteTemplate(file);
  console.log(`embedded database template ready in ${Math.round(performance.now() - started)} ms: ${file}`);
} catch (error) {
  console.warn(
    `embedded database template not built (the first npm start will create it): ${(error as Error).message}`,
  );
}
