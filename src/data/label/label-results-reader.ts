/** LabelResultsReader over the labelling tables: preference pairs from pairwise consensus, written responses from free text. */
import { AssayError } from '../../errors/index.js';
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import type { User } from '../../governance/identity/user.js';
import type { Store } from '../../store/store.js';
import type { LabelResultsReader, PreferencePair, WrittenResponse } from '../dataset/dataset-types.js';
import { labelContext, type LabelContext } from './label-context.js';
import { isPairContent, itemText } from './label-item.js';
import { requireTask } from './label-repo.js';
import { taskConsensus } from './task-consensus.js';
import type { TaskKind } from './task-kind.js';

async function requireKind(ctx: LabelContext, taskId: string, kind: TaskKind): Promise<void> {
  const task = await requireTask(ctx, taskId);
  if (task.spec.kind !== kind) throw new AssayError('USAGE', `Task ${taskId} is a ${task.spec.kind} task, not ${kind}.`, { hint: kind === 'pairwise' ? 'Preference pairs come from pairwise tasks.' : 'Written responses come from free_text tasks.' });
}

/**
 * Reads consensus results the viewer may read: a pair for every pairwise item resolved to `a` or `b` (ties and
 * unresolved items are left out), a response for every free-text item with a reviewed (or unanimous) response.
 * @example for await (const p of createLabelResultsReader(store, cipher).preferencePairs(me, taskId)) rows.push(p);
 */
export function createLabelResultsReader(store: Store, cipher: FieldCipher): LabelResultsReader {
  const ctx = labelContext(store, cipher);
  return {
    async *preferencePairs(viewer: User, taskId: string): AsyncIterable<PreferencePair> {
      await requireKind(ctx, taskId, 'pairwise');
      for (const item of (await taskConsensus(ctx, viewer, taskId)).items) {
        if (item.status !== 'resolved' || (item.value !== 'a' && item.value !== 'b') || !isPairContent(item.content)) continue;
        const { prompt, a, b } = item.content;
        yield { id: item.itemId, prompt, chosen: item.value === 'a' ? a : b, rejected: item.value === 'a' ? b : a, label: item.label, annotators: item.annotators };
      }
    },
    async *writtenResponses(viewer: User, taskId: string): AsyncIterable<WrittenResponse> {
      await requireKind(ctx, taskId, 'free_text');
      for (const item of (await taskConsensus(ctx, viewer, taskId)).items) {
        if (item.status !== 'resolved' || typeof item.value !== 'string') continue;
        yield { id: item.itemId, prompt: itemText(item.content), response: item.value, label: item.label, annotators: item.annotators };
      }
    },
  };
}
