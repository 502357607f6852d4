/** A minimal named-test runner: each check is one line of output, and a failure never stops the next. */

export interface Outcome {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export class Suite {
  readonly outcomes: Outcome[] = [];
  private notes: string[] = [];

  /** Something worth reading that does not fail the running test; printed under its result line. */
  note(text: string): void {
    this.notes.push(text);
  }

  async test(name: string, run: () => Promise<void>): Promise<boolean> {
    const started = Date.now();
    try {
      await run();
      this.record({ name, ok: true, ms: Date.now() - started });
      return true;
    } catch (error) {
      this.record({ name, ok: false, ms: Date.now() - started, error: describe(error) });
      return false;
    }
  }

  /** A failure found outside a test body, e.g. a check that cannot run: counted, not hidden. */
  fail(name: string, message: string): void {
    this.record({ name, ok: false, ms: 0, error: message });
  }

  get failed(): number {
    return this.outcomes.filter((outcome) => !outcome.ok).length;
  }

  get passed(): number {
    return this.outcomes.filter((outcome) => outcome.ok).length;
  }

  summary(): string {
    const lines = ['', 'Summary:'];
    for (const outcome of this.outcomes) lines.push(`  ${outcome.ok ? 'PASS' : 'FAIL'}  ${outcome.name}`);
    lines.push('', `${this.passed} passed, ${this.failed} failed`);
    return lines.join('\n');
  }

  private record(outcome: Outcome): void {
    this.outcomes.push(outcome);
    console.log(`${outcome.ok ? 'PASS' : 'FAIL'}  ${outcome.name} (${outcome.ms} ms)`);
    if (outcome.error) console.log(indent(outcome.error, '      '));
    for (const note of this.notes) console.log(indent(note, '      '));
    this.notes = [];
  }
}

export class CheckFailed extends Error {}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

// Playwright colours its call logs; in a CI log the escape codes are only noise.
// eslint-disable-next-line no-control-regex
const ansiEscape = /\x1b\[[0-9;]*m/g;

function describe(error: unknown): string {
  if (error instanceof CheckFailed) return error.message;
  if (error instanceof Error) {
    // Playwright's messages already carry the call log; a stack into our own helpers adds nothing.
    return `${error.name}: ${error.message}`.replace(ansiEscape, '');
  }
  return String(error);
}

export function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}
