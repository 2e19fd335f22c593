/**
 * `sovcode scan`: every codebook-term match in the given files, as JSON Lines or CSV. Several files are
 * scanned in worker threads (scan/parallelScan.ts), one per core up to eight, unless --jobs says otherwise or
 * the files are too small to be worth starting threads for.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Matcher, type MatcherTerm } from '../core/matcher';
import { matcherTerms } from '../core/codebook';
import { loadUsableCodebook, shippedCodebookPath } from './codebookFile';
import { CliError } from './errors';
import { ScanThreads } from './scan/parallelScan';
import { readScanText } from './scan/readScanText';
import { scanFormat, scanHeader, scanText, type ScanFormat } from './scan/scanText';

/** Below this many bytes in all, the files are scanned in one thread: starting workers would cost more. */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
const MAX_JOBS = 64;
const DEFAULT_MAX_JOBS = 8;

interface ScanSetup {
  terms: MatcherTerm[];
  format: ScanFormat;
}

function setUp(files: readonly string[], codebookPath: string | undefined, format: string | undefined): ScanSetup {
  if (files.length === 0) throw new CliError('scan: name at least one FILE (see sovcode scan --help)');
  const f = scanFormat(format);
  return { terms: matcherTerms(loadUsableCodebook(codebookPath ?? shippedCodebookPath())), format: f };
}

/** The output of `sovcode scan`, in pieces to print one after the other: scanned here, one file at a time. */
export function scanFiles(
  files: readonly string[],
  codebookPath: string | undefined,
  format: string | undefined,
): string[] {
  const { terms, format: f } = setUp(files, codebookPath, format);
  const matcher = Matcher.compile(terms);
  return [scanHeader(f), ...files.map((file) => scanText(file, readScanText(file), matcher, f))];
}

/** --jobs as a number of threads (undefined: not given). */
export function jobsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_JOBS)
    throw new CliError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not '${value}'`);
  return n;
}

function totalBytes(files: readonly string[]): number {
  let total = 0;
  for (const f of files) {
    try {
      total += statSync(f).size;
    } catch {
      // a file that cannot be read is refused by the scan itself, with its reason
    }
  }
  return total;
}

/**
 * The scan's threads: --jobs if given, else one per core (at most eight), and one when the files are too few
 * or too small; never more than the files.
 */
export function scanThreads(files: readonly string[], jobs: number | undefined): number {
  if (jobs !== undefined) return Math.min(jobs, files.length);
  if (files.length < 2 || totalBytes(files) < PARALLEL_MIN_BYTES) return 1;
  return Math.min(availableParallelism(), DEFAULT_MAX_JOBS, files.length);
}

/** The script of the scan's worker threads: bundled beside the CLI (dist/), compiled beside this room (out/). */
function workerScript(): string {
  const bundled = join(__dirname, 'scanWorker.js');
  return existsSync(bundled) ? bundled : join(__dirname, 'scan', 'scanWorker.js');
}

/**
 * scanFiles, in worker threads when there are several files to share among them. The threads start first and
 * boot while this thread loads, checks and compiles the codebook (whose problems are reported as scanFiles
 * reports them; the threads are stopped then).
 */
export async function scanFilesInThreads(
  files: readonly string[],
  codebookPath: string | undefined,
  format: string | undefined,
  jobs: number | undefined,
  warn: (line: string) => void,
): Promise<string[]> {
  const threads = scanThreads(files, jobs);
  if (threads <= 1) return scanFiles(files, codebookPath, format);
  const script = workerScript();
  if (!existsSync(script)) {
    warn(`sovcode: scanning in one thread: the scan worker ${script} is missing\n`);
    return scanFiles(files, codebookPath, format);
  }
  const workers = new ScanThreads(threads, script);
  let matcher: Matcher;
  let f: ScanFormat;
  try {
    const s = setUp(files, codebookPath, format);
    f = s.format;
    matcher = Matcher.compile(s.terms);
  } catch (e) {
    workers.stop();
    throw e;
  }
  return [scanHeader(f), ...(await workers.run(files, matcher, f))];
}
