import type { ClientState, Contact } from "../types.js";

// Program AB's contact tags (its "PC" extension, used by ALICE2): a per-client contact book instead of
// Program AB's process-wide one, so one user never sees another's contacts.

const UNKNOWN = "unknown";

/** Program AB turns every space of " name " into `(.*)`: the name's words appear in order. */
function nameMatcher(name: string): RegExp {
  const words = ` ${name.toUpperCase()} `.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(words.join("(.*)"));
}

function book(state: ClientState): Contact[] {
  state.contacts ??= [];
  return state.contacts;
}

function byId(state: ClientState, id: string): Contact | undefined {
  const key = id.toUpperCase();
  return state.contacts?.find((c) => c.id.toUpperCase() === key);
}

export function contactId(state: ClientState, name: string): string {
  const re = nameMatcher(name);
  let result = UNKNOWN;
  for (const c of state.contacts ?? []) if (re.test(c.displayName.toUpperCase())) result = c.id;
  return result;
}

export function multipleIds(state: ClientState, name: string): string {
  const re = nameMatcher(name);
  const ids = (state.contacts ?? []).filter((c) => re.test(c.displayName.toUpperCase())).map((c) => c.id);
  return ids.length <= 1 ? "false" : ids.join(" ");
}

export function displayName(state: ClientState, id: string): string {
  return byId(state, id)?.displayName ?? UNKNOWN;
}

export function dialNumber(state: ClientState, type: string, id: string): string {
  return byId(state, id)?.phones[type.toUpperCase()] ?? UNKNOWN;
}

export function emailAddress(state: ClientState, type: string, id: string): string {
  return byId(state, id)?.emails[type.toUpperCase()] ?? UNKNOWN;
}

export function birthday(state: ClientState, id: string): string {
  return byId(state, id)?.birthday ?? UNKNOWN;
}

export function addContact(state: ClientState, info: Record<string, string>): void {
  const contacts = book(state);
  const c: Contact = {
    id: `ID${contacts.length}`,
    displayName: info.displayname ?? UNKNOWN,
    phones: {},
    emails: {},
    birthday: info.birthday ?? UNKNOWN,
  };
  if (info.phonetype && info.dialnumber) c.phones[info.phonetype.toUpperCase()] = info.dialnumber;
  if (info.emailtype && info.emailaddress) c.emails[info.emailtype.toUpperCase()] = info.emailaddress;
  contacts.push(c);
}
