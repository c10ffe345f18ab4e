// A person on a channel, mapped for good to a talk-API client.

export interface InterlocutorKey {
  bot: string;
  channel: string;
  userId: string;
}

export interface Interlocutor extends InterlocutorKey {
  /** Internal id, stable for the life of the mapping. */
  id: string;
  /** The talk API's client name (Pandorabots `client_name`); null until the first atalk answered. */
  clientName: string | null;
  /** Current talk session id and when it was last used (sessions end after 30 idle minutes). */
  sessionId: string | null;
  lastSeenAt: number | null;
  createdAt: number;
}

export interface InterlocutorStore {
  /**
   * Returns the mapping for `key`, creating it (and running `init` exactly once, even under
   * concurrent calls for the same key) when it does not exist yet. `init` obtains the client name.
   */
  ensure(
    key: InterlocutorKey,
    init?: (created: Interlocutor) => Promise<Partial<Pick<Interlocutor, "clientName" | "sessionId">>>,
  ): Promise<Interlocutor>;
  get(key: InterlocutorKey): Promise<Interlocutor | undefined>;
  update(
    id: string,
    patch: Partial<Pick<Interlocutor, "clientName" | "sessionId" | "lastSeenAt">>,
  ): Promise<void>;
  /** Deletes a person's mapping (privacy requests). Returns whether it existed. */
  forget(key: InterlocutorKey): Promise<boolean>;
  close(): Promise<void>;
}
