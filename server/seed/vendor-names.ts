/**
 * Fictional vendor organisations for the demo: Norwegian-sounding compounds, with æ, ø and å so that
 * diacritics-insensitive search can be tried ("ostfold", "baerum"). None is meant to be a real company.
 */
export const DEMO_VENDOR_NAMES = [
  'Østfold Fjerndrift AS',
  'Bærum Journalteknikk AS',
  'Ålesund Kodeverksted AS',
  'Måkeskjær Driftsdata AS',
  'Tyttebær Systemhus AS',
  'Blåveis IT-støtte AS',
  'Fjellvåken Klinikkdata AS',
  'Skjærgårdens Maskinpleie AS',
  'Hålogaland Fjernhjelp AS',
  'Trollstølen Helseteknikk AS',
  'Sørlandsk Journalservice AS',
  'Nordlysheia Datadrift AS',
  'Rørosvidda Programvare AS',
  'Grønnåsen Helsedata AS',
  'Kystlinjen Driftssenter AS',
  'Mjøsbyen Systemforvaltning AS',
  'Dovrefjell Omsorgsteknologi AS',
  'Varangerbotn Teknologi AS',
  'Elvebakken Laboratoriedata AS',
  'Solbærlia Brukerstøtte AS',
  'Hardangervidda Nettverk AS',
  'Lofotodden Medisinsk IT AS',
  'Bjørkelunden Tannhelsedata AS',
  'Sjøsiden Apotekdata AS',
  'Tindefjell Røntgensystemer AS',
] as const;

const FIRST_PARTS = ['Fjord', 'Bjørke', 'Lyng', 'Myr', 'Sjø', 'Ås', 'Dal', 'Nord', 'Sør', 'Vest', 'Øst', 'Fjell', 'Elve', 'Skog', 'Strand', 'Vik', 'Holm', 'Lia', 'Berg', 'Tind'];
const SECOND_PARTS = ['lys', 'heim', 'vang', 'nes', 'bakken', 'haug', 'stø', 'sund', 'vær', 'mo'];
const TRADES = ['Datadrift', 'Helse-IT', 'Systemhus', 'Fjernstøtte', 'Journaldata', 'Nettverk'];

/** `count` distinct fictional names: the demo's 25, then generated compounds. */
export function vendorNames(count: number): string[] {
  const names: string[] = DEMO_VENDOR_NAMES.slice(0, count);
  for (let i = 0; names.length < count; i++) {
    const first = FIRST_PARTS[i % FIRST_PARTS.length]!;
    const second = SECOND_PARTS[Math.floor(i / FIRST_PARTS.length) % SECOND_PARTS.length]!;
    const trade = TRADES[Math.floor(i / (FIRST_PARTS.length * SECOND_PARTS.length)) % TRADES.length]!;
    const round = Math.floor(i / (FIRST_PARTS.length * SECOND_PARTS.length * TRADES.length));
    names.push(`${first}${second} ${trade}${round > 0 ? ` ${round + 1}` : ''} AS`);
  }
  return names;
}
