import type { ChannelName, ChannelOutput, ParsedInput } from '../../common/contract';

/** One async function per contract channel, receiving the already-validated input. */
export type Handlers = {
  [C in ChannelName]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>>;
};
