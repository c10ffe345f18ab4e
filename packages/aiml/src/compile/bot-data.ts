import type { AimlMap, AimlSet } from "../match/collections.js";
import type { Graphmaster, Leaf } from "../match/graphmaster.js";
import type { SentenceSplitter } from "../text/sentences.js";
import type { Substituter } from "../text/substitutions.js";
import type { TNode } from "./template.js";

export interface Category extends Leaf {
  /** Template content as AIML source (a slice of the file: cheap to keep, exact for `extra`). */
  source: string;
  /** Compiled on first use: most categories of a big bot never answer, so compile time stays low. */
  template: TNode[] | null;
}

export interface Substitutions {
  normal: Substituter;
  denormal: Substituter;
  person: Substituter;
  person2: Substituter;
  gender: Substituter;
}

export interface Limits {
  maxSraiDepth: number;
  maxSraiTotal: number;
  maxLoops: number;
  defaultResponse: string;
  /** Matches remembered per generation (see Matcher); 0 remembers none. */
  rememberedMatches: number;
}

/** Everything a compiled bot needs at response time; immutable after compile. */
export interface BotData {
  graph: Graphmaster<Category>;
  properties: Map<string, string>;
  sets: Map<string, AimlSet>;
  maps: Map<string, AimlMap>;
  subs: Substitutions;
  splitter: SentenceSplitter;
  pdefaults: Array<[string, string]>;
  pronouns: Set<string>;
  nullstar: string;
  limits: Limits;
}

export const PROGRAM_NAME = "Program AB 0.0.6.26 beta -- AI Foundation Reference AIML 2.1 implementation";
