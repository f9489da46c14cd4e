import type { AppContext } from '../core/context';

/** Exit codes of `ledger`, stated in its help text. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder shown in the help for a string option, e.g. 文件. */
  valueName?: string;
  description: string;
  /**
   * The verb cannot run without it: main.ts refuses with exit 2 before opening the data folder. A string names a
   * group of alternatives (--period or --month): one of the options with that name is enough.
   */
  required?: true | string;
}

export interface CommandInput {
  ctx: AppContext;
  /** Positional arguments after the command words. */
  args: string[];
  options: Record<string, string | boolean | undefined>;
}

/** What a command produced: `data` becomes the --json document, `lines` the Chinese text for people. */
export interface CommandOutcome {
  data: unknown;
  lines: string[];
  /** Set when the command ran but its answer is "not fine" (check found problems). */
  exitCode?: number;
}

/**
 * One verb of the CLI. Later record types add theirs (`members list` …) as a module like these and one line
 * in commands/index.ts; parsing, help, the context and error handling stay in main.ts.
 */
export interface CliCommand {
  words: readonly string[];
  /** Positional arguments as shown in the help, e.g. `<文件或备份名>`. */
  argsUsage?: string;
  minArgs: number;
  maxArgs: number;
  summary: string;
  /** Extra help lines under the summary. */
  details?: readonly string[];
  options?: Readonly<Record<string, OptionSpec>>;
  /**
   * With --json, print `data` itself as the one JSON document instead of {"ok":true,"data":…} — for a verb
   * whose document shape is specified on its own (`members import`). Failures stay {"ok":false,"error":…}.
   */
  rawJson?: boolean;
  run(input: CommandInput): Promise<CommandOutcome>;
}

/** Wrong command shape: exit 2 with the usage text. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CliCommand,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
