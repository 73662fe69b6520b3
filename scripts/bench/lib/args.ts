/** `--name value` / `--name=value` from argv, for the standalone bench scripts. */
export function numberArg(name: string, fallback: number, argv: string[] = process.argv.slice(2)): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === `--${name}` && argv[i + 1] != null) return Number(argv[i + 1]);
    if (a.startsWith(`--${name}=`)) return Number(a.slice(name.length + 3));
  }
  return fallback;
}

/**
 * A `--name VALUE` (or `--name=VALUE`) argument. `npm run bench` hands every
 * benchmark the same arguments, so each reads the ones it knows and ignores
 * the rest.
 */
export function stringArg(name: string, argv: string[] = process.argv.slice(2)): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === `--${name}` && argv[i + 1] != null) return argv[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

/** One result line, in the `name: value unit` form every benchmark prints. */
export function report(name: string, value: number, unit: string): void {
  const v = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  console.log(`${name}: ${v} ${unit}`);
}

export function peakRssMb(): number {
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}
