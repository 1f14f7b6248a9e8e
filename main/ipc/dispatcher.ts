import type { z } from 'zod';
import { channels, isChannelName } from '../../common/contract';
import { fail, ok, type Result } from '../../common/result';
import { zodFieldIssues } from '../../common/validation/field-issues';
import { diskFullError, isDiskFull } from '../files/disk-full';
import type { Logger } from '../log/logger';
import type { Handlers } from './handlers-type';
import { PortalError } from './portal-error';
import type { SenderPolicy } from './sender-policy';

/** The single entry point for every renderer request, shared by Electron IPC and the web harness. */
export type Dispatch = (channel: string, senderUrl: string | undefined, rawInput: unknown) => Promise<Result<unknown>>;

export function createDispatcher(handlers: Handlers, isTrustedSender: SenderPolicy, logger: Logger): Dispatch {
  return async (channel, senderUrl, rawInput) => {
    if (!isChannelName(channel)) {
      logger.warn('ipc.unknown-channel', { channel });
      return fail('UNKNOWN_CHANNEL', `Unknown channel: ${channel}`);
    }
    if (!isTrustedSender(senderUrl)) {
      logger.warn('ipc.forbidden-sender', { channel, sender: senderUrl ?? '(none)' });
      return fail('FORBIDDEN_SENDER', 'The request did not come from the app window');
    }
    const parsed = (channels[channel].input as z.ZodType).safeParse(rawInput);
    if (!parsed.success) {
      return fail('INVALID_INPUT', `Invalid input for ${channel}`, zodFieldIssues(parsed.error, rawInput));
    }
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    try {
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof PortalError) return { ok: false, error: error.toData() };
      if (isDiskFull(error)) {
        logger.error('ipc.disk-full', { channel, error: error instanceof Error ? error.message : String(error) });
        return { ok: false, error: diskFullError().toData() };
      }
      // The stack goes to the log file only; the renderer gets a code it can translate.
      logger.error('ipc.handler-failed', { channel, error });
      return fail('INTERNAL', 'An unexpected error occurred');
    }
  };
}
