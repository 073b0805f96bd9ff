/** Events: what happened, as plain data (bigints for amounts, hex for accounts). */
export interface RuntimeEvent {
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export const event = (name: string, data: Record<string, unknown> = {}): RuntimeEvent => ({ name, data });
