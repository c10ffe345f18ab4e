import { type Category, PROGRAM_NAME } from "../compile/bot-data.js";
import type { TEl, TNode } from "../compile/template.js";
import { compileTemplateSource } from "../compile/template.js";
import type { MatchResult, Stars } from "../match/matcher.js";
import { jtrim } from "../text/java-trim.js";
import { explode, formal, sentence } from "../text/text-functions.js";
import type { ClientState, MatchExtra, RespondOptions, RespondResult, TraceEntry } from "../types.js";
import type { AimlBot } from "./aiml-bot.js";
import {
  addContact,
  birthday,
  contactId,
  dialNumber,
  displayName,
  emailAddress,
  multipleIds,
} from "./contacts.js";
import { formatJava, formatStrftime, intervalBetween, javaDefaultDateFormat } from "./date-format.js";
import { MAX_HISTORY, push, recent, recentThat, UNKNOWN } from "./history.js";
import { learnCategory, learnedGraph } from "./learning.js";
import { matchPath } from "./matching.js";
import { DeltaRecorder } from "./state-delta.js";

const TOO_MUCH_RECURSION = "Too much recursion in AIML";
const TOO_MUCH_LOOPING = "Too much looping in condition";
const LOOP_MARK = "<loop/>";

/** Evaluation context of one matched template (Program AB's ParseState). */
interface Frame {
  stars: Stars;
  vars: Record<string, string>;
  depth: number;
  input: string;
  that: string;
  topic: string;
}

const newline = /\r\n|\n\r|\r|\n/g;

/** Line breaks to spaces; most texts have none, and two indexOf cost less than a regex replace. */
function oneLine(s: string): string {
  return s.includes("\n") || s.includes("\r") ? s.replace(newline, " ") : s;
}

/** One respond() call: evaluates templates against one client's state. */
export class Conversation {
  private readonly data: AimlBot["data"];
  private sraiCount = 0;
  private readonly random: () => number;
  private readonly extras: MatchExtra[] | null;
  private readonly traces: TraceEntry[] | null;
  private readonly recorder: DeltaRecorder;

  constructor(
    private readonly bot: AimlBot,
    private readonly state: ClientState,
    private readonly opts: RespondOptions,
  ) {
    this.recorder = new DeltaRecorder(state);
    this.data = bot.data;
    this.random = opts.random ?? Math.random;
    this.extras = opts.extra ? [] : null;
    this.traces = opts.trace ? [] : null;
  }

  respond(request: string): RespondResult {
    const { subs, splitter } = this.data;
    const state = this.state;
    const normalized = oneLine(subs.normal.apply(request));
    const sentences = splitter.split(normalized);
    let that = UNKNOWN;
    if (this.opts.that !== undefined) {
      const t = splitter.split(subs.normal.apply(this.opts.that));
      that = t[t.length - 1] || UNKNOWN;
    } else that = recentThat(state, 1, 1);
    const savedTopic = state.predicates.topic;
    if (this.opts.topic !== undefined) {
      state.predicates.topic = this.opts.topic;
      this.recorder.predicate("topic");
    }
    const contextThat: string[] = [];
    const responses: string[] = [];
    for (const sentence of sentences) responses.push(this.sentence(sentence, that, contextThat));
    if (this.opts.topic !== undefined && state.predicates.topic === this.opts.topic) {
      if (savedTopic === undefined) delete state.predicates.topic;
      else state.predicates.topic = savedTopic;
    }
    const response = jtrim(responses.join(" "));
    const thatEntry = contextThat.slice(-MAX_HISTORY);
    push(state.requests, request);
    push(state.responses, response);
    push(state.thats, thatEntry);
    const delta = this.recorder.finish(request, response, thatEntry);
    const result: RespondResult = { responses, state, delta };
    if (this.extras) result.extra = this.extras;
    if (this.traces) result.trace = this.traces;
    return result;
  }

  /** Program AB's Chat.respond for one sentence: repetition check, answer, that-history. */
  private sentence(input: string, that: string, contextThat: string[]): string {
    const state = this.state;
    const upper = input.toUpperCase();
    const n = state.inputs.length;
    const repetition =
      input !== "NORESP" &&
      n >= 2 &&
      (state.inputs[n - 1] as string).toUpperCase() === upper &&
      (state.inputs[n - 2] as string).toUpperCase() === upper;
    push(state.inputs, input);
    this.recorder.input(input);
    this.sraiCount = 0;
    let response: string;
    try {
      response = this.answer(repetition ? "REPETITIONDETECTED" : input, that, this.topic(), 0, true);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      response = TOO_MUCH_RECURSION; // call stack exhausted: same answer as the recursion limit
    }
    const normalized = oneLine(this.data.subs.normal.apply(response));
    for (const s of this.data.splitter.split(normalized)) contextThat.push(s === "" ? UNKNOWN : s);
    return jtrim(response);
  }

