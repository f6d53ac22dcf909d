import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { describeError } from '@/lib/http/errors';
import type { Command } from './command';
import apikeyCreate from './commands/apikey-create';
import demoSeed from './commands/demo-seed';
import orgCreate from './commands/org-create';
import orgList from './commands/org-list';
import projectCreate from './commands/project-create';
import projectList from './commands/project-list';
import channelsReclassify from './commands/channels-reclassify';
import rollupRebuild from './commands/rollup-rebuild';
import rollupVerify from './commands/rollup-verify';
import stripeSet from './commands/stripe-set';
import userCreate from './commands/user-create';
import { connectDatabase } from './database';

// `npm run zori -- <command> [flags] [--json]`: Zori's admin CLI for self-hosters and scripts.
// Exit codes: 0 done, 1 refused (unknown id, duplicate name, …), 2 bad command or flags.

/** Every command, one file each in cli/commands/. To add one, import its file and list it here. */
const COMMANDS: Command[] = [orgCreate, orgList, projectCreate, projectList, apikeyCreate, userCreate, stripeSet, demoSeed, rollupRebuild, rollupVerify, channelsReclassify] as Command[];

class UsageError extends Error {}

function usage(command?: Command): string {
  if (command) return `Usage: npm run zori -- ${command.name} ${command.usage} [--json]\n  ${command.summary}`;
  const lines = COMMANDS.map((c) => `  ${c.name} ${c.usage}\n      ${c.summary}`);
  return `Usage: npm run zori -- <command> [flags] [--json]\n\nCommands:\n${lines.join('\n')}\n\nWith --json, results (and errors) are printed as JSON.`;
}

function findCommand(argv: string[]): { command: Command; rest: string[] } {
  const words = argv.slice(0, 2).join(' ');
  const command = COMMANDS.find((c) => c.name === words);
  if (!command) throw new UsageError(argv.length ? `Unknown command: ${argv.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')}` : 'No command given');
  return { command, rest: argv.slice(command.name.split(' ').length) };
}

function parseFlags(command: Command, rest: string[]) {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: rest, options: { ...command.options, json: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { json, ...flags } = values;
  const parsed = command.schema.safeParse(flags);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  return { input: parsed.data, json: json === true };
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  let command: Command | undefined;
  let json = argv.includes('--json');
  try {
    const found = findCommand(argv);
    command = found.command;
    const flags = parseFlags(command, found.rest);
    json = flags.json;
    const close = await connectDatabase();
    try {
      const result = await command.run(flags.input);
      process.stdout.write(`${json ? JSON.stringify(result, null, 2) : command.format(result)}\n`);
      return 0;
    } finally {
      await close();
    }
  } catch (err) {
    // Bad flag values that only the domain schema catches (a currency, a time zone) are usage errors too.
    const isUsage = err instanceof UsageError || err instanceof ZodError;
    let message: string;
    let fields: Record<string, string> | undefined;
    try {
      ({ message, fieldErrors: fields } = isUsage && !(err instanceof ZodError) ? { message: (err as Error).message, fieldErrors: undefined } : describeError(err));
    } catch {
      message = `Unexpected error: ${(err as Error)?.stack ?? String(err)}`;
    }
    if (json) process.stdout.write(`${JSON.stringify({ error: { message, ...(fields && { fields }) } }, null, 2)}\n`);
    process.stderr.write(`error: ${message}\n${isUsage ? `\n${usage(command)}\n` : ''}`);
    return isUsage ? 2 : 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
