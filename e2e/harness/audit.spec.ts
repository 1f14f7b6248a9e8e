import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import { readFileSync, statSync } from 'node:fs';
import { expect, signInAndActivate, startHarnessProcess, test } from './harness-fixture';

test('the audit log filters, shows before and after, and exports what is shown to an owner-only CSV', async ({ page }) => {
  const harness = await startHarnessProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
  try {
    await signInAndActivate(page, harness);

    await page.getByRole('link', { name: 'Revisjonslogg' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisjonslogg');
    const count = page.getByTestId('audit-count');
    await expect(count).toContainText('hendelser');
    const total = Number(/av (\d+)/.exec((await count.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(3);

    await page.getByLabel('Utført av').selectOption('demo.admin');
    await page.getByLabel('Handling').selectOption({ label: 'Fjernhjelp aktivert (bruksvilkår godtatt)' });
    await expect(count).toHaveText(`Viser 1 av ${total} hendelser`);
    await page.getByRole('button', { name: 'Vis før og etter' }).click();
    await expect(page.getByTestId('audit-before')).toContainText('"status": "inactive"');
    await expect(page.getByTestId('audit-after')).toContainText('"status": "activating"');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('audit.png'), fullPage: true });

    await page.getByRole('button', { name: 'Eksporter til CSV' }).click();
    const notice = page.getByTestId('audit-exported');
    await expect(notice).toContainText('Lagret 1 hendelser');
    const path = /i (\/\S+\.csv)\./.exec((await notice.textContent()) ?? '')?.[1];
    expect(path).toBeTruthy();
    expect(statSync(path!).mode & 0o777).toBe(0o600);
    const text = readFileSync(path!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(['demo.admin', 'service.activation_requested']));
  } finally {
    await harness.stop();
  }
});
