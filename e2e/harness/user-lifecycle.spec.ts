import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signInAndActivate, startHarnessProcess, test } from './harness-fixture';

/** No serious or critical axe violation, listed by rule and element so a failure says where. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), `axe on ${screen}`).toEqual([]);
}

test('a vendor\'s technician leaves: the administrator deactivates, reactivates and deletes the user', async ({ page }) => {
  test.setTimeout(180_000);
  const harness = await startHarnessProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
  try {
    await signInAndActivate(page, harness);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    const list = page.getByTestId('user-list');
    const openUser = async (name: string) => {
      await nav.getByRole('link', { name: 'Brukere' }).click();
      await list.getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rediger bruker');
    };

    await test.step('Deaktiver: asks first, on "Avbryt", saying the user is signed out at once', async () => {
      await openUser('Kari Nordmann');
      await page.getByRole('button', { name: 'Deaktiver' }).click();
      const dialog = page.getByRole('dialog', { name: 'Deaktivere Kari Nordmann?' });
      await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
      await expect(dialog).toContainText('blir logget ut med en gang og kan ikke logge inn i Fjernhjelp før brukeren er aktivert igjen');
      await expectAccessible(page, 'deactivate-dialog');
      await dialog.getByRole('button', { name: 'Deaktiver' }).click();
      await expect(page.getByTestId('lifecycle-deactivated')).toContainText('Kari Nordmann er deaktivert og logget ut.');
      await expect(page.getByText(/Brukeren ble deaktivert .+ og kan ikke logge inn/)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Send engangspassord' })).toBeDisabled();
      await expectAccessible(page, 'user-deactivated');
    });

    await test.step('the list shows the status', async () => {
      await nav.getByRole('link', { name: 'Brukere' }).click();
      await expect(list.getByRole('row', { name: /kari\.nordmann/ })).toContainText('Deaktivert');
      await expect(list.getByRole('row', { name: /ola\.aasen/ })).toContainText('Aktiv');
    });

    await test.step('Aktiver igjen undoes it', async () => {
      await openUser('Kari Nordmann');
      await page.getByRole('button', { name: 'Aktiver igjen' }).click();
      await expect(page.getByTestId('lifecycle-reactivated')).toContainText('Kari Nordmann er aktivert igjen. Send et nytt engangspassord');
      await expect(page.getByRole('button', { name: 'Send engangspassord' })).toBeEnabled();
      await expect(page.getByRole('button', { name: 'Deaktiver' })).toBeVisible();
    });

    await test.step('Slett bruker: asks first, says it cannot be undone, and the user is gone', async () => {
      await page.getByRole('button', { name: 'Slett bruker' }).click();
      const dialog = page.getByRole('dialog', { name: 'Slette Kari Nordmann?' });
      await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
      await expect(dialog).toContainText('Dette kan ikke angres');
      await expect(dialog).toContainText('velg «Deaktiver» i stedet');
      await dialog.getByRole('button', { name: 'Slett bruker' }).click();
      await expect(page.getByTestId('user-deleted')).toHaveText('Kari Nordmann (kari.nordmann) er slettet.');
      await nav.getByRole('link', { name: 'Brukere' }).click();
      await expect(list.getByRole('link', { name: 'Ola Åsen' })).toBeVisible();
      await expect(list.getByRole('link', { name: 'Kari Nordmann' })).toHaveCount(0);
    });

    await test.step('the audit log still names the deleted user', async () => {
      await nav.getByRole('link', { name: 'Revisjonslogg' }).click();
      const deleted = page.getByRole('row', { name: /Bruker slettet/ });
      await expect(deleted).toContainText('Kari Nordmann (kari.nordmann)');
      await expect(page.getByRole('row', { name: /Bruker deaktivert/ })).toContainText('Kari Nordmann (kari.nordmann)');
    });

    await test.step('the administrator\'s own account is not offered', async () => {
      await openUser('Demo Administrator');
      await expect(page.getByText('Dette er din egen bruker. Den kan bare deaktiveres eller slettes av en annen kundeportaladministrator.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Deaktiver' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Slett bruker' })).toHaveCount(0);
    });
  } finally {
    await harness.stop();
  }
});
