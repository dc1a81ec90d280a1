/**
 * postinstall: prepares the first `npm start` (issue 13, "a first start under 10 s"). It builds the
 * embedded database template a new DATA_DIR starts from (src/db/pglite-template.ts), and it loads
 * the modules `npm start` loads without running them, so tsx has compiled them once into its cache
 * (a fresh checkout otherwise spends seconds of its first start compiling TypeScript). Never fails
 * the install: without either the first start only takes longer.
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

const compiling = performance.now();
try {
  // What src/main.ts imports; importing them runs nothing (the entries are main.ts, server.ts, worker.ts).
  await Promise.all([
    import('../src/boot.ts'),
    import('../src/serve.ts'),
    import('../src/demo/seed.ts'),
    import('../src/modules/search/readings.ts'),
  ]);
  console.log(`modules compiled for the first start in ${Math.round(performance.now() - compiling)} ms`);
} catch (error) {
  console.warn(`modules not compiled ahead (the first npm start will): ${(error as Error).message}`);
}
