import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Result } from '../common/result';
import { buildPortalApi } from '../common/portal-api';

/**
 * Exposes exactly one object, `window.portal`, built from the contract: one method per channel and
 * `on(event)` for the contract's events. No raw ipcRenderer, and no channel outside the contract.
 */
const portal = buildPortalApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
  subscribe: (event, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('portal', portal);
