import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { electronBinaryStatus, electronPackageDir, electronVersion } from './electron-binary';

/**
 * The pre-step of `npm start`: the Electron binary must be there before electron-vite looks for it.
 * Electron 45's package downloads its binary on first use, not at `npm install`, so on a fresh
 * checkout this fetches it (quietly, with the package's own installer). Where that cannot happen
 * (no access to github.com, or ELECTRON_SKIP_BINARY_DOWNLOAD) it says so in ONE line, names the way
 * out, and exits non-zero: no stack trace.
 */
const { values } = parseArgs({ options: { 'package-dir': { type: 'string' } } });
const packageDir = values['package-dir'] ?? electronPackageDir;

function fail(reason: string): never {
  console.error(
    `Fjernhjelp Admin cannot start: ${reason}. Fetch it with \`npx install-electron\` where github.com is reachable, ` +
      'or run the same app in a browser: npm run start:web',
  );
  process.exit(1);
}

let status = electronBinaryStatus(packageDir);
if (!status.available) {
  if (process.env['ELECTRON_SKIP_BINARY_DOWNLOAD']) {
    fail(`${status.reason}; ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded`);
  }
  const install = spawnSync(process.execPath, [join(packageDir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  status = electronBinaryStatus(packageDir);
  if (install.status !== 0 || !status.available) {
    const cause = `${install.stderr ?? ''}${install.error?.message ?? ''}`
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0);
    fail(`the Electron ${electronVersion(packageDir)} binary is not installed and could not be downloaded from github.com (${cause ?? 'no reason given'})`);
  }
}
