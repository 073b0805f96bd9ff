/**
 * Typed simulator errors. A bad scenario names the JSON path of the offending value (`$.subnets[0].
 * validators[2].stake`), says what is wrong and, where it helps, what to write instead.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    /** JSON path of the offending value, `$` for the whole document. */
    readonly path: string,
    readonly explanation: string,
    readonly hint?: string,
  ) {
    super(`${path}: ${explanation}${hint === undefined ? '' : ` (${hint})`}`);
  }

  toJSON(): { code: string; path: string; explanation: string; hint?: string } {
    return {
      code: this.name,
      path: this.path,
      explanation: this.explanation,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
    };
  }
}

/** A scenario that parsed but that the chain refused while the world was being built or run. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
  constructor(
    readonly path: string,
    readonly explanation: string,
    readonly hint?: string,
  ) {
    super(`${path}: ${explanation}${hint === undefined ? '' : ` (${hint})`}`);
  }

  toJSON(): { code: string; path: string; explanation: string; hint?: string } {
    return {
      code: this.name,
      path: this.path,
      explanation: this.explanation,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
    };
  }
}
