/**
 * The Git commands of the extension (docs/git.md): *Set Up Git for Annotation Files*, *Compare Annotations with
 * Revision…*, *Show Inter-coder Agreement from Revisions…*, *Resolve with Sovereignty Coder* for a sidecar with
 * conflict markers, and the handler behind the
 * conflict code actions (keep this / the other / both). The work is the core's (src/core/git) or, for resolve,
 * the bundled CLI's, run as a child process so that the file is merged exactly as on the command line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  cliCommandFor,
  diffSides,
  documentsAtRevisions,
  nodeGitPort,
  repositoryTop,
  resolveCommit,
  resolveConflict,
  setUpGit,
  type ConflictChoice,
} from '../core/git';
import { formatProblem } from '../core/input';
import { AgreementView } from './agreementView';
import { GitCommandId } from './commandIds';
import { toRange } from './convert';
import type { Services } from './services';
import { openDocument } from './convert';
import type { CompareView } from './views/compareView';

/** The repository of the given folder, else of the first workspace folder; a message when there is none. */
function repositoryOf(folder?: vscode.Uri): string | undefined {
  const path = folder?.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (path === undefined)
    return void vscode.window.showErrorMessage('Open a folder that is in a Git repository first.');
  try {
    return repositoryTop(path);
  } catch (e) {
    return void vscode.window.showErrorMessage(`Sovereignty Coder: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** HEAD, branches and tags of the repository. */
function revisionNames(top: string): string[] {
  const refs = nodeGitPort(top).run([
    'for-each-ref',
    '--format=%(refname:short)',
    'refs/heads',
    'refs/tags',
    'refs/remotes',
  ]);
  return ['HEAD', ...refs.stdout.split('\n').filter((n) => n !== '')];
}

/** Branches and tags to offer; any other revision can be typed. */
async function pickRevision(top: string): Promise<string | undefined> {
  const names = revisionNames(top);
  const pick = vscode.window.createQuickPick();
  pick.title = 'Compare annotations with revision (a branch, tag or commit; type any)';
  pick.items = names.map((label) => ({ label }));
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.label ?? (pick.value || undefined));
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** Agreement of coders on their own branches: the revisions picked (two or more), read without a checkout. */
async function agreementFromRevisions(
  view: AgreementView,
  revs: string[] | undefined,
  folder?: vscode.Uri,
): Promise<unknown> {
  const top = repositoryOf(folder);
  if (top === undefined) return undefined;
  const chosen =
    revs ??
    (await vscode.window.showQuickPick(revisionNames(top), {
      canPickMany: true,
      title: "Inter-coder agreement from revisions: pick each coder's branch (two or more)",
    }));
  if (chosen === undefined) return undefined;
  const git = nodeGitPort(top);
  const revisions = chosen.map((rev) => ({ rev, commit: resolveCommit(git, rev) }));
  const unknown = revisions.find((r) => r.commit === undefined);
  if (unknown !== undefined || revisions.length < 2) {
    return void vscode.window.showErrorMessage(
      unknown
        ? `'${unknown.rev}' is not a branch, tag or commit of ${top}.`
        : 'Pick two or more revisions, one per coder.',
    );
  }
  const { documents, problems } = documentsAtRevisions(
    git,
    revisions.map((r) => ({ rev: r.rev, commit: r.commit ?? '' })),
    [],
  );
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    return void vscode.window.showErrorMessage(
      `Inter-coder agreement: fix these annotation files first: ${errors.map(formatProblem).join('; ')}`,
    );
  return view.show(undefined, documents);
}

export function registerGitCommands(
  services: Services,
  extensionPath: string,
  compare: CompareView,
): vscode.Disposable[] {
  const cli = join(extensionPath, 'dist', 'cli.js');
  const agreement = new AgreementView(services);
  const register = (id: string, handler: (...args: never[]) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(id, handler);
  return [
    agreement,
    register(GitCommandId.agreementFromRevisions, (revs?: string[], folder?: vscode.Uri) =>
      agreementFromRevisions(agreement, revs, folder),
    ),
    register(GitCommandId.resolveConflict, async (uri: string, id: string, choice: ConflictChoice) => {
      const doc = openDocument(uri);
      return doc === undefined
        ? false
        : services.sidecars.applyDecision(doc, (list) => resolveConflict(list, id, choice));
    }),
    register(GitCommandId.setUpGit, (folder?: vscode.Uri) => {
      const top = repositoryOf(folder);
      if (top === undefined) return undefined;
      const attributes = join(top, '.gitattributes');
      const done = setUpGit(
        nodeGitPort(top),
        {
          read: () => (existsSync(attributes) ? readFileSync(attributes, 'utf8') : undefined),
          write: (text) => writeFileSync(attributes, text),
        },
        cliCommandFor(cli, process.execPath, process.versions['electron'] !== undefined),
      );
      services.log.info(`git set-up of ${top}: ${done.join('; ') || 'already set up'}`);
      void vscode.window.showInformationMessage(
        done.length === 0
          ? 'Git is already set up for annotation files.'
          : `Git set up for annotation files: ${done.join('; ')}`,
      );
      return done;
    }),
    register(GitCommandId.resolveWithCoder, (sidecar?: vscode.Uri) => {
      const target = sidecar ?? vscode.window.activeTextEditor?.document.uri;
      if (target === undefined) return undefined;
      const r = spawnSync(process.execPath, [cli, 'resolve', target.fsPath], {
        encoding: 'utf8',
        cwd: join(target.fsPath, '..'),
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      });
      const message = (r.stderr || r.stdout || String(r.error ?? '')).trim();
      services.log.info(`resolve ${target.fsPath}: exit ${String(r.status)}: ${message}`);
      if (r.status === 0) void vscode.window.showInformationMessage(message);
      else void vscode.window.showWarningMessage(message);
      return r.status;
    }),
    register(GitCommandId.compareWithRevision, async (revision?: string, folder?: vscode.Uri) => {
      const top = repositoryOf(folder);
      if (top === undefined) return undefined;
      const git = nodeGitPort(top);
      const rev = revision ?? (await pickRevision(top));
      if (rev === undefined) return undefined;
      const commit = resolveCommit(git, rev);
      if (commit === undefined)
        return void vscode.window.showErrorMessage(`'${rev}' is not a branch, tag or commit of ${top}.`);
      const run = diffSides(git, top, { label: rev, commit }, { label: 'working tree', commit: undefined }, []);
      for (const p of run.problems) services.log.warn(p);
      await compare.show(top, rev, run.diffs);
      return compare.lines();
    }),
    register(GitCommandId.openCompareChange, async (file: vscode.Uri, start: number, end: number) => {
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc, { selection: toRange(doc, start, end) });
    }),
  ];
}