  private topic(): string {
    return this.state.predicates.topic ?? UNKNOWN;
  }

  private match(input: string, that: string, topic: string): MatchResult<Category> | null {
    const learned = this.state.learned.length > 0 ? learnedGraph(this.bot, this.state.learned) : null;
    return matchPath(this.bot, learned, input, that, topic);
  }

  /** AIMLProcessor.respond: match and evaluate, or the default answer. */
  answer(input: string, that: string, topic: string, depth: number, top: boolean): string {
    if (input.length === 0) input = "NORESP";
    const m = this.match(input, that, topic);
    if (top && this.extras) {
      this.extras.push({
        input,
        pattern: m?.category.pattern ?? "",
        that: m?.category.that ?? "",
        topic: m?.category.topic ?? "",
        filename: m?.category.file ?? "",
        template: m ? m.category.source : "",
      });
    }
    // Level 0 is the sentence's own match; srai() adds levels 1..n while the template is evaluated.
    if (top && this.traces) this.traces.push(traceEntry(0, input, m));
    if (!m) return this.data.limits.defaultResponse;
    const frame: Frame = { stars: m.stars, vars: Object.create(null), depth, input, that, topic };
    return this.evalList(templateOf(m.category), frame);
  }

  evalList(nodes: readonly TNode[], f: Frame): string {
    if (nodes.length === 1) {
      const n = nodes[0] as TNode;
      return typeof n === "string" ? n : this.evalEl(n, f);
    }
    let out = "";
    for (const n of nodes) out += typeof n === "string" ? n : this.evalEl(n, f);
    return out;
  }

  /** Attribute value or attribute-subtag (evaluated); null when neither is given. */
  private attr(el: TEl, name: string, f: Frame): string | null {
    const a = el.attrs[name];
    if (a !== undefined) return a;
    const s = el.sub?.[name];
    return s ? this.evalList(s, f) : null;
  }

  private index(el: TEl, f: Frame): number {
    const v = this.attr(el, "index", f);
    if (v === null) return 1;
    const n = Number.parseInt(jtrim(v), 10);
    return Number.isNaN(n) ? 1 : n;
  }

