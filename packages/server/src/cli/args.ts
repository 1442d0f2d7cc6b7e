/** Flags of a CLI command: `--name value` pairs (repeatable) and bare `--json`-style switches. */
export interface ParsedArgs {
  values: Map<string, string[]>;
  switches: Set<string>;
}

const SWITCHES = new Set(['json']);

/**
 * Parses `--flag value` and `--flag=value` arguments; `--json` takes no value.
 *
 * @throws Error naming the flag when a value is missing or an argument is not a flag.
 */
export function parseArgs(argv: string[]): ParsedArgs {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new Error(`Unexpected argument "${arg}".`);
    const name = match[1];
    if (SWITCHES.has(name)) {
      switches.add(name);
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value.`);
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { values, switches };
}

/** The one value of a flag, or undefined; throws when it was given twice. */
export function single(args: ParsedArgs, name: string): string | undefined {
  const all = args.values.get(name) ?? [];
  if (all.length > 1) throw new Error(`--${name} is given more than once.`);
  return all[0];
}

/** The one value of a required flag. */
export function required(args: ParsedArgs, name: string): string {
  const value = single(args, name);
  if (value === undefined) throw new Error(`--${name} is required.`);
  return value;
}
