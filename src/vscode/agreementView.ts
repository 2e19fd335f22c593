/**
 * "Show Inter-coder Agreement": the core's agreement report over every annotation file of the workspace, shown
 * as its HTML page (chart, tables, unitizing alphas, disagreements) in a webview. The page has no script; the webview runs with
 * scripts disabled and the page's own Content-Security-Policy allows inline styles only.
 */
import * as vscode from 'vscode';
import { agreementHtml } from '../core/agreement/html';
import { agreementReport, codersOf, type AgreementReport } from '../core/agreement/report';
import type { Services } from './services';
import type { CodedDocument } from '../core/documents';
import { activeCodebook, collectDocuments } from './workspaceDocuments';
import { readSettings } from './settings';

/** Owns the one agreement panel: shown again, with fresh numbers, each time the command runs. */
export class AgreementView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(private readonly services: Services) {}

  /**
   * Computes and shows the report; resolves to it (for tests), or undefined when it cannot be computed.
   * `documents` replaces the workspace's annotation files (agreement from Git revisions).
   */
  async show(coders?: string[], documents?: CodedDocument[]): Promise<AgreementReport | undefined> {
    const report = await computeReport(this.services, coders, documents);
    if (!report) return undefined;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'sovereigntyCoder.agreement',
        'Inter-coder Agreement',
        vscode.ViewColumn.Beside,
        { enableScripts: false },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
    }
    this.panel.webview.html = agreementHtml(
      report,
      vscode.workspace.name ?? 'workspace',
      new Date().toISOString().slice(0, 10),
    );
    this.panel.reveal(undefined, true);
    this.services.log.info(
      `agreement of ${report.coders.join(', ')} over ${report.documents.included.length} text(s), unit ${report.unit}: kappa ${report.overall.cohenKappa?.toFixed(3) ?? 'n/a'}, alpha ${report.overall.krippendorffAlpha?.toFixed(3) ?? 'n/a'}, unitizing uα ${report.unitizing.overall.alpha.alpha?.toFixed(3) ?? 'n/a'}`,
    );
    return report;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

async function computeReport(
  services: Services,
  coders?: string[],
  given?: CodedDocument[],
): Promise<AgreementReport | undefined> {
  const codebook = activeCodebook(services);
  const documents = codebook && (given ?? (await collectDocuments(services, codebook, true)));
  if (!codebook || !documents) return undefined;
  const compared = coders ?? (await pickCoders(codersOf(documents)));
  if (!compared) return undefined;
  let report: AgreementReport;
  try {
    report = agreementReport(codebook, documents, compared, { unit: readSettings().agreementUnit });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const hint =
      compared.length < 2
        ? " Merge the coders' branches first, so that the annotation files hold every coder's annotations."
        : '';
    void vscode.window.showWarningMessage(`Inter-coder agreement: ${e.message}.${hint}`);
    return undefined;
  }
  return report;
}

/**
 * The coders to compare: with two or fewer there is nothing to choose; with more, the user picks (all are
 * picked at first), since a text counts only when every compared coder has coded it.
 */
async function pickCoders(found: string[]): Promise<string[] | undefined> {
  if (found.length <= 2) return found;
  const picked = await vscode.window.showQuickPick(
    found.map((label) => ({ label, picked: true })),
    {
      canPickMany: true,
      title: 'Inter-coder agreement: compare which coders?',
      placeHolder: 'Pick two or more coders',
    },
  );
  return picked?.map((p) => p.label);
}
