import type { EngineConfig } from './engine-config';
import { MeshCentralEngine } from './meshcentral/meshcentral-engine';
import type { RemoteSupportEngine } from './remote-support-engine';

/** The adapter for a configured engine; a ScreenConnect or TeamViewer adapter is added here. */
export function connectEngine(config: EngineConfig): RemoteSupportEngine {
  switch (config.kind) {
    case 'none':
      throw new Error('no engine is configured');
    case 'meshcentral':
      return new MeshCentralEngine({ url: config.url, certHash: config.certHash, username: config.credentials.username, password: config.credentials.password });
  }
}
