import type { ServerToClientEvents } from '../../../common/protocol/lesson.js';
import type { ParticipantClient } from '../lessons/Participant.js';

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** A participant client that records the pushes it receives (tests only). */
export class RecordingClient implements ParticipantClient {
  readonly events: { event: EventName; payload: unknown }[] = [];

  send<E extends EventName>(event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    this.events.push({ event, payload: args[0] });
  }

  all<E extends EventName>(event: E): Payload<E>[] {
    return this.events.filter((e) => e.event === event).map((e) => e.payload as Payload<E>);
  }

  last<E extends EventName>(event: E): Payload<E> | undefined {
    return this.all(event).at(-1);
  }

  names(): EventName[] {
    return this.events.map((e) => e.event);
  }

  clear(): void {
    this.events.length = 0;
  }
}
