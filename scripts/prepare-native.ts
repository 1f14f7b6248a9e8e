/**
 * `npm run dist`'s first step: keytar.node for every arch the build configuration targets on this
 * platform, under .native/keytar/<platform>-<arch>/ (see scripts/native-binaries.ts).
 *
 *   npx tsx scripts/prepare-native.ts            # this platform
 *   npx tsx scripts/prepare-native.ts win32      # another platform electron-builder can build here
 *
 * Prints one line per binary; when one cannot be had, one line naming it, and exits 1.
 */
import { relative } from 'node:path';
import { createBuilderConfig } from '../electron-builder.config';
import {
  builderPlatformKey,
  LOCAL_PREBUILDS_ENV,
  MissingNativeBinary,
  type NodePlatform,
  prepareKeytar,
  targetArches,
} from './native-binaries';

const projectDir = process.cwd();
const platforms = process.argv.slice(2);
const requested = (platforms.length > 0 ? platforms : [process.platform]) as string[];

try {
  const config = createBuilderConfig(process.env);
  for (const platform of requested) {
    if (!(platform in builderPlatformKey)) throw new MissingNativeBinary(`unknown platform ${platform}: use darwin, win32 or linux`);
    const section = config[builderPlatformKey[platform as NodePlatform]];
    for (const arch of targetArches(section as Parameters<typeof targetArches>[0])) {
      const file = await prepareKeytar({
        projectDir,
        platform: platform as NodePlatform,
        arch,
        localPrebuilds: process.env[LOCAL_PREBUILDS_ENV]?.trim() || undefined,
      });
      console.log(`native: ${relative(projectDir, file)}`);
    }
  }
} catch (error) {
  console.error(error instanceof MissingNativeBinary ? error.message : `prepare-native failed: ${String(error)}`);
  process.exitCode = 1;
}
