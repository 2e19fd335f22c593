/** Every command id in one table (as error-lens does), so package.json, handlers and tests agree. */
export const CommandId = {
  tagSelection: 'sovereigntyCoder.tagSelection',
  tagAllOccurrences: 'sovereigntyCoder.tagAllOccurrences',
  newFrameFromSelection: 'sovereigntyCoder.newFrameFromSelection',
  removeAnnotation: 'sovereigntyCoder.removeAnnotation',
  changeFrame: 'sovereigntyCoder.changeFrame',
  editMemo: 'sovereigntyCoder.editMemo',
  markReviewed: 'sovereigntyCoder.markReviewed',
  listAnnotations: 'sovereigntyCoder.listAnnotations',
  openSidecar: 'sovereigntyCoder.openSidecar',
  reloadCodebook: 'sovereigntyCoder.reloadCodebook',
  showOutput: 'sovereigntyCoder.showOutput',
  exportCsv: 'sovereigntyCoder.exportCsv',
  exportQdpx: 'sovereigntyCoder.exportQdpx',
  exportQdc: 'sovereigntyCoder.exportQdc',
  showAgreement: 'sovereigntyCoder.showAgreement',
  toggleTextDone: 'sovereigntyCoder.toggleTextDone',
  getStarted: 'sovereigntyCoder.getStarted',
  undoCoding: 'sovereigntyCoder.undoCoding',
  redoCoding: 'sovereigntyCoder.redoCoding',
  nextReview: 'sovereigntyCoder.nextReview',
  previousReview: 'sovereigntyCoder.previousReview',
  acceptReview: 'sovereigntyCoder.acceptReview',
  rejectReview: 'sovereigntyCoder.rejectReview',
  suggestCueTerms: 'sovereigntyCoder.suggestCueTerms',
  /** Internal: code actions call it with a prepared request; hidden from the palette. */
  applyTag: 'sovereigntyCoder.applyTag',
  /** Internal: the "Move here" links in the hover of a flagged annotation (reviewChoices.ts); hidden. */
  moveAnnotationHere: 'sovereigntyCoder.moveAnnotationHere',
} as const;

/**
 * The commands of the retrieval views (src/vscode/views/registerViews.ts registers them beside the trees they
 * act on, so they are not in the handler table of commands.ts).
 */
export const ViewCommandId = {
  showStatistics: 'sovereigntyCoder.showStatistics',
  segmentsGroupByFrame: 'sovereigntyCoder.segments.groupByFrame',
  segmentsGroupByText: 'sovereigntyCoder.segments.groupByText',
  segmentsFilter: 'sovereigntyCoder.segments.filter',
  segmentsClearFilter: 'sovereigntyCoder.segments.clearFilter',
  segmentsRefresh: 'sovereigntyCoder.segments.refresh',
  renameFrame: 'sovereigntyCoder.codebook.renameFrame',
  /** Internal (explorer context menus and clicks): they take the tree node; hidden from the palette. */
  mergeFrame: 'sovereigntyCoder.codebook.mergeFrame',
  segmentRetag: 'sovereigntyCoder.segment.retag',
  segmentRemove: 'sovereigntyCoder.segment.remove',
  segmentEditMemo: 'sovereigntyCoder.segment.editMemo',
  segmentMarkReviewed: 'sovereigntyCoder.segment.markReviewed',
  segmentReattach: 'sovereigntyCoder.segment.reattach',
  openSegment: 'sovereigntyCoder.openSegment',
} as const;

/** *Add Texts to the Corpus…*, registered by src/vscode/addTexts.ts with its worker and progress. */
export const ImportCommandId = {
  addTexts: 'sovereigntyCoder.addTexts',
} as const;

/** *Import REFI-QDA Project…*, registered by src/vscode/importRefiQda.ts. */
export const InterchangeCommandId = {
  importRefiQda: 'sovereigntyCoder.importRefiQda',
} as const;

/** The team-coding commands, registered by src/vscode/gitCommands.ts beside the compare view they feed. */
export const GitCommandId = {
  setUpGit: 'sovereigntyCoder.setUpGit',
  compareWithRevision: 'sovereigntyCoder.compareWithRevision',
  resolveWithCoder: 'sovereigntyCoder.resolveWithCoder',
  agreementFromRevisions: 'sovereigntyCoder.agreementFromRevisions',
  /** Internal (code action): keep this, the other or both versions of a merge conflict entry. */
  resolveConflict: 'sovereigntyCoder.resolveConflict',
  /** Internal (compare view): open a text at a span. */
  openCompareChange: 'sovereigntyCoder.openCompareChange',
} as const;

/** Assisted coding, registered by src/vscode/assist/registerAssist.ts beside the suggester and the model coder. */
export const AssistCommandId = {
  toggleSuggestions: 'sovereigntyCoder.toggleSuggestions',
  codeWithLanguageModel: 'sovereigntyCoder.codeWithLanguageModel',
  /** Internal (hover links and code actions): they take a suggestion; hidden from the palette. */
  acceptSuggestion: 'sovereigntyCoder.acceptSuggestion',
  dismissSuggestion: 'sovereigntyCoder.dismissSuggestion',
} as const;

/** Adjudication (*Compare Coders…* and the Disagreements tree), registered by src/vscode/adjudication/registerAdjudication.ts. */
export const AdjudicationCommandId = {
  compareCoders: 'sovereigntyCoder.compareCoders',
  acceptAgreements: 'sovereigntyCoder.adjudication.acceptAgreements',
  refresh: 'sovereigntyCoder.adjudication.refresh',
  /** Inline actions of the tree (they take its node; a script may pass the text's path and the id). */
  acceptA: 'sovereigntyCoder.adjudication.acceptA',
  acceptB: 'sovereigntyCoder.adjudication.acceptB',
  keepBoth: 'sovereigntyCoder.adjudication.keepBoth',
  neither: 'sovereigntyCoder.adjudication.neither',
  /** Internal (a click in the tree): open the text with both coders' spans. */
  openDisagreement: 'sovereigntyCoder.adjudication.open',
} as const;

/** Every command the extension contributes: what package.json must declare (test/unit/manifest.test.ts). */
export const ALL_COMMAND_IDS: readonly string[] = [
  ...Object.values(CommandId),
  ...Object.values(ViewCommandId),
  ...Object.values(ImportCommandId),
  ...Object.values(GitCommandId),
  ...Object.values(InterchangeCommandId),
  ...Object.values(AssistCommandId),
  ...Object.values(AdjudicationCommandId),
];

/** Context keys of the Coded Segments view's title menu: grouped by text rather than frame; a filter is set. */
export const GROUPED_BY_TEXT = 'sovereigntyCoder.segmentsByText';
export const FILTERED = 'sovereigntyCoder.segmentsFiltered';

/** Context key set on the active editor when its document is coded (menus and the keybinding use it). */
export const ACTIVE_EDITOR_CODED = 'sovereigntyCoder.activeEditorCoded';

/** Context keys: the active editor's next coding undo (redo) was made at its text's current version (codingHistory.ts). */
export const CODING_UNDOABLE = 'sovereigntyCoder.codingUndoable';
export const CODING_REDOABLE = 'sovereigntyCoder.codingRedoable';

/** Context key: *Compare Coders…* has run, so the Disagreements view is shown (and its actions are offered). */
export const DISAGREEMENTS_SHOWN = 'sovereigntyCoder.disagreementsShown';
