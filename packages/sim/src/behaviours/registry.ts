/**
 * Behaviours by name. Researchers add their own with `registerBehaviour` (a module exporting a
 * `BehaviourFactory`) before parsing a scenario that names it.
 */
import type { BehaviourFactory } from './behaviour.js';
import { cabal } from './cabal.js';
import { copier } from './copier.js';
import { honest } from './honest.js';
import { lazy } from './lazy.js';
import { shifted } from './shifted.js';

const REGISTRY = new Map<string, BehaviourFactory>([honest, lazy, copier, shifted, cabal].map((f) => [f.kind, f]));

export function registerBehaviour(factory: BehaviourFactory): void {
  if (REGISTRY.has(factory.kind)) throw new Error(`behaviour '${factory.kind}' is already registered`);
  REGISTRY.set(factory.kind, factory);
}

export function behaviourFactory(kind: string): BehaviourFactory | undefined {
  return REGISTRY.get(kind);
}

export function behaviourKinds(): string[] {
  return [...REGISTRY.keys()];
}

export function behaviourList(): { kind: string; description: string }[] {
  return [...REGISTRY.values()].map((f) => ({ kind: f.kind, description: f.description }));
}
