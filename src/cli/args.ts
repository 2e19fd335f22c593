/** Command-line parsing for `sovcode`, on node's own util.parseArgs (strict: unknown options are errors). */
import { parseArgs } from 'node:util';
import { errorMessage } from '../core/input';

export class UsageError extends Error {}

export interface ParsedCommand {
  command: string | undefined;
  positionals: string[];
  values: {
    codebook?: string;
    coders?: string;
    format?: string;
    output?: string;
    force?: boolean;
    verbose?: boolean;
    help?: boolean;
    version?: boolean;
    by?: string;
    cooccurrence?: string;
    attributes?: string;
    into?: string;
    encoding?: string;
    rev?: string[];
    strict?: boolean;
    'allow-orphans'?: boolean;
    frame?: string;
    accept?: string;
    coder?: string;
    undo?: boolean;
    unit?: string;
    'no-neutralize'?: boolean;
    evaluate?: boolean;
    from?: string;
    threshold?: string;
    folds?: string;
    seed?: string;
    as?: string;
    decisions?: string;
    'dry-run'?: boolean;
    jobs?: string;
  };
}

export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        codebook: { type: 'string', short: 'c' },
        coders: { type: 'string' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        verbose: { type: 'boolean' },
        encoding: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        by: { type: 'string' },
        cooccurrence: { type: 'string' },
        attributes: { type: 'string' },
        into: { type: 'string' },
        rev: { type: 'string', multiple: true },
        strict: { type: 'boolean' },
        'allow-orphans': { type: 'boolean' },
        frame: { type: 'string' },
        accept: { type: 'string' },
        coder: { type: 'string' },
        undo: { type: 'boolean' },
        unit: { type: 'string' },
        'no-neutralize': { type: 'boolean' },
        evaluate: { type: 'boolean' },
        from: { type: 'string' },
        threshold: { type: 'string' },
        folds: { type: 'string' },
        seed: { type: 'string' },
        as: { type: 'string' },
        decisions: { type: 'string' },
        'dry-run': { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
      },
    });
    const [command, ...rest] = positionals;
    return { command, positionals: rest, values };
  } catch (e) {
    throw new UsageError(errorMessage(e));
  }
}
