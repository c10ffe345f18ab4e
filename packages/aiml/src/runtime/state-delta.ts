// What one respond() call changes in a client state, and its replay. A host that persists states can
// write this small delta per turn instead of the whole state (kilobytes, mostly histories that only
// shift by one entry), and rebuild the state from its last snapshot plus the deltas since.
import type { ClientState, LearnedCategory, StateDelta } from "../types.js";
import { push } from "./history.js";

/** Notes the changes of one respond() call as they happen; every write to the state reports here. */
export class DeltaRecorder {
  private touched: Set<string> | null = null;
  private readonly inputs: string[] = [];
  private readonly learned: LearnedCategory[];
  private readonly learnedLength: number;
  private readonly contactsLength: number;

  constructor(private readonly state: ClientState) {
    this.learned = state.learned;
    this.learnedLength = state.learned.length;
    this.contactsLength = state.contacts?.length ?? 0;
  }

  /** A predicate was set or removed: its final value goes into the delta. */
  predicate(name: string): void {
    this.touched ??= new Set();
    this.touched.add(name);
  }

  input(sentence: string): void {
    this.inputs.push(sentence);
  }

  finish(request: string, response: string, that: string[]): StateDelta {
    const { state } = this;
    const delta: StateDelta = { inputs: this.inputs, request, response, that };
    if (this.touched) {
      const predicates: Record<string, string | null> = {};
      for (const name of this.touched) predicates[name] = state.predicates[name] ?? null;
      delta.predicates = predicates;
    }
    // <resetlearn/> and <resetlearnf/> build a new list; <learn> only appends to the current one.
    if (state.learned !== this.learned) delta.learnedReplaced = state.learned;
    else if (state.learned.length > this.learnedLength)
      delta.learned = state.learned.slice(this.learnedLength);
    const contacts = state.contacts;
    if (contacts && contacts.length > this.contactsLength)
      delta.contacts = contacts.slice(this.contactsLength);
    return delta;
  }
}

/** Replays a delta onto the state its respond() call started from (mutates and returns it). */
export function applyDelta(state: ClientState, delta: StateDelta): ClientState {
  if (delta.predicates) {
    for (const name of Object.keys(delta.predicates)) {
      const value = delta.predicates[name];
      if (value === null || value === undefined) delete state.predicates[name];
      else state.predicates[name] = value;
    }
  }
  for (const sentence of delta.inputs) push(state.inputs, sentence);
  push(state.requests, delta.request);
  push(state.responses, delta.response);
  push(state.thats, delta.that);
  if (delta.learnedReplaced) state.learned = delta.learnedReplaced.slice();
  else if (delta.learned) for (const category of delta.learned) state.learned.push(category);
  if (delta.contacts) {
    state.contacts ??= [];
    for (const contact of delta.contacts) state.contacts.push(contact);
  }
  return state;
}
