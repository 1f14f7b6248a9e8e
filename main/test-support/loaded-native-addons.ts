/**
 * The native addons (`.node` files) this process has loaded, from Node's diagnostic report: proof of
 * which binary a module really uses, not which one it would pick.
 */
export function loadedNativeAddons(): string[] {
  const report = process.report.getReport() as { sharedObjects?: string[] };
  return (report.sharedObjects ?? []).filter((file) => file.endsWith('.node'));
}