  private evalEl(el: TEl, f: Frame): string {
    const state = this.state;
    const data = this.data;
    switch (el.tag) {
      case "star":
        return jtrim(f.stars.input[this.index(el, f) - 1] ?? "");
      case "thatstar":
        return jtrim(f.stars.that[this.index(el, f) - 1] ?? "");
      case "topicstar":
        return jtrim(f.stars.topic[this.index(el, f) - 1] ?? "");
      case "get": {
        const name = this.attr(el, "name", f);
        if (name !== null) return jtrim(state.predicates[name] ?? UNKNOWN);
        const v = this.attr(el, "var", f);
        if (v !== null) return jtrim(f.vars[v] ?? UNKNOWN);
        return UNKNOWN;
      }
      case "set":
        return this.set(el, f);
      case "bot": {
        const name = this.attr(el, "name", f);
        return name === null ? UNKNOWN : jtrim(data.properties.get(name) ?? UNKNOWN);
      }
      case "think":
        this.evalList(el.body, f);
        return "";
      case "srai":
        return this.srai(this.evalList(el.body, f), f);
      case "random": {
        const items = el.items;
        if (!items) return "";
        const i = Math.min(items.length - 1, Math.floor(this.random() * items.length));
        return this.evalList((items[i] as TEl).body, f);
      }
      case "condition":
        return this.loopCondition(el, f);
      case "person":
      case "person2":
      case "gender": {
        const text = el.body.length > 0 ? this.evalList(el.body, f) : (f.stars.input[0] ?? "");
        return jtrim(data.subs[el.tag].apply(` ${text} `));
      }
      case "uppercase":
        return this.evalList(el.body, f).toUpperCase();
      case "lowercase":
        return this.evalList(el.body, f).toLowerCase();
      case "formal":
        return formal(this.evalList(el.body, f));
      case "sentence":
        return sentence(this.evalList(el.body, f));
      case "explode":
        return explode(this.evalList(el.body, f));
      case "normalize":
        return oneLine(data.subs.normal.apply(this.evalList(el.body, f)));
      case "denormalize":
        return oneLine(data.subs.denormal.apply(this.evalList(el.body, f)));
      case "first": {
        const s = jtrim(this.evalList(el.body, f));
        if (s.length === 0) return "NIL";
        return s.split(" ")[0] as string;
      }
      case "rest": {
        const s = data.subs.normal.apply(this.evalList(el.body, f));
        const first = s.split(" ")[0] as string;
        const rest = jtrim(s.slice(first.length));
        return rest.length === 0 ? "NIL" : rest;
      }
      case "map": {
        const name = this.attr(el, "name", f);
        const key = jtrim(this.evalList(el.body, f));
        if (name === null) return `<map>${key}</map>`;
        const map = data.maps.get(name);
        return jtrim(map?.get(key.toUpperCase()) ?? UNKNOWN);
      }
      case "input":
        return jtrim(recent(state.inputs, this.index(el, f)));
      case "request":
        return jtrim(recent(state.requests, this.index(el, f)));
      case "response":
        return jtrim(recent(state.responses, this.index(el, f)));
      case "that": {
        const v = this.attr(el, "index", f);
        let n = 1;
        let m = 1;
        if (v !== null) {
          const [a, b] = v.split(",");
          n = Number.parseInt(a ?? "1", 10) || 1;
          m = b === undefined ? 1 : Number.parseInt(b, 10) || 1;
        }
        return jtrim(recentThat(state, n, m));
      }
      case "date":
        return this.date(el, f);
      case "interval": {
        const jformat = this.attr(el, "jformat", f) ?? "MMMMMMMMM dd, yyyy";
        const to = this.attr(el, "to", f) ?? formatJava(this.now(), jformat);
        return intervalBetween(
          this.attr(el, "from", f) ?? "January 1, 1970",
          to,
          this.attr(el, "style", f) ?? "years",
        );
      }
      case "resetlearn":
        this.state.learned = this.state.learned.filter((c) => c.persistent);
        return "Deleted Learn Categories";
      case "resetlearnf":
        this.state.learned = this.state.learned.filter((c) => !c.persistent);
        this.opts.onResetLearnf?.();
        return "Deleted Learnf Categories";
      case "learn":
      case "learnf":
        learnCategory(this, el, f, this.state, this.opts);
        return "";
      case "eval":
      case "template": // a nested <template> is just its content, as in Program AB
        return this.evalList(el.body, f);
      case "id":
        return this.opts.clientId ?? "0";
      case "size":
        return String(this.bot.size);
      case "vocabulary":
        return String(this.bot.vocabulary);
      case "program":
        return PROGRAM_NAME;
      case "system":
        this.evalList(el.body, f);
        return ""; // never runs anything
      case "javascript":
        return "JSFAILED";
      case "sraix":
        return this.sraix(el, f);
      case "addinfo":
      case "contactid":
      case "multipleids":
      case "displayname":
      case "dialnumber":
      case "emailaddress":
      case "contactbirthday":
        return this.contact(el, f);
      default:
        return this.markup(el, f);
    }
  }

  /** Unknown tags (rich media, HTML, OOB) as XML with evaluated content; attributes alphabetical. */
  private markup(el: TEl, f: Frame): string {
    let attrs = "";
    for (const k of Object.keys(el.attrs).sort()) attrs += ` ${k}="${el.attrs[k]}"`;
    let content = "";
    if (el.sub) for (const [k, v] of Object.entries(el.sub)) content += `<${k}>${this.evalList(v, f)}</${k}>`;
    content += this.evalList(el.body, f);
    return content === "" ? `<${el.tag}${attrs}/>` : `<${el.tag}${attrs}>${content}</${el.tag}>`;
  }

  private set(el: TEl, f: Frame): string {
    const name = this.attr(el, "name", f);
    const v = this.attr(el, "var", f);
    const value = jtrim(oneLine(jtrim(this.evalList(el.body, f))));
    if (name !== null) {
      this.state.predicates[name] = name === "topic" && value.length === 0 ? UNKNOWN : value;
      this.recorder.predicate(name);
    }
    if (v !== null) f.vars[v] = value;
    if (name !== null && this.data.pronouns.has(name)) return name;
    return value;
  }

  srai(text: string, f: Frame): string {
    this.sraiCount++;
    const { maxSraiDepth, maxSraiTotal, defaultResponse } = this.data.limits;
    if (this.sraiCount > maxSraiTotal || f.depth > maxSraiDepth) return TOO_MUCH_RECURSION;
    const input = oneLine(this.data.subs.normal.apply(oneLine(jtrim(text))));
    const topic = this.topic();
    const m = this.match(input, f.that, topic);
    if (this.traces) this.traces.push(traceEntry(f.depth + 1, input, m));
    if (!m) return defaultResponse;
    const frame: Frame = {
      stars: m.stars,
      vars: Object.create(null),
      depth: f.depth + 1,
      input: f.input,
      that: f.that,
      topic,
    };
    return jtrim(this.evalList(templateOf(m.category), frame));
  }

