// Compiles bots and keeps each bot's serving version in memory, rebuilt from SQLite after a restart.
import { type Logger, SerialLanes } from "@parley/core";
import { buildBotSource } from "../domain/bot-source.js";
import type {
  AimlEngine,
  BotSource,
  Diagnostic,
  EngineBot,
  EngineCompileResult,
} from "../engine/contract.js";
import { PreconditionFailedError } from "../http/errors.js";
import type { BotRow, BotStore } from "../storage/bot-store.js";

export interface VerifyOutcome {
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  size: number;
  /** The version that now serves talk (on success). */
  versionId?: number;
}

export class BotRegistry {
  private readonly loaded = new Map<number, { versionId: number; bot: EngineBot }>();
  /** Compiles under way, by version: turns that need the same version share one. */
  private readonly compiling = new Map<number, Promise<EngineBot>>();
  /** One verify at a time per bot, so the files of the later request always win. */
  private readonly verifies = new SerialLanes();

  constructor(
    private readonly engine: AimlEngine,
    private readonly bots: BotStore,
    private readonly logger: Logger,
    private readonly clock: () => number,
  ) {}

  /** Compiles the bot's current files; on success they become the serving version. */
  verify(botId: number): Promise<VerifyOutcome> {
    return this.verifies.run(String(botId), async () => {
      const source = buildBotSource(this.bots.files(botId));
      const result = await this.compileInSlices(source);
      if (!result.bot || result.errors.length > 0) {
        this.bots.markVerifyFailed(botId);
        return { ok: false, errors: result.errors, warnings: result.warnings, size: 0 };
      }
      const versionId = this.bots.saveGoodVersion(
        botId,
        JSON.stringify(source),
        result.bot.size,
        this.clock(),
      );
      if (versionId === undefined) throw new PreconditionFailedError("Unknown bot: it was deleted");
      this.loaded.set(botId, { versionId, bot: result.bot });
      return { ok: true, errors: [], warnings: result.warnings, size: result.bot.size, versionId };
    });
  }

  /**
   * The bot that answers talk. A failed last verify makes the bot "not compiled" (412) unless
   * `recent` asks for the last good version.
   */
  serving(row: BotRow, options: { recent: boolean; reload: boolean }): EngineBot {
    return this.version(row.id, servingVersionId(row, options), options.reload);
  }

  /**
   * A stored version, compiled once and kept until the bot serves another one (or `reload`). A
   * version not in memory yet is compiled in slices, so other requests keep being answered.
   */
  load(botId: number, versionId: number, reload = false): Promise<EngineBot> {
    const cached = this.loaded.get(botId);
    if (cached && cached.versionId === versionId && !reload) return Promise.resolve(cached.bot);
    let pending = this.compiling.get(versionId);
    if (!pending) {
      pending = this.compileVersion(botId, versionId).finally(() => this.compiling.delete(versionId));
      this.compiling.set(versionId, pending);
    }
    return pending;
  }

  /** load() in one go, for callers that cannot wait (sraix runs inside respond()). */
  version(botId: number, versionId: number, reload = false): EngineBot {
    const cached = this.loaded.get(botId);
    if (cached && cached.versionId === versionId && !reload) return cached.bot;
    return this.keep(botId, versionId, this.compile(this.storedSource(versionId)));
  }

  /** Compiles the serving versions now, so the first talk after a restart does not wait for them. */
  warm(versions: Array<{ botId: number; versionId: number }>): number {
    let warmed = 0;
    for (const { botId, versionId } of versions) {
      try {
        this.version(botId, versionId);
        warmed += 1;
      } catch (error) {
        this.logger.warn({ botId, err: error }, "could not load the bot's compiled version");
      }
    }
    return warmed;
  }

  forget(botId: number): void {
    this.loaded.delete(botId);
  }

  private async compileVersion(botId: number, versionId: number): Promise<EngineBot> {
    const result = await this.compileInSlices(this.storedSource(versionId));
    return this.keep(botId, versionId, result);
  }

  private storedSource(versionId: number): BotSource {
    const stored = this.bots.versionSourceOf(versionId);
    if (stored === undefined) throw new PreconditionFailedError("Bot is not compiled");
    return JSON.parse(stored) as BotSource;
  }

  private keep(botId: number, versionId: number, result: EngineCompileResult): EngineBot {
    if (!result.bot) {
      // Only possible if the interpreter changed since the version was stored.
      this.logger.error({ botId, errors: result.errors.length }, "stored bot version no longer compiles");
      throw new PreconditionFailedError("Bot is not compiled");
    }
    this.loaded.set(botId, { versionId, bot: result.bot });
    return result.bot;
  }

  private compile(source: BotSource): EngineCompileResult {
    const started = performance.now();
    const result = this.engine.compileBot(source);
    this.logCompile(started, result);
    return result;
  }

  private async compileInSlices(source: BotSource): Promise<EngineCompileResult> {
    if (!this.engine.compileBotInSlices) return this.compile(source);
    const started = performance.now();
    const result = await this.engine.compileBotInSlices(source);
    this.logCompile(started, result);
    return result;
  }

  private logCompile(started: number, result: EngineCompileResult): void {
    this.logger.debug(
      {
        ms: Math.round(performance.now() - started),
        errors: result.errors.length,
        size: result.bot?.size ?? 0,
      },
      "compiled bot",
    );
  }
}

/**
 * The version talk is answered from, or 412: never compiled, or the last verify failed and the caller
 * did not ask for the last good version with `recent`.
 */
export function servingVersionId(row: BotRow, options: { recent: boolean }): number {
  if (row.good_version_id === null) throw new PreconditionFailedError("Bot is not compiled");
  if (row.last_verify_failed && !options.recent) {
    throw new PreconditionFailedError("Bot is not compiled: the last verify failed (use recent=true)");
  }
  return row.good_version_id;
}
