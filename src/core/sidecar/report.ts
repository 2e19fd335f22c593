/** Positioned problem reporting and small node helpers shared by the sidecar validators. */
import { isScalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { Problem } from '../input';
import { excerpt, nodePosition } from '../input';
import type { SafeYaml } from '../input';

/** Reports problems at nodes of one parsed file. */
export class Reporter {
  readonly problems: Problem[] = [];
  constructor(
    private readonly yaml: SafeYaml,
    private readonly file: string,
  ) {}

  error(node: unknown, message: string): void {
    this.add(node, message, 'error');
  }

  warning(node: unknown, message: string): void {
    this.add(node, message, 'warning');
  }

  private add(node: unknown, message: string, severity: Problem['severity']): void {
    const { line, column } = nodePosition(this.yaml, node);
    this.problems.push({ file: this.file, line, column, message, severity });
  }
}

/** The pairs of a map by key; non-string keys were already refused by parseSafeYaml. */
export function pairsByKey(map: YAMLMap): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  for (const pair of map.items) {
    if (isScalar(pair.key)) pairs.set(String(pair.key.value), pair);
  }
  return pairs;
}

/** The plain value of a scalar node (null for an empty value), or undefined for a missing or non-scalar node. */
export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** A scalar value for a message: a short, sanitised excerpt of a string, anything else as JSON (numbers, booleans, null). */
export function showValue(value: unknown): string {
  return excerpt(typeof value === 'string' ? value : String(JSON.stringify(value)));
}
