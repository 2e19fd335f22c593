/** A file of `sovcode scan` read as the scan sees it: decoded, LF line endings, no BOM. */
import { canonicalText } from '../../core/text';
import { readTextFile } from '../codebookFile';

export function readScanText(file: string): string {
  return canonicalText(readTextFile(file));
}
