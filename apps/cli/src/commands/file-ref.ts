// "greetings.aiml", "colors.set", "mybot.properties" -> the API's kind and name.
import { type FileKind, fileKindFromFileName, isNamedKind } from "@parley/pandorabots";
import { UsageError } from "../errors.js";

export function parseFileRef(fileName: string): { kind: FileKind; name: string | undefined } {
  const ref = fileKindFromFileName(fileName);
  if (!ref) {
    throw new UsageError(
      `"${fileName}" is not a bot file name: use NAME.aiml, NAME.set, NAME.map, NAME.substitution, BOT.properties or BOT.pdefaults`,
    );
  }
  return { kind: ref.kind, name: isNamedKind(ref.kind) ? ref.name : undefined };
}
