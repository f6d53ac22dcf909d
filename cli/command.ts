import type { ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

// The shape of one CLI command. Each command lives in its own file under cli/commands/ and is
// listed in cli/index.ts; flags are declared for node:util parseArgs and validated by a zod schema.

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

export type Command<S extends z.ZodType = z.ZodType, R = unknown> = {
  /** Words that select the command, e.g. "project create". */
  name: string;
  summary: string;
  /** Flags in usage form, e.g. "--org ORG --name N [--domain D ...]". */
  usage: string;
  options: CommandOptions;
  schema: S;
  run(input: z.output<S>): Promise<R>;
  /** Human-readable lines for the result (--json prints the result itself). */
  format(result: R): string;
};

export const defineCommand = <S extends z.ZodType, R>(command: Command<S, R>): Command<S, R> => command;
