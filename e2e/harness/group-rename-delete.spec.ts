import { expect, signInAndActivate, startHarnessProcess, test } from './harness-fixture';

test('an administrator fixes a group name that breaks the rule, renames the group and deletes it; "Maskiner" stays', async ({ page }) => {
  test.setTimeout(120_000);
  const harness = await startHarnessProcess(['--activation-delay-ms', '500', '--group-sync-delay-ms', '500']);
  try {
    await signInAndActivate(page, harness);
    const navigation = page.getByRole('navigation', { name: 'Hovedmeny' });
    const groupsTable = page.getByRole('table', { name: 'Dine maskingrupper' });
    const error = page.getByTestId('group-name-error');

    await test.step('"Ny maskingruppe" states the allowed characters and names the one that is not', async () => {
      await navigation.getByRole('link', { name: 'Dine maskingrupper' }).click();
      await page.getByRole('button', { name: 'Legg til ny maskingruppe' }).click();
      const name = page.getByLabel('Navn', { exact: true });
      await expect(name).toHaveAccessibleDescription(/Tillatte tegn: bokstaver \(også æ, ø, å og samiske bokstaver/);
      await name.fill('a/b<script>');
      await expect(error).toHaveText('Tegnet «/» er ikke tillatt i navnet. Bruk bokstaver, sifre, mellomrom, bindestrek (-), understrek (_) og punktum (.).');
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await name.fill('Servere 🚑');
      await expect(error).toContainText('Tegnet «🚑» er ikke tillatt');
      await name.fill('Testgruppe');
      await expect(error).toHaveText('');
      await page.getByRole('button', { name: 'Legg til ny maskingruppe' }).click();
      await expect(page.getByTestId('group-created')).toContainText('NorskHelsenetttest-Testgruppe');
      const row = groupsTable.getByRole('row').filter({ has: page.getByRole('link', { name: 'Testgruppe' }) });
      // Renaming waits for the group to be ready in the cache, so the version the screen holds is the portal's.
      await page.getByRole('button', { name: 'Synkroniser nå' }).click();
      await expect(row.getByTestId('group-sync-state')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
      await page.getByRole('link', { name: 'Testgruppe' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Testgruppe');
    });

    await test.step('"Gi nytt navn" checks the name like a new one and saves it', async () => {
      await page.getByRole('button', { name: 'Gi nytt navn' }).click();
      const name = page.getByLabel('Nytt navn', { exact: true });
      await expect(name).toBeFocused();
      await expect(name).toHaveValue('Testgruppe');
      await page.getByRole('button', { name: 'Lagre nytt navn' }).click();
      await expect(error).toHaveText('Skriv et annet navn enn det gruppen har nå.');
      await name.fill('Lab<script>');
      await expect(error).toHaveText(/^Tegnet «<» er ikke tillatt i navnet/);
      await name.fill('maskiner');
      await expect(error).toHaveText('Det finnes allerede en maskingruppe med navnet «maskiner» i virksomheten.');
      await name.fill('Røntgen ved Sámi klinihkka');
      await expect(page.getByTestId('group-name-preview')).toHaveText('Fullt navn: NorskHelsenetttest-Røntgen ved Sámi klinihkka');
      await page.getByRole('button', { name: 'Lagre nytt navn' }).click();
      await expect(page.getByText('Maskingruppen heter nå NorskHelsenetttest-Røntgen ved Sámi klinihkka.', { exact: false })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Røntgen ved Sámi klinihkka');
      await expect(page.getByRole('button', { name: 'Gi nytt navn' })).toBeFocused();
    });

    await test.step('"Slett gruppen" asks first, with the safe choice focused, then deletes the group', async () => {
      await page.getByRole('button', { name: 'Slett gruppen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Slette maskingruppen?' });
      await expect(dialog).toContainText('Maskingruppen NorskHelsenetttest-Røntgen ved Sámi klinihkka slettes.');
      await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
      await dialog.getByRole('button', { name: 'Slett gruppen' }).click();
      await expect(page.getByTestId('group-deleted')).toHaveText('Maskingruppen NorskHelsenetttest-Røntgen ved Sámi klinihkka er slettet.');
      await page.getByRole('link', { name: 'Tilbake til dine maskingrupper' }).click();
      await expect(groupsTable.getByRole('link', { name: 'Maskiner', exact: true })).toBeVisible();
      await expect(groupsTable.getByRole('link', { name: 'Røntgen ved Sámi klinihkka' })).toHaveCount(0);
    });

    await test.step('the default group "Maskiner" cannot be deleted, and says why', async () => {
      await groupsTable.getByRole('link', { name: 'Maskiner', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maskiner');
      const remove = page.getByRole('button', { name: 'Slett gruppen' });
      await expect(remove).toBeDisabled();
      await expect(remove).toHaveAccessibleDescription(/standard maskingruppe.*kan ikke slettes, men du kan gi den nytt navn/);
    });
  } finally {
    await harness.stop();
  }
});
