import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { profileSchema, type Profile } from '../auth/profile';
import type { SubjectMemory } from '../auth/auth-session';

/**
 * The app's non-secret settings (`settings.json` in the data folder): real portal profiles, which
 * one is active, and which subject last signed in to each (the name of its keychain entry).
 */
const settingsSchema = z.object({
  profiles: z.array(profileSchema).default([]),
  activeProfileId: z.string().optional(),
  subjects: z.record(z.string(), z.string()).default({}),
});

export type Settings = z.infer<typeof settingsSchema>;

export class SettingsStore implements SubjectMemory {
  readonly #file: string;
  #settings: Settings;

  constructor(dataDir: string) {
    this.#file = join(dataDir, 'settings.json');
    this.#settings = readSettings(this.#file);
  }

  get profiles(): readonly Profile[] {
    return this.#settings.profiles;
  }

  get activeProfileId(): string | undefined {
    return this.#settings.activeProfileId;
  }

  get(profileId: string): string | undefined {
    return this.#settings.subjects[profileId];
  }

  set(profileId: string, subject: string | undefined): void {
    const subjects = { ...this.#settings.subjects };
    if (subject === undefined) delete subjects[profileId];
    else subjects[profileId] = subject;
    this.#write({ ...this.#settings, subjects });
  }

  saveProfile(profile: Profile): void {
    const parsed = profileSchema.parse(profile);
    const others = this.#settings.profiles.filter((existing) => existing.id !== parsed.id);
    this.#write({ ...this.#settings, profiles: [...others, parsed] });
  }

  setActiveProfile(profileId: string | undefined): void {
    const { activeProfileId: _previous, ...rest } = this.#settings;
    this.#write(profileId === undefined ? rest : { ...rest, activeProfileId: profileId });
  }

  /** Write to a sibling file and rename: a crash leaves the old settings or the new, never half of one. */
  #write(next: Settings): void {
    mkdirSync(dirname(this.#file), { recursive: true, mode: 0o700 });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.#file);
    this.#settings = next;
  }
}

function readSettings(file: string): Settings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return settingsSchema.parse({});
  }
  // A damaged settings file must not keep the app from starting; the profiles can be added again.
  const parsed = settingsSchema.safeParse(safeJson(text));
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
