import type { Locale } from "../locale.js";
import { en } from "./en.js";
import type { Catalogue, MessageId, AllMessageParams as MessageParams } from "./messages.js";
import { vi } from "./vi.js";

export { type CommandHelp, commandHelp, exampleFor } from "./command-help.js";
export type { AllMessageParams as MessageParams, Catalogue, MessageId } from "./messages.js";

const catalogues: Record<Locale, Catalogue> = { vi, en };

type ParamsArgument<K extends MessageId> = MessageParams[K] extends Record<string, never> ? [] : [MessageParams[K]];

/** The text of message `id` in `locale`, e.g. `t("vi", "task.not_found", { number: 12 })`. */
export function t<K extends MessageId>(locale: Locale, id: K, ...params: ParamsArgument<K>): string {
  const message = catalogues[locale][id] as (p: MessageParams[K]) => string;
  return message((params[0] ?? {}) as MessageParams[K]);
}

/** A translator bound to one locale, for renderers that print many texts. */
export type Translate = <K extends MessageId>(id: K, ...params: ParamsArgument<K>) => string;

export function translator(locale: Locale): Translate {
  return (id, ...params) => t(locale, id, ...params);
}
