/**
 * The terms of use an organisation accepts when it activates remote support, verbatim from the
 * portal guide ("Aktivering av fjernhjelp"). The guide's nested bullets become `items`; the "o"
 * bullet glyphs in front of the IP ranges are list markup in the guide, not text, and are left out.
 * Changing any text means a new `version`: clients must show and accept the new terms.
 */
export interface TermsItem {
  text: string;
  items?: TermsItem[];
}

export interface Terms {
  version: string;
  introduction: string;
  items: TermsItem[];
  acceptanceStatement: string;
}

export const REMOTE_SUPPORT_TERMS: Terms = {
  version: '2.0-1',
  introduction: 'Når man aktiverer tjenesten i kundeportalen aksepterer man følgende bruksvilkår:',
  items: [
    {
      text: 'Virksomheten er kjent med "Norm for informasjonssikkerhet helse- og omsorgstjenesten" (Normen), og faktaark 36 (Fjernaksess mellom leverandør og virksomhet) gjelder for tilgang til og bruk av fjernhjelp-tjenesten.',
    },
    { text: 'Det skal foreligge en avtale om bruken av fjernhjelp mellom virksomheten og dens kunder.' },
    {
      text: 'Ved bruk av tjenesten fra internett, skal det gjøres tekniske tiltak som sikrer at man er logisk adskilt fra internett. Som et eksempel på en løsning foreslår Norsk Helsenett at man oppretter en aksessliste hvor all datatrafikk bortsett fra følgende adresser og porter blir blokkert for maskinen som skal yte fjernhjelp fra internett:',
      items: [
        { text: 'Port 53 (DNS)' },
        {
          text: 'Lokale IP-adresser',
          items: [
            { text: '10.0.0.0 - 10.255.255.255 (10/8 prefix)' },
            { text: '172.16.0.0 - 172.31.255.255 (172.16/12 prefix)' },
            { text: '192.168.0.0 - 192.168.255.255 (192.168/16 prefix)' },
          ],
        },
        { text: 'Hjelp.nhn.no (91.186.66.22), port 443(TCP) og 8041(TCP)' },
        {
          text: 'Virksomheter kan foreslå alternative tekniske løsninger som dekker kravet om å være logisk adskilt fra internett. Disse løsningene må godkjennes av Norsk Helsenett før de kan benyttes.',
        },
      ],
    },
    { text: 'Ved bruk av Google Authenticator som to-faktorautentisering, så er det påkrevd at mobiltelefonen er beskyttet med en skjermlås.' },
    { text: 'Filoverføring av helse- og personopplysninger skal ikke utføres når oppkoblingen utføres fra internett.' },
    {
      text: 'Virksomheten er ansvarlig for at maskiner som brukes til fjernhjelp er satt opp på en sikker måte. Maskinen skal være under virksomhetens konfigurasjonskontroll.',
    },
    { text: 'Helse- og personopplysninger skal ikke deles i tjenesten sin chattefunksjon.' },
  ],
  acceptanceStatement: 'Jeg aksepterer bruksvilkårene for fjernhjelp-tjenesten',
};
