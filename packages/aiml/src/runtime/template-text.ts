import type { TNode } from "../compile/template.js";
import { escapeText, escapeXml } from "../xml/parse-xml.js";

/** A compiled template back to AIML text (for the talk API's `extra` and `trace`). */
export function templateText(nodes: readonly TNode[]): string {
  let out = "";
  for (const n of nodes) {
    if (typeof n === "string") {
      out += escapeText(n);
      continue;
    }
    let attrs = "";
    for (const k of Object.keys(n.attrs).sort()) attrs += ` ${k}="${escapeXml(n.attrs[k] as string)}"`;
    let inner = "";
    if (n.sub) for (const [k, v] of Object.entries(n.sub)) inner += `<${k}>${templateText(v)}</${k}>`;
    inner += templateText(n.body);
    out += inner === "" ? `<${n.tag}${attrs}/>` : `<${n.tag}${attrs}>${inner}</${n.tag}>`;
  }
  return out;
}
