import type { InventoryArea } from '../contract/events';

/**
 * What one transaction touched. Services record into it while they write; the core acts on it
 * once: before commit (evaluations that must be in the same transaction) and after commit (events).
 */
export class Change {
  readonly areas = new Set<InventoryArea>();
  /** Parts whose own stock, variant tree or threshold moved; each is evaluated once per change. */
  readonly touchedParts = new Set<number>();

  touch(...areas: InventoryArea[]): void {
    for (const area of areas) this.areas.add(area);
  }

  touchPart(partId: number): void {
    this.touchedParts.add(partId);
    this.areas.add('parts');
  }
}
