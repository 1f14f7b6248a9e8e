import Database from 'better-sqlite3';

export interface SeededGrant {
  vendorId: string;
  vendorName: string;
  mode: 'with_approval' | 'without_approval';
  grantedAt: string;
  expiresAt: string | null;
}

/**
 * Gives `count` new vendor organisations a grant on one machine group, written straight into the
 * running server's SQLite file in one transaction (as a seed would: real rows, no audit events), for
 * tests that need more grants than the API could create in reasonable time.
 */
export function addVendorGrants(dbPath: string, groupId: string, ownerOrganisationId: string, count: number, grantedAt: string): SeededGrant[] {
  const db = new Database(dbPath);
  try {
    db.pragma('busy_timeout = 5000');
    const grants = Array.from({ length: count }, (_, index): SeededGrant => ({
      vendorId: `org-many-${String(index).padStart(5, '0')}`,
      vendorName: `Leverandør nummer ${index} med et ganske langt navn AS`,
      mode: index % 3 === 0 ? 'without_approval' : 'with_approval',
      grantedAt,
      expiresAt: index % 2 === 0 ? null : '2027-01-01T00:00:00.000Z',
    }));
    db.transaction(() => {
      const version = () => db.prepare('UPDATE version_counter SET value = value + 1 WHERE id = 1 RETURNING value').pluck().get() as number;
      const organisation = db.prepare(`INSERT INTO organisations (id, name, prefix, name_key, version) VALUES (?, ?, ?, ?, ?)`);
      const grant = db.prepare(
        `INSERT INTO grants (group_id, organisation_id, vendor_id, mode, granted_at, granted_by, expires_at, version) VALUES (?, ?, ?, ?, ?, 'demo.admin', ?, ?)`,
      );
      for (const row of grants) {
        organisation.run(row.vendorId, row.vendorName, row.vendorName.replace(/\s+/g, ''), row.vendorName.toLowerCase(), version());
        grant.run(groupId, ownerOrganisationId, row.vendorId, row.mode, row.grantedAt, row.expiresAt, version());
      }
    })();
    return grants;
  } finally {
    db.close();
  }
}
