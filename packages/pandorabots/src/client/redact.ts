// Keeps credentials out of anything that may end up in a log: error messages, causes, URLs.

export function redactor(secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  const list = secrets.filter((s): s is string => typeof s === "string" && s.length > 0);
  return (text) => {
    let out = text;
    for (const secret of list) {
      out = out.split(secret).join("[redacted]");
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out = out.split(encoded).join("[redacted]");
    }
    // Whatever the value, a credential parameter in a URL is never worth printing.
    return out.replace(/((?:user_key|botkey)=)[^&\s"']*/gi, "$1[redacted]");
  };
}
