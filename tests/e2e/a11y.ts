import axe, { type AxeResults, type Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { indent } from './harness';

/** The impacts that fail a page; minor and moderate ones are printed but tolerated. */
const failingImpacts = new Set(['serious', 'critical']);

export interface AxeReport {
  failing: Result[];
  tolerated: Result[];
}

/** Runs axe-core (the npm package's own build, injected into the page) on the page as it is now. */
export async function auditPage(page: Page): Promise<AxeReport> {
  const installed = await page.evaluate(() => 'axe' in window);
  // Evaluated through the debugging protocol, which the console's CSP (no inline script) does not block,
  // so the pages are audited with the policy they really ship with.
  if (!installed) await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  const violations = (results as AxeResults).violations;
  return {
    failing: violations.filter((violation) => failingImpacts.has(violation.impact ?? '')),
    tolerated: violations.filter((violation) => !failingImpacts.has(violation.impact ?? '')),
  };
}

/** One line per violation, for the tolerated ones that nobody has to act on now. */
export function listViolations(violations: Result[]): string {
  return violations
    .map(
      (violation) => `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length})`,
    )
    .join('\n');
}

export function formatViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 5).map((node) => {
        const summary = node.failureSummary ? `\n${indent(node.failureSummary, '    ')}` : '';
        return `  - ${node.target.join(' ')}\n    ${node.html.slice(0, 200)}${summary}`;
      });
      const more = violation.nodes.length > 5 ? [`  ... and ${violation.nodes.length - 5} more`] : [];
      return [
        `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length} element(s))`,
        `  ${violation.helpUrl}`,
        ...nodes,
        ...more,
      ].join('\n');
    })
    .join('\n');
}
