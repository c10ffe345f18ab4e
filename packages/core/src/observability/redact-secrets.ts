// Masks secrets in free text (error messages, URLs, serialized log lines).

export const REDACTED = "[REDACTED]";

/** Query-string parameters that carry credentials, masked even when their value is not known up front. */
const SECRET_QUERY_PARAMS =
  /\b(user_key|botkey|token|access_token|api_key|apikey|password|secret|sig|signature)=([^&\s"'#]+)/gi;

/**
 * Replaces every occurrence of each known secret value (also URL-encoded and JSON-escaped) and the
 * values of credential query parameters with `[REDACTED]`.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined | null)[] = []): string {
  return secretRedactor(secrets)(text);
}

/**
 * redactSecrets for a fixed list of secrets, with their spellings worked out once: a logger calls it
 * for every line it writes.
 */
export function secretRedactor(secrets: readonly (string | undefined | null)[]): (text: string) => string {
  const forms = secretForms(secrets);
  return (text) => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out.replace(SECRET_QUERY_PARAMS, (_match, name: string) => `${name}=${REDACTED}`);
  };
}

/** Every spelling a secret may take in output, longest first so overlapping secrets mask fully. */
function secretForms(secrets: readonly (string | undefined | null)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}
