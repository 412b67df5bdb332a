import type { EventName, EventPayloads } from '../../../shared/contract';

type Listener<E extends EventName> = (payload: EventPayloads[E]) => void;

/** main → renderer events, typed by the contract. A throwing listener never stops the others. */
export class EventHub {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch {
        // A broken window must not stop the engine or the other windows.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
