/**
 * The organisation part of a machine group's external name: the organisation name with all
 * whitespace removed ("Norsk Helsenett test" -> "NorskHelsenetttest"), as the portal guide shows.
 */
export function organisationPrefix(organisationName: string): string {
  return organisationName.normalize('NFC').replace(/\s+/gu, '');
}
