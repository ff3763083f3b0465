/** The words the pipeline says itself (the core's PipelineWords port), from the renderers of this layer. */
import type { PipelineWords } from "../core/ports/index.js";
import { renderParseError } from "./parse-error.js";
import { describeCommand, renderDoubt, renderQuestion } from "./question.js";
import { renderForbidden } from "./refusal.js";
import { renderPeople } from "./render-context.js";

export const pipelineWords: PipelineWords = {
  people: renderPeople,
  forbidden: renderForbidden,
  parseError: renderParseError,
  command: describeCommand,
  doubt: renderDoubt,
  question: renderQuestion,
};
