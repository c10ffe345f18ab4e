// Name rules of the Pandorabots API (see the seed reference).
import { BadRequestError } from "../http/errors.js";

const BOT_NAME = /^[0-9a-z]{3,64}$/;
const FILE_NAME = /^[0-9a-z]{1,64}$/;
const PLAIN_CLIENT_NAME = /^[0-9a-z]{3,64}$/;
// atalk hands out aiaas-{app_id}-user-{nnnn}; app ids are not restricted to lowercase.
const ANONYMOUS_CLIENT_NAME = /^aiaas-[0-9A-Za-z_-]{1,64}-user-[0-9]{4,12}$/;

export function isBotName(name: string): boolean {
  return BOT_NAME.test(name);
}

export function assertBotName(name: string): void {
  if (!isBotName(name)) throw new BadRequestError("Invalid botname: use 3-64 lowercase letters and digits");
}

export function assertFileName(name: string): void {
  if (!FILE_NAME.test(name)) throw new BadRequestError("Invalid file name: use lowercase letters and digits");
}

export function isClientName(name: string): boolean {
  return PLAIN_CLIENT_NAME.test(name) || ANONYMOUS_CLIENT_NAME.test(name);
}

export function assertClientName(name: string): void {
  if (!isClientName(name)) {
    throw new BadRequestError("Invalid client_name: use 3-64 lowercase letters and digits");
  }
}

export function anonymousClientName(appId: string, counter: number): string {
  return `aiaas-${appId}-user-${String(counter).padStart(4, "0")}`;
}
