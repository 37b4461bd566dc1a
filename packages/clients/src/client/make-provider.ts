import type { ResolvedClientConfig } from '../config/client-config.js';
import { anthropicProvider } from '../providers/anthropic.js';
import { httpJsonProvider } from '../providers/http-json.js';
import { openAIChatProvider } from '../providers/openai-chat.js';
import { openAICompletionsProvider } from '../providers/openai-completions.js';
import type { ProviderAdapter } from '../providers/provider.js';

/**
 * The adapter for a validated configuration's provider.
 *
 * @param cfg - the resolved client configuration
 * @returns the provider adapter that builds bodies and parses answers
 */
export function makeProvider(cfg: ResolvedClientConfig): ProviderAdapter {
  switch (cfg.provider) {
    case 'openai-chat':
      return openAIChatProvider({ model: cfg.model, streamUsage: cfg.streamUsage });
    case 'openai-completions':
      return openAICompletionsProvider({ model: cfg.model, streamUsage: cfg.streamUsage });
    case 'anthropic':
      return anthropicProvider({ model: cfg.model, version: cfg.anthropicVersion });
    case 'http-json':
      return httpJsonProvider({
        model: cfg.model,
        template: cfg.template,
        // resolveConfig guarantees paths for http-json.
        paths: cfg.paths!,
        requestPath: cfg.requestPath,
        apiKeyHeader: cfg.apiKeyHeader,
        apiKeyPrefix: cfg.apiKeyPrefix,
      });
  }
}
