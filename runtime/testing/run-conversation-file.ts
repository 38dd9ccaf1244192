// The one runtime file allowed to use `node:fs`: it serves `cli flow test` and the template tests.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { flowDocument } from '../../shared/flow/schema.ts';
import { conversationScript } from './conversation-script.ts';
import { runConversation, type ConversationResult } from './run-conversation.ts';

/** Loads a `*.conversation.json` and the flow it names (relative to it), then runs it. */
export async function runConversationFile(path: string): Promise<ConversationResult> {
  const script = conversationScript.parse(JSON.parse(await readFile(path, 'utf8')));
  const flowPath = resolve(dirname(path), script.flow);
  const flow = flowDocument.parse(JSON.parse(await readFile(flowPath, 'utf8')));
  const agendas =
    typeof script.agendas === 'string'
      ? JSON.parse(await readFile(resolve(dirname(path), script.agendas), 'utf8'))
      : script.agendas;
  return runConversation(flow, { ...script, agendas });
}
