// Run before the browser tests: say clearly what to install when Chromium is missing.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`Chromium was not found at ${path}. The browser tests need Debian's Chromium and a Japanese font:
  sudo apt-get install -y chromium fonts-ipafont-gothic
(or set CHROMIUM_PATH to another Chromium binary). Do not use \`npx playwright install\`.`);
  process.exit(1);
}
