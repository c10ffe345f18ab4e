// The JSON API's request body, validated with zod; each failure is one plain sentence.
import { z } from "zod";

const ID_PATTERN = /^[A-Za-z0-9._:@-]+$/;

export function messageBodySchema(maxText: number) {
  return z.object({
    userId: z
      .string({ error: "userId is required (a string)" })
      .trim()
      .min(1, "userId must not be empty")
      .max(128, "userId must be at most 128 characters")
      .regex(ID_PATTERN, "userId may hold only letters, digits and . _ : @ -"),
    text: z
      .string({ error: "text is required (a string)" })
      .trim()
      .min(1, "text must not be empty")
      .max(maxText, `text must be at most ${maxText} characters`),
    /** Set it to make retries of the same message safe: the same id gets the same answer. */
    messageId: z
      .string({ error: "messageId must be a string" })
      .trim()
      .min(1, "messageId must not be empty")
      .max(128, "messageId must be at most 128 characters")
      .regex(ID_PATTERN, "messageId may hold only letters, digits and . _ : @ -")
      .optional(),
    name: z
      .string({ error: "name must be a string" })
      .trim()
      .max(100, "name must be at most 100 characters")
      .optional(),
  });
}

export type MessageBody = z.output<ReturnType<typeof messageBodySchema>>;