  private loopCondition(el: TEl, f: Frame): string {
    let result = "";
    for (let i = 0; i < this.data.limits.maxLoops; i++) {
      let r = this.condition(el, f);
      if (jtrim(r) === TOO_MUCH_RECURSION) return TOO_MUCH_RECURSION;
      if (!r.includes(LOOP_MARK)) return result + r;
      r = r.replaceAll(LOOP_MARK, "");
      result += r;
    }
    return TOO_MUCH_LOOPING;
  }

  /** Program AB's three condition forms, including its var-with-`*` quirk (checks the predicate name). */
  private condition(el: TEl, f: Frame): string {
    const preds = this.state.predicates;
    const predicate = this.attr(el, "name", f);
    const varName = this.attr(el, "var", f);
    const items = el.items;
    if (!items) {
      const value = this.attr(el, "value", f);
      if (value === null) return "";
      if (predicate !== null && (preds[predicate] ?? UNKNOWN).toLowerCase() === value.toLowerCase())
        return this.evalList(el.body, f);
      if (varName !== null && (f.vars[varName] ?? UNKNOWN).toLowerCase() === value.toLowerCase())
        return this.evalList(el.body, f);
      return "";
    }
    for (const li of items) {
      const liPredicate = predicate ?? this.attr(li, "name", f);
      const liVar = varName ?? this.attr(li, "var", f);
      const value = this.attr(li, "value", f);
      if (value === null) return this.evalList(li.body, f);
      const lower = value.toLowerCase();
      if (
        liPredicate !== null &&
        ((preds[liPredicate] ?? UNKNOWN).toLowerCase() === lower || (value === "*" && liPredicate in preds))
      )
        return this.evalList(li.body, f);
      if (
        liVar !== null &&
        ((f.vars[liVar] ?? UNKNOWN).toLowerCase() === lower ||
          (value === "*" && liPredicate !== null && liPredicate in f.vars))
      )
        return this.evalList(li.body, f);
    }
    return "";
  }

  /** Program AB's contact tags; type/id (and addinfo's fields) are child elements. */
  private contact(el: TEl, f: Frame): string {
    const state = this.state;
    const fields = (): Record<string, string> => {
      const out: Record<string, string> = {};
      for (const c of el.body) if (typeof c !== "string") out[c.tag] = jtrim(this.evalList(c.body, f));
      return out;
    };
    switch (el.tag) {
      case "addinfo":
        addContact(state, fields());
        return "";
      case "dialnumber":
      case "emailaddress": {
        const { type = UNKNOWN, id = UNKNOWN } = fields();
        return el.tag === "dialnumber" ? dialNumber(state, type, id) : emailAddress(state, type, id);
      }
    }
    const text = jtrim(this.evalList(el.body, f));
    switch (el.tag) {
      case "contactid":
        return contactId(state, text);
      case "multipleids":
        return multipleIds(state, text);
      case "displayname":
        return displayName(state, text);
      default:
        return birthday(state, text);
    }
  }

  private now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  private date(el: TEl, f: Frame): string {
    const locale = this.attr(el, "locale", f) ?? undefined;
    const timezone = this.attr(el, "timezone", f) ?? undefined;
    const jformat = this.attr(el, "jformat", f);
    if (jformat !== null) return formatJava(this.now(), jformat, locale, timezone);
    const format = this.attr(el, "format", f);
    if (format !== null) return formatStrftime(this.now(), format, locale, timezone);
    return formatJava(this.now(), javaDefaultDateFormat, locale, timezone);
  }

  private sraix(el: TEl, f: Frame): string {
    const input = jtrim(this.evalList(el.body, f));
    const dflt = this.attr(el, "default", f);
    const botName = this.attr(el, "bot", f);
    const service = this.attr(el, "service", f);
    let reply: string | undefined;
    try {
      reply = this.opts.sraix?.({
        input,
        ...(botName !== null ? { bot: botName } : {}),
        ...(service !== null ? { service } : {}),
        ...(dflt !== null ? { default: dflt } : {}),
      });
    } catch {
      reply = undefined; // a failing target is an unreachable one
    }
    if (typeof reply === "string") return reply;
    if (dflt !== null) return dflt;
    return jtrim(this.answer("SRAIXFAILED", "nothing", "nothing", f.depth, false));
  }
}

export type { Frame };

function templateOf(c: Category): TNode[] {
  c.template ??= compileTemplateSource(c.source);
  return c.template;
}

function traceEntry(level: number, input: string, m: MatchResult<Category> | null): TraceEntry {
  return {
    status: m ? "matched" : "no match",
    level,
    input,
    matched: m ? `${m.category.pattern} <THAT> ${m.category.that} <TOPIC> ${m.category.topic}` : "",
    filename: m?.category.file ?? "",
    template: m ? m.category.source : "",
  };
}
