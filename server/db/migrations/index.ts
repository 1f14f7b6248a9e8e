import type { Db } from '../database';
import { migration001Initial } from './001-initial';

/** Schema version N is `migrations[N - 1]`. Append only; never edit a migration that has shipped. */
export const migrations: ReadonlyArray<(db: Db) => void> = [migration001Initial];
