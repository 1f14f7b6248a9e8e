import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, type EventName, type EventPayload } from '../../common/contract';
import type { EventSink } from '../events';
import type { Dispatch } from '../ipc/dispatcher';

/**
 * The only place that touches ipcMain. Every contract channel is registered through `dispatch`, which
 * checks the sender frame's URL, parses the input with the channel's schema and returns a typed result.
 */
export function registerContractHandlers(dispatch: Dispatch): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) =>
      dispatch(channel, event.senderFrame?.url, input),
    );
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

/** Sends contract events to one window's renderer. */
export function webContentsEventSink(target: () => WebContents | undefined): EventSink {
  return {
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      const contents = target();
      if (contents && !contents.isDestroyed()) contents.send(event, payload);
    },
  };
}
