// Shapes of the service's JSON answers, checked at the boundary so callers get typed values.
import { z } from "zod";

const fileEntry = z.looseObject({ name: z.string() });
const fileEntries = z.array(fileEntry).optional().default([]);

export const botListSchema = z.array(z.looseObject({ botname: z.string() }));

export const fileListSchema = z.looseObject({
  botname: z.string().optional(),
  files: fileEntries,
  sets: fileEntries,
  maps: fileEntries,
  substitutions: fileEntries,
  properties: fileEntries,
  pdefaults: fileEntries,
});

export const traceItemSchema = z.looseObject({
  status: z.string().optional(),
  level: z.number().optional(),
  input: z.string().optional(),
  matched: z.string().optional(),
  filename: z.string().optional(),
  template: z.string().optional(),
});

export const talkResponseSchema = z.looseObject({
  status: z.string().optional(),
  responses: z.array(z.string()),
  sessionid: z.union([z.number(), z.string()]).optional(),
  client_name: z.string().optional(),
  trace: z.array(traceItemSchema).optional(),
});

/** Error bodies: `{"message": "..."}`, sometimes with `status` and (verify) `results`. */
export const errorBodySchema = z.looseObject({
  message: z.unknown().optional(),
  status: z.unknown().optional(),
  results: z.unknown().optional(),
});
