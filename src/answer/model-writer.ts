import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import type { Config } from '../config.js';
import type { PromptPassage } from './citation-check.js';
import { ANSWER_SYSTEM_PROMPT, answerUserPrompt, STORY_SYSTEM_PROMPT, storyUserPrompt } from './prompts.js';

/** Called with the whole draft so far, each time more of it arrives. */
export type DraftListener = (draft: string) => void;

/** The model failed to answer in time or answered with an error. */
export class ModelAnswerError extends Error {
  override readonly name = 'ModelAnswerError';
}

/** Writes a draft answer with an OpenAI-compatible chat model (streamed when configured). */
export class ModelWriter {
  constructor(
    private readonly chat: BaseChatModel,
    private readonly options: { timeoutMs: number; streaming: boolean; model: string },
    private readonly messages: typeof import('@langchain/core/messages'),
  ) {}

  /** Build the writer for the configured endpoint (Ollama, llama.cpp, vLLM, hosted APIs). */
  static async fromConfig(settings: NonNullable<Config['llm']>): Promise<ModelWriter> {
    // Imported here: the client takes a while to import, and most servers run without a model.
    const [{ ChatOpenAICompletions }, messages] = await Promise.all([
      import('@langchain/openai'),
      import('@langchain/core/messages'),
    ]);
    const chat = new ChatOpenAICompletions({
      model: settings.model,
      apiKey: settings.apiKey ?? 'not-needed',
      configuration: { baseURL: settings.baseUrl },
      temperature: 0.2,
      timeout: settings.timeoutMs,
      // The member is waiting: one failure falls back to the extractive answer instead of retrying.
      maxRetries: 0,
      // Not every compatible server accepts `stream_options`.
      streamUsage: false,
    });
    return new ModelWriter(chat, settings, messages);
  }

  /** Which model writes (for logs). */
  get model(): string {
    return this.options.model;
  }

  /** Ask the model for an answer citing the numbered passages; the draft is unchecked. */
  write(
    question: string,
    passages: readonly PromptPassage[],
    options: {
      onDraft?: DraftListener | undefined;
      hint?: { type: string; span: string | undefined };
      /** The conversation's earlier questions, oldest first, when this one follows them. */
      earlierQuestions?: readonly string[];
    } = {},
  ): Promise<string> {
    const { SystemMessage, HumanMessage } = this.messages;
    const prompt = answerUserPrompt(question, passages, options.hint, options.earlierQuestions);
    return this.complete([new SystemMessage(ANSWER_SYSTEM_PROMPT), new HumanMessage(prompt)], options.onDraft);
  }

  /** Ask the model for a briefing story's summary citing the numbered passages; the draft is unchecked. */
  summarise(passages: readonly PromptPassage[]): Promise<string> {
    const { SystemMessage, HumanMessage } = this.messages;
    return this.complete([new SystemMessage(STORY_SYSTEM_PROMPT), new HumanMessage(storyUserPrompt(passages))]);
  }

  private async complete(messages: BaseMessage[], onDraft?: DraftListener): Promise<string> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      if (!this.options.streaming) return (await this.chat.invoke(messages, { signal })).text;
      let draft = '';
      for await (const chunk of await this.chat.stream(messages, { signal })) {
        if (chunk.text === '') continue;
        draft += chunk.text;
        onDraft?.(draft);
      }
      return draft;
    } catch (error) {
      if (signal.aborted) {
        throw new ModelAnswerError(`The model took longer than ${this.options.timeoutMs} ms.`, { cause: error });
      }
      throw new ModelAnswerError(`The model failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
}
