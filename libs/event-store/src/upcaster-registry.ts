import { UnknownUpcasterChainError } from './errors';
import type { JsonObject } from './json';

/** Turns the payload of `type` from schema version `fromVersion` into `toVersion`. Pure. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  upcast(data: JsonObject): JsonObject;
}

/** Where an upcasted event sits, for error messages. */
export interface EventLocation {
  readonly globalPosition: string;
  readonly streamId: string;
}

/**
 * The upcasters of every event type. The current schema version of a type is the highest
 * `toVersion` registered for it (1 when none). Reading walks the chain from the stored version to the
 * current one; a gap or a stored version newer than the current one is an UnknownUpcasterChainError.
 */
export class UpcasterRegistry {
  private readonly byType = new Map<string, Map<number, Upcaster>>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): this {
    const { type, fromVersion, toVersion } = upcaster;
    if (typeof type !== 'string' || type.trim() === '') throw new TypeError('An upcaster needs a non-empty event type');
    if (!Number.isInteger(fromVersion) || fromVersion < 1 || !Number.isInteger(toVersion) || toVersion <= fromVersion) {
      throw new TypeError(
        `Upcaster ${type}: versions must be integers with 1 <= fromVersion < toVersion (got ${fromVersion} -> ${toVersion})`,
      );
    }
    let steps = this.byType.get(type);
    if (!steps) this.byType.set(type, (steps = new Map()));
    if (steps.has(fromVersion)) throw new TypeError(`Upcaster ${type} from v${fromVersion} is registered twice`);
    steps.set(fromVersion, upcaster);
    return this;
  }

  /** The schema version new events of `type` are written in and old ones are read as. */
  currentVersion(type: string): number {
    let current = 1;
    for (const step of this.byType.get(type)?.values() ?? []) current = Math.max(current, step.toVersion);
    return current;
  }

  /**
   * Brings `data` stored at `storedVersion` up to the current version. Upcaster exceptions propagate
   * (the reader turns them into CorruptEventError with the event's position).
   */
  upcast(type: string, storedVersion: number, data: JsonObject, at?: EventLocation): { schemaVersion: number; data: JsonObject } {
    const current = this.currentVersion(type);
    if (storedVersion === current) return { schemaVersion: current, data };
    if (storedVersion > current) throw new UnknownUpcasterChainError(type, storedVersion, current, null, at);
    const steps = this.byType.get(type);
    let version = storedVersion;
    let payload = data;
    while (version < current) {
      const step = steps?.get(version);
      if (!step) throw new UnknownUpcasterChainError(type, storedVersion, current, version, at);
      payload = step.upcast(payload);
      version = step.toVersion;
    }
    return { schemaVersion: version, data: payload };
  }
}
